//! Layout: positioned glyphs → runs → columns → lines → blocks, in reading order.
//!
//! * A *run* is a stretch of glyphs shown one after another on one baseline without a big jump;
//!   content-stream order is kept inside a run (it survives kerning and overlapping glyphs).
//! * *Columns*: if a vertical gutter splits most runs of the page (and the text on both sides
//!   looks like running text, not table cells), each side is read on its own, top to bottom,
//!   left side first; runs crossing the gutter (titles, full-width headings) cut the page into
//!   bands read in order. Sides are split again, so three columns work too. A table row or
//!   caption drawn across the gutter (its cells shown one after another on one baseline, with
//!   cells on both sides and no column-filling text, or several cells on one side beside a
//!   first cell filling a narrow column) is full-width too, though no single run
//!   crosses the gutter. Sides whose lines are too short to fill a column (an index, a symbol
//!   list) are columns when the content stream writes them one after the other, each in long
//!   stretches; a table's rows switch side at every row. On three columns, the side holding two
//!   is running text when it has a gutter of its own between columns as wide as the third
//!   (ragged lines fill less than half of two columns). Where too much text crosses every
//!   gutter, text crossing above or below the columns' lines (a full-width box under them) is
//!   set aside, if the columns stand side by side at line pitch and are most of the text.
//!   Where still no gutter is found, the region is cut into bands at wide empty strips and a
//!   band holding columns of running text, written one after the other, is split on its own
//!   (columns above a box under two of them); so is a stretch read as one flow beside a gutter
//!   (a column beside a chart whose caption crosses the page's gutter). Where the least crossed
//!   gutter is crossed between two lines of a column beside the crossing text (a chart's source
//!   line over two columns, beside a third), cutting bands there would cut that column: a
//!   gutter crossed only apart from the columns (a title, a box under them) is taken instead,
//!   if there is one. A page still kept whole
//!   is cut at every gap across its full width, and two or more bands of columns split by one
//!   gutter are each split on their own (a table wider than the columns between two bands of
//!   them). A cell or URL that runs from the left column over or up to the next column's lines,
//!   shown after a run of its own column, stays in its column, and so does a table cell
//!   overfilled into the gutter (shown after its row's earlier cells, starting at its table
//!   column); a table running
//!   up to the next column's text leaves the gutter measured on the running text's line ends;
//!   a URL past the last column's margin does not make that column wider than the others.
//! * *Lines*: runs of one column on the same baseline, left to right — table cells on one row
//!   end up on one line, separated by single spaces. Under a run alone on its row that ends in
//!   a hyphen, the run continuing it and what follows right of it are a line of their own,
//!   before what stands left of it (a chart's axis title "Kom-" / "mune" beside the axis' "0").
//! * *Blocks*: a new block starts where the line spacing jumps or the font size changes.
//!
//! Word boundaries come from space glyphs and from gaps wider than [`WORD_GAP_EM`] of the font
//! size (a `TJ` kern of -250 thousandths is a space, -20 is not).

pub(crate) mod compose;
pub(crate) mod table;

use crate::glyphs::{Glyph, GlyphPage, Marking};
use crate::lines::{Block, Cell, Line, LineTag, PageLayout, WordSpan};
use crate::tagged::structure::PageTags;
use crate::tagged::tag_lines::{self, Tagging};
use crate::tagged::tag_order;

/// A gap wider than this fraction of the font size separates words. Inter-word spaces are
/// 0.22–0.33 em in text fonts (even shrunk by justification), while kerning inside words stays
/// below 0.1 em.
const WORD_GAP_EM: f32 = 0.15;
/// A run of a tagged element more than this (× font size) above the run before it, and right
/// of it, starts the element's part in the next column (a formula's numerator is 0.7 em up).
const NEXT_COLUMN_CLIMB_EM: f32 = 1.0;
/// Baselines closer than this (× the larger font size) are the same line; keeps super- and
/// subscripts (shifted ~0.33 em) on their line while adjacent lines are ≥ 1 em apart.
const BASELINE_TOLERANCE_EM: f32 = 0.45;
/// A glyph at most this share of a run's size, raised by at most [`SUPERSCRIPT_RAISE_EM`] of
/// that size, is its superscript (Word: 0.66 of the size, 0.48 em up; LibreOffice 0.58, 0.33 em).
const SUPERSCRIPT_SIZE: f32 = 0.8;
/// A glyph smaller than this share of a run's size is no superscript of it: text beside a brace
/// drawn 126 pt tall is not (TeX's second-level scripts are 0.5 of the size).
const SUPERSCRIPT_MIN_SIZE: f32 = 0.45;
/// See [`SUPERSCRIPT_SIZE`]; a superscript stays inside its line's height (its top below the
/// line's ascender), while the line above is at least 1.1 em up.
const SUPERSCRIPT_RAISE_EM: f32 = 0.6;
/// A superscript is at most this far (× the larger size) right of the glyph before: a space at most.
const SUPERSCRIPT_GAP_EM: f32 = 0.4;
/// A gap wider than this (× font size) between two runs of a line separates table cells.
const CELL_GAP_EM: f32 = 0.8;
/// Fewest glyphs of a run that starts inside the previous run for it to be another cell: a
/// single glyph there is an accent or a mark placed over the text.
const MIN_OVERLAPPING_CELL_GLYPHS: usize = 2;
/// A forward jump wider than this ends a run (column gutters and table cell gaps are wider).
const RUN_BREAK_EM: f32 = 1.0;
/// A step backwards larger than this ends a run (overlap from kerning is smaller).
const BACKSTEP_EM: f32 = 0.5;
/// Rows of one flow whose baselines are closer than this (× font size) are pieces of one
/// formula (a display fraction's numerator and denominator are about 0.7 em from its main
/// line); lines of text are at least 1.1 em apart.
const TANGLED_ROWS_EM: f32 = 0.9;
/// A formula's piece starting less than this (× font size) right of its line's left end starts
/// a new line (the next line of text, or of a multi-line formula).
const FORMULA_RETURN_EM: f32 = 0.5;
/// A run at most this share of its flow's width wide can be a drawing's label; a line of
/// running text fills its flow.
const MAX_LABEL_SHARE: f32 = 0.5;
/// Fewest runs on which column detection is tried: two short columns of two lines each, under
/// a running head (LibreOffice balances the columns of a section that ends on a page).
const MIN_RUNS_FOR_COLUMNS: usize = 5;
/// Below this many runs a page has little text: lines alone at its top or bottom (running
/// head, footer) are left out when looking for a gutter, and columns must be wide.
const SPARSE_PAGE_RUNS: usize = 8;
/// On a page with little text, each column must be at least this wide (× font size), so a short
/// table of contents (titles left, page numbers right) is not read as two columns.
const MIN_SPARSE_COLUMN_EM: f32 = 10.0;
/// At most this share of the text (by width) may cross a gutter (titles, full-width headings, footers).
const MAX_CROSSING_SHARE: f32 = 0.1;
/// Each side of a gutter must hold at least this share of the text (by width).
const MIN_SIDE_SHARE: f32 = 0.05;
/// A gutter must be at least this wide (× median font size); pdfTeX's `\columnsep` is 1 em.
const MIN_GUTTER_EM: f32 = 0.6;
/// A run "fills" its column when it is at least this share of the column width wide.
const MIN_FILL_SHARE: f32 = 0.45;
/// Share of a side's text (by width) that must sit in column-filling runs.
const MIN_FILLING_TEXT: f32 = 0.5;
/// Of each side's height, at least this share must be beside the other side's text.
const MIN_SIDE_BY_SIDE: f32 = 0.5;
/// Columns of one page differ in width by at most this share.
const COLUMN_WIDTH_TOLERANCE: f32 = 0.15;
/// Share of runs on each side allowed to reach into the gutter.
const GUTTER_EDGE_OUTLIERS: f32 = 0.05;
/// Share of a side's runs allowed past its outer edge when columns' widths are compared: URLs
/// that pdfTeX cannot break run past the last column's margin, a few lines of its text.
const OVERFLOW_OUTLIERS: f32 = 0.1;
/// Lines on both sides of a gutter on this share of shared baselines are one table's rows.
const MAX_SHARED_BASELINES: f32 = 0.7;
/// Baselines this close (× font size) are the same table row.
const SAME_BASELINE_EM: f32 = 0.15;
/// Fewest lines on each side for the content stream's order to tell columns from a table.
const MIN_SIDE_LINES_IN_STREAM: usize = 4;
/// Columns written one after the other: at least this many lines per stretch of the stream
/// that stays on one side of the gutter (a table row switches side at every row: about one).
const MIN_LINES_PER_STRETCH: usize = 4;
/// Consecutive lines of running text are at most this far apart (× font size); 1.2 is usual.
const MAX_LINE_PITCH_EM: f32 = 1.6;
/// Farthest (× font size) a table cell overflowing a column reaches past the gutter
/// (see [`overflowed_gutter`]); Chromium's overflow its column's gutter and a letter or two.
const MAX_OVERFLOW_EM: f32 = 3.0;
/// Candidate gutter positions tried per split.
const GUTTER_CANDIDATES: usize = 200;
/// Distinct strips tried as the page's gutter (the least crossed may be a table's column gap).
const PAGE_GUTTER_TRIES: usize = 6;
/// A gutter crossed by more text is taken only if its sides' width ratio (narrower / wider) is
/// higher by more than this: either gutter of three columns leaves one column and two (about
/// 0.47 both), while a page's gutter beside a table's column gap is 1 against 0.2–0.45.
const EVENNESS_MARGIN: f32 = 0.15;
/// Width ratio of two columns of like width (see [`COLUMN_WIDTH_TOLERANCE`]).
const ALIKE_COLUMNS: f32 = 1.0 - COLUMN_WIDTH_TOLERANCE;
/// ... with a gutter at most this share of the narrower column wide (pdfTeX's is 0.09, a wide
/// gap inside a chart beside a text column 0.8).
const MAX_GUTTER_SHARE: f32 = 0.25;
/// Deepest recursive column split (three or four columns at most in practice).
const MAX_SPLIT_DEPTH: usize = 3;
/// An empty strip this tall (× median font size) across a region without a gutter cuts it into
/// bands split on their own: a paragraph break in both columns at once is about 3 em.
const MIN_BAND_GAP_EM: f32 = 3.5;
/// A line gap this many times the flow's usual line pitch starts a new block.
const BLOCK_GAP_FACTOR: f32 = 1.4;
/// A font size change by more than this share starts a new block (headings).
const BLOCK_SIZE_CHANGE: f32 = 0.15;
/// Fewest cells (runs) of a table row drawn across a gutter; a line of running text in each
/// column has two.
const MIN_ACROSS_ROW_CELLS: usize = 3;
/// A line drawn across the gutter this close (× font size) above or below a table row drawn
/// across it belongs to the table (its caption, a header line).
const ACROSS_ROW_NEIGHBOUR_EM: f32 = 2.5;

