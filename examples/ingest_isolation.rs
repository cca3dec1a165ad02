//! What per-file isolation costs: the same corpus ingested into fresh indexes with extraction in
//! this process (`Isolation::InProcess`, the alternative) and in memory-capped worker processes
//! (`Isolation::Workers`, what the command line does), interleaved, several rounds each.
//!
//! Usage: `ingest_isolation CORPUS KOMMUNSK_BINARY [ROUNDS]`
//!
//! Prints one JSON object: per mode the median wall time and the median CPU time (user + sys of
//! this process and its reaped worker processes, from `getrusage`), and the ratios workers /
//! in-process.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use kommunsk::ingest::{ingest, IngestOptions, NoProgress};
use kommunsk::isolation::{Isolation, DEFAULT_MEMORY_MB};

const DEFAULT_ROUNDS: usize = 3;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("ingest_isolation: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// User + system CPU time of this process and of its children that have been waited for.
fn cpu_time() -> Duration {
    let usage = |who| {
        // SAFETY: getrusage writes one rusage struct, which we own.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        unsafe { libc::getrusage(who, &mut usage) };
        let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
        tv(usage.ru_utime) + tv(usage.ru_stime)
    };
    usage(libc::RUSAGE_SELF) + usage(libc::RUSAGE_CHILDREN)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn run() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (corpus, program, rounds) = match args.as_slice() {
        [corpus, program] => (PathBuf::from(corpus), PathBuf::from(program), DEFAULT_ROUNDS),
        [corpus, program, rounds] => {
            (PathBuf::from(corpus), PathBuf::from(program), rounds.parse().context("ROUNDS must be a number")?)
        }
        _ => anyhow::bail!("usage: ingest_isolation CORPUS KOMMUNSK_BINARY [ROUNDS]"),
    };
    let modes = [
        ("in_process", Isolation::InProcess),
        ("workers", Isolation::Workers { program, memory_mb: DEFAULT_MEMORY_MB }),
    ];
    let scratch = tempfile::tempdir()?;
    let mut wall: Vec<Vec<f64>> = vec![Vec::new(); modes.len()];
    let mut cpu: Vec<Vec<f64>> = vec![Vec::new(); modes.len()];
    let mut files = 0;
    for round in 0..rounds {
        for (i, (name, isolation)) in modes.iter().enumerate() {
            let index = scratch.path().join(format!("{name}-{round}"));
            let options = IngestOptions { isolation: isolation.clone(), ..IngestOptions::new(&corpus, &index) };
            let (started, cpu_before) = (Instant::now(), cpu_time());
            let summary = ingest(&options, &NoProgress)?;
            wall[i].push(started.elapsed().as_secs_f64());
            cpu[i].push((cpu_time() - cpu_before).as_secs_f64());
            files = summary.indexed + summary.failed.len();
        }
    }
    let (wall, cpu): (Vec<f64>, Vec<f64>) =
        (wall.into_iter().map(median).collect(), cpu.into_iter().map(median).collect());
    println!(
        "{}",
        serde_json::json!({
            "corpus": corpus.display().to_string(),
            "files": files,
            "rounds": rounds,
            "in_process": {"wall_s": wall[0], "cpu_s": cpu[0]},
            "workers": {"wall_s": wall[1], "cpu_s": cpu[1]},
            "ratio_wall": wall[1] / wall[0],
            "ratio_cpu": cpu[1] / cpu[0],
        })
    );
    Ok(())
}
