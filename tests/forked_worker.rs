//! The extraction worker started by `fork()` alone (issue 16's speed: `kommunsk extract` no
//! longer starts the binary twice) keeps the defences of the executed one: the file's text, the
//! file's own errors, the memory cap named in the error, and no process left behind.
//!
//! Built with `harness = false`: libtest runs tests on threads of their own, and the pool forks
//! only in a process with a single thread, which this `main` is.

use std::path::{Path, PathBuf};

use kommunsk::extract::{ExtractError, Limits};
use kommunsk::isolation::WorkerPool;

fn hostile(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile").join(name)
}

/// Processes whose parent is this one, from /proc.
fn children() -> Vec<u32> {
    let me = std::process::id().to_string();
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let pid = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
            let ppid = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.to_string();
            (ppid == me).then_some(pid)
        })
        .collect()
}

fn main() {
    if !cfg!(target_os = "linux") {
        println!("forked_worker: fork is used on Linux only; nothing to test");
        return;
    }
    // A program that does not exist: a pool that executed it could not start a worker, so every
    // answer below comes from a forked one.
    let pool = WorkerPool::new(PathBuf::from("/nonexistent/kommunsk"), 512);
    let unlimited =
        Limits { max_glyphs_per_page: usize::MAX, max_glyphs_per_document: usize::MAX, ..Limits::default() };

    let good = std::fs::read(hostile("page_tree_repeats.pdf")).unwrap();
    let pdf = pool.extract(&good, &unlimited).unwrap();
    assert_eq!(pdf.pages.len(), 3);
    assert_eq!(pdf.pages[0].body, "Bomb page");
    assert_eq!(children().len(), 1, "one worker, kept for the next file");

    // Errors of the file itself come back as themselves, from the same worker.
    let err = pool.extract(b"hello", &Limits::default()).err();
    assert!(matches!(err, Some(ExtractError::NotPdf { .. })), "{err:?}");

    // Without the glyph limits, one 60 MB `Tj` needs gigabytes: the fork's cap stops it.
    let bomb = std::fs::read(hostile("glyphs_one_tj.pdf")).unwrap();
    let err = pool.extract(&bomb, &unlimited).err().map(|e| e.to_string());
    assert_eq!(err.as_deref(), Some("exceeded the memory limit (512 MB)"));
    assert_eq!(children(), Vec::<u32>::new(), "the dead worker is reaped");

    drop(pool);
    assert_eq!(children(), Vec::<u32>::new());
    println!("forked_worker: ok");
}
