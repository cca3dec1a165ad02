//! Where one file's extraction runs: in this process, or in a worker child process whose
//! address space is capped, so that a file that would exhaust memory (or overrun its time)
//! fails alone and the run goes on.
//!
//! A hostile PDF can make lopdf's loader or our interpreter allocate without bound; Rust then
//! aborts the whole process, which neither `catch_unwind` nor a watchdog thread can stop. A child
//! process with `RLIMIT_AS` set dies instead of the caller; the [`WorkerPool`] reports that file
//! as "exceeded the memory limit (N MB)", starts a fresh worker and carries on. A worker that
//! overruns the time budget is killed, so abandoned work never keeps a core.
//!
//! The worker is the `kommunsk` binary itself: run again as a hidden subcommand
//! ([`WORKER_SUBCOMMAND`]) by a multi-threaded caller, or forked without `exec` by a
//! single-threaded one (`kommunsk extract`, which thereby starts one program instead of two). It
//! speaks the length-prefixed protocol in `protocol` on its request and reply pipes.

#[cfg(target_os = "linux")]
mod fork;
mod pool;
mod protocol;
mod worker;

use std::path::PathBuf;

pub use pool::WorkerPool;
pub use worker::serve;

use crate::extract::{self, ExtractError, ExtractedPdf, Limits};

/// The hidden subcommand of the `kommunsk` binary that runs as an extraction worker.
pub const WORKER_SUBCOMMAND: &str = "extract-worker";

/// Default address-space cap of one worker. Extracting the largest real budget documents in
/// `../shared` peaks far below it (see ROBUSTNESS.md); the hostile files that grow without
/// bound reach it within seconds.
pub const DEFAULT_MEMORY_MB: u64 = 2048;

/// How extraction is run: chosen by the caller (the command line isolates; tests and library
/// users may stay in process).
#[derive(Debug, Clone)]
pub enum Isolation {
    /// On a watched thread of this process (`extract::extract_watched`): a panic or a hang is
    /// that file's error, but a file that exhausts memory takes the process down.
    InProcess,
    /// In worker processes started from `program` (the `kommunsk` binary), each limited to
    /// `memory_mb` MB of address space; as many as extractions run at once.
    Workers { program: PathBuf, memory_mb: u64 },
}

impl Isolation {
    /// Workers started from the running `kommunsk` binary, with the default memory cap.
    pub fn current_exe() -> std::io::Result<Isolation> {
        Ok(Isolation::Workers { program: std::env::current_exe()?, memory_mb: DEFAULT_MEMORY_MB })
    }

    /// The extractor for a run: one worker pool shared by all its files.
    pub fn extractor(&self) -> Extractor {
        match self {
            Isolation::InProcess => Extractor::InProcess,
            Isolation::Workers { program, memory_mb } => {
                Extractor::Workers(WorkerPool::new(program.clone(), *memory_mb))
            }
        }
    }
}

/// Extracts files as an [`Isolation`] says; shared by the threads of one run.
#[derive(Debug)]
pub enum Extractor {
    InProcess,
    Workers(WorkerPool),
}

impl Extractor {
    /// Extracts one file's bytes under `limits`.
    pub fn extract(&self, bytes: Vec<u8>, limits: &Limits) -> Result<ExtractedPdf, ExtractError> {
        match self {
            Extractor::InProcess => extract::extract_watched(bytes, limits),
            Extractor::Workers(pool) => pool.extract(&bytes, limits),
        }
    }
}
