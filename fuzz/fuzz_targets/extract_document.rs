//! Whole documents: any bytes through `extract_bytes` (loading, repair, decryption, page tree,
//! fonts, content streams, layout). Must return Ok or an error, never panic, hang or blow memory.
#![no_main]

use std::time::Duration;

use kommunsk_extract::{extract_bytes, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Smaller than the defaults so that one input is quick and libFuzzer's -rss_limit_mb
    // catches an unbounded allocation rather than a legitimate large stream.
    let limits = Limits { max_stream_bytes: 16 << 20, time_budget: Duration::from_secs(5), ..Limits::default() };
    let _ = extract_bytes(data, &limits);
});
