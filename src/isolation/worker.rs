//! The child side: `kommunsk extract-worker --memory-mb N` (or a child forked by the pool) caps
//! its own address space, then answers extraction requests on its request pipe until its parent
//! closes it.

use std::io::{self, BufReader, BufWriter};

use super::protocol::{read_frame, write_json_frame, Reply};
use crate::extract::{extract_caught_retaining, Limits};

/// Serves requests until stdin ends. Running out of memory aborts this process (the parent
/// reports it for the file being read); everything else is answered as that file's result.
pub fn serve(memory_mb: u64) -> io::Result<()> {
    limit_address_space(memory_mb)?;
    die_with_parent();
    answer(io::stdin().lock(), io::stdout().lock())
}

/// [`serve`] in a child forked from the pool (`super::fork`), on the request pipes it was given
/// rather than stdin and stdout (whose buffers in this process are the parent's copies).
#[cfg(target_os = "linux")]
pub(super) fn serve_forked(
    memory_mb: u64,
    parent: u32,
    input: impl io::Read,
    output: impl io::Write,
) -> io::Result<()> {
    limit_address_space(memory_mb)?;
    die_with_parent();
    // The parent may have ended before the request to be killed with it was made.
    // SAFETY: getppid has no arguments and cannot fail.
    if unsafe { libc::getppid() } as u32 != parent {
        return Err(io::Error::other("the process that started this worker is gone"));
    }
    answer(input, output)
}

/// Answers extraction requests on `input` until it ends.
///
/// The parsed document of a file is freed only when the next request arrives: a worker with a
/// single file to read (`kommunsk extract`) is killed by its parent once it has the answer, and
/// the kernel reclaims the memory at once, cheaper than freeing its objects one by one.
fn answer(input: impl io::Read, output: impl io::Write) -> io::Result<()> {
    let mut input = BufReader::new(input);
    let mut output = BufWriter::new(output);
    let invalid = |err: serde_json::Error| io::Error::new(io::ErrorKind::InvalidData, err);
    let mut previous = None;
    while let Some(limits) = read_frame(&mut input)? {
        drop(previous.take());
        let limits: Limits = serde_json::from_slice(&limits).map_err(invalid)?;
        let bytes = read_frame(&mut input)?
            .ok_or_else(|| io::Error::new(io::ErrorKind::UnexpectedEof, "request without the file's bytes"))?;
        let (extracted, retained) = extract_caught_retaining(&bytes, &limits);
        previous = Some(retained);
        let reply = match extracted {
            Ok(pdf) => Reply::Extracted(pdf),
            Err(err) => Reply::Failed((&err).into()),
        };
        drop(bytes);
        write_json_frame(&mut output, &reply)?;
    }
    // The input ended: this process exits next, which frees everything.
    std::mem::forget(previous);
    Ok(())
}

/// Sets `RLIMIT_AS`, so an allocation past `memory_mb` fails (and Rust aborts) in this process
/// rather than growing until the machine's other work is killed.
#[cfg(unix)]
fn limit_address_space(memory_mb: u64) -> io::Result<()> {
    let bytes = memory_mb.saturating_mul(1024 * 1024);
    let limit = libc::rlimit { rlim_cur: bytes as libc::rlim_t, rlim_max: bytes as libc::rlim_t };
    // SAFETY: setrlimit only reads the struct passed to it and changes this process's own limit.
    if unsafe { libc::setrlimit(libc::RLIMIT_AS, &limit) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Asks the kernel to kill this worker when the process that started it dies (even by SIGKILL),
/// so a file being read never keeps a core for a parent that is gone.
#[cfg(target_os = "linux")]
fn die_with_parent() {
    // SAFETY: prctl(PR_SET_PDEATHSIG) takes plain integers and only sets this process's flag.
    unsafe {
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
    }
}

#[cfg(not(target_os = "linux"))]
fn die_with_parent() {}

#[cfg(not(unix))]
fn limit_address_space(_memory_mb: u64) -> io::Result<()> {
    Err(io::Error::new(io::ErrorKind::Unsupported, "memory-limited extraction needs a Unix system"))
}
