//! The committed blob decodes to Adobe's mappings (values checked against the CMap files).

use super::*;

fn cmap(name: &str) -> Arc<PredefinedCMap> {
    PredefinedCMap::get(name.as_bytes()).unwrap_or_else(|| panic!("{name} is in the blob"))
}

fn collection(ordering: &str) -> Collection {
    Collection::from_system_info(b"Adobe", ordering.as_bytes()).unwrap_or_else(|| panic!("{ordering} is in the blob"))
}

#[test]
fn the_blob_lists_adobes_cmaps_and_collections() {
    let store = store().expect("the committed blob inflates and indexes");
    let names: Vec<&str> = store.blob.collections.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, COLLECTIONS);
    assert_eq!(store.blob.cmaps.len(), 192);
    // Every CMap decodes, its parents included.
    for (i, record) in store.blob.cmaps.iter().enumerate() {
        assert!(decode_cmap(&store.blob, i).is_some(), "{}", record.name);
    }
}

#[test]
fn shift_jis_codes_map_to_japan1_cids() {
    let rksj = cmap("90ms-RKSJ-H");
    assert!(!rksj.vertical);
    assert_eq!(rksj.collection, Some(collection("Japan1")));
    // <829f> <82f1> 842 in the CMap file: hiragana.
    assert_eq!(rksj.cid(0x82a0, 2), Some(843));
    // <8140> <817e> 633; single-byte ASCII <20> <7d> 231 (proportional Roman).
    assert_eq!(rksj.cid(0x8141, 2), Some(634));
    assert_eq!(rksj.cid(0x41, 1), Some(264));
    assert_eq!(rksj.cid(0x41, 2), None);
    // Mixed one- and two-byte codespace: a lead byte takes the next byte with it.
    assert_eq!(rksj.codespace.next_code(b"A\x82\xa0"), (0x41, 1));
    assert_eq!(rksj.codespace.next_code(b"\x82\xa0A"), (0x82a0, 2));
    assert!(rksj.code_text(0x82a0, 2).is_none());
}

#[test]
fn vertical_cmaps_extend_their_horizontal_parent() {
    let v = cmap("90ms-RKSJ-V");
    assert!(v.vertical);
    // Overridden by the -V file: <8141> <8142> 7887 (vertical ideographic comma).
    assert_eq!(v.cid(0x8141, 2), Some(7887));
    // Inherited from 90ms-RKSJ-H through usecmap.
    assert_eq!(v.cid(0x82a0, 2), Some(843));
    assert_eq!(v.codespace, cmap("90ms-RKSJ-H").codespace);
}

#[test]
fn unicode_cmaps_map_code_points_in_every_utf_form() {
    // 𠮷 U+20BB7 is CID 13706 in UniJIS-UTF32-H / UniJIS-UTF16-H.
    assert_eq!(cmap("UniJIS-UTF32-H").cid(0x20bb7, 4), Some(13706));
    assert_eq!(cmap("UniJIS-UTF16-H").cid(0xd842_dfb7, 4), Some(13706));
    assert_eq!(cmap("UniJIS-UTF8-H").cid(0xf0a0_aeb7, 4), Some(13706));
    // あ U+3042 → CID 843, also in the UCS-2 CMap stored as a difference from UTF-32.
    assert_eq!(cmap("UniJIS-UCS2-H").cid(0x3042, 2), Some(843));
    assert_eq!(cmap("UniJIS-UCS2-H").code_text(0x3042, 2), Some(GlyphText::Char('あ')));
    // -V: U+3001 (ideographic comma) → 7887 from UniJIS-UTF16-V.
    let v = cmap("UniJIS-UTF16-V");
    assert!(v.vertical);
    assert_eq!(v.cid(0x3001, 2), Some(7887));
    assert_eq!(v.cid(0x3042, 2), Some(843));
    // A lone surrogate is no character.
    assert_eq!(v.cid(0xd842, 2), None);
    assert_eq!(cmap("UniGB-UCS2-H").code_text(0x6211, 2), Some(GlyphText::Char('我')));
}

#[test]
fn chinese_and_korean_legacy_encodings() {
    // GBK-EUC-H: 我 is <CED2> (GB 2312 row 46); UniGB-UCS2-H gives the same CID for U+6211.
    let gbk = cmap("GBK-EUC-H");
    assert_eq!(gbk.collection, Some(collection("GB1")));
    let cid = gbk.cid(0xced2, 2).expect("mapped");
    assert_eq!(Some(cid), cmap("UniGB-UCS2-H").cid(0x6211, 2));
    assert_eq!(collection("GB1").text(cid), GlyphText::Char('我'));
    // KSCms-UHC-H: 한 is <C7D1>.
    let uhc = cmap("KSCms-UHC-H");
    let cid = uhc.cid(0xc7d1, 2).expect("mapped");
    assert_eq!(collection("Korea1").text(cid), GlyphText::Char('한'));
    // ETenms-B5-H: 中 is <A4A4>.
    let cid = cmap("ETenms-B5-H").cid(0xa4a4, 2).expect("mapped");
    assert_eq!(collection("CNS1").text(cid), GlyphText::Char('中'));
}

