//! Display formulas: the pieces of a fraction, a matrix or a sum with limits, whose rows are
//! closer together than lines of text, are read in the order they were typeset.

use kommunsk_extract::{extract_path, Limits};

use crate::util;

#[test]
fn display_formulas_read_in_typeset_order() {
    // pdfTeX (display-math.tex): a fraction's numerator and denominator about 0.7 em above and
    // below its main line, a 2×2 matrix beside "F :=", a sum with limits. Read by position the
    // pieces interleaved: "D + a" / "u =" / "E − b" and "p q" / "F := ◦ x" / "r s".
    let path = util::data("display-math.pdf");
    let pdf = match extract_path(&path, &Limits::default()) {
        Ok(pdf) => pdf,
        Err(e) => panic!("{}: {e}", path.display()),
    };
    let truth = std::fs::read_to_string(util::data("display-math.txt")).unwrap_or_default();
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let body = words(&pdf.body_text());
    assert_eq!(body, words(&truth));
    assert!(body.contains("elevtallet: u = D + a E − b hvor"), "{body}");
    assert!(body.contains("følger F := ( p q r s ) ◦ x og"), "{body}");
}
