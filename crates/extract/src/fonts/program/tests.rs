//! Font programs read end to end: small real fonts (subsets of Liberation Sans and Nimbus
//! Sans made by `tests/data/fonts/make-fonts.py`) embedded in font dictionaries
//! without ToUnicode, a real pdfTeX Type1 font from the pdf.js corpus, and every program of
//! that corpus, cut short and corrupted, read without panicking.

use lopdf::{dictionary, Dictionary, Document, Object, Stream};

use super::super::{Font, GlyphText};
use super::{CidToGid, FontProgram};

fn test_font(name: &str) -> Vec<u8> {
    let path = crate::test_paths::data("fonts").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Decoded text with `¤` for each unmapped glyph.
fn text(font: &Font, bytes: &[u8]) -> String {
    let mut glyphs = Vec::new();
    font.decode(bytes, &mut glyphs);
    glyphs
        .iter()
        .map(|g| match &g.text {
            GlyphText::Unmapped => "¤".to_string(),
            GlyphText::Char(c) => c.to_string(),
            GlyphText::Str(s) => s.to_string(),
        })
        .collect()
}

fn add_stream(doc: &mut Document, dict: Dictionary, bytes: Vec<u8>) -> Object {
    Object::Reference(doc.add_object(Stream::new(dict, bytes)))
}

/// Glyph ids of the Liberation Sans subset (its glyph order, fixed by the subsetter).
const GID_A: u16 = 3;
const GID_B: u16 = 4;
const GID_E: u16 = 8;
const GID_U: u16 = 18;
const GID_ARING: u16 = 19;
const GID_OSLASH_LOWER: u16 = 24;
const GID_RING: u16 = 25;

fn two_byte(gids: &[u16]) -> Vec<u8> {
    gids.iter().flat_map(|g| g.to_be_bytes()).collect()
}

/// A Type0 Identity-H font over a CIDFontType2 with `program`, no ToUnicode.
fn identity_h_truetype(doc: &mut Document, program: Vec<u8>, cid_to_gid: Option<Object>) -> Font {
    let file = add_stream(doc, dictionary! {}, program);
    let mut descendant = dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "ABCDEF+LiberationSans",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "FontDescriptor" => dictionary! { "Type" => "FontDescriptor", "Flags" => 32, "FontFile2" => file },
    };
    if let Some(map) = cid_to_gid {
        descendant.set("CIDToGIDMap", map);
    }
    Font::load(
        doc,
        &dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "ABCDEF+LiberationSans",
            "Encoding" => "Identity-H", "DescendantFonts" => vec![Object::Dictionary(descendant)],
        },
    )
}

#[test]
fn identity_h_truetype_text_from_the_inverted_cmap_then_post_names() {
    let mut doc = Document::new();
    let font = identity_h_truetype(&mut doc, test_font("liberation-sans-subset.ttf"), None);
    // B, u from the cmap; A and ring are only components of Å (not in the cmap): post names.
    let codes = two_byte(&[GID_B, GID_U, GID_ARING, GID_OSLASH_LOWER, GID_A, GID_RING, 0, 999]);
    assert_eq!(text(&font, &codes), "BuÅøA˚¤¤");
}

#[test]
fn identity_h_truetype_without_cmap_reads_post_names() {
    let mut doc = Document::new();
    let font = identity_h_truetype(&mut doc, test_font("liberation-sans-no-cmap.ttf"), None);
    let codes = two_byte(&[GID_B, GID_U, GID_E, GID_ARING, GID_OSLASH_LOWER]);
    assert_eq!(text(&font, &codes), "BueÅø");
}

#[test]
fn cid_to_gid_map_stream_is_followed() {
    let mut doc = Document::new();
    // CID 0 → .notdef, CID 1 → Å, CID 2 → B; CID 3 is past the map's end.
    let map = add_stream(&mut doc, dictionary! {}, two_byte(&[0, GID_ARING, GID_B]));
    let font = identity_h_truetype(&mut doc, test_font("liberation-sans-subset.ttf"), Some(map));
    assert_eq!(text(&font, &two_byte(&[2, 1, 0, 3])), "BÅ¤¤");
}

#[test]
fn symbolic_truetype_builtin_encoding_from_the_symbol_cmap() {
    let mut doc = Document::new();
    let file = add_stream(&mut doc, dictionary! {}, test_font("liberation-sans-symbolic.ttf"));
    let font = Font::load(
        &doc,
        &dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "ABCDEF+LiberationSans",
            "FontDescriptor" => dictionary! { "Flags" => 4, "FontFile2" => file },
        },
    );
    // Codes 1–10 reach glyphs at 0xF001.. of the (3,0) cmap; their post names give the text.
    // Code 0x41 has no glyph there: the WinAnsi stand-in still applies.
    assert_eq!(text(&font, b"\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0aA"), "Budget æøåA");
}