/// A stretch of glyphs on one baseline: `members[start..end]` of the direction's glyph list.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    /// The lowest point a glyph of the run reaches where it hangs from its top (see
    /// [`Glyph::depth_tenths`]); infinity where none does.
    low: f32,
    /// Part of a row drawn across the current gutter (set by [`mark_rows_across`]).
    across: bool,
}

/// Lays out every writing direction of `page` (quarter turn and skew, see [`Glyph::skew`]);
/// upright text first, then the other axes, diagonal text of each after it. `tags`, the page's
/// structure tree if it is tagged, keeps table cells apart and headings blocks of their own.
pub(crate) fn lay_out(page: &GlyphPage, tags: Option<&PageTags>) -> PageLayout {
    let tagging = Tagging::new(tags);
    let mut layout = PageLayout { blocks: Vec::new(), height: page.height };
    let mut directions: Vec<(u8, i8)> = page.glyphs.iter().map(|g| (g.dir, g.skew)).collect();
    directions.sort_unstable_by_key(|&(dir, skew)| (dir, skew != 0, skew));
    directions.dedup();
    for (dir, skew) in directions {
        let members: Vec<usize> =
            page.glyphs.iter().enumerate().filter(|(_, g)| g.dir == dir && g.skew == skew).map(|(i, _)| i).collect();
        if members.iter().all(|&i| page.glyphs.get(i).is_none_or(|g| g.is_space)) {
            continue;
        }
        let runs = build_runs(&page.glyphs, &members, &tagging);
        let upright = dir == 0 && skew == 0;
        let mut flows = Vec::new();
        split_columns(runs.clone(), 0, &mut flows);
        let flows = match upright.then(|| tag_flows(page, &members, &runs, &flows, &tagging)).flatten() {
            Some(tagged) => tagged,
            None => flows.into_iter().map(|flow| (flow, false)).collect(),
        };
        for (flow, by_tags) in flows {
            let mut lines = if by_tags {
                column_pieces(flow)
                    .into_iter()
                    .flat_map(|piece| build_lines(page, &members, piece, upright, &tagging))
                    .collect()
            } else {
                build_lines(page, &members, flow, upright, &tagging)
            };
            if by_tags {
                lines.sort_by_key(|l| l.tag.first.unwrap_or(u32::MAX));
            }
            let lines = table::merge_wrapped_rows(tag_lines::merge_rows(lines));
            layout.blocks.extend(build_blocks(lines));
        }
    }
    layout
}

/// The flows of a tagged page in its structure tree's reading order, where `tag_order` says to
/// use it: each element's runs a flow whose lines go in the tree's order (marked `true`), and
/// untagged runs in geometric flows above or below them. `None` keeps `geometric`.
fn tag_flows(
    page: &GlyphPage,
    members: &[usize],
    runs: &[Run],
    geometric: &[Vec<Run>],
    tagging: &Tagging,
) -> Option<Vec<(Vec<Run>, bool)>> {
    if !tagging.is_active() {
        return None;
    }
    let glyphs = |r: &Run| members.get(r.start..r.end).unwrap_or(&[]).iter().filter_map(|&i| page.glyphs.get(i));
    let tags: Vec<tag_order::RunTag> =
        runs.iter().map(|r| tagging.run_tag(glyphs(r), [r.x0, r.x1, r.y, r.size])).collect();
    // Runs cover disjoint stretches of `members`, so a run's start names it.
    let index: std::collections::HashMap<usize, usize> = runs.iter().enumerate().map(|(i, r)| (r.start, i)).collect();
    let geometric: Vec<Vec<usize>> =
        geometric.iter().map(|flow| flow.iter().filter_map(|r| index.get(&r.start).copied()).collect()).collect();
    let (groups, rest) = tag_order::order(&tags, &geometric)?;
    let top = groups.iter().flatten().filter_map(|&i| runs.get(i)).map(|r| r.y).fold(f32::NEG_INFINITY, f32::max);
    let (above, below): (Vec<Run>, Vec<Run>) =
        rest.iter().filter_map(|&i| runs.get(i).copied()).partition(|r| r.y > top);
    let mut flows = Vec::new();
    let geometric_flows = |part: Vec<Run>, flows: &mut Vec<(Vec<Run>, bool)>| {
        let mut split = Vec::new();
        if !part.is_empty() {
            split_columns(part, 0, &mut split);
        }
        flows.extend(split.into_iter().map(|flow| (flow, false)));
    };
    geometric_flows(above, &mut flows);
    flows.extend(groups.into_iter().map(|g| (g.into_iter().filter_map(|i| runs.get(i).copied()).collect(), true)));
    geometric_flows(below, &mut flows);
    Some(flows)
}

/// An element's runs (laid out by the tree's order) cut where the content stream goes on in the
/// next column: a run more than a line above the run before it and starting right of where that
/// one ends. A paragraph that Chromium breaks across columns is one marked sequence; its lines
/// sorted top to bottom would put the next column's first lines before its own, or pair lines
/// of the two columns on one baseline.
fn column_pieces(runs: Vec<Run>) -> Vec<Vec<Run>> {
    cut_in_stream_order(runs, |last, run| !next_column(last, run))
}

/// `runs` in content-stream order, cut into stretches: a run joins the stretch before it when
/// `continues(last run of that stretch, run)`.
fn cut_in_stream_order(mut runs: Vec<Run>, continues: impl Fn(&Run, &Run) -> bool) -> Vec<Vec<Run>> {
    runs.sort_by_key(|r| r.start);
    let mut stretches: Vec<Vec<Run>> = Vec::new();
    for run in runs {
        match stretches.last_mut() {
            Some(stretch) if stretch.last().is_some_and(|last| continues(last, &run)) => stretch.push(run),
            _ => stretches.push(vec![run]),
        }
    }
    stretches
}

/// Whether `run`, shown right after `last`, starts the next column.
fn next_column(last: &Run, run: &Run) -> bool {
    run.y - last.y > NEXT_COLUMN_CLIMB_EM * run.size.max(last.size) && run.x0 >= last.x1
}

/// Cuts the direction's glyphs (stream order) into runs; a tagged table cell, or another
/// element of the tree's reading order, ends one.
fn build_runs(glyphs: &[Glyph], members: &[usize], tagging: &Tagging) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut current: Option<(Run, Glyph)> = None;
    for (pos, g) in members.iter().enumerate().filter_map(|(p, &i)| glyphs.get(i).map(|g| (p, g))) {
        if g.is_space {
            if let Some((run, _)) = current.as_mut() {
                run.end = pos + 1;
            }
            continue;
        }
        if let Some((mut run, last)) = current.take() {
            let size = last.size.max(g.size);
            let same_line = ((g.y - last.y).abs() <= BASELINE_TOLERANCE_EM * size || superscript_step(&run, &last, g))
                && g.x0 >= last.x1 - BACKSTEP_EM * size
                && g.x0 - last.x1 <= RUN_BREAK_EM * size
                && !tagging.splits(&last, g)
                && !tagging.parts(&last, g);
            if same_line {
                run.end = pos + 1;
                run.x0 = run.x0.min(g.x0);
                run.x1 = run.x1.max(g.x1);
                if g.size > run.size {
                    run.size = g.size;
                    run.y = g.y;
                }
                run.low = run.low.min(hanging_low(g));
                current = Some((run, *g));
                continue;
            }
            runs.push(run);
        }
        let run = Run {
            start: pos,
            end: pos + 1,
            x0: g.x0,
            x1: g.x1,
            y: g.y,
            size: g.size,
            low: hanging_low(g),
            across: false,
        };
        current = Some((run, *g));
    }
    if let Some((run, _)) = current {
        runs.push(run);
    }
    runs
}

/// Whether `g`, shown right after `last` and at most a space right of it, steps onto or off a
/// superscript of `run`: `g` is one ([`superscript_of`]), or `last` is one and `g` is back on
/// the run's baseline. Word raises a footnote mark about 0.48 em, past
/// [`BASELINE_TOLERANCE_EM`]. Measured against the run, not `last`: a bullet a line below a
/// line's last letter is no return from a superscript.
fn superscript_step(run: &Run, last: &Glyph, g: &Glyph) -> bool {
    if g.x0 - last.x1 > SUPERSCRIPT_GAP_EM * run.size.max(g.size) {
        return false;
    }
    superscript_of(run, g)
        || (superscript_of(run, last) && (g.y - run.y).abs() <= BASELINE_TOLERANCE_EM * run.size.max(g.size))
}

/// Whether `g` is a superscript of `run`: [`SUPERSCRIPT_MIN_SIZE`] to [`SUPERSCRIPT_SIZE`] of
/// its size and raised above its baseline by at most [`SUPERSCRIPT_RAISE_EM`].
fn superscript_of(run: &Run, g: &Glyph) -> bool {
    let raise = g.y - run.y;
    (SUPERSCRIPT_MIN_SIZE * run.size..=SUPERSCRIPT_SIZE * run.size).contains(&g.size)
        && raise > 0.0
        && raise <= SUPERSCRIPT_RAISE_EM * run.size
}

/// The lowest point `g` reaches if it hangs from its top; infinity (no reach) otherwise.
fn hanging_low(g: &Glyph) -> f32 {
    if g.depth_tenths == 0 {
        return f32::INFINITY;
    }
    g.y - f32::from(g.depth_tenths) / 10.0 * g.size
}

/// Splits `runs` at column gutters, recursively, appending the flows in reading order.
///
/// With a gutter found, the page is cut top to bottom into bands: runs crossing the gutter
/// form bands of their own, and between them a band is read side by side (left flow, then right
/// flow) only if both sides hold running text. Other bands — table rows, labels — are merged
/// with their crossing neighbours into one flow, so a full-width table keeps its rows.
fn split_columns(runs: Vec<Run>, depth: usize, flows: &mut Vec<Vec<Run>>) {
    let Some(gutter) = (depth < MAX_SPLIT_DEPTH).then(|| find_gutter(&runs, depth)).flatten() else {
        split_bands(runs, depth, flows);
        return;
    };
    split_at(runs, gutter, depth, flows);
}

