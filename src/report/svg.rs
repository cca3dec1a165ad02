//! Inline SVG charts for the HTML report: horizontal "N of M" bars, one line per topic across
//! the years, and a topic × region grid.
//!
//! Every function takes raw text (topic labels from the TOML, region names) and escapes it
//! itself, so callers never hand it markup. Charts are sized by their `viewBox` only, so they
//! scale with the page column and print at any width. Colours are attributes rather than CSS
//! classes because each series needs its own and the page must render without a stylesheet
//! lookup table.

use std::fmt::Write;

use crate::search::html_escape;

/// Width of every chart in viewBox units; the page scales it to the column width.
const WIDTH: f64 = 900.0;
/// Average advance of one character at the 13-unit chart font: SVG cannot measure text before
/// layout, so label columns are sized from character counts.
const CHAR_WIDTH: f64 = 6.8;
/// Longest label drawn in full; longer ones end in "…" and the full text is in a `<title>`.
const MAX_LABEL_CHARS: usize = 34;
/// Height of one row in the bar chart and the region grid.
const ROW: f64 = 26.0;
/// Thickness of a bar.
const BAR: f64 = 16.0;

/// Series colours: the Okabe–Ito palette without its yellow (too faint on white), chosen to
/// stay apart for readers with colour-vision deficiency.
const PALETTE: [&str; 7] = ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#333333"];
/// Dash patterns, one per round through the palette, so series 8–14 differ from 1–7 by more
/// than the marker.
const DASHES: [&str; 3] = ["", "6 3", "2 3"];

/// Marker shapes, cycled independently of the colours.
#[derive(Clone, Copy)]
enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
}

const MARKERS: [Marker; 4] = [Marker::Circle, Marker::Square, Marker::Triangle, Marker::Diamond];

/// One bar: `value` of `of`, drawn as a share, with `text` ("68 ud af 98") beside it.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub value: usize,
    pub of: usize,
    pub text: String,
    /// Where the bar links to (an in-page `#anchor`).
    pub href: String,
}

/// One point of a line: `value` of `of` in `year`, with a tooltip.
#[derive(Debug, Clone)]
pub struct Point {
    pub year: u16,
    pub value: usize,
    pub of: usize,
    pub title: String,
}

/// One topic's line across the years.
#[derive(Debug, Clone)]
pub struct Series {
    pub label: String,
    pub points: Vec<Point>,
}

/// One row of the region grid: per region `(mentioning, of)`, `None` where the region has no
/// documents.
#[derive(Debug, Clone)]
pub struct GridRow {
    pub label: String,
    pub cells: Vec<Option<(usize, usize)>>,
    pub href: String,
}

/// `value / of` clamped to 0..=1; 0 when there is nothing to divide by.
fn share(value: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        (value as f64 / of as f64).min(1.0)
    }
}

/// The label as drawn: cut to [`MAX_LABEL_CHARS`] with "…", escaped.
fn short_label(label: &str) -> String {
    if label.chars().count() <= MAX_LABEL_CHARS {
        html_escape(label)
    } else {
        let cut: String = label.chars().take(MAX_LABEL_CHARS - 1).collect();
        html_escape(&format!("{}…", cut.trim_end()))
    }
}

/// Width in viewBox units of the widest (shortened) label, within `[min, max]`.
fn label_column(labels: impl Iterator<Item = usize>, min: f64, max: f64) -> f64 {
    let chars = labels.map(|n| n.min(MAX_LABEL_CHARS)).max().unwrap_or(0);
    (chars as f64 * CHAR_WIDTH + 12.0).clamp(min, max)
}

/// Opens an `<svg>` with an accessible name.
fn open(out: &mut String, class: &str, height: f64, caption: &str) {
    let _ = write!(
        out,
        "<svg class=\"chart {class}\" viewBox=\"0 0 {WIDTH} {height:.0}\" role=\"img\" aria-label=\"{0}\"><title>{0}</title>",
        html_escape(caption)
    );
}

