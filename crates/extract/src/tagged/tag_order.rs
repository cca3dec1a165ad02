//! Reading order from the structure tree of a tagged PDF, where it disagrees with geometry and
//! passes a check against it.
//!
//! Geometry reads most pages right; where it does not (columns too close to find, a text box
//! beside the text), a tagged page's structure tree says the order the author wrote. But
//! producers get tags wrong, so the tree's order replaces geometry's only when
//! 1. the tags cover the page's text: at least [`MIN_COVERAGE`] of its glyphs outside
//!    artifacts are in marked content the tree refers to (a tree that misses text cannot place
//!    it), and no MCID is referred to twice (see `tag_lines::Tagging`);
//! 2. geometry's order disagrees: read by geometry, the page's block elements do not come in
//!    the tree's order (where they do, nothing changes);
//! 3. every block element is coherent in the tree's order: taken in that order, each of its
//!    lines is below the one before, or starts right of where the one before ends (the next
//!    column). Lines that climb back up within a column mean the tree's order of this page
//!    is not a reading order, and geometry stays.
//!
//! Then each block element (a whole table for table cells) is laid out on its own, lines in the
//! tree's order, elements in the tree's order; text outside the tree (artifacts) keeps its
//! geometric order, above or below the tagged text.

use std::collections::HashMap;

/// Least share of a page's glyphs outside artifacts that must be tagged content.
pub(crate) const MIN_COVERAGE: f32 = 0.9;
/// Baselines closer than this (× font size) are one line (as in `layout`).
const BASELINE_TOLERANCE_EM: f32 = 0.45;
/// A line may start this far (× font size) left of the end of the line before and still be the
/// next column's.
const COLUMN_JUMP_SLACK_EM: f32 = 2.0;

/// One run of text as the tag order sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RunTag {
    /// The element it belongs to (a block, or the table holding its cell) and its place in the
    /// tree's order; `None` for untagged text and artifacts.
    pub group: Option<(u64, u32)>,
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub size: f32,
    /// Its element is a figure: placed where geometry reads it, after the element geometry
    /// reads before it, not where the tree has it.
    pub figure: bool,
    /// Non-space glyphs outside artifacts, and those of them that are tagged content.
    pub content: usize,
    pub tagged: usize,
}

/// The order of the runs by the tree: the groups of run indices to lay out one by one (one per
/// element, in the tree's order), and the rest (untagged runs); `None` to keep geometry.
/// `geometric` is geometry's reading order: flows of run indices.
pub(crate) fn order(runs: &[RunTag], geometric: &[Vec<usize>]) -> Option<(Vec<Vec<usize>>, Vec<usize>)> {
    let content: usize = runs.iter().map(|r| r.content).sum();
    let tagged: usize = runs.iter().map(|r| r.tagged).sum();
    if content == 0 || (tagged as f32) < MIN_COVERAGE * content as f32 {
        return None;
    }
    // Each element's first place in the tree's order.
    let mut first: HashMap<u64, u32> = HashMap::new();
    for (group, order) in runs.iter().filter_map(|r| r.group) {
        let f = first.entry(group).or_insert(order);
        *f = (*f).min(order);
    }
    if first.len() < 2 || agrees(runs, geometric, &first) {
        return None;
    }
    let mut groups: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut rest = Vec::new();
    for (i, run) in runs.iter().enumerate() {
        match run.group {
            Some((group, _)) => groups.entry(group).or_default().push(i),
            None => rest.push(i),
        }
    }
    if !groups.values().all(|members| coherent(runs, members)) {
        return None;
    }
    // A figure goes right after the element geometry reads before it.
    let mut key: HashMap<u64, (u32, u32)> = first.iter().map(|(&g, &f)| (g, (f, 0))).collect();
    let mut previous: Option<u64> = None;
    for flow in geometric {
        for i in lines(runs, flow).into_iter().flatten() {
            let Some(run) = runs.get(i) else { continue };
            let Some((group, _)) = run.group else { continue };
            if run.figure {
                let after = previous.and_then(|p| first.get(&p)).map_or((0, 0), |&f| (f, 1));
                key.insert(group, after);
            } else {
                previous = Some(group);
            }
        }
    }
    let mut ordered: Vec<((u32, u32), Vec<usize>)> = groups
        .into_iter()
        .map(|(group, members)| (key.get(&group).copied().unwrap_or((u32::MAX, 0)), members))
        .collect();
    ordered.sort_by_key(|(k, _)| *k);
    Some((ordered.into_iter().map(|(_, members)| members).collect(), rest))
}

/// Whether geometry reads the elements in the tree's order: along its flows, line by line, the
/// elements' first places never go back.
fn agrees(runs: &[RunTag], geometric: &[Vec<usize>], first: &HashMap<u64, u32>) -> bool {
    let mut last = 0u32;
    for flow in geometric {
        for line in lines(runs, flow) {
            for i in line {
                // Figures float: where the tree has them is no disagreement.
                let Some((group, _)) = runs.get(i).filter(|r| !r.figure).and_then(|r| r.group) else { continue };
                let place = first.get(&group).copied().unwrap_or(0);
                if place < last {
                    return false;
                }
                last = place;
            }
        }
    }
    true
}

/// Whether an element's lines, in the tree's order, each go down or on to the next column.
fn coherent(runs: &[RunTag], members: &[usize]) -> bool {
    let mut lines: Vec<(u32, f32, f32, f32, f32)> = lines(runs, members)
        .into_iter()
        .filter_map(|line| {
            let rs: Vec<&RunTag> = line.iter().filter_map(|&i| runs.get(i)).collect();
            let order = rs.iter().filter_map(|r| r.group.map(|(_, o)| o)).min()?;
            let x0 = rs.iter().map(|r| r.x0).fold(f32::INFINITY, f32::min);
            let x1 = rs.iter().map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max);
            let size = rs.iter().map(|r| r.size).fold(0.0, f32::max);
            Some((order, x0, x1, rs.first()?.y, size))
        })
        .collect();
    lines.sort_by_key(|l| l.0);
    lines.windows(2).all(|w| match w {
        [(_, _, px1, py, size), (_, nx0, _, ny, _)] => {
            *ny < py + BASELINE_TOLERANCE_EM * size || *nx0 > px1 - COLUMN_JUMP_SLACK_EM * size
        }
        _ => true,
    })
}

/// `members` grouped into lines by baseline, top to bottom, each left to right.
fn lines(runs: &[RunTag], members: &[usize]) -> Vec<Vec<usize>> {
    let mut sorted: Vec<usize> = members.iter().copied().filter(|&i| i < runs.len()).collect();
    let at = |i: usize| runs.get(i).copied();
    sorted.sort_by(|&a, &b| match (at(a), at(b)) {
        (Some(a), Some(b)) => b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)),
        _ => std::cmp::Ordering::Equal,
    });
    let mut lines: Vec<Vec<usize>> = Vec::new();
    for i in sorted {
        let Some(run) = at(i) else { continue };
        let same = lines
            .last()
            .and_then(|l| l.first())
            .and_then(|&f| at(f))
            .is_some_and(|first| (first.y - run.y).abs() <= BASELINE_TOLERANCE_EM * first.size.max(run.size));
        match lines.last_mut() {
            Some(line) if same => line.push(i),
            _ => lines.push(vec![i]),
        }
    }
    for line in &mut lines {
        line.sort_by(|&a, &b| match (at(a), at(b)) {
            (Some(a), Some(b)) => a.x0.total_cmp(&b.x0),
            _ => std::cmp::Ordering::Equal,
        });
    }
    lines
}