/// [`split_columns`] at `gutter`, found in `runs`.
fn split_at(mut runs: Vec<Run>, gutter: Gutter, depth: usize, flows: &mut Vec<Vec<Run>>) {
    // Rows across the gutter are told by the content stream's order; a side split off at the
    // level above comes sorted top to bottom, which would pair lines of neighbouring columns.
    runs.sort_by_key(|r| r.start);
    mark_rows_across(&mut runs, &gutter);
    let overflowing = overflowing_left(&runs, &gutter);
    let side = |r: &Run| if overflowing.contains(&r.start) { Side::Left } else { gutter.side(r) };
    sort_top_down(&mut runs);
    // Small print at the foot (footnotes) crossing the gutter beside a column that goes on
    // down beside it is read after the last band, which keeps that column's last lines.
    let foot = foot_beside(&runs, &|r| r.across || side(r) == Side::Across);
    let mut held: Vec<Run> = Vec::new();
    let mut single: Vec<Run> = Vec::new();
    let mut band: Vec<Run> = Vec::new();
    let emit_band = |band: &mut Vec<Run>, single: &mut Vec<Run>, flows: &mut Vec<Vec<Run>>| {
        let (left, right): (Vec<Run>, Vec<Run>) = band.drain(..).partition(|r| side(r) == Side::Left);
        if gutter.separates_columns(&left, &right, depth) {
            if !single.is_empty() {
                split_single(std::mem::take(single), depth, flows);
            }
            split_columns(left, depth + 1, flows);
            split_columns(right, depth + 1, flows);
        } else {
            single.extend(left);
            single.extend(right);
        }
    };
    for run in runs {
        if foot.contains(&run.start) {
            held.push(run);
        } else if run.across || side(&run) == Side::Across {
            emit_band(&mut band, &mut single, flows);
            single.push(run);
        } else {
            band.push(run);
        }
    }
    emit_band(&mut band, &mut single, flows);
    single.extend(held);
    if !single.is_empty() {
        split_single(single, depth, flows);
    }
}

/// The runs (by `start`) of small print at the foot of `sorted` (top to bottom) from its
/// highest run that is `crossing` a gutter down, where a column of text of the median size or
/// larger goes on beside it, clear of it, with a line above and one below its top (see
/// [`column_beside`]): footnotes under two of three columns, the third running on beside them.
/// Empty otherwise.
fn foot_beside(sorted: &[Run], crossing: &dyn Fn(&Run) -> bool) -> Vec<usize> {
    // A cheap test first: text crossing the gutter smaller than some text beside it.
    let largest = sorted.iter().filter(|r| !crossing(r)).map(|r| r.size).fold(0.0, f32::max);
    if !sorted.iter().any(|r| r.size < largest && crossing(r)) {
        return Vec::new();
    }
    let Some(size) = median(sorted.iter().map(|r| r.size).collect()) else { return Vec::new() };
    let (mut x0, mut x1) = (f32::INFINITY, f32::NEG_INFINITY);
    // (run, whether small print) from the bottom up, while the rest stands clear beside it.
    let mut walked: Vec<(&Run, bool)> = Vec::new();
    for run in sorted.iter().rev() {
        let gap = MIN_GUTTER_EM * run.size;
        if run.size < size {
            (x0, x1) = (x0.min(run.x0), x1.max(run.x1));
            walked.push((run, true));
        } else if x0 <= x1 && (run.x0 >= x1 + gap || run.x1 <= x0 - gap) {
            walked.push((run, false));
        } else {
            break;
        }
    }
    let Some(top) = walked.iter().rposition(|r| r.1 && crossing(r.0)) else { return Vec::new() };
    let Some(&(top_run, _)) = walked.get(top) else { return Vec::new() };
    let beside = |o: &Run| o.x0 >= x1 || o.x1 <= x0;
    let below = walked.get(..top).unwrap_or(&[]);
    let column_below = below.iter().any(|r| !r.1) && below.iter().all(|r| r.1 || beside(r.0));
    if !column_below || !column_beside(sorted, top_run, &beside) {
        return Vec::new();
    }
    walked.iter().take(top + 1).filter(|r| r.1).map(|r| r.0.start).collect()
}

/// A stretch of bands read as one flow (text crossing the gutter, and bands beside it that are
/// no columns) may hold columns of its own at another gutter: a chart whose caption crosses
/// the page's gutter sits in a column beside the top of another column. Split again one level
/// down; kept as one flow unless that splits it.
fn split_single(single: Vec<Run>, depth: usize, flows: &mut Vec<Vec<Run>>) {
    if single.len() < MIN_RUNS_FOR_COLUMNS || depth + 1 >= MAX_SPLIT_DEPTH || !holds_columns(&single, depth + 1) {
        flows.push(single);
        return;
    }
    let mut split = Vec::new();
    split_columns(single.clone(), depth + 1, &mut split);
    if split.len() > 1 {
        flows.extend(split);
    } else {
        flows.push(single);
    }
}

/// Where no gutter splits the whole page: the page cut at gaps across its full width into
/// bands, each with the gutter splitting it (`None`: one flow), top to bottom. A table wider
/// than the columns, set between them (Chromium's columns once Ghostscript has dropped the
/// tags), crosses no gutter but puts text on both sides of it on shared baselines, so the page
/// as a whole does not look like columns.
///
/// Bands are cut where no text at all stands for more than [`MAX_LINE_PITCH_EM`]; running
/// text in columns leaves such gaps only where every column has one. Neighbouring bands of
/// columns are read as one (a paragraph break shared by all columns), and so are neighbouring
/// bands without. `None` unless at least two bands of columns (see [`column_band`]) are split
/// by one gutter, or the one band of columns holds three (see [`three_columns`]): a small
/// two-column table on a page of one column is one band of two at most.
fn column_bands(runs: &[Run]) -> Option<Vec<(Vec<Run>, Option<Gutter>)>> {
    let min_band = 2 * MIN_SIDE_LINES_IN_STREAM;
    if runs.len() < 2 * min_band {
        return None;
    }
    // A page of one column is left alone without cutting it into bands (most pages that
    // reach here are such).
    if mostly_wide_lines(runs) {
        return None;
    }
    let cuts = cut_at_gaps(runs, |above, below| above.y - below.y <= MAX_LINE_PITCH_EM * above.size.max(below.size));
    // One band of columns is enough only if it holds three (see [`three_columns`]); those are
    // written column by column, which a table is not (a cheap test before the gutter search).
    let big: Vec<&Vec<Run>> = cuts.iter().filter(|c| c.len() >= min_band).collect();
    if cuts.len() < 2 || big.is_empty() || (big.len() == 1 && !big.iter().any(|c| written_by_column(c))) {
        return None;
    }
    // (band, whether it holds columns, its gutter while it is one cut)
    let mut bands: Vec<(Vec<Run>, bool, Option<Gutter>)> = Vec::new();
    for cut in cuts {
        let gutter = (cut.len() >= min_band && !mostly_wide_lines(&cut)).then(|| column_band(&cut)).flatten();
        match bands.last_mut() {
            Some((band, columned, found)) if *columned == gutter.is_some() => {
                band.extend(cut);
                *found = None;
            }
            _ => bands.push((cut, gutter.is_some(), gutter)),
        }
    }
    // Bands of several cuts look for their gutter again, over all of their text.
    let bands: Vec<(Vec<Run>, Option<Gutter>)> = bands
        .into_iter()
        .map(|(band, columned, found)| {
            let gutter = if columned { found.or_else(|| find_gutter(&band, 0)) } else { None };
            (band, gutter)
        })
        .collect();
    let gutters: Vec<Gutter> = bands.iter().filter_map(|(_, gutter)| *gutter).collect();
    let shared = |a: &Gutter, b: &Gutter| a.left_edge < b.right_edge && b.left_edge < a.right_edge;
    let first = gutters.first()?;
    let one_of_three = || bands.iter().any(|(band, gutter)| gutter.is_some_and(|g| three_columns(band, &g)));
    let split = match gutters.len() {
        1 => one_of_three(),
        _ => gutters.iter().all(|g| shared(first, g)),
    };
    split.then_some(bands)
}

/// Whether the content stream shows `runs` column by column, not row by row: at most one in
/// [`2 * MIN_LINES_PER_STRETCH`](MIN_LINES_PER_STRETCH) of its steps goes down to a run
/// starting more than half their width further left, as a table's next row does (a column's
/// next line starts at most a column's width left).
fn written_by_column(runs: &[Run]) -> bool {
    let mut in_stream = runs.to_vec();
    in_stream.sort_by_key(|r| r.start);
    let min_x = runs.iter().map(|r| r.x0).fold(f32::INFINITY, f32::min);
    let max_x = runs.iter().map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max);
    let returns = |w: &[Run]| matches!(w, [a, b] if b.y < a.y && a.x0 - b.x0 > 0.5 * (max_x - min_x));
    let rows = in_stream.windows(2).filter(|w| returns(w)).count();
    rows * 2 * MIN_LINES_PER_STRETCH <= in_stream.len()
}

/// Whether `band`, split at `gutter`, holds three columns of like width: the side beyond one
/// column is two columns as wide as it. No small table on a page of one column looks so, so
/// such a band is evidence enough on its own for [`column_bands`].
fn three_columns(band: &[Run], gutter: &Gutter) -> bool {
    let (left, right): (Vec<Run>, Vec<Run>) =
        band.iter().filter(|r| gutter.side(r) != Side::Across).partition(|r| gutter.side(r) == Side::Left);
    split_like(&right, gutter.left_body, 0) || split_like(&left, gutter.right_body, 0)
}

/// Whether most of the text of `runs` stands in lines wider than half their extent: one
/// column, not columns. A cheap test that spares a page or band of one column the gutter
/// search of [`column_bands`] and [`split_bands`].
fn mostly_wide_lines(runs: &[Run]) -> bool {
    let min_x = runs.iter().map(|r| r.x0).fold(f32::INFINITY, f32::min);
    let max_x = runs.iter().map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max);
    let width = |r: &Run| r.x1 - r.x0;
    let wide: f32 = runs.iter().map(width).filter(|w| *w > 0.5 * (max_x - min_x)).sum();
    wide > MIN_FILLING_TEXT * runs.iter().map(width).sum::<f32>()
}

/// The gutter of a band of [`column_bands`], if it has running text on both sides, written
/// one side after the other (see [`written_side_by_side`]): a table's rows, cut into bands at
/// their padding, switch side at every row.
fn column_band(band: &[Run]) -> Option<Gutter> {
    let gutter = find_gutter(band, 0)?;
    let (left, right): (Vec<Run>, Vec<Run>) =
        band.iter().filter(|r| gutter.side(r) != Side::Across).partition(|r| gutter.side(r) == Side::Left);
    let in_turn = written_side_by_side(&left, &right, &side_lines(&left), &side_lines(&right));
    (in_turn && gutter.running_text_beside(&left, &right, 0)).then_some(gutter)
}