#[test]
fn type1c_builtin_encoding_from_the_cff_encoding_under_differences() {
    let mut doc = Document::new();
    let file =
        add_stream(&mut doc, dictionary! { "Subtype" => "Type1C" }, test_font("nimbus-sans-custom-encoding.cff"));
    let font = Font::load(
        &doc,
        &dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ABCDEF+NimbusSans-Regular",
            "Encoding" => dictionary! { "Differences" => vec![Object::Integer(5), "E".into()] },
            "FontDescriptor" => dictionary! { "Flags" => 32, "FontFile3" => file },
        },
    );
    // The program's custom encoding gives codes 1–10; /Differences overrides code 5.
    assert_eq!(text(&font, b"\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a"), "BudgEt æøå");
}

#[test]
fn bare_cff_program_names_its_glyphs_for_cid_fonts() {
    let program = FontProgram { bytes: test_font("nimbus-sans-custom-encoding.cff"), format: super::Format::Cff };
    let texts = program.cid_texts(&Document::new(), &dictionary! {}).unwrap_or_else(|| panic!("no CID texts"));
    let read: String = (1..=10)
        .map(|cid| match texts.text(cid) {
            GlyphText::Char(c) => c,
            _ => '¤',
        })
        .collect();
    // The charset order of the subset: .notdef space B d e g t u ae oslash aring.
    assert_eq!(read, " Bdegtuæøå");
    assert_eq!(texts.text(11), GlyphText::Unmapped);
}

#[test]
fn pdftex_type1_builtin_encoding_has_the_ligatures() {
    // pdfTeX embeds CMR9 with its own encoding (pdffonts: "Builtin") and no /Encoding.
    let path = crate::test_paths::shared().join("corpora/pdfjs/issue6901.pdf");
    let doc = Document::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let dict = doc.get_object((7, 0)).and_then(Object::as_dict).unwrap_or_else(|e| panic!("font 7: {e}"));
    let font = Font::load(&doc, dict);
    assert_eq!(text(&font, b"Issue 6901: f \x0b \x0c \x0e"), "Issue 6901: f ﬀ ﬁ ﬃ");
}

#[test]
fn type3_pdftex_bitmap_names_are_codes() {
    let doc = Document::new();
    let font = Font::load(
        &doc,
        &dictionary! {
            "Type" => "Font", "Subtype" => "Type3", "FontMatrix" => vec![0.01.into(), 0.into(), 0.into(), 0.01.into(), 0.into(), 0.into()],
            "FirstChar" => 97, "LastChar" => 99, "Widths" => vec![50.into(), 55.into(), 44.into()],
            "Encoding" => dictionary! { "Differences" => vec![Object::Integer(97), "a97".into(), "a98".into(), "c".into()] },
        },
    );
    assert_eq!(text(&font, b"abcd"), "abc¤");
}

#[test]
fn type3_print_driver_names_restate_their_codes() {
    // A print driver's Type3 bitmap font: /C50 at code 0x50 and so on (pdftotext: "Property
    // Insurance"); 0x96 and 0x97 are the Windows dashes.
    let path = crate::test_paths::shared().join("corpora/pdfjs/issue9655_reduced.pdf");
    let doc = Document::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let dict = doc.get_object((4, 0)).and_then(Object::as_dict).unwrap_or_else(|e| panic!("font 4: {e}"));
    let font = Font::load(&doc, dict);
    assert_eq!(text(&font, b"Property Insurance, /\x96\x97"), "Property Insurance, /–—");
}

#[test]
fn non_embedded_times_new_roman_reads_glyph_ids_in_the_standard_order() {
    let doc = Document::new();
    let font = |base_font: &str| {
        let descendant = dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => base_font,
            "FontDescriptor" => dictionary! { "Type" => "FontDescriptor", "Flags" => 32 },
        };
        Font::load(
            &doc,
            &dictionary! {
                "Type" => "Font", "Subtype" => "Type0", "BaseFont" => base_font,
                "Encoding" => "Identity-H", "DescendantFonts" => vec![Object::Dictionary(descendant)],
            },
        )
    };
    // As Word 2007 wrote "DEMANDE" (issue6127 of the pdf.js corpus): standard glyph ids.
    let codes = two_byte(&[39, 40, 48, 36, 49, 39, 40, 3, 0x51]);
    assert_eq!(text(&font("TimesNewRoman"), &codes), "DEMANDE n");
    assert_eq!(text(&font("Calibri"), &codes), "¤¤¤¤¤¤¤¤¤");
}

