//! Running the engine's programs under a deadline, with their output captured.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::OcrError;

/// How often a running program is polled for having finished.
const POLL: Duration = Duration::from_millis(10);

/// How much of a failing program's stderr an error message quotes.
const QUOTED_STDERR: usize = 200;

/// Address-space cap for each program, so a hostile page cannot exhaust memory. Tesseract on a
/// 300 dpi A3 page stays far below it.
#[cfg(unix)]
const MAX_ADDRESS_SPACE: u64 = 4 << 30;

/// Runs `cmd` to completion and returns its stdout; a non-zero exit, a failure to start or the
/// deadline passing (the program is then killed) is an error.
pub(crate) fn run(mut cmd: Command, deadline: Instant) -> Result<Vec<u8>, OcrError> {
    let program = cmd.get_program().to_string_lossy().into_owned();
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    cap_memory(&mut cmd);
    let mut child = cmd.spawn().map_err(|e| OcrError::Start { program: program.clone(), reason: e.to_string() })?;
    let stdout = child.stdout.take().map(|mut out| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = out.read_to_end(&mut buf);
            buf
        })
    });
    let stderr = child.stderr.take().map(|mut err| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = err.read_to_end(&mut buf);
            buf
        })
    });
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(OcrError::TimedOut { program });
            }
            Ok(None) => std::thread::sleep(POLL),
            Err(e) => return Err(OcrError::Start { program, reason: e.to_string() }),
        }
    };
    let out = stdout.and_then(|t| t.join().ok()).unwrap_or_default();
    let err = stderr.and_then(|t| t.join().ok()).unwrap_or_default();
    if !status.success() {
        let text = String::from_utf8_lossy(&err);
        let quoted: String = text.trim().chars().take(QUOTED_STDERR).collect();
        return Err(OcrError::Failed { program, reason: format!("{status}: {quoted}") });
    }
    Ok(out)
}

#[cfg(unix)]
fn cap_memory(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: the closure runs between fork and exec and only calls setrlimit, which is
    // async-signal-safe; it touches no memory of the parent.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit { rlim_cur: MAX_ADDRESS_SPACE, rlim_max: MAX_ADDRESS_SPACE };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

#[cfg(not(unix))]
fn cap_memory(_: &mut Command) {}
