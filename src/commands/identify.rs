//! `kommunsk identify FILE… [--json]`: whose document each file is, which year, what kind —
//! with the evidence that decided each (signal, words, page, what it outweighed) or why it
//! stays undecided. The same evidence ingest stores in the index.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::output::emit;
use crate::extract::{extract_watched, ExtractError, Limits};
use crate::identify::{Evidence, Manifest};
use crate::ingest::identify_extracted;

#[derive(Debug, Args)]
pub struct IdentifyArgs {
    /// The PDFs to identify. A year folder or a municipality in the path counts as in a corpus,
    /// and a manifest.csv beside a file is honoured.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Print a JSON array, one object per file.
    #[arg(long)]
    pub json: bool,
}

/// One file's identification, as `--json` prints it.
#[derive(Debug, Serialize)]
pub struct Identified {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doctype: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// True when the municipality or year rests on weak evidence.
    pub weak: bool,
    pub evidence: Vec<Evidence>,
    /// Why the file could not be read at all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The manifest beside a file, if there is one that can be read.
fn manifest_beside(file: &Path) -> Option<Manifest> {
    let path = file.parent().unwrap_or(Path::new("")).join("manifest.csv");
    path.is_file().then(|| Manifest::load(&path).ok()).flatten()
}

/// Identifies one file as ingest would.
pub fn identify_file(file: &Path, limits: &Limits) -> Identified {
    let path = file.display().to_string();
    let extracted = std::fs::read(file).map_err(ExtractError::Io).and_then(|bytes| extract_watched(bytes, limits));
    let pdf = match extracted {
        Ok(pdf) => pdf,
        Err(error) => {
            return Identified {
                path,
                municipality: None,
                code: None,
                year: None,
                doctype: None,
                lang: None,
                weak: false,
                evidence: Vec::new(),
                error: Some(error.to_string()),
            }
        }
    };
    let manifest = manifest_beside(file);
    // Manifests list file names; the rest of the path still counts for folders.
    let id = identify_extracted(&file.to_string_lossy(), manifest.as_ref(), &pdf);
    Identified {
        path,
        municipality: id.municipality.map(|(m, _)| m.name.to_string()),
        code: id.municipality.map(|(m, _)| m.code),
        year: id.year.map(|(y, _)| y),
        doctype: Some(id.doctype.as_str().to_string()),
        lang: id.lang.map(str::to_string),
        weak: id.weak(),
        evidence: id.evidence,
        error: None,
    }
}

/// Control characters of untrusted text (file names, PDF words) shown as escapes, so nothing a
/// document says can move the cursor or fake a line on a terminal.
fn printable(text: &str) -> String {
    text.chars().flat_map(|c| if c.is_control() { c.escape_default().collect::<Vec<_>>() } else { vec![c] }).collect()
}

pub fn run(args: IdentifyArgs) -> anyhow::Result<ExitCode> {
    let limits = Limits::default();
    let found: Vec<Identified> = args.files.iter().map(|file| identify_file(file, &limits)).collect();
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&found)?))?;
    } else {
        let mut out = String::new();
        for file in &found {
            let _ = writeln!(out, "{}", printable(&file.path));
            if let Some(error) = &file.error {
                let _ = writeln!(out, "  cannot be read: {}", printable(error));
            }
            for evidence in &file.evidence {
                let _ = writeln!(out, "  {}", printable(&evidence.describe()));
            }
            out.push('\n');
        }
        emit(&out)?;
    }
    let all_failed = found.iter().all(|f| f.error.is_some());
    Ok(if all_failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