/// Percent gridlines from `x0` (0 %) to `x1` (100 %), labelled above the plot at `y_label`.
fn percent_grid(out: &mut String, x0: f64, x1: f64, top: f64, bottom: f64, y_label: f64) {
    for step in 0..=4 {
        let x = x0 + (x1 - x0) * f64::from(step) / 4.0;
        let _ = write!(
            out,
            "<line class=\"grid\" x1=\"{x:.1}\" y1=\"{top:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\"/>\
             <text class=\"tick\" x=\"{x:.1}\" y=\"{y_label:.1}\" text-anchor=\"middle\">{} %</text>",
            step * 25
        );
    }
}

/// Horizontal bars, one per entry, in the order given. Each bar and its text link to `href`.
pub fn bars(bars: &[Bar], caption: &str) -> String {
    let top = 22.0;
    let height = top + ROW * bars.len() as f64 + 6.0;
    let x0 = label_column(bars.iter().map(|b| b.label.chars().count()), 120.0, 250.0);
    // Room right of the longest bar for "98 ud af 98".
    let x1 = WIDTH - 112.0;
    let mut out = String::new();
    open(&mut out, "bars", height, caption);
    percent_grid(&mut out, x0, x1, top - 4.0, height - 4.0, 12.0);
    for (i, bar) in bars.iter().enumerate() {
        let y = top + ROW * i as f64;
        let w = (x1 - x0) * share(bar.value, bar.of);
        let mid = y + ROW / 2.0;
        let _ = write!(
            out,
            "<a href=\"{href}\"><title>{label}: {text}</title>\
             <text class=\"label\" x=\"{lx:.1}\" y=\"{mid:.1}\" text-anchor=\"end\" dominant-baseline=\"central\">{short}</text>\
             <rect class=\"track\" x=\"{x0:.1}\" y=\"{by:.1}\" width=\"{tw:.1}\" height=\"{BAR}\"/>\
             <rect class=\"bar\" x=\"{x0:.1}\" y=\"{by:.1}\" width=\"{w:.1}\" height=\"{BAR}\"/>\
             <text class=\"value\" x=\"{vx:.1}\" y=\"{mid:.1}\" dominant-baseline=\"central\">{text}</text></a>",
            href = html_escape(&bar.href),
            label = html_escape(&bar.label),
            text = html_escape(&bar.text),
            short = short_label(&bar.label),
            lx = x0 - 8.0,
            by = mid - BAR / 2.0,
            tw = x1 - x0,
            vx = x0 + w + 6.0,
        );
    }
    out.push_str("</svg>");
    out
}

/// Draws one marker centred on `(x, y)`.
fn marker(out: &mut String, shape: Marker, x: f64, y: f64, colour: &str) {
    let r = 4.5;
    let _ = match shape {
        Marker::Circle => write!(out, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r}\" fill=\"{colour}\"/>"),
        Marker::Square => write!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{s:.1}\" height=\"{s:.1}\" fill=\"{colour}\"/>",
            x - r * 0.9,
            y - r * 0.9,
            s = r * 1.8
        ),
        Marker::Triangle => write!(
            out,
            "<path d=\"M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z\" fill=\"{colour}\"/>",
            y - r * 1.2,
            x + r * 1.1,
            y + r * 0.8,
            x - r * 1.1,
            y + r * 0.8
        ),
        Marker::Diamond => write!(
            out,
            "<path d=\"M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z\" fill=\"{colour}\"/>",
            y - r * 1.3,
            x + r * 1.1,
            y + r * 1.3,
            x - r * 1.1
        ),
    };
}

/// The colour, marker and dash pattern of series `i`.
fn style(i: usize) -> (&'static str, Marker, &'static str) {
    let colour = PALETTE[i % PALETTE.len()];
    let shape = MARKERS[i % MARKERS.len()];
    let dash = DASHES[(i / PALETTE.len()) % DASHES.len()];
    (colour, shape, dash)
}