#[test]
fn cid_to_gid_tables() {
    let map = CidToGid::from_stream(vec![0, 5, 1, 0, 7]);
    assert_eq!(map, CidToGid::Table(vec![5, 256]));
    assert_eq!((map.gid(0), map.gid(1), map.gid(2)), (Some(5), Some(256), None));
    assert_eq!(CidToGid::Identity.gid(70_000), None);
}

#[test]
fn formats_are_sniffed_from_the_bytes() {
    use super::Format;
    assert_eq!(Format::sniff(&test_font("liberation-sans-subset.ttf")), Some(Format::Sfnt));
    assert_eq!(Format::sniff(&test_font("nimbus-sans-custom-encoding.cff")), Some(Format::Cff));
    assert_eq!(Format::sniff(b"%!PS-AdobeFont-1.0: CMR10"), Some(Format::Type1));
    assert_eq!(Format::sniff(&[0x80, 1, 0, 0]), Some(Format::Type1));
    assert_eq!(Format::sniff(b"OTTO"), Some(Format::Sfnt));
    assert_eq!(Format::sniff(&[1, 0, 2]), None);
    assert_eq!(Format::sniff(b""), None);
}

/// Every program of every font descriptor in the pdf.js corpus (486 real and fuzzed PDFs),
/// whole, cut short, and with bytes overwritten, read without panicking.
#[test]
fn corpus_font_programs_and_damaged_copies_never_panic() {
    let corpus = crate::test_paths::shared().join("corpora/pdfjs");
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        panic!("corpus missing: {}", corpus.display());
    };
    let mut programs = 0;
    for entry in entries.flatten() {
        let Ok(doc) = Document::load(entry.path()) else {
            continue;
        };
        for object in doc.objects.values() {
            let Ok(descriptor) = object.as_dict() else {
                continue;
            };
            let Some(program) = FontProgram::load(&doc, descriptor) else {
                continue;
            };
            programs += 1;
            exercise(&doc, &program.bytes, program.format);
            let len = program.bytes.len();
            for cut in [len / 2, len / 5, 64, 12] {
                exercise(&doc, program.bytes.get(..cut).unwrap_or_default(), program.format);
            }
            let mut damaged = program.bytes.clone();
            for (i, b) in damaged.iter_mut().enumerate().skip(4) {
                if i % 97 == 0 {
                    *b = 0xFF;
                }
            }
            exercise(&doc, &damaged, program.format);
        }
    }
    assert!(programs > 200, "only {programs} font programs found");
}

fn exercise(doc: &Document, bytes: &[u8], format: super::Format) {
    let program = FontProgram { bytes: bytes.to_vec(), format };
    let _ = program.builtin_table();
    if let Some(texts) = program.cid_texts(doc, &dictionary! {}) {
        for cid in [0, 1, 32, 1000, 65_535, 70_000] {
            let _ = texts.text(cid);
        }
    }
}

/// Every Type1 program in a `/FlateDecode` stream of the pdf.js corpus, inflated only up to the
/// end of its cleartext part, gives the built-in encoding the whole program gives; a stream
/// holding anything else is decoded whole.
#[test]
fn type1_programs_inflated_to_their_cleartext_read_as_the_whole_programs() {
    let corpus = crate::test_paths::shared().join("corpora/pdfjs");
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        panic!("corpus missing: {}", corpus.display());
    };
    let (mut shortened, mut whole_programs) = (0, 0);
    for entry in entries.flatten() {
        let Ok(doc) = Document::load(entry.path()) else {
            continue;
        };
        for object in doc.objects.values() {
            let Ok(stream) = object.as_stream() else {
                continue;
            };
            let Ok(whole) = stream.get_plain_content_with_limit(super::MAX_PROGRAM_BYTES) else {
                continue;
            };
            let head = super::type1::inflate_cleartext(stream, super::MAX_PROGRAM_BYTES);
            if super::Format::sniff(&whole) != Some(super::Format::Type1) {
                assert!(head.is_none(), "{}: not a Type1 program", entry.path().display());
                continue;
            }
            let Some(head) = head else { continue };
            assert!(whole.starts_with(&head), "{}", entry.path().display());
            let head = FontProgram { bytes: head, format: super::Format::Type1 };
            let whole = FontProgram { bytes: whole, format: super::Format::Type1 };
            assert_eq!(head.builtin_table(), whole.builtin_table(), "{}", entry.path().display());
            assert_eq!(head.builtin_names(), whole.builtin_names(), "{}", entry.path().display());
            if head.bytes.len() < whole.bytes.len() {
                shortened += 1;
            }
            whole_programs += 1;
        }
    }
    // 18 of the corpus's 143 Type1 programs end their cleartext before the stream ends; the
    // equality checks above only mean something if a good share of them took the short path.
    assert!(shortened >= 15, "only {shortened} of {whole_programs} Type1 programs inflated in part");
}
