//! Content streams: the input is the page's content stream in a valid one-page PDF with a simple
//! font, a composite font and a self-drawing Form XObject (see `kommunsk_fuzz::pdf_with_page`).
#![no_main]

use std::time::Duration;

use kommunsk_extract::{extract_bytes, Limits};
use kommunsk_fuzz::{pdf_with_page, DEFAULT_TOUNICODE};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits { time_budget: Duration::from_secs(5), ..Limits::default() };
    let _ = extract_bytes(&pdf_with_page(data, DEFAULT_TOUNICODE), &limits);
});
