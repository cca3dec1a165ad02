//! Page furniture: running headers, footers and page numbers, found by comparing pages.
//!
//! Two kinds of evidence make a line near the top or bottom edge furniture:
//!
//! * *Repeated text*: a line with the same text — digits normalised, so "Side 3 af 9" matches
//!   "Side 4 af 9" — sits at about the same distance from that edge on at least half of the
//!   document's pages (and on two at least), or on half of the odd or of the even pages alone
//!   (two-sided layouts).
//! * *Page numbers in sequence*: the outermost line at an edge begins or ends with a number
//!   that is the page's position plus a fixed offset, and that offset holds on at least half of
//!   the pages. This catches book-style running heads whose text changes per chapter or
//!   section ("10 KAPITEL 1. TOPOLOGIE", "1.2. METRISCHE RÄUME 11"), which repeat too seldom
//!   for the first rule. Lines sharing the page number's baseline (a head split into two
//!   columns) go with it.
//!
//! A repeated line that heads a table — cells lined up with the cells of the row right below
//! it — is not furniture: spreadsheets and word processors repeat a table's header row on every
//! page it spans, and its words are what the columns mean.
//!
//! One page alone gives no evidence, so single-page documents keep everything.
//!
//! Furniture is boilerplate *relative to a body*: it is stripped so that searching and counting
//! see what a page says, not its frame. A document in which every page would be left with no
//! body text at all (slides or generated tests holding only "Page 1", "Page 2", …) has nothing
//! else to say, so there the lines stay in the body: the file then reads as what it shows
//! rather than as empty (and is indexed, searched and counted on that text), and no page's
//! `furniture` list is filled.

use std::collections::HashMap;

use crate::glyphs::Marking;
use crate::lines::{Line, PageLayout};

/// Share of the page height, from the top and from the bottom, where furniture may sit.
const EDGE_ZONE: f32 = 0.2;
/// Share of pages a furniture line must appear on.
const MIN_PAGE_SHARE: f32 = 0.5;
/// Positions match within this many font sizes (producers jitter by a point or two).
const POSITION_TOLERANCE_EM: f32 = 1.0;
/// Lines this close to the outermost one (× font size) are on its baseline: the parts of a
/// running head that layout put into different columns.
const SAME_BASELINE_EM: f32 = 0.3;
/// Longest printed page number, in digits; longer numbers are years, amounts or identifiers.
const MAX_PAGE_NUMBER_DIGITS: usize = 4;
/// Farthest (× font size) a table's header row sits above its first row: a row pitch, or two
/// for a header of wrapped cells. A running head is set farther off from the body.
const TABLE_HEADER_GAP_EM: f32 = 3.0;
/// Fewest cells of a table header row that must line up with cells of the row below.
const MIN_ALIGNED_HEADER_CELLS: usize = 2;

/// Which edge a candidate line is near.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Edge {
    Top,
    Bottom,
}

/// A line near an edge: where it is and how far from the edge.
struct Candidate {
    page: usize,
    block: usize,
    line: usize,
    edge: Edge,
    distance: f32,
    size: f32,
}

/// A line's address in the layouts: page, block, line.
type LineRef = (usize, usize, usize);

/// Removes furniture lines from `pages` and returns them, per page, in reading order.
pub(crate) fn strip(pages: &mut [PageLayout]) -> Vec<Vec<String>> {
    let mut removed = vec![Vec::new(); pages.len()];
    let page_count = pages.len();
    let tagged = tagged_furniture(pages);
    let trust_tags = !tagged.is_empty();
    let mut marked = tagged;
    if page_count >= 2 {
        let needed = ((MIN_PAGE_SHARE * page_count as f32).ceil() as usize).max(2);
        let mut candidates = edge_lines(pages);
        if trust_tags {
            // The producer marks its furniture: what it calls content stays content, and only
            // text outside marked content is left to compare.
            candidates.retain(|c| line_at(pages, c).is_some_and(|l| l.marking == Marking::None));
        }
        marked.extend(repeated_text(pages, &candidates, needed));
        marked.extend(page_number_heads(pages, &candidates, needed));
    }
    // Remove back to front so earlier indices stay valid; both rules may mark a line.
    marked.sort_unstable();
    marked.dedup();
    if marked.is_empty() || leaves_no_body(pages, &marked) {
        return removed;
    }
    for &(p, b, l) in marked.iter().rev() {
        if let Some(block) = pages.get_mut(p).and_then(|page| page.blocks.get_mut(b)) {
            if l < block.lines.len() {
                let line = block.lines.remove(l);
                if let Some(list) = removed.get_mut(p) {
                    list.push(line.text);
                }
            }
        }
    }
    for list in &mut removed {
        list.reverse();
    }
    for page in pages.iter_mut() {
        page.blocks.retain(|b| !b.lines.is_empty());
    }
    removed
}

