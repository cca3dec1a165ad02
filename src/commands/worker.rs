//! `kommunsk extract-worker` (hidden): the memory-capped extraction process that `ingest` and
//! `extract` start; see `crate::isolation`.

use std::process::ExitCode;

use clap::Args;

use crate::isolation;

#[derive(Debug, Args)]
pub struct WorkerArgs {
    /// Address-space limit of this process, in MB.
    #[arg(long, default_value_t = isolation::DEFAULT_MEMORY_MB)]
    pub memory_mb: u64,
}

pub fn run(args: WorkerArgs) -> anyhow::Result<ExitCode> {
    isolation::serve(args.memory_mb)?;
    Ok(ExitCode::SUCCESS)
}
