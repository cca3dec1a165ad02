//! The Adobe Glyph List, looked up by binary search in `pdf_encoding`'s table, which is sorted.
//! That crate's own `glyphname_to_unicode` first builds a hash map of all 4,281 names: once per
//! process, and `kommunsk extract` is one process per file, where it took a fifth of the time of
//! reading a small pdfTeX file.

/// The text the AGL gives the glyph `name`.
pub(super) fn text(name: &str) -> Option<&'static str> {
    let list = pdf_encoding::GLYPH_LIST;
    let at = list.binary_search_by(|(listed, _)| listed.as_bytes().cmp(name.as_bytes())).ok()?;
    list.get(at).map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_every_name_is_found_as_the_crate_finds_it() {
        let list = pdf_encoding::GLYPH_LIST;
        assert!(list.windows(2).all(|w| w[0].0.as_bytes() < w[1].0.as_bytes()), "not strictly sorted");
        for (name, _) in list {
            assert_eq!(text(name), pdf_encoding::glyphname_to_unicode(name), "{name}");
        }
        for absent in ["", "a.sc", "uni0041", "zzzz", "AAAA", "g123"] {
            assert_eq!(text(absent), pdf_encoding::glyphname_to_unicode(absent), "{absent}");
        }
        assert_eq!(text("aring"), Some("å"));
    }
}