/// Lines a tagged PDF marks as `/Artifact` inside the top or bottom zone of their page: the
/// producer's own word that they are headers, footers or page numbers. Artifacts elsewhere on
/// the page stay in the body (a tag contradicted by the geometry loses no words).
fn tagged_furniture(pages: &[PageLayout]) -> Vec<LineRef> {
    edge_lines(pages)
        .iter()
        .filter(|c| line_at(pages, c).is_some_and(|l| l.marking.is_artifact()))
        .map(|c| (c.page, c.block, c.line))
        .collect()
}

/// The line a candidate points at.
fn line_at<'a>(pages: &'a [PageLayout], c: &Candidate) -> Option<&'a Line> {
    pages.get(c.page)?.blocks.get(c.block)?.lines.get(c.line)
}

/// Whether removing the sorted, deduplicated `marked` lines would leave no line on any page.
fn leaves_no_body(pages: &[PageLayout], marked: &[LineRef]) -> bool {
    let mut removed = vec![0usize; pages.len()];
    for &(p, _, _) in marked {
        if let Some(count) = removed.get_mut(p) {
            *count += 1;
        }
    }
    pages.iter().zip(removed).all(|(page, removed)| removed >= page.blocks.iter().map(|b| b.lines.len()).sum())
}

/// Every upright line inside the top or bottom zone of its page.
fn edge_lines(pages: &[PageLayout]) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        if page.height <= 0.0 {
            continue;
        }
        for (b, block) in page.blocks.iter().enumerate() {
            for (l, line) in block.lines.iter().enumerate() {
                if !line.upright {
                    continue;
                }
                let from_top = page.height - line.y;
                let (edge, distance) = if from_top <= EDGE_ZONE * page.height {
                    (Edge::Top, from_top)
                } else if line.y <= EDGE_ZONE * page.height {
                    (Edge::Bottom, line.y)
                } else {
                    continue;
                };
                candidates.push(Candidate { page: p, block: b, line: l, edge, distance, size: line.size });
            }
        }
    }
    candidates
}

/// The text of the line a candidate points at.
fn text_of<'a>(pages: &'a [PageLayout], c: &Candidate) -> &'a str {
    pages
        .get(c.page)
        .and_then(|page| page.blocks.get(c.block))
        .and_then(|block| block.lines.get(c.line))
        .map_or("", |line| line.text.as_str())
}

/// Whether two candidates sit at the same distance from their edge, within tolerance.
fn same_position(a: &Candidate, b: &Candidate) -> bool {
    a.edge == b.edge && (a.distance - b.distance).abs() <= POSITION_TOLERANCE_EM * a.size.max(1.0)
}

/// Lines whose normalised text recurs at the same place on at least `needed` pages, or on at
/// least half of the odd or of the even pages and only there (two-sided layouts alternate their
/// heads: book title on the left pages, chapter on the right ones).
fn repeated_text(pages: &[PageLayout], candidates: &[Candidate], needed: usize) -> Vec<LineRef> {
    let needed_on_side = |parity: usize| {
        let side_pages = (pages.len() + 1 - parity) / 2;
        ((MIN_PAGE_SHARE * side_pages as f32).ceil() as usize).max(2)
    };
    let mut groups: HashMap<(Edge, String), Vec<&Candidate>> = HashMap::new();
    for c in candidates {
        groups.entry((c.edge, normalise(text_of(pages, c)))).or_default().push(c);
    }
    let mut marked = Vec::new();
    for group in groups.values() {
        for c in group.iter().filter(|c| !heads_table(pages, c)) {
            let mut pages_seen: Vec<usize> = group.iter().filter(|o| same_position(o, c)).map(|o| o.page).collect();
            pages_seen.dedup();
            let one_side = pages_seen.iter().all(|p| p % 2 == c.page % 2);
            if pages_seen.len() >= needed || (one_side && pages_seen.len() >= needed_on_side(c.page % 2)) {
                marked.push((c.page, c.block, c.line));
            }
        }
    }
    marked
}

