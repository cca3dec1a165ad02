//! Display formulas: the pieces of a fraction, a matrix or a sum with limits, whose rows are
//! closer together than lines of text, are read in the order they were typeset; so are a big
//! operator hanging from its top and its limits, and the labels of a drawing (in the order drawn).
//! A chart's axis title hyphenated over two lines beside the axis' values.

use crate::util;

#[test]
fn display_formulas_read_in_typeset_order() {
    // pdfTeX (display-math.tex): a fraction's numerator and denominator about 0.7 em above and
    // below its main line, a 2×2 matrix beside "F :=", a sum with limits. Read by position the
    // pieces interleaved: "D + a" / "u =" / "E − b" and "p q" / "F := ◦ x" / "r s".
    let pdf = util::extract_data("display-math.pdf");
    let truth = util::truth("display-math.txt");
    let body = util::words(&pdf.body_text());
    assert_eq!(body, util::words(&truth));
    assert!(body.contains("elevtallet: u = D + a E − b hvor"), "{body}");
    assert!(body.contains("følger F := ( p q r s ) ◦ x og"), "{body}");
    // Each formula's pieces are joined into one line.
    let lines =
        |text: &str| text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect::<Vec<_>>();
    assert_eq!(lines(&pdf.body_text()), lines(&truth));
}

#[test]
fn a_big_operator_hanging_from_its_top_is_read_with_its_limits() {
    // pdfTeX hangs a display ∑ (Latin Modern's math extension font, OMX layout) from its top,
    // about 1 em above the formula's baseline; its limits are 1.2 em above and below. By
    // baseline alone the pieces were three lines: "∑d ∑d" / "χ = (−1)kak = a0 + (−1)kbk" /
    // "k=0 k=1". The ∑'s depth joins them into one formula, read as typeset.
    let pdf = util::extract_data("display-math.pdf");
    let body = pdf.body_text().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(body.contains("er χ = d ∑ k=0 (−1)kak = a0 + d ∑ k=1 (−1)kbk Resten"), "{body}");
}

#[test]
fn tight_rows_without_a_math_font_are_read_by_position() {
    // pdfTeX (tight-rows.tex): a chart's axis labels and values drawn bottom to top, rows 0.8 em
    // apart, in text fonts only. Tight rows are not a formula unless a math font drew part of
    // them: they stay top to bottom, as on the page, not in drawing order (2007 first).
    let pdf = util::extract_data("tight-rows.pdf");
    let body = pdf.body_text().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(body.contains("årene: 2010 125,0 2009 121,3 2008 118,9 2007 112,4 Tallene"), "{body}");
}

#[test]
fn a_hyphenated_axis_title_beside_the_axis_zero_stays_one_word() {
    // LibreOffice Writer (make-chart-labels.py), a bar chart drawn as KL's InDesign report draws
    // one (1543229.PDF, page 22): the x axis' title at the axis' right end breaks at its soft
    // hyphen, "Kom-" / "mune", and the y axis' "0", a chart's width to the left, stands on the
    // baseline of "mune". Read as one line "0 mune" under "Kom-", the line-end hyphen took the
    // "0": "Kom-0" / "mune", neither word whole.
    let pdf = util::extract_data("chart-labels.pdf");
    let body = pdf.body_text();
    let lines: Vec<&str> = body.lines().filter(|l| !l.is_empty()).collect();
    let at = lines.iter().position(|l| *l == "Kommune");
    let around = at.and_then(|i| lines.get(i.checked_sub(1)?..=i + 1));
    assert_eq!(around, Some(&["5", "Kommune", "0"][..]), "{body}");
    // The running text above the chart reads as before.
    let truth = util::truth("chart-labels.txt");
    assert!(util::words(&body).starts_with(&util::words(&truth)), "{body}");
}

#[test]
fn labels_of_drawings_side_by_side_are_read_drawing_by_drawing() {
    // pdfTeX (figure-labels.tex): two TikZ drawings side by side, their labels in math mode,
    // shown drawing by drawing. Read by position the rows of labels ran across both drawings
    // ("x3 y4 y3" / "A B" / "x1 x2 y1 y2" / "(a) Nord med x1 (b) Syd med y1"), as in py-pdf's
    // GeoTopo book; the content stream has each drawing with its caption, as typeset.
    let pdf = util::extract_data("figure-labels.pdf");
    let truth = util::truth("figure-labels.txt");
    let body = util::words(&pdf.body_text());
    assert_eq!(body, util::words(&truth));
    assert!(body.contains("x1 x2 x3 A (a) Nord med x1 y1 y2 y3 y4 B (b) Syd med y1"), "{body}");
}
