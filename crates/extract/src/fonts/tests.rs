//! End-to-end tests of [`Font`]: real font dictionaries built with lopdf, exact decoded text
//! and widths for each path through the module.

use super::*;
use lopdf::{dictionary, Stream};

/// Decoded text with `¤` for each unmapped glyph, and the widths.
fn decode(font: &Font, bytes: &[u8]) -> (String, Vec<f32>) {
    let mut glyphs = Vec::new();
    font.decode(bytes, &mut glyphs);
    let mut text = String::new();
    for g in &glyphs {
        match &g.text {
            GlyphText::Unmapped => text.push('¤'),
            GlyphText::Char(c) => text.push(*c),
            GlyphText::Str(s) => text.push_str(s),
        }
    }
    (text, glyphs.iter().map(|g| g.width).collect())
}

fn stream(doc: &mut Document, content: &[u8]) -> Object {
    Object::Reference(doc.add_object(Stream::new(dictionary! {}, content.to_vec())))
}

fn assert_widths(actual: &[f32], expected: &[f32]) {
    assert_eq!(actual.len(), expected.len(), "{actual:?} vs {expected:?}");
    for (a, e) in actual.iter().zip(expected) {
        assert!((a - e).abs() < 1e-6, "{actual:?} vs {expected:?}");
    }
}

#[test]
fn truetype_winansi_danish_with_widths() {
    let doc = Document::new();
    let widths: Vec<Object> = (32..=255).map(|c| Object::Integer(if c == 32 { 250 } else { 500 + c })).collect();
    let font = Font::load(
        &doc,
        &dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "ABCDEF+Calibri",
            "Encoding" => "WinAnsiEncoding", "FirstChar" => 32, "LastChar" => 255, "Widths" => widths,
        },
    );
    let (text, widths) = decode(&font, b"\xe6\xf8\xe5\xc6\xd8\xc5 \xe9");
    assert_eq!(text, "æøåÆØÅ é");
    assert_widths(&widths, &[0.730, 0.748, 0.729, 0.698, 0.716, 0.697, 0.25, 0.733]);
    let mut glyphs = Vec::new();
    font.decode(b"a b", &mut glyphs);
    assert_eq!(glyphs.iter().map(|g| g.is_word_space).collect::<Vec<_>>(), [false, true, false]);
    assert_eq!(glyphs[1].code, 32);
    assert!(!font.is_vertical());
    // Code 10 is below FirstChar and there is no MissingWidth: the average width applies,
    // (250 + 533 + 534 + … + 755) / 224 / 1000.
    let (text, widths) = decode(&font, b"\x0a");
    assert_eq!(text, "¤");
    assert_widths(&widths, &[0.642_241]);
}

#[test]
fn type1_differences_with_agl_and_uni_names() {
    let doc = Document::new();
    let font = Font::load(
        &doc,
        &dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "XYZABC+LMRoman10-Regular",
            "FirstChar" => 1, "LastChar" => 5,
            "Widths" => vec![Object::Integer(556), Object::Real(500.5), Object::Integer(722), Object::Integer(444), Object::Integer(1000)],
            "Encoding" => dictionary! {
                "Type" => "Encoding",
                "Differences" => vec![
                    Object::Integer(1), "aring".into(), "uni00F8".into(), "Oslash".into(), "f_i".into(), "g17".into(),
                ],
            },
            "FontDescriptor" => dictionary! { "Flags" => 32, "MissingWidth" => 333 },
        },
    );
    let (text, widths) = decode(&font, b"\x01\x02\x03\x04\x05A");
    // Codes without Differences fall back to StandardEncoding (the Type1 built-in stand-in).
    assert_eq!(text, "åøØfi¤A");
    assert_widths(&widths, &[0.556, 0.5005, 0.722, 0.444, 1.0, 0.333]);
}

