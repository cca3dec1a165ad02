//! The parent side: worker processes started on demand (at most one per concurrent caller, so
//! as many as the rayon pool has threads — the available cores), reused while healthy, replaced
//! when one dies or is killed for overrunning its time. A single-threaded caller (`kommunsk
//! extract`) forks its worker (`super::fork`); others execute the binary.

use std::fmt;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Stdio};
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
        #[cfg(target_os = "linux")]
        {
            let forked = super::fork::fork_worker(self.memory_mb)
                .map_err(|err| ExtractError::Internal(format!("cannot start the extraction process by fork: {err}")))?;
            if let Some(forked) = forked {
                let process = Process::Forked { pid: forked.pid, status: None };
                return Ok(Worker::start(process, Box::new(forked.stdin), forked.stdout, forked.stderr));
            }
        }
        self.execute()
    }

    /// Starts a worker as `kommunsk extract-worker`, a new run of the binary.
    fn execute(&self) -> Result<Worker, ExtractError> {
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
        let (Some(stdin), Some(stdout), Some(stderr)) = (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(cannot(io::Error::other("no pipes to the process")));
        };
        Ok(Worker::start(Process::Executed(child), Box::new(stdin), stdout, stderr))
    }
}

/// A worker process, however it was started.
#[derive(Debug)]
enum Process {
    Executed(Child),
    /// A child of `fork()`; `status` once it has been reaped (its pid may be reused after).
    #[cfg(target_os = "linux")]
    Forked {
        pid: libc::pid_t,
        status: Option<ExitStatus>,
    },
}

impl Process {
    /// Kills the process if it still runs and reaps it.
    fn kill_and_wait(&mut self) -> Option<ExitStatus> {
        match self {
            Process::Executed(child) => {
                let _ = child.kill();
                child.wait().ok()
            }
            #[cfg(target_os = "linux")]
            Process::Forked { pid, status } => {
                if status.is_none() {
                    *status = kill_and_reap(*pid);
                }
                *status
            }
        }
    }
}

/// SIGKILL to a forked child not reaped yet, then `waitpid` for it.
#[cfg(target_os = "linux")]
fn kill_and_reap(pid: libc::pid_t) -> Option<ExitStatus> {
    use std::os::unix::process::ExitStatusExt;
    // SAFETY: `pid` is our own child and not reaped yet, so the pid cannot have been given to
    // another process (at worst it is a zombie, for which kill does nothing).
    unsafe {
        libc::kill(pid, libc::SIGKILL);
    }
    let mut raw = 0;
    loop {
        // SAFETY: waitpid writes the status into `raw`, a local integer.
        let reaped = unsafe { libc::waitpid(pid, &mut raw, 0) };
        if reaped == pid {
            return Some(ExitStatus::from_raw(raw));
        }
        if reaped == -1 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
            continue;
        }
        return None;
    }
}

/// One running worker process and the threads reading its output.
struct Worker {
    process: Process,
    stdin: Box<dyn Write + Send>,
    replies: Receiver<io::Result<Option<Vec<u8>>>>,
    stderr_tail: Arc<Mutex<Vec<u8>>>,
    stderr_reader: Option<JoinHandle<()>>,
}

impl fmt::Debug for Worker {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Worker").field("process", &self.process).finish_non_exhaustive()
    }
}

impl Worker {
    /// Starts the threads that read the worker's replies and keep the tail of its stderr.
    fn start(
        process: Process,
        stdin: Box<dyn Write + Send>,
        mut stdout: impl Read + Send + 'static,
        mut stderr: impl Read + Send + 'static,
    ) -> Worker {
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
        Worker { process, stdin, replies, stderr_tail, stderr_reader: Some(stderr_reader) }
    }

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
        let status = self.process.kill_and_wait();
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