/// One line per series across `years`, as a share from 0 to 100 %, with a legend below. Each
/// series (line, markers and legend entry) is one `<g class="s">` so that hovering either the
/// line or its legend entry highlights it with CSS alone.
pub fn lines(years: &[u16], series: &[Series], axis: &str, caption: &str) -> String {
    const PLOT_TOP: f64 = 28.0;
    const PLOT_HEIGHT: f64 = 300.0;
    const LEGEND_ROW: f64 = 22.0;
    const LEGEND_COLUMNS: usize = 3;
    let (x0, x1) = (56.0, WIDTH - 24.0);
    let bottom = PLOT_TOP + PLOT_HEIGHT;
    let legend_top = bottom + 44.0;
    let legend_rows = series.len().div_ceil(LEGEND_COLUMNS);
    let height = legend_top + LEGEND_ROW * legend_rows as f64 + 4.0;
    let x_of = |year: u16| match years.iter().position(|y| *y == year) {
        Some(i) if years.len() > 1 => Some(x0 + (x1 - x0) * i as f64 / (years.len() - 1) as f64),
        Some(_) => Some((x0 + x1) / 2.0),
        None => None,
    };
    let y_of = |value: usize, of: usize| bottom - PLOT_HEIGHT * share(value, of);

    let mut out = String::new();
    open(&mut out, "lines", height, caption);
    for step in 0..=5 {
        let y = bottom - PLOT_HEIGHT * f64::from(step) / 5.0;
        let _ = write!(
            out,
            "<line class=\"grid\" x1=\"{x0}\" y1=\"{y:.1}\" x2=\"{x1}\" y2=\"{y:.1}\"/>\
             <text class=\"tick\" x=\"{:.1}\" y=\"{y:.1}\" text-anchor=\"end\" dominant-baseline=\"central\">{} %</text>",
            x0 - 8.0,
            step * 20
        );
    }
    let _ = write!(out, "<text class=\"tick\" x=\"{x0}\" y=\"14\">{}</text>", html_escape(axis));
    for year in years {
        if let Some(x) = x_of(*year) {
            let _ = write!(
                out,
                "<text class=\"tick\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{year}</text>",
                bottom + 20.0
            );
        }
    }
    let column_width = (x1 - 8.0) / LEGEND_COLUMNS as f64;
    for (i, s) in series.iter().enumerate() {
        let (colour, shape, dash) = style(i);
        let points: Vec<(f64, f64, &Point)> = s
            .points
            .iter()
            .filter(|p| p.of > 0)
            .filter_map(|p| x_of(p.year).map(|x| (x, y_of(p.value, p.of), p)))
            .collect();
        out.push_str("<g class=\"s\">");
        if points.len() > 1 {
            let path: Vec<String> = points.iter().map(|(x, y, _)| format!("{x:.1},{y:.1}")).collect();
            let _ = write!(out, "<polyline points=\"{}\" stroke=\"{colour}\"", path.join(" "));
            if !dash.is_empty() {
                let _ = write!(out, " stroke-dasharray=\"{dash}\"");
            }
            out.push_str("/>");
        }
        for (x, y, p) in &points {
            let _ = write!(out, "<g><title>{}</title>", html_escape(&p.title));
            marker(&mut out, shape, *x, *y, colour);
            out.push_str("</g>");
        }
        // Legend entry: a line sample with the marker, then the label.
        let lx = 8.0 + column_width * (i % LEGEND_COLUMNS) as f64;
        let ly = legend_top + LEGEND_ROW * (i / LEGEND_COLUMNS) as f64;
        let _ = write!(
            out,
            "<line x1=\"{lx:.1}\" y1=\"{ly:.1}\" x2=\"{:.1}\" y2=\"{ly:.1}\" stroke=\"{colour}\"",
            lx + 28.0
        );
        if !dash.is_empty() {
            let _ = write!(out, " stroke-dasharray=\"{dash}\"");
        }
        out.push_str("/>");
        marker(&mut out, shape, lx + 14.0, ly, colour);
        let _ = write!(
            out,
            "<text class=\"label\" x=\"{:.1}\" y=\"{ly:.1}\" dominant-baseline=\"central\">{}</text></g>",
            lx + 36.0,
            short_label(&s.label)
        );
    }
    out.push_str("</svg>");
    out
}