/// The runs (by `start`; `runs` in stream order) that start in the left column and run across
/// `gutter` over or up to a line of the right column, shown right after a run of the left
/// column: a table cell or URL that Chromium lets overflow its column (see [`reaches_right`]).
/// After it the stream goes on in the left column, or at the right column's top when the cell
/// ends the left column. So does a cell of a table in the left column, between two of its runs
/// (see [`table_cell_at`]: a word pdfTeX cannot break overfills its cell into the gutter). A
/// title across the columns is shown before the left column's first line or after the right
/// column's last; a caption across them has no text of theirs beside it and starts its line.
fn overflowing_left(runs: &[Run], gutter: &Gutter) -> Vec<usize> {
    let left = |r: Option<&Run>| r.is_some_and(|r| !r.across && gutter.side(r) == Side::Left);
    let crossing = |r: &Run| !r.across && r.x0 < gutter.left_edge && gutter.side(r) == Side::Across;
    let mut found = Vec::new();
    for (i, run) in runs.iter().enumerate() {
        if crossing(run) {
            // A table's column of overflowing cells is shown cell after cell: the runs around
            // them decide.
            let before = runs.get(..i).and_then(|b| b.iter().rev().find(|r| !crossing(r)));
            let after = runs.get(i + 1..).and_then(|a| a.iter().find(|r| !crossing(r)));
            let goes_on = left(after) || after.is_some_and(|a| tops_right_column(run, a, gutter));
            let overfilled_cell = || left(after) && table_cell_at(runs, i, gutter);
            if left(before) && ((goes_on && reaches_right(runs, run, gutter)) || overfilled_cell()) {
                found.push(run.start);
            }
        }
    }
    found
}

/// Whether `runs[i]` (stream order) is a cell of a table left of `gutter`: shown right after
/// the earlier cells of its row (their first lines on its baseline, their further lines below
/// it, all left of it), which a title or caption beside another column's line is not, and with
/// cells of the left column above and below it starting where it starts (its table column).
fn table_cell_at(runs: &[Run], i: usize, gutter: &Gutter) -> bool {
    let Some(run) = runs.get(i) else { return false };
    let left = |o: &Run| !o.across && gutter.side(o) == Side::Left;
    let size = run.size;
    let same_row = |o: &Run| (o.y - run.y).abs() <= BASELINE_TOLERANCE_EM * size.max(o.size);
    let before = runs.get(..i).unwrap_or(&[]).iter().rev();
    let row_before =
        before.take_while(|o| left(o) && o.x1 <= run.x0 && o.y <= run.y + BASELINE_TOLERANCE_EM * size).any(&same_row);
    let aligned = |o: &Run| !same_row(o) && left(o) && (o.x0 - run.x0).abs() <= SAME_BASELINE_EM * size;
    let column = |above: bool| runs.iter().any(|o| aligned(o) && (o.y > run.y) == above);
    row_before && column(true) && column(false)
}

/// Whether `next`, shown right after `run`, is in the right column and more than a line above
/// it: the stream has gone on to the next column's top.
fn tops_right_column(run: &Run, next: &Run, gutter: &Gutter) -> bool {
    !next.across && gutter.side(next) == Side::Right && next.y - run.y > NEXT_COLUMN_CLIMB_EM * run.size.max(next.size)
}

/// Whether `run` reaches over or up to (closer than a gutter) a run of the right column on a
/// neighbouring line: at most a line pitch ([`MAX_LINE_PITCH_EM`] of that run's size) above or
/// below. Chromium draws a table's rows at their own pitch, so the cell that overflows is
/// seldom on a baseline of the next column, but always beside its lines; a title is a line or
/// more above them, its own size's.
fn reaches_right(runs: &[Run], run: &Run, gutter: &Gutter) -> bool {
    runs.iter().any(|o| {
        !o.across
            && gutter.side(o) == Side::Right
            && (o.y - run.y).abs() <= MAX_LINE_PITCH_EM * o.size
            && o.x0 < run.x1 + MIN_GUTTER_EM * o.size.max(run.size)
    })
}

/// Where no gutter splits `runs`, columns may still stand above or below a box that crosses
/// every gutter: a box under two InDesign columns, its lines across their gutter and its
/// bullets left of it far below the shorter column, is too much text across the gutter and
/// makes the columns look unlike side by side. The region is cut into bands at wide empty
/// strips, and each band that holds columns split on its own; kept one flow if none does.
fn split_bands(runs: Vec<Run>, depth: usize, flows: &mut Vec<Vec<Run>>) {
    if depth + 1 >= MAX_SPLIT_DEPTH || runs.len() < MIN_RUNS_FOR_COLUMNS {
        unsplit(runs, depth, flows);
        return;
    }
    let bands = gap_bands(&runs);
    if bands.len() < 2 {
        unsplit(runs, depth, flows);
        return;
    }
    let mut split = Vec::new();
    let count = bands.len();
    for band in bands {
        if !mostly_wide_lines(&band) && holds_columns(&band, depth + 1) {
            split_columns(band, depth + 1, &mut split);
        } else {
            split.push(band);
        }
    }
    if split.len() > count {
        flows.extend(split);
    } else {
        unsplit(runs, depth, flows);
    }
}

/// A region [`split_bands`] keeps whole: on the page level it may still be bands of columns
/// split by one gutter between spanning tables (see [`column_bands`]); else one flow.
fn unsplit(runs: Vec<Run>, depth: usize, flows: &mut Vec<Vec<Run>>) {
    match (depth == 0).then(|| column_bands(&runs)).flatten() {
        Some(bands) => bands.into_iter().for_each(|(band, gutter)| match gutter {
            Some(gutter) => split_at(band, gutter, depth, flows),
            None => flows.push(band),
        }),
        None => flows.push(runs),
    }
}

/// Whether `runs`, a region split without the evidence of the page's own gutter, holds columns
/// at split `depth`: both sides filling their columns (which a drawing's labels and a form's
/// fields do not), at least one of them lines of running text at line pitch, both at least as
/// wide as a column of it, and written one after the other (a table's cells, which may fill
/// their columns too, are written row by row).
fn holds_columns(runs: &[Run], depth: usize) -> bool {
    let Some(gutter) = find_gutter(runs, depth) else { return false };
    let Some(size) = median(runs.iter().map(|r| r.size).collect()) else { return false };
    let side = |side: Side| runs.iter().filter(|r| gutter.side(r) == side).copied().collect::<Vec<_>>();
    let (left, right) = (side(Side::Left), side(Side::Right));
    let (left_lines, right_lines) = (side_lines(&left), side_lines(&right));
    let running_text = fills(&left, gutter.left_width)
        && fills(&right, gutter.right_width)
        && (stacked(&left_lines, TANGLED_ROWS_EM) || stacked(&right_lines, TANGLED_ROWS_EM));
    if !running_text || gutter.left_width.min(gutter.right_width) < MIN_SPARSE_COLUMN_EM * size {
        return false;
    }
    in_long_stretches(&left, &right, left_lines.len() + right_lines.len())
}

/// `runs` cut top to bottom where no run's baseline lies in a strip taller than
/// [`MIN_BAND_GAP_EM`] (× the median font size) across their whole width.
fn gap_bands(runs: &[Run]) -> Vec<Vec<Run>> {
    let Some(size) = median(runs.iter().map(|r| r.size).collect()) else { return Vec::new() };
    cut_at_gaps(runs, |above, below| above.y - below.y <= MIN_BAND_GAP_EM * size)
}

/// `runs` sorted top to bottom and cut into bands between two baselines that `close` does not
/// hold close enough to be one band.
fn cut_at_gaps(runs: &[Run], close: impl Fn(&Run, &Run) -> bool) -> Vec<Vec<Run>> {
    let mut sorted = runs.to_vec();
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut bands: Vec<Vec<Run>> = Vec::new();
    for run in sorted {
        match bands.last_mut() {
            Some(band) if band.last().is_some_and(|last| close(last, &run)) => band.push(run),
            _ => bands.push(vec![run]),
        }
    }
    bands
}

/// Marks the runs of rows drawn across `gutter` (runs still in stream order).
///
/// A row is a stretch of runs shown one after another on one baseline. It is a table row across
/// the gutter when it has cells on both sides, at least [`MIN_ACROSS_ROW_CELLS`] in all, and
/// none of them fills its column (which a line of running text would). A row with cells on both
/// sides right above or below such a table row is the table's caption or header: across too.
/// Producers that write columns one after the other never show the two sides of a gutter in
/// one stretch, so text columns are not mistaken for rows.
fn mark_rows_across(runs: &mut [Run], gutter: &Gutter) {
    let mut rows: Vec<(std::ops::Range<usize>, bool)> = Vec::new();
    let mut start = 0;
    for end in 1..=runs.len() {
        let (Some(first), next) = (runs.get(start), runs.get(end)) else { continue };
        if next.is_some_and(|n| (n.y - first.y).abs() <= BASELINE_TOLERANCE_EM * first.size.max(n.size)) {
            continue;
        }
        let row = runs.get(start..end).unwrap_or(&[]);
        let left: Vec<&Run> = row.iter().filter(|r| r.x1 <= gutter.x).collect();
        let right: Vec<&Run> = row.iter().filter(|r| r.x0 >= gutter.x).collect();
        if !left.is_empty() && !right.is_empty() {
            let cells = |side: &[&Run], width: f32| {
                let filling = side.iter().any(|r| r.x1 - r.x0 >= MIN_FILL_SHARE * width);
                (side.len(), filling)
            };
            let sides = [cells(&left, gutter.left_width), cells(&right, gutter.right_width)];
            rows.push((start..end, row.len() >= MIN_ACROSS_ROW_CELLS && table_row(sides)));
        }
        start = end;
    }
    let tables: Vec<(f32, f32)> = rows
        .iter()
        .filter(|(_, table)| *table)
        .filter_map(|(range, _)| runs.get(range.start).map(|r| (r.y, r.size)))
        .collect();
    for (range, table) in rows {
        let Some(&Run { y, size, .. }) = runs.get(range.start) else { continue };
        let near_table = || tables.iter().any(|(ty, ts)| (ty - y).abs() <= ACROSS_ROW_NEIGHBOUR_EM * ts.max(size));
        if table || near_table() {
            for run in runs.get_mut(range).unwrap_or(&mut []) {
                run.across = true;
            }
        }
    }
}

/// Whether a row with cells on both sides of a gutter, (count, whether one fills its column)
/// per side, is a table's row: none fills its column, as a line of running text would, or one
/// side holds several cells and none filling (on three columns a table's first cell fills the
/// narrow first column, while its figures stand in a row beside it).
fn table_row(sides: [(usize, bool); 2]) -> bool {
    let [(_, left_fills), (_, right_fills)] = sides;
    (!left_fills && !right_fills) || sides.iter().any(|&(count, fills)| count >= MIN_ACROSS_ROW_CELLS && !fills)
}

/// A vertical gutter between two columns.
#[derive(Debug, Clone, Copy)]
struct Gutter {
    /// Middle of the gutter.
    x: f32,
    /// Where the left column's text ends and the right column's begins (odd runs aside).
    left_edge: f32,
    right_edge: f32,
    /// Widths of the text columns left and right of it.
    left_width: f32,
    right_width: f32,
    /// The same measured to the outer edge that all but [`OVERFLOW_OUTLIERS`] of the side's
    /// runs keep to: a URL overflowing the last column does not widen it.
    left_body: f32,
    right_body: f32,
}

/// Where a run lies relative to a [`Gutter`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
    Across,
}

