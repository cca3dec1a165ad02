//! ToUnicode CMaps: the input is the CMap of a composite font whose codes (the input's first
//! bytes, as a hex string) the page shows.
#![no_main]

use std::time::Duration;

use kommunsk_extract::{extract_bytes, Limits};
use kommunsk_fuzz::pdf_with_page;
use libfuzzer_sys::fuzz_target;

/// Input bytes shown as character codes.
const SHOWN_BYTES: usize = 32;

fuzz_target!(|data: &[u8]| {
    let shown = data.get(..SHOWN_BYTES).unwrap_or(data);
    let hex: String = shown.iter().map(|b| format!("{b:02X}")).collect();
    let content = format!("BT /F2 12 Tf 72 700 Td <{hex}> Tj ET");
    let limits = Limits { time_budget: Duration::from_secs(5), ..Limits::default() };
    let _ = extract_bytes(&pdf_with_page(content.as_bytes(), data), &limits);
});
