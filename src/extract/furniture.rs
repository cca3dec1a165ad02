//! Page furniture: running headers, footers and page numbers, found by comparing pages.
//!
//! A line near the top or bottom edge is furniture when a line with the same text — digits
//! normalised, so "Side 3 af 9" matches "Side 4 af 9" — sits at about the same distance from
//! that edge on at least half of the document's pages (and on two at least). One page alone
//! gives no evidence, so single-page documents keep everything.

use std::collections::HashMap;

use super::layout::PageLayout;

/// Share of the page height, from the top and from the bottom, where furniture may sit.
const EDGE_ZONE: f32 = 0.2;
/// Share of pages a furniture line must appear on.
const MIN_PAGE_SHARE: f32 = 0.5;
/// Positions match within this many font sizes (producers jitter by a point or two).
const POSITION_TOLERANCE_EM: f32 = 1.0;

/// Which edge a candidate line is near.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Edge {
    Top,
    Bottom,
}

/// A line near an edge: where it is and how far from the edge.
struct Candidate {
    page: usize,
    block: usize,
    line: usize,
    distance: f32,
    size: f32,
}

/// Removes furniture lines from `pages` and returns them, per page, in reading order.
pub(crate) fn strip(pages: &mut [PageLayout]) -> Vec<Vec<String>> {
    let mut removed = vec![Vec::new(); pages.len()];
    let page_count = pages.len();
    if page_count < 2 {
        return removed;
    }
    let needed = ((MIN_PAGE_SHARE * page_count as f32).ceil() as usize).max(2);

    let mut groups: HashMap<(Edge, String), Vec<Candidate>> = HashMap::new();
    for (p, page) in pages.iter().enumerate() {
        for (b, block) in page.blocks.iter().enumerate() {
            for (l, line) in block.lines.iter().enumerate() {
                if !line.upright || page.height <= 0.0 {
                    continue;
                }
                let from_top = page.height - line.y;
                let edge = if from_top <= EDGE_ZONE * page.height {
                    (Edge::Top, from_top)
                } else if line.y <= EDGE_ZONE * page.height {
                    (Edge::Bottom, line.y)
                } else {
                    continue;
                };
                let candidate = Candidate { page: p, block: b, line: l, distance: edge.1, size: line.size };
                groups.entry((edge.0, normalise(&line.text))).or_default().push(candidate);
            }
        }
    }

    let mut marked: Vec<(usize, usize, usize)> = Vec::new();
    for candidates in groups.values() {
        for c in candidates {
            let tolerance = POSITION_TOLERANCE_EM * c.size.max(1.0);
            let mut pages_seen: Vec<usize> =
                candidates.iter().filter(|o| (o.distance - c.distance).abs() <= tolerance).map(|o| o.page).collect();
            pages_seen.dedup();
            if pages_seen.len() >= needed {
                marked.push((c.page, c.block, c.line));
            }
        }
    }
    // Remove back to front so earlier indices stay valid.
    marked.sort_unstable();
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
    use super::super::layout::{Block, Cell, Line};
    use super::*;

    fn page(lines: &[(&str, f32)]) -> PageLayout {
        let blocks = lines
            .iter()
            .map(|(t, y)| Block {
                lines: vec![Line {
                    text: t.to_string(),
                    cells: vec![Cell { x0: 50.0, x1: 300.0, text: t.to_string() }],
                    x0: 50.0,
                    x1: 300.0,
                    y: *y,
                    size: 10.0,
                    upright: true,
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
    fn one_page_keeps_everything() {
        let mut pages = vec![page(&[("Side 1 af 1", 30.0)])];
        assert!(strip(&mut pages)[0].is_empty());
        assert_eq!(pages[0].blocks.len(), 1);
    }
}
