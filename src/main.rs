//! The `kommunsk` command line: parses arguments and hands over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = kommunsk::commands::Cli::parse();
    kommunsk::commands::run(cli)
}
