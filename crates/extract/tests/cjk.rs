//! CJK text from Type0 fonts that rely on Adobe's predefined CMaps and character collections
//! instead of a ToUnicode CMap (pdf.js's test files in ../shared/corpora/pdfjs). The expected
//! text is pdftotext's, except where noted.

use kommunsk_extract::{extract_path, ExtractedPdf, Limits};

use crate::util;

fn extract(name: &str) -> ExtractedPdf {
    let path = util::shared().join("corpora/pdfjs").join(name);
    extract_path(&path, &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Page bodies, and the number of glyphs left out for want of a Unicode mapping.
fn pages(name: &str) -> (Vec<String>, u32) {
    let pdf = extract(name);
    let unmapped = pdf.pages.iter().map(|p| p.unmapped_glyphs).sum();
    (pdf.pages.into_iter().map(|p| p.body).collect(), unmapped)
}

#[test]
fn shift_jis_through_90ms_rksj_h_and_adobe_japan1() {
    // Non-embedded Ryumin-Light, /Encoding /90ms-RKSJ-H, no ToUnicode.
    assert_eq!(pages("issue13343.pdf"), (vec!["(57)【要約】".to_string(), "(81)指定国・地域 AP".to_string()], 0));
    // The same CMap for single-byte ASCII and double-byte Japanese in one string.
    assert_eq!(pages("90ms_rksj_h_sample.pdf"), (vec!["Hello ASCII\n日本語テスト".to_string()], 0));
}

#[test]
fn gbk_through_gbk_euc_h_and_gbkp_euc_h_and_adobe_gb1() {
    assert_eq!(pages("issue2128r.pdf"), (vec!["浅谈校长的魅力\n山西省闻喜县诚镇初中 李新录".to_string()], 0));
    assert_eq!(pages("issue3521.pdf"), (vec!["我们都是黑体字".to_string()], 0));
}

#[test]
fn to_unicode_that_extends_adobe_korea1_ucs2() {
    // The ToUnicode maps five codes itself and takes the rest from `/Adobe-Korea1-UCS2 usecmap`.
    assert_eq!(pages("issue5010.pdf"), (vec!["인터뷰●홍인혜카피라이터".to_string()], 0));
}

#[test]
fn identity_h_cids_read_through_adobe_japan1() {
    // Embedded CFF without ToUnicode: a character outside the BMP.
    assert_eq!(pages("issue16176.pdf"), (vec!["𠮷".to_string()], 0));
    // A non-embedded Adobe-Japan1 font on Identity-H, no ToUnicode, between Latin text.
    assert_eq!(pages("noembed-identity.pdf"), (vec!["ABC あいうえお 123\n\n1".to_string()], 0));
    // Embedded TrueType with an empty ToUnicode. Adobe-Japan1-UCS2 maps CIDs 9714 and 9529
    // (italic Latin glyphs of Supplement 4) to "Ǎ" and "u"; pdftotext's table maps them to
    // nothing and prints a line break and a space there.
    assert_eq!(pages("issue2884_reduced.pdf"), (vec!["𨉷趯軺糫 Ǎ蒭鍍伴俘緌鍍伴俘u勢渡袱糫".to_string()], 0));
}
