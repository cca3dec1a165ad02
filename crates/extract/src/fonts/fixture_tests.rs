//! Fonts of real PDFs: every font of every fixture page decodes the page's strings to the
//! words of the truth text with no unmapped glyph, and the hostile pdf.js corpus loads and
//! decodes without panicking.
//!
//! The content walk here is deliberately minimal (`Tf` and the four show operators, Form
//! XObjects followed): it only checks fonts; real extraction is the interpreter's job.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};

use super::{objects, Font, GlyphText};

use crate::test_paths::shared;

/// Deepest Form XObject nesting followed by the test walker.
const MAX_FORM_DEPTH: usize = 8;

/// Text decoded from one page's strings (glyphs concatenated, no layout) and unmapped count.
#[derive(Default)]
struct PageText {
    text: String,
    unmapped: usize,
}

fn font_map(doc: &Document, resources: Option<&Dictionary>) -> BTreeMap<Vec<u8>, Font> {
    let mut fonts = BTreeMap::new();
    if let Some(font_dict) = resources.and_then(|r| objects::get_dict(doc, r, b"Font")) {
        for (name, entry) in font_dict.iter() {
            if let Some(dict) = objects::resolve(doc, entry).and_then(objects::as_dict) {
                fonts.insert(name.clone(), Font::load(doc, dict));
            }
        }
    }
    fonts
}

fn walk(doc: &Document, content: &[u8], resources: Option<&Dictionary>, depth: usize, out: &mut PageText) {
    let Ok(content) = Content::decode(content) else {
        return;
    };
    let fonts = font_map(doc, resources);
    let mut current: Option<&Font> = None;
    let mut glyphs = Vec::new();
    for op in &content.operations {
        match op.operator.as_str() {
            "Tf" => current = op.operands.first().and_then(|n| n.as_name().ok()).and_then(|n| fonts.get(n)),
            "Tj" | "'" | "\"" | "TJ" => {
                let Some(font) = current else { continue };
                let strings: Vec<&Object> = match op.operands.last() {
                    Some(Object::Array(items)) => items.iter().collect(),
                    Some(s) => vec![s],
                    None => vec![],
                };
                for s in strings {
                    if let Object::String(bytes, _) = s {
                        glyphs.clear();
                        font.decode(bytes, &mut glyphs);
                        for g in &glyphs {
                            match &g.text {
                                GlyphText::Unmapped => out.unmapped += 1,
                                GlyphText::Char(c) => out.text.push(*c),
                                GlyphText::Str(t) => out.text.push_str(t),
                            }
                        }
                    }
                }
                out.text.push(' ');
            }
            "Do" if depth < MAX_FORM_DEPTH => {
                let xobject = resources
                    .and_then(|r| objects::get_dict(doc, r, b"XObject"))
                    .zip(op.operands.first().and_then(|n| n.as_name().ok()))
                    .and_then(|(x, name)| objects::get_stream(doc, x, name));
                if let Some(form) =
                    xobject.filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form"))
                {
                    let form_resources = objects::get_dict(doc, &form.dict, b"Resources").or(resources);
                    if let Some(bytes) = objects::stream_bytes(form) {
                        walk(doc, &bytes, form_resources, depth + 1, out);
                    }
                }
            }
            _ => {}
        }
    }
}

/// All pages' decoded text of the PDF at `path`, or `None` if lopdf cannot open it.
fn decode_pdf(path: &Path) -> Option<Vec<PageText>> {
    let doc = Document::load(path).ok()?;
    let mut pages = Vec::new();
    for (_, page_id) in doc.get_pages() {
        let mut page = PageText::default();
        let content = doc.get_page_content(page_id);
        let resources = doc
            .get_object(page_id)
            .ok()
            .and_then(objects::as_dict)
            .and_then(|p| objects::get_dict(&doc, p, b"Resources"));
        walk(&doc, &content, resources, 0, &mut page);
        pages.push(page);
    }
    Some(pages)
}

/// Letters and digits only, ligatures spelled out: hyphenation, spacing and kerning gaps
/// then cannot hide a word.
fn squash(text: &str) -> String {
    text.replace('ﬁ', "fi")
        .replace('ﬂ', "fl")
        .replace('ﬀ', "ff")
        .replace('ﬃ', "ffi")
        .replace('ﬄ', "ffl")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[test]
fn fixture_pdfs_decode_to_the_truth_words() {
    let fixtures = shared().join("fixtures");
    let manifest = std::fs::read_to_string(fixtures.join("manifest.csv")).expect("fixture manifest");
    let mut checked = 0;
    for line in manifest.lines().skip(1) {
        let mut fields = line.split(',');
        let (Some(pdf), Some(truth)) = (fields.next(), fields.next()) else {
            continue;
        };
        let pages = decode_pdf(&fixtures.join(pdf)).unwrap_or_else(|| panic!("{pdf} opens"));
        let truth = std::fs::read_to_string(fixtures.join(truth)).expect("truth text");

        let unmapped: usize = pages.iter().map(|p| p.unmapped).sum();
        assert_eq!(unmapped, 0, "{pdf}: unmapped glyphs");
        let all: String = pages.iter().map(|p| p.text.as_str()).collect();
        let extracted = squash(&all);
        let words: HashSet<String> = truth.split_whitespace().map(squash).filter(|w| w.chars().count() >= 4).collect();
        let missing: Vec<&String> = words.iter().filter(|w| !extracted.contains(w.as_str())).collect();
        // A word hyphenated across a page break has the running header/footer in between in
        // this layout-free walk: allow one such word per page break, found as two halves.
        let split_at_page_break = |w: &str| {
            let chars: Vec<char> = w.chars().collect();
            (2..chars.len().saturating_sub(1)).any(|k| {
                let (head, tail): (String, String) = (chars[..k].iter().collect(), chars[k..].iter().collect());
                extracted.contains(&head) && extracted.contains(&tail)
            })
        };
        assert!(
            missing.len() < pages.len() && missing.iter().all(|w| split_at_page_break(w)),
            "{pdf}: {} of {} words missing, e.g. {:?}",
            missing.len(),
            words.len(),
            &missing[..missing.len().min(10)]
        );
        for danish in ["kommune", "æ", "ø", "å"] {
            assert!(extracted.to_lowercase().contains(danish), "{pdf}: no {danish:?}");
        }
        checked += 1;
    }
    assert_eq!(checked, 15);
}

/// PDFs of the pdf.js corpus small enough to walk quickly in a debug-ish test build.
const MAX_SMOKE_FILE_BYTES: u64 = 4 * 1024 * 1024;

#[test]
fn pdfjs_corpus_fonts_never_panic() {
    let corpus = shared().join("corpora/pdfjs");
    let Ok(dir) = std::fs::read_dir(&corpus) else { panic!("{} missing", corpus.display()) };
    let mut paths: Vec<PathBuf> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let mut opened = 0;
    for path in paths {
        if path.metadata().map_or(true, |m| m.len() > MAX_SMOKE_FILE_BYTES) {
            continue;
        }
        if decode_pdf(&path).is_some() {
            opened += 1;
        }
    }
    assert!(opened > 300, "only {opened} corpus PDFs opened");
}