/// Whether the line a candidate points at is a table's header row: at least two of its cells
/// line up with cells of the nearest line below it, which follows at a row's distance.
fn heads_table(pages: &[PageLayout], c: &Candidate) -> bool {
    let Some(page) = pages.get(c.page) else { return false };
    let Some(head) = page.blocks.get(c.block).and_then(|b| b.lines.get(c.line)) else { return false };
    if head.cells.len() < MIN_ALIGNED_HEADER_CELLS {
        return false;
    }
    let below = page
        .blocks
        .iter()
        .flat_map(|b| &b.lines)
        .filter(|l| l.upright && l.y < head.y && l.x0 < head.x1 && l.x1 > head.x0)
        .max_by(|a, b| a.y.total_cmp(&b.y));
    let Some(row) = below.filter(|row| head.y - row.y <= TABLE_HEADER_GAP_EM * head.size.max(row.size)) else {
        return false;
    };
    let aligned =
        head.cells.iter().filter(|cell| row.cells.iter().any(|other| other.x0 < cell.x1 && other.x1 > cell.x0)).count();
    row.cells.len() >= MIN_ALIGNED_HEADER_CELLS && aligned >= MIN_ALIGNED_HEADER_CELLS
}

/// The outermost lines at one edge of one page, with the page number they carry.
struct Head<'a> {
    /// The outermost line.
    outer: &'a Candidate,
    /// The outermost line and any sharing its baseline.
    lines: Vec<&'a Candidate>,
    /// Printed page number minus the page's 1-based position.
    offset: i64,
}

/// Running heads and footers that carry the page number, in sequence across the document.
///
/// A head counts when its number's offset from the page position is shared by heads on at least
/// `needed` pages, and another page of that offset has its head at the same place: a number
/// that merely happens to match one page's position is not enough.
fn page_number_heads(pages: &[PageLayout], candidates: &[Candidate], needed: usize) -> Vec<LineRef> {
    let mut outermost: HashMap<(usize, Edge), Vec<&Candidate>> = HashMap::new();
    for c in candidates {
        outermost.entry((c.page, c.edge)).or_default().push(c);
    }
    let mut heads: Vec<Head> = Vec::new();
    for ((page, _), lines) in outermost {
        let Some(outer) = lines.iter().copied().min_by(|a, b| a.distance.total_cmp(&b.distance)) else { continue };
        let lines: Vec<&Candidate> =
            lines.into_iter().filter(|c| c.distance - outer.distance <= SAME_BASELINE_EM * c.size.max(1.0)).collect();
        let position = i64::try_from(page).unwrap_or(i64::MAX).saturating_add(1);
        let number = lines.iter().find_map(|c| edge_number(text_of(pages, c)));
        if let Some(number) = number {
            heads.push(Head { outer, lines, offset: number.saturating_sub(position) });
        }
    }
    let mut by_offset: HashMap<i64, Vec<&Head>> = HashMap::new();
    for head in &heads {
        by_offset.entry(head.offset).or_default().push(head);
    }
    let mut marked = Vec::new();
    for mut group in by_offset.into_values() {
        let mut pages_seen: Vec<usize> = group.iter().map(|h| h.outer.page).collect();
        pages_seen.sort_unstable();
        pages_seen.dedup();
        if pages_seen.len() < needed {
            continue;
        }
        // Sorted by edge and distance, heads at the same place are neighbours.
        // A page has one head per edge, so any neighbour at the same place is another page's.
        group.sort_by(|a, b| a.outer.edge.cmp(&b.outer.edge).then(a.outer.distance.total_cmp(&b.outer.distance)));
        for (i, head) in group.iter().enumerate() {
            let near = |o: &&&Head| same_position(o.outer, head.outer);
            let before = group.get(..i).unwrap_or(&[]).iter().rev().take_while(near).count();
            let after = group.get(i + 1..).unwrap_or(&[]).iter().take_while(near).count();
            if before + after > 0 {
                marked.extend(head.lines.iter().map(|c| (c.page, c.block, c.line)));
            }
        }
    }
    marked
}