impl Gutter {
    /// The side of the gutter `run` belongs to. A run that reaches into the gutter from one
    /// column, short of the other column's text, stays in its column (a long entry of an
    /// index); one that starts and ends inside the gutter (a centred page number) is across.
    fn side(&self, run: &Run) -> Side {
        if run.x1 <= self.x || (run.x0 < self.left_edge && run.x1 < self.right_edge) {
            Side::Left
        } else if run.x0 >= self.x || (run.x0 > self.left_edge && run.x1 > self.right_edge) {
            Side::Right
        } else {
            Side::Across
        }
    }

    /// Whether the two sides are columns to be read one after the other.
    ///
    /// Yes when both hold running text: most of each side's text (by width) sits in runs that
    /// fill the column, which table cells and labels do not. On the page level also when each
    /// side's *lines* fill their column (tables set inside the columns) and the two sides do not
    /// share their baselines the way the cells of one full-width table's rows do.
    fn separates_columns(&self, left: &[Run], right: &[Run], depth: usize) -> bool {
        if self.running_text_beside(left, right, depth) {
            return true;
        }
        let (left_lines, right_lines) = (side_lines(left), side_lines(right));
        let shared = shared_baselines(&left_lines, &right_lines);
        if shared < MAX_SHARED_BASELINES && written_side_by_side(left, right, &left_lines, &right_lines) {
            return true;
        }
        if depth > 0 {
            return false;
        }
        fills(&left_lines, self.left_width) && fills(&right_lines, self.right_width) && shared < MAX_SHARED_BASELINES
    }

    /// Whether both sides hold running text: most of each side's text (by width) sits in runs
    /// that fill its column, or in columns as wide as the other side (see [`split_like`]).
    ///
    /// Inside a page column, a table of columns of equal width filling it looks like that too,
    /// but its rows switch side at every row in the content stream, where columns of text are
    /// written one after the other (see [`in_long_stretches`]).
    fn running_text_beside(&self, left: &[Run], right: &[Run], depth: usize) -> bool {
        let (left_fills, right_fills) = (fills(left, self.left_width), fills(right, self.right_width));
        if left_fills && right_fills {
            return true;
        }
        let like = (left_fills && split_like(right, self.left_body, depth))
            || (right_fills && split_like(left, self.right_body, depth));
        // On the page level a table above or below the columns adds its rows to both sides.
        like && (depth == 0 || in_long_stretches(left, right, side_lines(left).len() + side_lines(right).len()))
    }
}

/// Whether `side` (of a gutter at split `depth`) is itself columns of running text as wide as
/// `column`, the other side's: the first gutter of a three-column page leaves two columns on
/// one side, and ragged lines there (InDesign sets its columns flush left) fill less than half
/// of that side's width, though each fills its own column. A table's columns differ in width.
fn split_like(side: &[Run], column: f32, depth: usize) -> bool {
    let like = |width: f32| (width - column).abs() <= COLUMN_WIDTH_TOLERANCE * column;
    depth + 1 < MAX_SPLIT_DEPTH && find_gutter(side, depth + 1).is_some_and(|g| like(g.left_body) && like(g.right_body))
}

/// Whether most of the text (by width) sits in runs at least [`MIN_FILL_SHARE`] of `width` wide.
fn fills(side: &[Run], width: f32) -> bool {
    let total: f32 = side.iter().map(|r| r.x1 - r.x0).sum();
    let filling: f32 = side.iter().map(|r| r.x1 - r.x0).filter(|w| *w >= MIN_FILL_SHARE * width).sum();
    total > 0.0 && filling >= MIN_FILLING_TEXT * total
}

/// Whether the content stream shows the two sides one after the other, each in long stretches
/// of its own lines set at line pitch: pdfTeX sets a two-column index or symbol list column by
/// column, while a table's rows switch side at every row. Short entries do not fill their
/// column, so this is the evidence there. Labels of a form or cells spaced a row apart are not
/// stacked at line pitch.
fn written_side_by_side(left: &[Run], right: &[Run], left_lines: &[Run], right_lines: &[Run]) -> bool {
    stacked(left_lines, 0.0)
        && stacked(right_lines, 0.0)
        && in_long_stretches(left, right, left_lines.len() + right_lines.len())
}

/// Whether the content stream shows `left` and `right` (of `lines` lines in all) one after the
/// other in stretches of at least [`MIN_LINES_PER_STRETCH`] lines on average; a table's rows
/// switch side at every row.
fn in_long_stretches(left: &[Run], right: &[Run], lines: usize) -> bool {
    let mut order: Vec<(usize, bool)> =
        left.iter().map(|r| (r.start, true)).chain(right.iter().map(|r| (r.start, false))).collect();
    order.sort_unstable();
    let stretches = 1 + order.windows(2).filter(|w| matches!(w, [a, b] if a.1 != b.1)).count();
    lines >= MIN_LINES_PER_STRETCH * stretches
}

/// Whether `lines` (top to bottom) are enough and mostly set one below the other at line pitch:
/// closer than [`MAX_LINE_PITCH_EM`] and at least `min_pitch_em` apart (× the larger font size
/// of the two; [`TANGLED_ROWS_EM`] leaves out the rows of a formula or a drawing's tick labels).
fn stacked(lines: &[Run], min_pitch_em: f32) -> bool {
    let apart = |a: &Run, b: &Run| {
        let size = a.size.max(b.size);
        (min_pitch_em * size..=MAX_LINE_PITCH_EM * size).contains(&(a.y - b.y))
    };
    let close = lines.windows(2).filter(|w| matches!(w, [a, b] if apart(a, b))).count();
    lines.len() >= MIN_SIDE_LINES_IN_STREAM && 2 * close >= lines.len() - 1
}

/// The runs of one side merged per baseline (as pseudo-runs spanning the line), top to bottom.
fn side_lines(side: &[Run]) -> Vec<Run> {
    let mut sorted = side.to_vec();
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut lines: Vec<Run> = Vec::new();
    for run in sorted {
        match lines.last_mut() {
            Some(line) if (line.y - run.y).abs() <= BASELINE_TOLERANCE_EM * line.size.max(run.size) => {
                line.x0 = line.x0.min(run.x0);
                line.x1 = line.x1.max(run.x1);
            }
            _ => lines.push(run),
        }
    }
    lines
}

/// Share of the smaller side's lines that have a line on the other side on the same baseline.
fn shared_baselines(a: &[Run], b: &[Run]) -> f32 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    let shared = small.iter().filter(|l| large.iter().any(|o| (o.y - l.y).abs() <= SAME_BASELINE_EM * l.size)).count();
    shared as f32 / small.len() as f32
}

/// A column gutter splitting `runs`, if there is one: a vertical strip crossed by little of
/// the text (by width), with running text on both sides.
fn find_gutter(runs: &[Run], depth: usize) -> Option<Gutter> {
    if runs.len() < MIN_RUNS_FOR_COLUMNS {
        return None;
    }
    let min_x = runs.iter().map(|r| r.x0).fold(f32::INFINITY, f32::min);
    let max_x = runs.iter().map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max);
    let span = max_x - min_x;
    let total: f32 = runs.iter().map(|r| r.x1 - r.x0).sum();
    if !(span.is_finite() && span > 0.0 && total > 0.0) {
        return None;
    }
    // Lines above or below all the rest (a running head, a footer, a title) are read as bands
    // of their own anyway; on a page with little text they would outweigh the columns.
    let sparse = runs.len() < SPARSE_PAGE_RUNS;
    let at_edge = |r: &Run| sparse && alone_at_an_edge(runs, r);
    let tries = if depth == 0 { PAGE_GUTTER_TRIES } else { 1 };
    let candidate_x = |i: usize| min_x + span * (0.15 + 0.7 * i as f32 / GUTTER_CANDIDATES as f32);
    // Candidates in the middle 70 %, crossed by the least text first (ties: the first).
    let mut plain: Vec<(f32, f32)> = (0..=GUTTER_CANDIDATES)
        .map(candidate_x)
        .map(|x| (runs.iter().filter(|r| r.x0 < x && r.x1 > x).map(|r| r.x1 - r.x0).sum(), x))
        .collect();
    plain.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Crossing lines alone at the edge of a page with little text do not count.
    let edge =
        |x: f32| -> f32 { runs.iter().filter(|r| r.x0 < x && r.x1 > x && at_edge(r)).map(|r| r.x1 - r.x0).sum() };
    let open = plain.iter().map(|&(crossing, x)| {
        let edge = edge(x);
        (x, crossing - edge <= MAX_CROSSING_SHARE * (total - edge))
    });
    let columns = Columns { runs, total, tries, depth, at_edge: &at_edge, candidate_x: &candidate_x };
    if let Some(gutter) = pick_gutter(runs, open, &|_| true, tries, depth, &at_edge) {
        // A chart's source line under it, set between two lines of a column beside the chart
        // (and not over that column), crosses the gutter between the chart and the next
        // column: banding at it would cut that column in two. The column's own gutter,
        // crossed only apart from the columns (a title, a box under them), is the page's.
        if depth == 0 && cuts_a_column_beside(runs, gutter.x) {
            return columns.set_aside(true).or(Some(gutter));
        }
        return Some(gutter);
    }
    // Where none is found so, text crossing the gutter apart from the columns is set aside: a
    // full-width box under three columns is a quarter of the page, and only text crossing
    // between the columns' lines speaks against them.
    if let Some(gutter) = columns.set_aside(false) {
        return Some(gutter);
    }
    // Only inside a column split off (most pages of one column end here at the page level),
    // and only with text starting right of its first third, where a column's text starts when
    // two of like width stand there (most single columns have next to none).
    let second_column = || {
        let right = runs.iter().filter(|r| !at_edge(r) && r.x0 >= min_x + span / 3.0);
        right.map(|r| r.x1 - r.x0).sum::<f32>() >= MIN_SIDE_SHARE * total
    };
    // Columns of like width leave their gutter in the middle third.
    let middle = |x: &f32| (x - min_x - span / 2.0).abs() <= span / 6.0;
    let xs = || (0..=GUTTER_CANDIDATES).map(candidate_x).filter(middle).collect::<Vec<_>>();
    (depth > 0 && second_column()).then(|| overflowed_gutter(runs, &xs(), total, depth, &at_edge)).flatten()
}

/// Whether a run crossing `x` stands between two lines of a column beside it, at line pitch,
/// without reaching over that column: a chart's caption beside a column of text, not a title
/// or a box across the columns.
fn cuts_a_column_beside(runs: &[Run], x: f32) -> bool {
    let crossing = |r: &Run| r.x0 < x && r.x1 > x;
    // Small print at the foot that [`split_at`] reads after the column beside it cuts none;
    // found once, and only for a run that stands beside a column.
    let mut foot: Option<Vec<usize>> = None;
    runs.iter().filter(|r| crossing(r)).any(|r| {
        let left = |o: &Run| o.x1 <= r.x0;
        let right = |o: &Run| o.x0 >= r.x1;
        (column_beside(runs, r, &left) || column_beside(runs, r, &right))
            && !foot.get_or_insert_with(|| foot_of(runs, &crossing)).contains(&r.start)
    })
}

