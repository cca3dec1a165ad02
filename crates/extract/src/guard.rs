//! The last line of defence around one file's extraction: a panic becomes that file's error,
//! and a file that never finishes is abandoned after its time budget plus a grace period.
//!
//! The extractor checks [`Limits::time_budget`] itself, but only once lopdf has loaded the
//! document; a hostile file could keep the loader busy before that. Running each extraction
//! on its own thread lets the caller stop waiting, so neither `ingest` (one file among
//! thousands) nor `extract` (one file, one process) can hang on a single PDF.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc;
use std::time::Duration;

use crate::{extract_bytes, ExtractError, ExtractedPdf, Limits};

/// Extra wall-clock time granted past the extractor's own budget before the watchdog gives up:
/// long enough that the extractor's own, more precise time-limit error normally wins.
const WATCHDOG_GRACE: Duration = Duration::from_secs(15);

/// Stack for the extraction thread: deeply nested (hostile) objects recurse in lopdf's parser,
/// and a stack overflow would abort the whole process rather than fail one file.
const EXTRACT_STACK_BYTES: usize = 64 * 1024 * 1024;

/// Extracts `bytes` on a watched thread with panics caught. An abandoned thread keeps its core
/// until it finishes (threads cannot be killed); the file is reported failed with the limit
/// named, and a process that exits ends the thread with it.
pub fn extract_watched(bytes: Vec<u8>, limits: &Limits) -> Result<ExtractedPdf, ExtractError> {
    let (send, receive) = mpsc::channel();
    let thread_limits = limits.clone();
    std::thread::Builder::new()
        .name("pdf-extract".into())
        .stack_size(EXTRACT_STACK_BYTES)
        .spawn(move || {
            // The receiver may be gone after a timeout; nothing is left to tell then.
            let _ = send.send(catching_panics(|| extract_bytes(&bytes, &thread_limits)));
        })
        .map_err(|err| ExtractError::Internal(format!("cannot start an extraction thread: {err}")))?;
    let patience = limits.time_budget + WATCHDOG_GRACE;
    match receive.recv_timeout(patience) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(ExtractError::LimitExceeded {
            limit: "time_budget",
            detail: format!("still reading after {} s; abandoned", patience.as_secs()),
        }),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(ExtractError::Internal("the extraction thread ended without a result".into()))
        }
    }
}

/// Extracts `bytes` on a thread with a large stack and panics caught, waiting as long as it
/// takes: for a caller that bounds the time itself, such as an isolated extraction process whose
/// parent stops it (`kommunsk::isolation`), where an abandoned thread would keep a core.
pub fn extract_caught(bytes: &[u8], limits: &Limits) -> Result<ExtractedPdf, ExtractError> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("kommunsk-extract".into())
            .stack_size(EXTRACT_STACK_BYTES)
            .spawn_scoped(scope, || catching_panics(|| extract_bytes(bytes, limits)))
            .map_err(|err| ExtractError::Internal(format!("cannot start an extraction thread: {err}")))?
            .join()
            .unwrap_or_else(|_| Err(ExtractError::Internal("the extraction thread panicked".into())))
    })
}

/// Runs `work` with a panic turned into [`ExtractError::Internal`] carrying the panic message.
fn catching_panics<T>(work: impl FnOnce() -> Result<T, ExtractError>) -> Result<T, ExtractError> {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        Err(ExtractError::Internal(message))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_fails_normally_keeps_its_error() {
        let err = extract_watched(b"hello".to_vec(), &Limits::default()).err();
        assert!(matches!(err, Some(ExtractError::NotPdf { .. })), "{err:?}");
    }

    #[test]
    fn a_panic_is_reported_as_an_internal_error_with_its_message() {
        let page = 3;
        let err = catching_panics(|| -> Result<(), ExtractError> { panic!("boom at page {page}") }).err();
        let shown = err.map(|e| e.to_string());
        assert_eq!(shown.as_deref(), Some("internal error while reading this PDF (please report it): boom at page 3"));
        let err = catching_panics(|| -> Result<(), ExtractError> { panic!("static message") }).err();
        assert!(matches!(err, Some(ExtractError::Internal(ref m)) if m == "static message"), "{err:?}");
    }
}