/// The page number a line begins or ends with: a whole word of at most
/// [`MAX_PAGE_NUMBER_DIGITS`] ASCII digits.
fn edge_number(text: &str) -> Option<i64> {
    let mut words = text.split_whitespace();
    let (first, last) = (words.next(), words.next_back());
    [first, last].into_iter().flatten().find_map(|w| {
        (w.len() <= MAX_PAGE_NUMBER_DIGITS && w.bytes().all(|b| b.is_ascii_digit())).then(|| w.parse().ok()).flatten()
    })
}

/// The comparison key of a line: lower case, runs of digits as `#`, spaces collapsed.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_digits = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('#');
            }
            in_digits = true;
            continue;
        }
        in_digits = false;
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::{Block, Cell};

    fn page(lines: &[(&str, f32)]) -> PageLayout {
        let blocks = lines
            .iter()
            .map(|(t, y)| Block {
                lines: vec![Line {
                    text: t.to_string(),
                    cells: vec![Cell { x0: 50.0, x1: 300.0, text: t.to_string(), words: Vec::new(), tag: None }],
                    x0: 50.0,
                    x1: 300.0,
                    y: *y,
                    size: 10.0,
                    upright: true,
                    marking: Marking::None,
                    tag: Default::default(),
                }],
            })
            .collect();
        PageLayout { blocks, height: 800.0 }
    }

    #[test]
    fn page_numbers_and_running_header_are_removed() {
        let mut pages = vec![
            page(&[("Kommune · Forvaltning", 780.0), ("Første side tekst", 600.0), ("Side 1 af 3", 30.0)]),
            page(&[("Kommune · Forvaltning", 780.5), ("Anden side", 600.0), ("Side 2 af 3", 30.0)]),
            page(&[("Kommune · Forvaltning", 780.0), ("Tredje side", 500.0), ("Side 3 af 3", 31.0)]),
        ];
        let removed = strip(&mut pages);
        assert_eq!(removed[1], vec!["Kommune · Forvaltning".to_string(), "Side 2 af 3".to_string()]);
        let texts: Vec<&str> = pages[2].blocks.iter().flat_map(|b| b.lines.iter().map(|l| l.text.as_str())).collect();
        assert_eq!(texts, vec!["Tredje side"]);
    }

    #[test]
    fn pages_holding_only_furniture_keep_it_as_body() {
        let mut pages = vec![page(&[("Page 1", 30.0)]), page(&[("Page 2", 30.0)]), page(&[("Page 3", 30.0)])];
        assert!(strip(&mut pages).iter().all(Vec::is_empty));
        assert_eq!(pages[1].blocks[0].lines[0].text, "Page 2");
        // One page with a body is enough for the numbers to be furniture everywhere.
        let mut pages = vec![page(&[("Page 1", 30.0)]), page(&[("Tekst", 600.0), ("Page 2", 30.0)])];
        assert_eq!(strip(&mut pages), vec![vec!["Page 1".to_string()], vec!["Page 2".to_string()]]);
        assert!(pages[0].blocks.is_empty());
    }

    /// A line of cells `(x0, x1, text)` at height `y`.
    fn row(cells: &[(f32, f32, &str)], y: f32) -> Line {
        let cells: Vec<Cell> = cells
            .iter()
            .map(|&(x0, x1, t)| Cell { x0, x1, text: t.to_string(), words: Vec::new(), tag: None })
            .collect();
        let mut line = Line {
            text: String::new(),
            cells,
            x0: 50.0,
            x1: 500.0,
            y,
            size: 10.0,
            upright: true,
            marking: Marking::None,
            tag: Default::default(),
        };
        line.update_text();
        line
    }

    #[test]
    fn a_table_header_row_repeated_on_every_page_stays_in_the_body() {
        let header = [(50.0, 120.0, "Hovedformål"), (130.0, 250.0, "Formålet"), (300.0, 360.0, "Budget 2026")];
        let pages: Vec<PageLayout> = ["Folkeskoler", "Ældrepleje", "Biblioteker"]
            .into_iter()
            .zip(1..)
            .map(|(purpose, n)| {
                // The first row differs from page to page, as a table's rows do.
                let first =
                    row(&[(50.0, 110.0, "0 Byudvikling"), (130.0, 200.0, purpose), (320.0, 360.0, "47")], 752.0);
                let folio = row(&[(250.0, 290.0, &format!("Side {n}"))], 30.0);
                PageLayout {
                    blocks: vec![Block { lines: vec![row(&header, 765.0), first] }, Block { lines: vec![folio] }],
                    height: 800.0,
                }
            })
            .collect();
        let mut stripped = pages.clone();
        assert_eq!(strip(&mut stripped)[1], vec!["Side 2".to_string()]);
        assert_eq!(stripped[1].blocks[0].lines[0].text, "Hovedformål Formålet Budget 2026");
        // The same line set off from a paragraph below it is a running head.
        let mut running: Vec<PageLayout> = pages
            .into_iter()
            .map(|mut page| {
                page.blocks[0].lines[1] = row(&[(50.0, 500.0, "Brødtekst")], 600.0);
                page
            })
            .collect();
        assert_eq!(strip(&mut running)[1], vec!["Hovedformål Formålet Budget 2026".to_string(), "Side 2".to_string()]);
    }

    #[test]
    fn one_page_keeps_everything() {
        let mut pages = vec![page(&[("Side 1 af 1", 30.0)])];
        assert!(strip(&mut pages)[0].is_empty());
        assert_eq!(pages[0].blocks.len(), 1);
    }

    #[test]
    fn running_heads_changing_per_section_are_removed_by_their_page_numbers() {
        // Book pages 4–7 on PDF pages 1–4: number at the outer edge, section text changing.
        let mut pages = vec![
            page(&[("4 KAPITEL 1. TOPOLOGIE", 780.0), ("Erster Absatz", 600.0)]),
            page(&[("1.1. RÄUME 5", 780.0), ("Zweiter Absatz", 600.0)]),
            page(&[("6 KAPITEL 1. TOPOLOGIE", 780.0), ("Dritter Absatz", 600.0)]),
            page(&[("1.2. METRIK 7", 780.0), ("Tabelle 7", 700.0)]),
        ];
        let removed = strip(&mut pages);
        assert_eq!(removed[1], vec!["1.1. RÄUME 5".to_string()]);
        assert_eq!(removed[3], vec!["1.2. METRIK 7".to_string()]);
        let texts: Vec<&str> = pages[3].blocks.iter().flat_map(|b| b.lines.iter().map(|l| l.text.as_str())).collect();
        assert_eq!(texts, vec!["Tabelle 7"]);
    }

    #[test]
    fn numbers_out_of_sequence_are_body_text() {
        // The first lines end in numbers, but not in the pages' order.
        let mut pages = vec![
            page(&[("Budget 2026 i alt 12", 780.0)]),
            page(&[("Drift i alt 3", 780.0)]),
            page(&[("Anlæg i alt 40", 780.0)]),
        ];
        assert!(strip(&mut pages).iter().all(Vec::is_empty));
    }

    #[test]
    fn head_on_every_other_page_is_removed_and_a_one_off_repeat_is_not() {
        let body = ("Text", 600.0);
        let mut pages = vec![
            page(&[("Kapitel 1", 780.0), body]),
            page(&[("Geometrie und Topologie", 780.0), ("Kapitel 1", 772.0), body]),
            page(&[body]),
            page(&[("Geometrie und Topologie", 780.0), body]),
            page(&[body]),
            page(&[body]),
        ];
        let removed = strip(&mut pages);
        // Two of the three even pages: enough for one side, not for the document (three of six).
        assert_eq!(removed[1], vec!["Geometrie und Topologie".to_string()]);
        assert_eq!(removed[3], vec!["Geometrie und Topologie".to_string()]);
        // "Kapitel 1" is as often at the same place, but on both sides: body text.
        assert!(removed[0].is_empty());
        let texts: Vec<&str> = pages[1].blocks.iter().flat_map(|b| b.lines.iter().map(|l| l.text.as_str())).collect();
        assert_eq!(texts, vec!["Kapitel 1", "Text"]);
    }
}