#[test]
fn cids_to_text_in_each_collection() {
    let japan1 = collection("Japan1");
    assert_eq!(japan1.text(843), GlyphText::Char('あ'));
    assert_eq!(japan1.text(13706), GlyphText::Char('𠮷'));
    // From Adobe-Japan1-UCS2: <2069> <00580056> (a ligature CID).
    assert_eq!(japan1.text(0x2069), GlyphText::Str(Arc::from("XV")));
    // CID 0 is .notdef; beyond the collection nothing.
    assert_eq!(japan1.text(0), GlyphText::Unmapped);
    assert_eq!(japan1.text(u32::MAX), GlyphText::Unmapped);
    assert_eq!(Collection::from_system_info(b"Unidocs", b"Japan1"), None);
    assert_eq!(Collection::from_system_info(b"Adobe", b"Identity"), None);
    assert_eq!(Collection::from_ucs2_cmap(b"Adobe-Korea1-UCS2"), Some(collection("Korea1")));
    assert_eq!(Collection::from_ucs2_cmap(b"Adobe-Korea1"), None);
}

#[test]
fn unknown_names_are_not_predefined() {
    for name in ["Identity-H", "90ms-RKSJ", "", "Adobe-Japan1-UCS2", "90pv-RKSJ-UCS2", "../90ms-RKSJ-H"] {
        assert!(PredefinedCMap::get(name.as_bytes()).is_none(), "{name}");
    }
    assert!(PredefinedCMap::get(b"\xff\xfe").is_none());
}

/// Decodes `bytes` with `font`: the text (`¤` per unmapped glyph) and the widths.
fn decode(font: &super::super::Font, bytes: &[u8]) -> (String, Vec<f32>) {
    let mut glyphs = Vec::new();
    font.decode(bytes, &mut glyphs);
    let text = glyphs
        .iter()
        .map(|g| match &g.text {
            GlyphText::Unmapped => "¤".to_string(),
            GlyphText::Char(c) => c.to_string(),
            GlyphText::Str(s) => s.to_string(),
        })
        .collect();
    (text, glyphs.iter().map(|g| g.width).collect())
}

#[test]
fn type0_fonts_on_predefined_cmaps_get_cids_widths_and_text() {
    use lopdf::dictionary;
    let doc = Document::new();
    // Non-embedded Ryumin-Light on 90ms-RKSJ-V: あ (CID 843) is 900 wide by /W, A (CID 264)
    // takes /DW; the text comes from Adobe-Japan1.
    let system_info = dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Japan1"), "Supplement" => 2 };
    let descendant = dictionary! {
        "Subtype" => "CIDFontType0", "CIDSystemInfo" => system_info, "DW" => 500,
        "W" => vec![Object::Integer(843), vec![Object::Integer(900)].into()],
    };
    let font = super::super::Font::load(
        &doc,
        &dictionary! { "Subtype" => "Type0", "Encoding" => "90ms-RKSJ-V", "DescendantFonts" => vec![descendant.clone().into()] },
    );
    assert!(font.is_vertical());
    let (text, widths) = decode(&font, b"\x82\xa0A\x81\x41");
    assert_eq!(text, "あA、");
    assert_eq!(widths, [0.9, 0.5, 0.5]);
    // UniJIS-UCS2-H: the code is the text, and now the CID gives the width too.
    let font = super::super::Font::load(
        &doc,
        &dictionary! { "Subtype" => "Type0", "Encoding" => "UniJIS-UCS2-H", "DescendantFonts" => vec![descendant.into()] },
    );
    assert!(!font.is_vertical());
    assert_eq!(decode(&font, b"\x30\x42"), ("あ".to_string(), vec![0.9]));
}

#[test]
fn to_unicode_extending_an_adobe_ucs2_cmap_falls_back_to_the_collection() {
    use lopdf::{dictionary, Stream};
    let mut doc = Document::new();
    // As in pdf.js's issue5010.pdf: a ToUnicode with `/Adobe-Korea1-UCS2 usecmap` that
    // lists only a few codes itself, on a font whose registry is not Adobe.
    let to_unicode = doc.add_object(Stream::new(
        dictionary! {},
        b"/Adobe-Korea1-UCS2 usecmap 1 begincodespacerange <0000> <ffff> endcodespacerange
          1 beginbfchar <46FD> <0041> endbfchar"
            .to_vec(),
    ));
    let system_info = dictionary! { "Registry" => Object::string_literal("Unidocs"), "Ordering" => Object::string_literal("Korea1"), "Supplement" => 2 };
    let descendant = dictionary! { "Subtype" => "CIDFontType0", "CIDSystemInfo" => system_info };
    let font = super::super::Font::load(
        &doc,
        &dictionary! { "Subtype" => "Type0", "Encoding" => "Identity-H", "ToUnicode" => to_unicode, "DescendantFonts" => vec![descendant.into()] },
    );
    // <0a4b> is 인 in Adobe-Korea1 (pdf.js's issue5010.pdf starts with it).
    assert_eq!(decode(&font, b"\x0a\x4b\x46\xfd").0, "인A");
}
