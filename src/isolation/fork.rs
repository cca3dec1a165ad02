//! Starting a worker with `fork()` alone, without `exec`, when this process has one thread.
//!
//! `kommunsk extract` reads one file per process, so starting the worker as a second copy of the
//! 121 MB binary (the dynamic loader applying ~41,600 relocations, the page faults of a fresh
//! address space) cost as much again as the extraction of a small PDF. A forked child shares the
//! parent's pages, already loaded and relocated. It then behaves exactly like the executed
//! worker: the request pipe on one end, the reply pipe on the other, its stderr a pipe the
//! parent reads to tell an allocation failure, its address space capped, killed with its parent.
//!
//! `fork()` is only sound here while this process has a single thread: a child of a
//! multi-threaded process may find a lock (the allocator's, stdio's) held by a thread that does
//! not exist in it. So the pool forks only after checking that, and otherwise executes the
//! binary (as `ingest` and `report`, with their thread pools, always do).

use std::io::{self, PipeReader, PipeWriter};
use std::os::fd::{AsRawFd, RawFd};
use std::panic::{catch_unwind, AssertUnwindSafe};

use super::worker;

/// A forked worker as the parent sees it.
pub(super) struct ForkedWorker {
    pub pid: libc::pid_t,
    pub stdin: PipeWriter,
    pub stdout: PipeReader,
    pub stderr: PipeReader,
}

/// Whether this process runs a single thread right now (from `/proc/self/task`; `false` when
/// that cannot be read). No other thread can appear between this check and a `fork()` made by
/// the same thread, since only an existing thread could start one.
pub(super) fn single_threaded() -> bool {
    std::fs::read_dir("/proc/self/task").map(|tasks| tasks.count() == 1).unwrap_or(false)
}

/// Forks a worker capped at `memory_mb`, or `None` when this process has more than one thread
/// (the caller then executes the binary instead).
pub(super) fn fork_worker(memory_mb: u64) -> io::Result<Option<ForkedWorker>> {
    if !single_threaded() {
        return Ok(None);
    }
    let (stdin_r, stdin_w) = io::pipe()?;
    let (stdout_r, stdout_w) = io::pipe()?;
    let (stderr_r, stderr_w) = io::pipe()?;
    let parent = std::process::id();
    // SAFETY: this process has a single thread (checked just above, and only this thread could
    // have started another since), so the child's copy of memory holds no lock taken by a
    // thread it lacks; the child never returns into the caller's frames, it ends in `_exit`.
    let pid = unsafe { libc::fork() };
    match pid {
        -1 => Err(io::Error::last_os_error()),
        0 => {
            drop((stdin_w, stdout_r, stderr_r));
            run_child(memory_mb, parent, stdin_r, stdout_w, stderr_w)
        }
        pid => Ok(Some(ForkedWorker { pid, stdin: stdin_w, stdout: stdout_r, stderr: stderr_r })),
    }
}

/// The child after `fork()`: serves requests like `kommunsk extract-worker`, then exits
/// without running the parent's exit handlers or flushing its buffers.
fn run_child(memory_mb: u64, parent: u32, input: PipeReader, output: PipeWriter, stderr: PipeWriter) -> ! {
    let code = match setup_child_fds(&input, &output, stderr) {
        Ok(()) => match catch_unwind(AssertUnwindSafe(|| worker::serve_forked(memory_mb, parent, input, output))) {
            Ok(Ok(())) => 0,
            Ok(Err(err)) => {
                eprintln!("kommunsk: extraction process: {err}");
                1
            }
            Err(_) => 101,
        },
        Err(_) => 1,
    };
    // SAFETY: `_exit` ends this (child) process at once; nothing of it is used afterwards.
    unsafe { libc::_exit(code) }
}

/// Puts the stderr pipe on descriptor 2 (Rust's allocation-failure message goes there) and
/// closes every other descriptor inherited from the parent except the two request pipes, so
/// that, as after an `exec`, the worker holds no pipe end of another worker.
fn setup_child_fds(input: &PipeReader, output: &PipeWriter, stderr: PipeWriter) -> io::Result<()> {
    // SAFETY: dup2 takes two descriptors this process owns and replaces descriptor 2 with a copy
    // of the pipe; the original pipe descriptor is closed when `stderr` is dropped.
    if unsafe { libc::dup2(stderr.as_raw_fd(), libc::STDERR_FILENO) } == -1 {
        return Err(io::Error::last_os_error());
    }
    drop(stderr);
    let mut keep = [input.as_raw_fd(), output.as_raw_fd()];
    keep.sort_unstable();
    let mut first: RawFd = 3;
    for fd in keep.into_iter().chain([RawFd::MAX]) {
        if fd > first {
            close_range(first, fd - 1);
        }
        first = fd.saturating_add(1);
    }
    Ok(())
}

/// Closes descriptors `first..=last`. Failure (a kernel before 5.9) only leaves descriptors of
/// the parent open in this child, which the parent kills when done with it.
fn close_range(first: RawFd, last: RawFd) {
    // SAFETY: close_range takes plain integers; the descriptors in the range belong to objects
    // of the parent's code that this child never returns to, so none is used after closing.
    unsafe {
        libc::syscall(libc::SYS_close_range, first as libc::c_uint, last as libc::c_uint, 0 as libc::c_uint);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_process_with_a_second_thread_is_not_single_threaded() {
        let (stop, wait) = std::sync::mpsc::channel::<()>();
        let other = std::thread::spawn(move || wait.recv());
        assert!(!single_threaded());
        drop(stop);
        let _ = other.join();
    }
}
