//! `kommunsk serve`: search, report and documents in the browser (see `crate::serve`).

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::Args;

use super::index_source::IndexSourceArgs;
use super::output::UsageError;
use crate::serve::{AppState, ServeConfig, DEFAULT_BIND};

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub source: IndexSourceArgs,
    /// Address to listen on (loopback by default; give e.g. 0.0.0.0:8080 to serve a network).
    #[arg(long, value_name = "ADDR", default_value = DEFAULT_BIND)]
    pub bind: String,
    /// Record no reviews from the browser: the server writes nothing. (Reviews are recorded
    /// only on a loopback address in any case.)
    #[arg(long)]
    pub read_only: bool,
}

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let addr: SocketAddr = args
        .bind
        .parse()
        .map_err(|_| UsageError(format!("--bind {:?} is not an address such as 127.0.0.1:8080", args.bind)))?;
    let source = args.source.resolve();
    let topics = source.load_topics()?;
    source.refresh()?;
    let config = ServeConfig { index_dir: source.index_dir, corpus: source.corpus, topics_file: source.topics_file };
    // The review form is the server's only write: only for a browser on this machine.
    let reviews = !args.read_only && addr.ip().is_loopback();
    let state = AppState::open(config, topics)?.allow_reviews(reviews);
    let reviews_file = state.reviews_path();
    crate::serve::run(addr, Arc::new(state), |bound| {
        // The first line tells a user (and a test harness) where to point the browser.
        println!("kommunsk: serving http://{bound}/ (Ctrl-C stops)");
        // On stderr: stdout's first line is the address, and a caller may read only that.
        if reviews {
            eprintln!("kommunsk: reviews from the browser are written to {}", reviews_file.display());
        } else {
            eprintln!("kommunsk: read-only (no reviews from the browser)");
        }
    })
    .with_context(|| format!("cannot serve on {addr}"))?;
    Ok(ExitCode::SUCCESS)
}