/// [`foot_beside`] of `runs` in any order.
fn foot_of(runs: &[Run], crossing: &dyn Fn(&Run) -> bool) -> Vec<usize> {
    let mut sorted = runs.to_vec();
    sort_top_down(&mut sorted);
    foot_beside(&sorted, crossing)
}

/// Sorts `runs` top to bottom, left to right where they share a y.
fn sort_top_down(runs: &mut [Run]) {
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
}

/// Whether the nearest runs above and below `run` among those `beside` it are consecutive
/// lines of one column (overlapping, at most [`MAX_LINE_PITCH_EM`] apart).
fn column_beside(runs: &[Run], run: &Run, beside: &dyn Fn(&Run) -> bool) -> bool {
    let nearest = |above: bool| {
        runs.iter()
            .filter(|o| beside(o) && if above { o.y > run.y } else { o.y < run.y })
            .min_by(|a, b| (a.y - run.y).abs().total_cmp(&(b.y - run.y).abs()))
    };
    let (Some(above), Some(below)) = (nearest(true), nearest(false)) else { return false };
    above.x0 < below.x1 && below.x0 < above.x1 && above.y - below.y <= MAX_LINE_PITCH_EM * above.size.max(below.size)
}

/// The region [`find_gutter`] looks for a gutter in, with what it measured.
struct Columns<'a> {
    runs: &'a [Run],
    total: f32,
    tries: usize,
    depth: usize,
    at_edge: &'a dyn Fn(&Run) -> bool,
    candidate_x: &'a dyn Fn(usize) -> f32,
}

impl Columns<'_> {
    /// The gutter with text crossing it apart from the columns set aside (see [`Crossing`]):
    /// candidates crossed by the least text between the columns' lines first, among those with
    /// text on both sides; with `clear`, only those whose crossing text cuts no column beside it
    /// (see [`cuts_a_column_beside`]).
    fn set_aside(&self, clear: bool) -> Option<Gutter> {
        let (runs, total, at_edge) = (self.runs, self.total, self.at_edge);
        let edges = edge_lines(runs);
        let sides = SideWidths::new(runs, at_edge);
        let mut set_aside: Vec<(Crossing, f32)> = (0..=GUTTER_CANDIDATES)
            .map(self.candidate_x)
            // Most candidates of a page of one column have next to no text on one side.
            .filter(|&x| sides.left_of(x).min(sides.right_of(x)) >= MIN_SIDE_SHARE * total)
            // Left out before the choice: the gutter crossed by the least text is the one that
            // may split unevenly (see [`pick_gutter`]).
            .filter(|&x| !(clear && cuts_a_column_beside(runs, x)))
            .filter_map(|x| crossing_at(runs, x, &edges, at_edge, total).map(|c| (c, x)))
            .collect();
        set_aside.sort_by(|a, b| a.0.interrupting.total_cmp(&b.0.interrupting));
        // Lines of running text follow each other at line pitch on both sides; captions under a
        // grid of figures do not.
        let stacked_side = |keep: &dyn Fn(&Run) -> bool| {
            stacked(&side_lines(&runs.iter().filter(|r| keep(r)).copied().collect::<Vec<_>>()), 0.0)
        };
        let open = set_aside.iter().map(|(c, x)| (*x, c.interrupting <= MAX_CROSSING_SHARE * (total - c.apart)));
        let stacked_sides = |x: f32| stacked_side(&|r| r.x1 <= x) && stacked_side(&|r| r.x0 >= x);
        pick_gutter(runs, open, &stacked_sides, self.tries, self.depth, at_edge)
    }
}

/// The gutter between two columns of like width that a table wider than the left one
/// overflows, up to and over the right column's first letters (Chromium's, once Ghostscript
/// has dropped the tags): text crossing a candidate counts by how far it reaches past it, so
/// the cells that overflow the gutter count little, and lines crossing a column's middle much;
/// none may reach farther than [`MAX_OVERFLOW_EM`]. Like widths: a justified column's widest
/// word gaps leave a strip of short words at its end that such lines reach into by as little.
/// `xs` are the candidates.
fn overflowed_gutter(
    runs: &[Run],
    xs: &[f32],
    total: f32,
    depth: usize,
    at_edge: &dyn Fn(&Run) -> bool,
) -> Option<Gutter> {
    let crossing = |x: f32| runs.iter().filter(move |r| r.x0 < x && r.x1 > x);
    let reach = |x: f32| -> f32 { crossing(x).map(|r| r.x1 - x).sum() };
    // A title or caption across the columns reaches far into the right one.
    let overflow_only = |x: f32| crossing(x).all(|r| r.x1 - x <= MAX_OVERFLOW_EM * r.size);
    let mut reaching: Vec<(f32, f32)> = xs.iter().map(|&x| (reach(x), x)).collect();
    reaching.sort_by(|a, b| a.0.total_cmp(&b.0));
    let open = reaching.into_iter().map(|(reach, x)| (x, reach <= MAX_CROSSING_SHARE * total && overflow_only(x)));
    pick_gutter(runs, open, &|_| true, 1, depth, at_edge).filter(|g| evenness(g) >= ALIKE_COLUMNS)
}

/// The gutter at the least crossed of `xs` (candidates, least crossed first), or at one of the
/// next few distinct strips (`tries` in all; a strip is a set of runs left and right of it)
/// that has columns of like width on both sides and splits more evenly than the first. A
/// strip is a gutter only if its flag (crossed by little enough text) and `open` say so. The
/// strip crossed by the least text may be the gap between two columns of a table filling a
/// page column (street names beside their numbers); the page's gutter, crossed by a little
/// more (a running head), has like columns on both sides.
fn pick_gutter(
    runs: &[Run],
    xs: impl Iterator<Item = (f32, bool)>,
    open: &dyn Fn(f32) -> bool,
    tries: usize,
    depth: usize,
    at_edge: &dyn Fn(&Run) -> bool,
) -> Option<Gutter> {
    let mut strips: Vec<(usize, usize)> = Vec::new();
    let mut best: Option<(f32, Gutter)> = None;
    for (x, little_crossed) in xs {
        let strip = (runs.iter().filter(|r| r.x1 <= x).count(), runs.iter().filter(|r| r.x0 >= x).count());
        if strips.contains(&strip) {
            continue;
        }
        if strips.len() >= tries {
            break;
        }
        strips.push(strip);
        let gutter = (little_crossed && open(x)).then(|| gutter_at(runs, x, depth, at_edge)).flatten();
        let Some(gutter) = gutter else { continue };
        let even = evenness(&gutter);
        // Past the least crossed strip, only a narrow gutter between columns of like width
        // counts: a table's column gap on a page of one column, or a chart's beside a column,
        // is crossed by little too.
        let alike = even >= ALIKE_COLUMNS
            && gutter.right_edge - gutter.left_edge <= MAX_GUTTER_SHARE * gutter.left_width.min(gutter.right_width);
        let better = match best {
            None => strips.len() == 1 || alike,
            Some((best_even, _)) => alike && even > best_even + EVENNESS_MARGIN,
        };
        if better {
            best = Some((even, gutter));
        }
    }
    best.map(|(_, gutter)| gutter)
}

/// The narrower side's width over the wider's: 1 for two like columns.
fn evenness(gutter: &Gutter) -> f32 {
    gutter.left_width.min(gutter.right_width) / gutter.left_width.max(gutter.right_width).max(f32::EPSILON)
}

/// The gutter at `x`, if the text on its two sides is columns (see [`Gutter::separates_columns`]).
fn gutter_at(runs: &[Run], x: f32, depth: usize, at_edge: &dyn Fn(&Run) -> bool) -> Option<Gutter> {
    let min_x = runs.iter().map(|r| r.x0).fold(f32::INFINITY, f32::min);
    let max_x = runs.iter().map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max);
    let total: f32 = runs.iter().map(|r| r.x1 - r.x0).sum();
    let sparse = runs.len() < SPARSE_PAGE_RUNS;
    // Lines alone at the edge of a page with little text belong to no side: a page number
    // centred under the gutter is no column's edge.
    let inner = |r: &&Run| !at_edge(r);
    let left: Vec<Run> = runs.iter().filter(inner).filter(|r| r.x1 <= x).copied().collect();
    let right: Vec<Run> = runs.iter().filter(inner).filter(|r| r.x0 >= x).copied().collect();
    let side_share = |side: &[Run]| side.iter().map(|r| r.x1 - r.x0).sum::<f32>() / total;
    if side_share(&left) < MIN_SIDE_SHARE || side_share(&right) < MIN_SIDE_SHARE {
        return None;
    }
    // The gutter's edges, ignoring the odd table cell or label that reaches into it.
    let gutter_left = quantile(left.iter().map(|r| r.x1).collect(), 1.0 - GUTTER_EDGE_OUTLIERS)?;
    let gutter_right = quantile(right.iter().map(|r| r.x0).collect(), GUTTER_EDGE_OUTLIERS)?;
    let size = median(runs.iter().map(|r| r.size).collect())?;
    let (middle, gutter_left, gutter_right) = if gutter_right - gutter_left >= MIN_GUTTER_EM * size {
        ((gutter_left + gutter_right) / 2.0, gutter_left, gutter_right)
    } else {
        // Tables wider than their column (Chromium's) run on into the gutter, up to the next
        // column's text; the lines of running text still end at their column's edge. The
        // gutter is where it was found, so the tables' cells stay on their side.
        let left_end = running_text_end(&left, x, min_x, gutter_right, size)?;
        if gutter_right - left_end < MIN_GUTTER_EM * size {
            return None;
        }
        (x, left_end, gutter_right)
    };
    let gutter = Gutter {
        x: middle,
        left_edge: gutter_left,
        right_edge: gutter_right,
        left_width: gutter_left - min_x,
        right_width: max_x - gutter_right,
        left_body: gutter_left - quantile(left.iter().map(|r| r.x0).collect(), OVERFLOW_OUTLIERS)?,
        right_body: quantile(right.iter().map(|r| r.x1).collect(), 1.0 - OVERFLOW_OUTLIERS)? - gutter_right,
    };
    if sparse && gutter.left_width.min(gutter.right_width) < MIN_SPARSE_COLUMN_EM * size {
        return None;
    }
    gutter.separates_columns(&left, &right, depth).then_some(gutter)
}

