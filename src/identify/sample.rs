//! Which part of a document's text the detectors read: the opening pages, each cut to a
//! bounded size, so that a huge or hostile page costs no more than an ordinary one.

/// Pages read at most: title, headers and the subject of a budget document are on its first
/// pages; later pages are annexes and tables that name other municipalities more than their own.
pub const MAX_PAGES: usize = 6;

/// Bytes read per page at most: a dense text page is 3–6 KB, but a text handed over as one
/// "page" (a plain-text export, a PDF without page breaks) runs to ~100 KB and must be read
/// whole, or the municipalities named late in it are never weighed.
pub const MAX_PAGE_BYTES: usize = 128 * 1024;

/// The first [`MAX_PAGES`] pages, each cut to [`MAX_PAGE_BYTES`].
pub fn pages<'a>(pages: &'a [&'a str]) -> impl Iterator<Item = &'a str> + 'a {
    pages.iter().take(MAX_PAGES).map(|page| truncate(page, MAX_PAGE_BYTES))
}

/// `text` cut to at most `max_bytes`, at a character boundary.
pub fn truncate(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// The first `count` lines that hold something besides whitespace, over the opening pages in
/// order, trimmed and joined by newlines: the title block of the document.
pub fn opening_lines(doc: &[&str], count: usize) -> String {
    let lines: Vec<&str> =
        pages(doc).flat_map(str::lines).map(str::trim).filter(|line| !line.is_empty()).take(count).collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_at_char_boundaries() {
        assert_eq!(truncate("æøå", 3), "æ");
        assert_eq!(truncate("æøå", 4), "æø");
        assert_eq!(truncate("abc", 10), "abc");
        assert_eq!(truncate("", 0), "");
    }

    #[test]
    fn opening_lines_skip_blanks_and_cross_pages() {
        let doc = ["\n \nBilag 6 \n\n Status\n", "\nside to\nmere"];
        assert_eq!(opening_lines(&doc, 3), "Bilag 6\nStatus\nside to");
        assert_eq!(opening_lines(&doc, 10), "Bilag 6\nStatus\nside to\nmere");
        assert_eq!(opening_lines(&[], 3), "");
    }

    #[test]
    fn reads_only_the_opening_pages() {
        let doc: Vec<&str> = (0..10).map(|_| "x").collect();
        assert_eq!(pages(&doc).count(), MAX_PAGES);
        let big = "a".repeat(MAX_PAGE_BYTES * 2);
        assert_eq!(pages(&[big.as_str()]).next().map(str::len), Some(MAX_PAGE_BYTES));
    }
}