#[test]
fn to_unicode_wins_over_encoding_for_simple_fonts() {
    let mut doc = Document::new();
    let cmap = stream(
        &mut doc,
        b"begincmap 1 begincodespacerange <00> <FF> endcodespacerange
          3 beginbfchar <01> <00E6> <02> <D83DDE00> <03> <0066006C> endbfchar
          2 beginbfrange <10> <12> [<00F8> <00E5> <00C5>] <41> <42> <0061> endbfrange
          1 beginbfchar <43> <0000> endbfchar endcmap",
    );
    let font = Font::load(
        &doc,
        &dictionary! {
            "Subtype" => "TrueType", "BaseFont" => "Foo", "Encoding" => "WinAnsiEncoding", "ToUnicode" => cmap,
        },
    );
    // 0x41/0x42 remapped by ToUnicode; 0x43 maps to U+0000, so WinAnsi's 'C' stands.
    let (text, _) = decode(&font, b"\x01\x02\x03\x10\x11\x12ABCD");
    assert_eq!(text, "æ😀fløåÅabCD");
}

#[test]
fn pictograph_fonts_do_not_turn_bullets_into_letters() {
    let mut doc = Document::new();
    let cmap = stream(&mut doc, b"2 beginbfchar <A7> <F0A7> <41> <0041> endbfchar");
    let wingdings = Font::load(
        &doc,
        &dictionary! {
            "Subtype" => "TrueType", "BaseFont" => "ABCDEF+Wingdings-Regular", "Encoding" => "WinAnsiEncoding", "ToUnicode" => cmap,
            "FontDescriptor" => dictionary! { "Flags" => 4 },
        },
    );
    assert_eq!(decode(&wingdings, b"\xa7\xd8A").0, "¤¤A");
    // SymbolMT's private-use ToUnicode entries fall back to the Symbol encoding.
    let cmap = stream(&mut doc, b"1 beginbfchar <B7> <F0B7> endbfchar");
    let symbol =
        Font::load(&doc, &dictionary! { "Subtype" => "TrueType", "BaseFont" => "SymbolMT", "ToUnicode" => cmap });
    assert_eq!(decode(&symbol, b"\xb7").0, "•");
}

#[test]
fn identity_h_with_w_both_forms_and_to_unicode() {
    let mut doc = Document::new();
    let cmap = stream(
        &mut doc,
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange
          2 beginbfchar <0003> <0020> <0102> <00C6> endbfchar
          1 beginbfrange <0010> <0012> <00E6> endbfrange",
    );
    let descendant = dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "AAAAAA+Arial-BoldMT",
        "DW" => 600,
        "W" => vec![
            Object::Integer(3), vec![Object::Integer(278)].into(),
            Object::Integer(16), Object::Integer(18), Object::Integer(556),
            Object::Integer(258), vec![Object::Integer(1000), Object::Real(722.5)].into(),
        ],
        "FontDescriptor" => dictionary! { "Ascent" => 905, "Descent" => -212 },
    };
    let font = Font::load(
        &doc,
        &dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "AAAAAA+Arial-BoldMT",
            "Encoding" => "Identity-H", "DescendantFonts" => vec![descendant.into()], "ToUnicode" => cmap,
        },
    );
    let (text, widths) = decode(&font, &[0x00, 0x10, 0x00, 0x11, 0x00, 0x03, 0x01, 0x02, 0x01, 0x03, 0x00, 0x99, 0x00]);
    assert_eq!(text, "æç Æ¤¤¤");
    assert_widths(&widths, &[0.556, 0.556, 0.278, 1.0, 0.7225, 0.6, 0.6]);
    let mut glyphs = Vec::new();
    font.decode(&[0x00, 0x20], &mut glyphs);
    assert!(!glyphs[0].is_word_space, "a 2-byte code 32 is not a word space");
    assert!(!font.is_vertical());
}

#[test]
fn identity_v_is_vertical_and_cid_fonts_without_to_unicode_are_unmapped() {
    let doc = Document::new();
    let descendant =
        dictionary! { "Subtype" => "CIDFontType0", "DW2" => vec![Object::Integer(880), Object::Integer(-1000)] };
    let font = Font::load(
        &doc,
        &dictionary! { "Subtype" => "Type0", "Encoding" => "Identity-V", "DescendantFonts" => vec![descendant.into()] },
    );
    assert!(font.is_vertical());
    assert_eq!(font.vertical_advance(), -1.0);
    let (text, widths) = decode(&font, &[0x00, 0x41]);
    assert_eq!(text, "¤");
    assert_widths(&widths, &[1.0]);
}