/// Where the lines of running text left of `x` end, short of `next` (where the text right of
/// it starts) by a gutter: the edge that all but [`GUTTER_EDGE_OUTLIERS`] of the runs filling at
/// least [`MIN_FILL_SHARE`] of the side keep to. A justified column's lines all end at its
/// edge, a ragged column's longest lines do; a wide table cell that runs on up to the next
/// column's text does not move it. Content overflows its column to the right, so only this
/// edge is measured so.
fn running_text_end(left: &[Run], x: f32, min_x: f32, next: f32, size: f32) -> Option<f32> {
    let filling = left.iter().filter(|r| r.x1 - r.x0 >= MIN_FILL_SHARE * (x - min_x));
    let ends = filling.map(|r| r.x1).filter(|&end| next - end >= MIN_GUTTER_EM * size).collect();
    quantile(ends, 1.0 - GUTTER_EDGE_OUTLIERS)
}

/// The text (by width) left and right of any candidate gutter, found by binary search.
struct SideWidths {
    /// Right ends of the runs, ascending, and the width of the runs ending there or before.
    ends: Vec<f32>,
    widths_ending: Vec<f32>,
    /// Left ends of the runs, ascending, and the width of the runs starting there or before.
    starts: Vec<f32>,
    widths_starting: Vec<f32>,
}

impl SideWidths {
    fn new(runs: &[Run], at_edge: &dyn Fn(&Run) -> bool) -> Self {
        let sorted = |key: fn(&Run) -> f32| {
            let mut pairs: Vec<(f32, f32)> =
                runs.iter().filter(|r| !at_edge(r)).map(|r| (key(r), r.x1 - r.x0)).collect();
            pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
            let cumulative = pairs.iter().scan(0.0, |sum, p| {
                *sum += p.1;
                Some(*sum)
            });
            (pairs.iter().map(|p| p.0).collect(), cumulative.collect())
        };
        let (ends, widths_ending) = sorted(|r| r.x1);
        let (starts, widths_starting) = sorted(|r| r.x0);
        SideWidths { ends, widths_ending, starts, widths_starting }
    }

    /// Width of the runs ending at or before `x`.
    fn left_of(&self, x: f32) -> f32 {
        let n = self.ends.partition_point(|&e| e <= x);
        n.checked_sub(1).and_then(|i| self.widths_ending.get(i)).copied().unwrap_or(0.0)
    }

    /// Width of the runs starting at or after `x`.
    fn right_of(&self, x: f32) -> f32 {
        let all = self.widths_starting.last().copied().unwrap_or(0.0);
        let n = self.starts.partition_point(|&s| s < x);
        all - n.checked_sub(1).and_then(|i| self.widths_starting.get(i)).copied().unwrap_or(0.0)
    }
}

/// Text (by width) crossing a candidate gutter.
#[derive(Debug, Clone, Copy)]
struct Crossing {
    /// Crossing between the columns' lines: with text of both sides above and below it.
    interrupting: f32,
    /// Crossing apart from them: above or below either side's text (a title, a full-width box
    /// under the columns), or a line alone at the edge of a page with little text.
    apart: f32,
}

/// The text crossing `x`, or `None` when either side of it holds less than [`MIN_SIDE_SHARE`]
/// of the text. Lines in `edges` (running head, page number) are no side's text; `at_edge` ones
/// are no text at all.
fn crossing_at(runs: &[Run], x: f32, edges: &[usize], at_edge: &dyn Fn(&Run) -> bool, total: f32) -> Option<Crossing> {
    let (mut left, mut right) = (0.0, 0.0);
    // Highest and lowest baseline of each side's text.
    let (mut left_span, mut right_span) = ((f32::NEG_INFINITY, f32::INFINITY), (f32::NEG_INFINITY, f32::INFINITY));
    for r in runs.iter().filter(|r| !at_edge(r)) {
        let side = if r.x1 <= x {
            left += r.x1 - r.x0;
            &mut left_span
        } else if r.x0 >= x {
            right += r.x1 - r.x0;
            &mut right_span
        } else {
            continue;
        };
        if !edges.contains(&r.start) {
            *side = (side.0.max(r.y), side.1.min(r.y));
        }
    }
    if left < MIN_SIDE_SHARE * total || right < MIN_SIDE_SHARE * total {
        return None;
    }
    // Columns stand side by side: each side's text is mostly at the height of the other's (a
    // label in the margin beside a page of text is no column).
    let (top, bottom) = (left_span.0.min(right_span.0), left_span.1.max(right_span.1));
    let beside = |(t, b): (f32, f32)| top - bottom >= MIN_SIDE_BY_SIDE * (t - b);
    if !(beside(left_span) && beside(right_span)) {
        return None;
    }
    let mut crossing = Crossing { interrupting: 0.0, apart: 0.0 };
    for r in runs.iter().filter(|r| r.x0 < x && r.x1 > x) {
        let tolerance = BASELINE_TOLERANCE_EM * r.size;
        if !at_edge(r) && r.y < top - tolerance && r.y > bottom + tolerance {
            crossing.interrupting += r.x1 - r.x0;
        } else {
            crossing.apart += r.x1 - r.x0;
        }
    }
    // And they are most of the text: a small table under a page of text is no page of columns.
    (crossing.apart <= left + right).then_some(crossing)
}

/// The runs (by `start`) on a baseline of their own above or below every other run: a running
/// head, a footer, a page number.
fn edge_lines(runs: &[Run]) -> Vec<usize> {
    let top = runs.iter().max_by(|a, b| a.y.total_cmp(&b.y));
    let bottom = runs.iter().min_by(|a, b| a.y.total_cmp(&b.y));
    top.into_iter().chain(bottom).filter(|r| alone_at_an_edge(runs, r)).map(|r| r.start).collect()
}

/// Whether `run` is on a baseline of its own above or below every other run.
fn alone_at_an_edge(runs: &[Run], run: &Run) -> bool {
    let tolerance = BASELINE_TOLERANCE_EM * run.size;
    let others = || runs.iter().filter(|o| !std::ptr::eq(*o, run));
    others().all(|o| o.y < run.y - tolerance) || others().all(|o| o.y > run.y + tolerance)
}

/// Groups a flow's runs into lines, top to bottom, and renders each line's text.
///
/// Rows of runs closer together than lines of text are ([`TANGLED_ROWS_EM`]) are the pieces
/// of one formula or drawing: a display fraction's numerator and denominator beside its main
/// line, a matrix beside the text it is set in. Read by position they interleave ("az + b" /
/// "σ(z) := ◦ z :=" / "cz + d"); they are read in content-stream order instead, which is the
/// order they were typeset in ("σ(z) :=", "az + b", "cz + d").
///
/// Only where a math font drew part of them: tight rows without one are table rows, chart axes
/// and form fields, whose stream order is often column by column or bottom to top.
///
/// Rows of labels only ([`labels_only`]) that the stream shows out of top-to-bottom order are a
/// drawing (TikZ's nodes, one subfigure after the other): with a math font among them they are
/// read in stream order too, each stretch on one baseline a line. By position the rows of
/// drawings side by side ran across them ("3 e1 3 e1" / "2 2 e2 e2").
fn build_lines(page: &GlyphPage, members: &[usize], mut runs: Vec<Run>, upright: bool, tagging: &Tagging) -> Vec<Line> {
    let width = runs.iter().map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max)
        - runs.iter().map(|r| r.x0).fold(f32::INFINITY, f32::min);
    sort_top_down(&mut runs);
    let mut rows: Vec<Vec<Run>> = Vec::new();
    for run in runs {
        match rows.last_mut() {
            Some(row) if row.first().is_some_and(|first| same_baseline(first, &run)) => row.push(run),
            _ => rows.push(vec![run]),
        }
    }
    let mut lines = Vec::new();
    let mut clusters = tangled_clusters(rows).into_iter().peekable();
    let math = |cluster: &[Vec<Run>]| cluster.iter().flatten().any(|run| has_math(page, members, run));
    // The run alone on the row rendered last (see [`split_off_continuation`]).
    let mut alone: Option<Run> = None;
    while let Some(cluster) = clusters.next() {
        let mut group = vec![cluster];
        while group.iter().all(|c| labels_only(c, width)) {
            match clusters.next_if(|next| labels_only(next, width)) {
                Some(next) => group.push(next),
                None => break,
            }
        }
        if group.len() > 1 && drawn_out_of_order(&group) && group.iter().any(|c| math(c)) {
            // A drawing's labels, read in the order they were drawn (see above).
            for mut piece in stream_lines(group.concat().concat()) {
                lines.push(render_line(page, members, &mut piece, upright, tagging));
            }
            alone = None;
            continue;
        }
        for cluster in group {
            if cluster.len() > 1 && math(&cluster) {
                alone = None;
                let pieces = stream_lines(cluster.concat())
                    .into_iter()
                    .map(|mut group| render_line(page, members, &mut group, upright, tagging))
                    .collect();
                lines.extend(join_formula(pieces));
            } else {
                for row in cluster {
                    for mut piece in split_off_continuation(page, members, alone.take(), row) {
                        alone = match piece.as_slice() {
                            [run] => Some(*run),
                            _ => None,
                        };
                        lines.push(render_line(page, members, &mut piece, upright, tagging));
                    }
                }
            }
        }
    }
    lines
}

/// `row` (top to bottom after `above`, the run alone on the row rendered just before it, if
/// any) as the lines to render. Where `above` ends in a hyphen and the run under it, its word's
/// continuation, is not the row's first (a chart's hyphenated axis label "Kom-" / "mune" beside
/// the axis' "0" on the baseline of "mune"), the continuation and what follows it right come
/// first, then the rest of the row: `cleanup` joins a line-end hyphen with the next line's first
/// word. Cheap on running text: its next line starts under the hyphenated one.
fn split_off_continuation(page: &GlyphPage, members: &[usize], above: Option<Run>, mut row: Vec<Run>) -> Vec<Vec<Run>> {
    let Some(above) = above.filter(|_| row.len() > 1) else { return vec![row] };
    let size = row.iter().map(|r| r.size).fold(above.size, f32::max);
    row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let Some(at) = row.iter().position(|r| overlap(r, &above) > 0.0) else { return vec![row] };
    let next_line = row.get(at).is_some_and(|r| above.y - r.y <= MAX_LINE_PITCH_EM * size);
    if at == 0 || !next_line || !ends_in_hyphen(page, members, &above) {
        return vec![row];
    }
    let continuation = row.split_off(at);
    vec![continuation, row]
}

/// Whether the last glyph of `run` that is no space is a hyphen.
fn ends_in_hyphen(page: &GlyphPage, members: &[usize], run: &Run) -> bool {
    let glyphs = members.get(run.start..run.end).unwrap_or_default();
    glyphs
        .iter()
        .rev()
        .filter_map(|&i| page.glyphs.get(i))
        .find(|g| !g.is_space)
        .is_some_and(|g| page.text_of(g).ends_with(['-', '\u{2010}', '\u{ad}']))
}