/// A grid of small bars: one row per topic, one column per region, each cell "n/m".
pub fn region_grid(regions: &[String], rows: &[GridRow], caption: &str) -> String {
    let top = 30.0;
    let height = top + ROW * rows.len() as f64 + 4.0;
    let x0 = label_column(rows.iter().map(|r| r.label.chars().count()), 120.0, 240.0);
    let column = (WIDTH - x0) / regions.len().max(1) as f64;
    // The bar takes the left part of a cell, its "n/m" text the rest.
    let track = (column - 52.0).max(20.0);
    let mut out = String::new();
    open(&mut out, "regions", height, caption);
    for (j, region) in regions.iter().enumerate() {
        let _ = write!(
            out,
            "<text class=\"tick\" x=\"{:.1}\" y=\"16\">{}</text>",
            x0 + column * j as f64,
            short_label(region)
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let mid = top + ROW * i as f64 + ROW / 2.0;
        let _ = write!(
            out,
            "<a href=\"{}\"><title>{}</title><text class=\"label\" x=\"{:.1}\" y=\"{mid:.1}\" text-anchor=\"end\" dominant-baseline=\"central\">{}</text>",
            html_escape(&row.href),
            html_escape(&row.label),
            x0 - 8.0,
            short_label(&row.label)
        );
        for (j, cell) in row.cells.iter().enumerate() {
            let x = x0 + column * j as f64;
            let by = mid - BAR / 2.0 + 2.0;
            let _ = write!(
                out,
                "<rect class=\"track\" x=\"{x:.1}\" y=\"{by:.1}\" width=\"{track:.1}\" height=\"{:.0}\"/>",
                BAR - 4.0
            );
            if let Some((value, of)) = cell {
                let _ = write!(
                    out,
                    "<rect class=\"bar\" x=\"{x:.1}\" y=\"{by:.1}\" width=\"{:.1}\" height=\"{:.0}\"/>\
                     <text class=\"value\" x=\"{:.1}\" y=\"{mid:.1}\" dominant-baseline=\"central\">{value}/{of}</text>",
                    track * share(*value, *of),
                    BAR - 4.0,
                    x + track + 5.0
                );
            }
        }
        out.push_str("</a>");
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_text_and_labels_are_escaped() {
        let svg = bars(
            &[Bar { label: "<b>AI</b>".into(), value: 68, of: 98, text: "68 ud af 98".into(), href: "#ev-ai".into() }],
            "Kommuner",
        );
        assert!(svg.contains(">68 ud af 98</text>"));
        assert!(svg.contains("&lt;b&gt;AI&lt;/b&gt;"));
        assert!(!svg.contains("<b>"));
    }

    #[test]
    fn long_labels_are_cut_with_an_ellipsis() {
        let long = "Et meget langt emnenavn som ikke kan stå i fuld længde";
        assert_eq!(short_label(long), "Et meget langt emnenavn som ikke…");
    }

    #[test]
    fn fourteen_series_differ_in_colour_marker_or_dash() {
        let styles: Vec<(&str, usize, &str)> = (0..14).map(style).map(|(c, m, d)| (c, m as usize, d)).collect();
        for (i, a) in styles.iter().enumerate() {
            assert!(styles.iter().skip(i + 1).all(|b| b != a), "series {i} repeats a style");
        }
    }

    #[test]
    fn shares_never_divide_by_zero_or_exceed_one() {
        assert_eq!(share(3, 0), 0.0);
        assert_eq!(share(5, 4), 1.0);
        assert_eq!(share(49, 98), 0.5);
    }
}