#[test]
fn predefined_unicode_cmaps_make_the_code_the_text() {
    let doc = Document::new();
    let ucs2 = Font::load(&doc, &dictionary! { "Subtype" => "Type0", "Encoding" => "UniGB-UCS2-H" });
    assert_eq!(decode(&ucs2, &[0x4e, 0x2d, 0x00, 0xe6]).0, "中æ");
    let utf16 = Font::load(&doc, &dictionary! { "Subtype" => "Type0", "Encoding" => "UniJIS-UTF16-H" });
    assert_eq!(decode(&utf16, &[0xd8, 0x3d, 0xde, 0x00, 0x00, 0xf8]).0, "😀ø");
    let identity_tu = Font::load(
        &doc,
        &dictionary! { "Subtype" => "Type0", "Encoding" => "Identity-H", "ToUnicode" => "Identity-H" },
    );
    assert_eq!(decode(&identity_tu, &[0x00, 0xc5]).0, "Å");
}

#[test]
fn embedded_cmap_with_one_byte_codes_has_word_spaces() {
    let mut doc = Document::new();
    let encoding = stream(
        &mut doc,
        b"/CMapName /Custom def 2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange
          1 begincidrange <20> <7E> 100 endcidrange 1 begincidchar <8001> 7 endcidchar",
    );
    let to_unicode =
        stream(&mut doc, b"1 beginbfrange <20> <7E> <0020> endbfrange 1 beginbfchar <8001> <00D8> endbfchar");
    let descendant = dictionary! { "W" => vec![Object::Integer(100), Object::Integer(200), Object::Integer(250), Object::Integer(7), vec![Object::Integer(900)].into()] };
    let font = Font::load(
        &doc,
        &dictionary! { "Subtype" => "Type0", "Encoding" => encoding, "ToUnicode" => to_unicode, "DescendantFonts" => vec![descendant.into()] },
    );
    let mut glyphs = Vec::new();
    font.decode(b"a \x80\x01b", &mut glyphs);
    let texts: Vec<&GlyphText> = glyphs.iter().map(|g| &g.text).collect();
    assert_eq!(texts, [&GlyphText::Char('a'), &GlyphText::Char(' '), &GlyphText::Char('Ø'), &GlyphText::Char('b')]);
    assert_eq!(glyphs.iter().map(|g| g.code).collect::<Vec<_>>(), [0x61, 0x20, 0x8001, 0x62]);
    assert_eq!(glyphs.iter().map(|g| g.is_word_space).collect::<Vec<_>>(), [false, true, false, false]);
    assert_widths(&glyphs.iter().map(|g| g.width).collect::<Vec<_>>(), &[0.25, 0.25, 0.9, 0.25]);
}

#[test]
fn type3_widths_scale_by_font_matrix() {
    let doc = Document::new();
    let font = Font::load(
        &doc,
        &dictionary! {
            "Type" => "Font", "Subtype" => "Type3", "Name" => "T3",
            "FontMatrix" => vec![Object::Real(0.01), 0.into(), 0.into(), Object::Real(0.01), 0.into(), 0.into()],
            "FirstChar" => 32, "LastChar" => 34,
            "Widths" => vec![Object::Integer(25), Object::Integer(50), Object::Integer(60)],
            "Encoding" => dictionary! { "Differences" => vec![Object::Integer(32), "space".into(), "ae".into(), "a7".into()] },
            "FontDescriptor" => dictionary! { "Ascent" => 70, "Descent" => -20 },
        },
    );
    let (text, widths) = decode(&font, b" !\"#");
    // "a7" is no AGL name and code 35 has no name at all: both unmapped; code 35 is past
    // LastChar, so it gets the average of the listed widths.
    assert_eq!(text, " æ¤¤");
    assert_widths(&widths, &[0.25, 0.5, 0.6, 0.45]);
}