/// Groups rows (top to bottom) into clusters of rows tangled with each other (see [`tangled`]).
fn tangled_clusters(rows: Vec<Vec<Run>>) -> Vec<Vec<Vec<Run>>> {
    let mut clusters = Vec::new();
    let mut rows = rows.into_iter().peekable();
    while let Some(row) = rows.next() {
        let mut low = lowest_reach(&row);
        let mut cluster = vec![row];
        while let (Some(prev), Some(next)) = (cluster.last(), rows.peek()) {
            if !tangled(prev, low, next) {
                break;
            }
            low = low.min(lowest_reach(next));
            cluster.extend(rows.next());
        }
        clusters.push(cluster);
    }
    clusters
}

/// Whether every run of `cluster` is a label: narrower than [`MAX_LABEL_SHARE`] of the flow's
/// `width`, which a line of running text fills.
fn labels_only(cluster: &[Vec<Run>], width: f32) -> bool {
    cluster.iter().flatten().all(|r| r.x1 - r.x0 <= MAX_LABEL_SHARE * width)
}

/// Whether the content stream goes back up from one cluster of `group` (top to bottom) to an
/// earlier one: the labels of a drawing, shown in the order they were drawn. Text, tables and
/// a running head over them are shown top to bottom.
fn drawn_out_of_order(group: &[Vec<Vec<Run>>]) -> bool {
    let mut order: Vec<(usize, usize)> =
        group.iter().enumerate().flat_map(|(i, c)| c.iter().flatten().map(move |r| (r.start, i))).collect();
    order.sort_unstable();
    order.windows(2).any(|w| matches!(w, [a, b] if b.1 < a.1))
}

/// Joins the pieces of one formula, rendered in the order they were typeset, into lines: a
/// piece continues the line unless it starts back at the line's left end or the line ends in a
/// hyphen (the next line of text in a run of tight lines, whose hyphen `cleanup` rejoins).
/// Each joined line is one cell: its pieces are not left to right.
fn join_formula(pieces: Vec<Line>) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for piece in pieces.into_iter().filter(|p| !p.text.is_empty()) {
        let Some(line) = lines.last_mut() else {
            lines.push(piece);
            continue;
        };
        let returns = piece.x0 <= line.x0 + FORMULA_RETURN_EM * line.size.max(piece.size);
        if returns || line.text.ends_with(['-', '\u{ad}']) {
            lines.push(piece);
            continue;
        }
        let text = format!("{} {}", line.text, piece.text);
        let (x0, x1) = (line.x0.min(piece.x0), line.x1.max(piece.x1));
        if piece.size > line.size {
            line.size = piece.size;
            line.y = piece.y;
        }
        if piece.marking != line.marking {
            line.marking = Marking::None;
        }
        if piece.tag != line.tag {
            line.tag = LineTag::default();
        }
        let tag = line.cells.first().and_then(|c| c.tag);
        line.cells = vec![Cell { x0, x1, text, words: Vec::new(), tag }];
        line.update_text();
        line.x0 = x0;
        line.x1 = x1;
    }
    lines
}

/// Whether a math font drew any glyph of `run`.
fn has_math(page: &GlyphPage, members: &[usize], run: &Run) -> bool {
    members.get(run.start..run.end).unwrap_or_default().iter().any(|&i| page.glyphs.get(i).is_some_and(|g| g.math))
}

/// Whether two runs are on one line's baseline.
fn same_baseline(a: &Run, b: &Run) -> bool {
    (a.y - b.y).abs() <= BASELINE_TOLERANCE_EM * a.size.max(b.size)
}

/// Whether `lower` follows `upper` closer than lines of text do (both rows top to bottom), or
/// closer to `low`, the lowest point a glyph hanging from its top above it reaches (a display
/// ∑ hangs over its formula's line, its lower limit under it).
fn tangled(upper: &[Run], low: f32, lower: &[Run]) -> bool {
    let (Some(a), Some(b)) = (upper.first(), lower.first()) else { return false };
    let size = upper.iter().chain(lower).map(|r| r.size).fold(0.0, f32::max);
    a.y.min(low) - b.y < TANGLED_ROWS_EM * size
}

/// The lowest point a glyph of `row` hanging from its top reaches (see [`Run::low`]); the
/// row's baseline where none does.
fn lowest_reach(row: &[Run]) -> f32 {
    let first = row.first().map_or(f32::INFINITY, |r| r.y);
    row.iter().map(|r| r.low).fold(first, f32::min)
}

/// `runs` in content-stream order, cut into lines where the stream leaves the baseline or
/// steps back to the left.
fn stream_lines(runs: Vec<Run>) -> Vec<Vec<Run>> {
    cut_in_stream_order(runs, |prev, run| {
        same_baseline(prev, run) && run.x0 >= prev.x1 - BACKSTEP_EM * prev.size.max(run.size)
    })
}

/// Renders the runs of one line (left to right) into cells, and empties `runs`. A run in another
/// tagged table cell than the one before is a cell of its own, however narrow the gap.
fn render_line(page: &GlyphPage, members: &[usize], runs: &mut Vec<Run>, upright: bool, tagging: &Tagging) -> Line {
    runs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut line = Line {
        text: String::new(),
        cells: Vec::new(),
        x0: f32::INFINITY,
        x1: f32::NEG_INFINITY,
        y: 0.0,
        size: 0.0,
        upright,
        marking: Marking::None,
        tag: tagging.line_tag(
            runs.iter().flat_map(|r| members.get(r.start..r.end).unwrap_or(&[])).filter_map(|&i| page.glyphs.get(i)),
        ),
    };
    let mut marking: Option<Marking> = None;
    let mut last: Option<Glyph> = None;
    let mut kept: Vec<(Run, String)> = Vec::new();
    for run in runs.drain(..) {
        let mut text = String::new();
        let mut words: Vec<WordSpan> = Vec::new();
        let mut new_cell = false;
        let mut pending_space = false;
        let mut first_glyph: Option<Glyph> = None;
        let glyphs: Vec<&Glyph> =
            members.get(run.start..run.end).unwrap_or(&[]).iter().filter_map(|&i| page.glyphs.get(i)).collect();
        let several_glyphs = glyphs.iter().filter(|g| !g.is_space).count() >= MIN_OVERLAPPING_CELL_GLYPHS;
        for g in glyphs {
            if g.is_space {
                pending_space = true;
                continue;
            }
            if let Some(p) = last {
                let gap = g.x0 - p.x1;
                let size = p.size.max(g.size);
                // A run starting well inside the previous one is another cell whose text the
                // previous cell's overran (spreadsheets clip a long cell instead of wrapping it).
                let overrun = several_glyphs && gap < -BACKSTEP_EM * size;
                if text.is_empty() && (gap > CELL_GAP_EM * size || overrun || tagging.splits(&p, g)) {
                    new_cell = true;
                } else if pending_space || gap > WORD_GAP_EM * size {
                    text.push(' ');
                }
            }
            pending_space = false;
            first_glyph = first_glyph.or(Some(*g));
            match words.last_mut() {
                Some(word) if !text.ends_with(' ') => word.x1 = word.x1.max(g.x1),
                _ => words.push(WordSpan { start: text.len(), x0: g.x0, x1: g.x1 }),
            }
            text.push_str(page.text_of(g));
            marking = match marking {
                None => Some(g.marking),
                Some(m) if m == g.marking => Some(m),
                Some(_) => Some(Marking::None),
            };
            last = Some(*g);
        }
        if text.trim().is_empty() {
            continue;
        }
        // A run drawn twice at (almost) the same place is fake bold or a shadow: keep one.
        let duplicate =
            kept.iter().any(|(prev, t)| overlap(prev, &run) > 0.5 * (run.x1 - run.x0) && t.trim() == text.trim());
        if duplicate {
            continue;
        }
        match line.cells.last_mut() {
            Some(cell) if !new_cell => {
                let offset = cell.text.len();
                let mut spans = words.into_iter().map(|w| WordSpan { start: w.start + offset, ..w }).peekable();
                // Without a space between them, the run's first word goes on the cell's last.
                if let (false, Some(last), Some(first)) = (text.starts_with(' '), cell.words.last_mut(), spans.peek()) {
                    last.x1 = last.x1.max(first.x1);
                    spans.next();
                }
                cell.words.extend(spans);
                cell.text.push_str(&text);
                cell.x1 = cell.x1.max(run.x1);
            }
            _ => {
                let tag = first_glyph.and_then(|g| tagging.cell(&g));
                let trimmed = text.trim_start();
                let shift = text.len() - trimmed.len();
                let words = words
                    .into_iter()
                    .filter_map(|w| Some(WordSpan { start: w.start.checked_sub(shift)?, ..w }))
                    .collect();
                line.cells.push(Cell { x0: run.x0, x1: run.x1, text: trimmed.to_string(), words, tag });
            }
        }
        kept.push((run, text));
        line.x0 = line.x0.min(run.x0);
        line.x1 = line.x1.max(run.x1);
        if run.size > line.size {
            line.size = run.size;
            line.y = run.y;
        }
    }
    line.marking = marking.unwrap_or(Marking::None);
    line.update_text();
    line
}

/// Horizontal overlap of two runs.
fn overlap(a: &Run, b: &Run) -> f32 {
    (a.x1.min(b.x1) - a.x0.max(b.x0)).max(0.0)
}

/// Groups a flow's lines (top to bottom) into blocks.
fn build_blocks(lines: Vec<Line>) -> Vec<Block> {
    let pitches: Vec<f32> = lines
        .windows(2)
        .filter_map(|w| match w {
            [a, b] => Some(a.y - b.y).filter(|d| *d > 0.5 * a.size && *d < 3.0 * a.size),
            _ => None,
        })
        .collect();
    let pitch = median(pitches);
    let mut blocks: Vec<Block> = Vec::new();
    let mut prev: Option<(f32, f32, LineTag)> = None;
    for line in lines.into_iter().filter(|l| !l.text.is_empty()) {
        let new_block = match prev {
            None => true,
            Some((y, size, tag)) => tag_lines::block_break(&tag, &line.tag).unwrap_or_else(|| {
                let gap = y - line.y;
                let usual = pitch.unwrap_or(1.2 * size);
                let size_change = (line.size - size).abs() > BLOCK_SIZE_CHANGE * size.max(line.size);
                gap > BLOCK_GAP_FACTOR * usual || size_change
            }),
        };
        prev = Some((line.y, line.size, line.tag));
        match blocks.last_mut() {
            Some(block) if !new_block => block.lines.push(line),
            _ => blocks.push(Block { lines: vec![line] }),
        }
    }
    blocks
}

/// The median of `values` (upper median for even counts), or `None` for none.
fn median(values: Vec<f32>) -> Option<f32> {
    quantile(values, 0.5)
}

/// The value at share `q` (0..=1) of the sorted finite `values`, or `None` for none.
fn quantile(mut values: Vec<f32>, q: f32) -> Option<f32> {
    values.retain(|v| v.is_finite());
    values.sort_by(f32::total_cmp);
    let last = values.len().checked_sub(1)?;
    let index = ((last as f32 * q.clamp(0.0, 1.0)).round() as usize).min(last);
    values.get(index).copied()
}
