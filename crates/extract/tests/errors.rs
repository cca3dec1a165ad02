//! Bad input gives the documented errors (and never a panic); limits are enforced.

use std::path::PathBuf;
use std::time::Duration;

use kommunsk_extract::{extract_bytes, extract_path, ErrorKind, ExtractError, Limits};

use crate::util;

fn data(name: &str) -> PathBuf {
    util::data(name)
}

fn bytes(name: &str) -> Vec<u8> {
    match std::fs::read(data(name)) {
        Ok(b) => b,
        Err(e) => panic!("{name}: {e}"),
    }
}

#[test]
fn empty_file() {
    let err = extract_bytes(b"", &Limits::default()).err();
    assert!(matches!(err, Some(ExtractError::Empty)));
    assert_eq!(err.map(|e| e.to_string()).as_deref(), Some("empty file (0 bytes)"));
}

#[test]
fn not_a_pdf_names_its_start() {
    let err = extract_bytes(b"<html><body>Budget</body></html>", &Limits::default()).err();
    assert_eq!(err.map(|e| e.to_string()).as_deref(), Some("not a PDF (file starts with \"<html><body>Budg\")"));
}

#[test]
fn missing_file_is_an_io_error() {
    let err = extract_path(&data("does-not-exist.pdf"), &Limits::default()).err();
    assert!(matches!(err, Some(ExtractError::Io(_))));
}

#[test]
fn truncated_file_is_corrupt() {
    let whole = bytes("features.pdf");
    let head = whole.get(..400).unwrap_or(&whole);
    let err = extract_bytes(head, &Limits::default()).err();
    assert!(matches!(err, Some(ExtractError::Corrupt(_))), "{err:?}");
}

#[test]
fn user_password_is_reported() {
    let err = extract_bytes(&bytes("encrypted-user-password.pdf"), &Limits::default()).err();
    assert_eq!(err.map(|e| e.to_string()).as_deref(), Some("password-protected (a user password is required)"));
}

#[test]
fn empty_user_password_is_decrypted() {
    let pdf = match extract_bytes(&bytes("encrypted-empty-password.pdf"), &Limits::default()) {
        Ok(pdf) => pdf,
        Err(e) => panic!("{e}"),
    };
    assert!(pdf.was_encrypted);
    assert!(pdf.pages[0].body.starts_with("Budgettet for 2026 er vedtaget."));
}

#[test]
fn pages_without_text_are_no_text_layer() {
    let err = extract_bytes(&bytes("no-text.pdf"), &Limits::default()).err();
    assert_eq!(err.map(|e| e.to_string()).as_deref(), Some("no text layer on any of 1 pages — scanned image?"));
}

#[test]
fn limits_are_enforced_and_named() {
    let pdf = bytes("features.pdf");
    let tiny_streams = Limits { max_stream_bytes: 64, ..Limits::default() };
    let err = extract_bytes(&pdf, &tiny_streams).err();
    assert!(matches!(err, Some(ExtractError::LimitExceeded { limit: "max_stream_bytes", .. })), "{err:?}");

    let few_ops = Limits { max_ops_per_page: 5, ..Limits::default() };
    let err = extract_bytes(&pdf, &few_ops).err();
    assert!(matches!(err, Some(ExtractError::LimitExceeded { limit: "max_ops_per_page", .. })), "{err:?}");

    let few_objects = Limits { max_objects: 3, ..Limits::default() };
    let err = extract_bytes(&pdf, &few_objects).err();
    assert!(matches!(err, Some(ExtractError::LimitExceeded { limit: "max_objects", .. })), "{err:?}");

    let no_time = Limits { time_budget: Duration::ZERO, ..Limits::default() };
    let err = extract_bytes(&pdf, &no_time).err();
    assert!(matches!(err, Some(ExtractError::LimitExceeded { limit: "time_budget", .. })), "{err:?}");

    // features.pdf nests a Form XObject two deep (the included page inside pdfTeX's wrapper).
    let shallow = Limits { max_depth: 1, ..Limits::default() };
    let err = extract_bytes(&pdf, &shallow).err();
    assert!(matches!(err, Some(ExtractError::LimitExceeded { limit: "max_depth", .. })), "{err:?}");
}

#[test]
fn every_failure_has_a_stable_kind() {
    let kind = |result: Result<_, ExtractError>| result.err().map(|e| e.kind().as_str());
    let features = bytes("features.pdf");
    assert_eq!(kind(extract_bytes(b"", &Limits::default())), Some("empty"));
    assert_eq!(kind(extract_bytes(b"<html>", &Limits::default())), Some("not_pdf"));
    assert_eq!(kind(extract_path(&data("does-not-exist.pdf"), &Limits::default())), Some("io"));
    assert_eq!(kind(extract_bytes(&features[..400], &Limits::default())), Some("corrupt"));
    assert_eq!(kind(extract_bytes(&bytes("encrypted-user-password.pdf"), &Limits::default())), Some("encrypted"));
    assert_eq!(kind(extract_bytes(&bytes("no-text.pdf"), &Limits::default())), Some("no_text_layer"));
    let tiny_streams = Limits { max_stream_bytes: 64, ..Limits::default() };
    assert_eq!(kind(extract_bytes(&features, &tiny_streams)), Some("limit_exceeded"));
}

#[test]
fn kind_names_read_back() {
    for kind in ErrorKind::ALL {
        assert_eq!(ErrorKind::from_name(kind.as_str()), Some(kind));
    }
    assert_eq!(ErrorKind::from_name("NotPdf"), None);
}