#[test]
fn standard_14_widths_without_widths_array() {
    let doc = Document::new();
    let helvetica = Font::load(
        &doc,
        &dictionary! { "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding" },
    );
    let (text, widths) = decode(&helvetica, b"Hej \xe6");
    assert_eq!(text, "Hej æ");
    assert_widths(&widths, &[0.722, 0.556, 0.222, 0.278, 0.889]);
    let times = Font::load(&doc, &dictionary! { "Subtype" => "Type1", "BaseFont" => "Times-Bold" });
    // No /Encoding: StandardEncoding, where 0x27 is a right single quote.
    let (text, widths) = decode(&times, b"A'");
    assert_eq!(text, "A’");
    assert_widths(&widths, &[0.722, 0.333]);
    let courier = Font::load(&doc, &dictionary! { "Subtype" => "Type1", "BaseFont" => "Courier-Oblique" });
    assert_widths(&decode(&courier, b"iW").1, &[0.6, 0.6]);
    let symbol = Font::load(&doc, &dictionary! { "Subtype" => "Type1", "BaseFont" => "Symbol" });
    assert_eq!(decode(&symbol, b"ab\xb7"), ("αβ•".to_string(), vec![0.631, 0.549, 0.46]));
    let dingbats = Font::load(&doc, &dictionary! { "Subtype" => "Type1", "BaseFont" => "ZapfDingbats" });
    assert_eq!(decode(&dingbats, b"l").0, "●");
}

#[test]
fn hostile_dictionaries_decode_without_panicking() {
    let mut doc = Document::new();
    let huge_widths: Vec<Object> = (0..1_000_000).map(|_| Object::Integer(500)).collect();
    let bomb = stream(&mut doc, b"1 beginbfrange <00000000> <FFFFFFFF> [<0041>] endbfrange");
    let cyclic = doc.new_object_id();
    doc.objects.insert(cyclic, Object::Reference(cyclic));
    let dicts = vec![
        dictionary! {},
        dictionary! { "Subtype" => "Type1", "FirstChar" => i64::MAX, "Widths" => vec![Object::Integer(1), Object::Integer(2)] },
        dictionary! { "Subtype" => "Type1", "FirstChar" => -1_000_000_000, "Widths" => huge_widths },
        dictionary! { "Subtype" => "TrueType", "ToUnicode" => bomb.clone(), "Encoding" => Object::Reference(cyclic) },
        dictionary! { "Subtype" => "Type0", "ToUnicode" => bomb, "DescendantFonts" => Object::Reference(cyclic) },
        dictionary! { "Subtype" => "Type0", "Encoding" => Object::Integer(3), "DescendantFonts" => vec![Object::Integer(1)] },
        dictionary! { "Subtype" => "Type0", "DescendantFonts" => vec![dictionary! {
            "W" => vec![Object::Integer(-5), Object::Integer(u32::MAX as i64 + 9), Object::Integer(1), Object::Integer(4_294_967_295), vec![Object::Integer(1); 3].into(), Object::Integer(7)],
            "DW" => Object::Reference(cyclic),
        }.into()] },
        dictionary! { "Subtype" => "Type3", "FontMatrix" => vec![Object::Real(f32::NAN)], "Widths" => vec![Object::Real(f32::INFINITY)] },
    ];
    for dict in &dicts {
        let font = Font::load(&doc, dict);
        let mut glyphs = Vec::new();
        font.decode(b"\x00\x01\xff\xfe\x00", &mut glyphs);
        font.decode(b"", &mut glyphs);
        assert!(!glyphs.is_empty() && glyphs.len() <= 5);
        assert!(glyphs.iter().all(|g| g.width.is_finite()), "{dict:?}");
    }
}

#[test]
fn font_cache_loads_once_per_object() {
    let mut doc = Document::new();
    let id = doc.add_object(dictionary! { "Subtype" => "Type1", "BaseFont" => "Helvetica" });
    let mut cache = FontCache::new();
    let a = cache.get_or_load(&doc, id);
    let b = cache.get_or_load_entry(&doc, &Object::Reference(id));
    assert!(Arc::ptr_eq(&a, &b));
    let missing = cache.get_or_load(&doc, (999, 0));
    assert_eq!(decode(&missing, b"a"), ("¤".to_string(), vec![0.5]));
    // A font with only a /BaseFont is still a font: StandardEncoding applies.
    let bare = Font::load(&doc, &dictionary! { "BaseFont" => "Unknown" });
    assert_eq!(decode(&bare, b"a'").0, "a’");
}
