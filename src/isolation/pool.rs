//! The parent side: worker processes started on demand (at most one per concurrent caller, so
//! as many as the rayon pool has threads — the available cores), reused while healthy, replaced
//! when one dies or is killed for overrunning its time.

use std::io::{self, Read};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use super::protocol::{read_frame, write_frame, Reply};
use super::WORKER_SUBCOMMAND;
use crate::extract::{ExtractError, ExtractedPdf, Limits};

/// Time granted past the extractor's own budget before the worker is killed: its own, more
/// precise time-limit error normally arrives first.
const KILL_GRACE: Duration = Duration::from_secs(5);

/// How much of a worker's stderr is kept to explain its death.
const STDERR_TAIL_BYTES: usize = 8 * 1024;

/// What Rust prints before aborting on a failed allocation: the mark of a worker that hit its
/// address-space limit.
const ALLOCATION_FAILED: &str = "memory allocation of";

/// Memory-capped extraction processes, shared by the threads of one run.
#[derive(Debug)]
pub struct WorkerPool {
    program: PathBuf,
    memory_mb: u64,
    idle: Mutex<Vec<Worker>>,
}

impl WorkerPool {
    pub fn new(program: PathBuf, memory_mb: u64) -> Self {
        WorkerPool { program, memory_mb, idle: Mutex::new(Vec::new()) }
    }

    /// Extracts one file in a worker. A worker that dies or overruns is that file's failure
    /// and is replaced by a fresh one for the next file.
    pub fn extract(&self, bytes: &[u8], limits: &Limits) -> Result<ExtractedPdf, ExtractError> {
        let idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner).pop();
        let mut worker = match idle {
            Some(worker) => worker,
            None => self.spawn()?,
        };
        let result = worker.run(bytes, limits, self.memory_mb)?;
        self.idle.lock().unwrap_or_else(PoisonError::into_inner).push(worker);
        result
    }

    fn spawn(&self) -> Result<Worker, ExtractError> {
        let cannot = |err: io::Error| {
            ExtractError::Internal(format!("cannot start the extraction process {}: {err}", self.program.display()))
        };
        let mut child = Command::new(&self.program)
            .arg(WORKER_SUBCOMMAND)
            .arg("--memory-mb")
            .arg(self.memory_mb.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(cannot)?;
        let (Some(stdin), Some(mut stdout), Some(mut stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(cannot(io::Error::other("no pipes to the process")));
        };
        let (send, replies) = mpsc::channel();
        std::thread::spawn(move || loop {
            let frame = read_frame(&mut stdout);
            let last = !matches!(frame, Ok(Some(_)));
            if send.send(frame).is_err() || last {
                break;
            }
        });
        let stderr_tail = Arc::new(Mutex::new(Vec::new()));
        let tail = Arc::clone(&stderr_tail);
        let stderr_reader = std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n @ 1..) = stderr.read(&mut chunk) {
                let mut tail = tail.lock().unwrap_or_else(PoisonError::into_inner);
                tail.extend_from_slice(&chunk[..n]);
                let excess = tail.len().saturating_sub(STDERR_TAIL_BYTES);
                tail.drain(..excess);
            }
        });
        Ok(Worker { child, stdin, replies, stderr_tail, stderr_reader: Some(stderr_reader) })
    }
}

/// One running worker process and the threads reading its output.
#[derive(Debug)]
struct Worker {
    child: Child,
    stdin: ChildStdin,
    replies: Receiver<io::Result<Option<Vec<u8>>>>,
    stderr_tail: Arc<Mutex<Vec<u8>>>,
    stderr_reader: Option<JoinHandle<()>>,
}

impl Worker {
    /// Sends one file and waits for the answer. The outer error means this worker is finished
    /// (died or killed) and the file failed because of it; the inner result is the file's own.
    fn run(
        &mut self,
        bytes: &[u8],
        limits: &Limits,
        memory_mb: u64,
    ) -> Result<Result<ExtractedPdf, ExtractError>, ExtractError> {
        let limits_json = serde_json::to_vec(limits).map_err(|err| ExtractError::Internal(err.to_string()))?;
        let sent = write_frame(&mut self.stdin, &limits_json).and_then(|()| write_frame(&mut self.stdin, bytes));
        if sent.is_err() {
            // A closed pipe: the worker is gone, and its exit status says why.
            return Err(self.death(memory_mb));
        }
        let patience = limits.time_budget + KILL_GRACE;
        match self.replies.recv_timeout(patience) {
            Ok(Ok(Some(frame))) => match serde_json::from_slice::<Reply>(&frame) {
                Ok(Reply::Extracted(pdf)) => Ok(Ok(pdf)),
                Ok(Reply::Failed(err)) => Ok(Err(err.into())),
                Err(err) => {
                    Err(ExtractError::Internal(format!("unreadable answer from the extraction process: {err}")))
                }
            },
            Ok(Ok(None) | Err(_)) | Err(RecvTimeoutError::Disconnected) => Err(self.death(memory_mb)),
            Err(RecvTimeoutError::Timeout) => {
                self.stop();
                Err(ExtractError::LimitExceeded {
                    limit: "time_budget",
                    detail: format!("still reading after {} s; the extraction process was stopped", patience.as_secs()),
                })
            }
        }
    }

    /// Why the worker ended, once it has: its stderr tells an allocation failure from a crash.
    fn death(&mut self, memory_mb: u64) -> ExtractError {
        let status = self.stop();
        let tail = self.stderr_tail.lock().unwrap_or_else(PoisonError::into_inner);
        let stderr = String::from_utf8_lossy(&tail);
        if stderr.contains(ALLOCATION_FAILED) {
            return ExtractError::MemoryLimit { mb: memory_mb };
        }
        ExtractError::WorkerDied(describe(status))
    }

    /// Kills the process (if still running), reaps it and waits until its stderr is read.
    fn stop(&mut self) -> Option<ExitStatus> {
        let _ = self.child.kill();
        let status = self.child.wait().ok();
        if let Some(reader) = self.stderr_reader.take() {
            let _ = reader.join();
        }
        status
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.stop();
    }
}

fn describe(status: Option<ExitStatus>) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.and_then(|s| s.signal()) {
            return format!("killed by signal {signal}");
        }
    }
    match status.and_then(|s| s.code()) {
        Some(code) => format!("exit status {code}"),
        None => "exit status unknown".into(),
    }
}
