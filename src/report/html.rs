//! `report --format html`: one self-contained page with SVG charts and the evidence behind
//! every number.
//!
//! The page has no external resources: CSS and SVG are inline, and a few lines of script only
//! add conveniences (opening the evidence a link points to, filtering the municipality table).
//! Everything reads without script because evidence sits in `<details>`.
//!
//! All text from documents, file names and the topic dictionary goes through
//! [`html_escape`]; anchor ids are built from sanitised topic ids and numbers only.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;

use super::labels::Labels;
use super::svg;
use super::table::provenance_lines;
use super::{MunicipalityRow, Report, TopicRow, YearCell};
use crate::analyse::Evidence;
use crate::identify::registry::Region;
use crate::search::html_escape;

/// Sentences shown per municipality, topic and year. A real corpus can hold hundreds of
/// mentions of a common word in one document; 50 show the usage while keeping the page light
/// enough for a browser, and the rest are one `kommunsk evidence` command away.
const MAX_SENTENCES_PER_GROUP: usize = 50;
/// Names of newly mentioning / stopped municipalities shown openly in a table cell; more are
/// folded into `<details>` so that one busy year does not stretch the table.
const MAX_INLINE_NAMES: usize = 4;
/// Longest part of an anchor id taken from a topic id.
const MAX_SLUG_CHARS: usize = 40;

/// Where a number's sentences are shown, for a page that does not carry them itself (a
/// server's evidence view): the link for a topic id, a year and, for one municipality's count,
/// its code.
pub type EvidenceLink<'a> = &'a dyn Fn(&str, u16, Option<u16>) -> String;

/// In-page anchor ids, or links to an evidence view. Topic ids come from the editable TOML, so
/// each is reduced to a slug of `[a-z0-9_-]` and made unique; years and municipality codes are
/// numbers.
struct Anchors<'a> {
    topics: Vec<String>,
    ids: Vec<String>,
    link: Option<EvidenceLink<'a>>,
}

impl<'a> Anchors<'a> {
    fn new(report: &Report, link: Option<EvidenceLink<'a>>) -> Self {
        let mut seen = BTreeSet::new();
        let topics = report
            .topics
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let base = slug(&t.id);
                let unique = if seen.contains(&base) { format!("{base}-{}", i + 1) } else { base };
                seen.insert(unique.clone());
                unique
            })
            .collect();
        let ids = report.topics.iter().map(|t| t.id.clone()).collect();
        Anchors { topics, ids, link }
    }

    fn id(&self, topic: usize) -> &str {
        self.ids.get(topic).map_or("", String::as_str)
    }

    /// The link to the sentences behind a topic's count in a year.
    fn href_year(&self, topic: usize, year: u16) -> String {
        match self.link {
            Some(link) => link(self.id(topic), year, None),
            None => format!("#{}", self.topic_year(topic, year)),
        }
    }

    /// The link to the sentences behind one municipality's count.
    fn href_cell(&self, topic: usize, year: u16, code: u16) -> String {
        match self.link {
            Some(link) => link(self.id(topic), year, Some(code)),
            None => format!("#{}", self.cell(topic, year, code)),
        }
    }

    fn slug(&self, topic: usize) -> &str {
        self.topics.get(topic).map_or("topic", String::as_str)
    }

    fn topic(&self, topic: usize) -> String {
        format!("ev-{}", self.slug(topic))
    }

    fn topic_year(&self, topic: usize, year: u16) -> String {
        format!("ev-{}-{year}", self.slug(topic))
    }

    fn cell(&self, topic: usize, year: u16, code: u16) -> String {
        format!("ev-{}-{year}-{code}", self.slug(topic))
    }
}

/// `text` reduced to lower-case ASCII letters, digits, `_` and single `-`.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if out.len() >= MAX_SLUG_CHARS {
            break;
        }
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "topic".to_string()
    } else {
        trimmed.to_string()
    }
}

/// Mentions per (topic index, year, municipality code), in the order given.
type Groups<'a> = BTreeMap<(usize, u16, u16), Vec<&'a Evidence>>;

/// Groups the evidence by the numbers it stands behind. Mentions without a year or code, or of
/// a topic the report does not have, stand behind no number and are left out.
fn group_evidence<'a>(report: &Report, evidence: &'a [Evidence]) -> Groups<'a> {
    let index: HashMap<&str, usize> = report.topics.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    let mut groups = Groups::new();
    for e in evidence {
        if let (Some(&t), Some(year), Some(code)) = (index.get(e.topic.as_str()), e.year, e.code) {
            groups.entry((t, year, code)).or_default().push(e);
        }
    }
    groups
}

/// "68 ud af 98".
fn out_of(value: usize, of: usize, words: &Labels) -> String {
    format!("{value} {} {of}", words.out_of)
}

/// "1 omtale", "3 omtaler".
fn mentions(n: usize, words: &Labels) -> String {
    format!("{n} {}", if n == 1 { words.mention_one } else { words.mention_many })
}

/// "69 %", rounded; "—" when there is nothing to divide by.
fn percent(value: usize, of: usize) -> String {
    match (value.saturating_mul(100).saturating_add(of / 2)).checked_div(of) {
        Some(p) => format!("{p} %"),
        None => "—".to_string(),
    }
}

/// "+3", "−2" (a real minus sign), "±0".
fn signed(change: i64) -> String {
    match change {
        0 => "±0".to_string(),
        d if d > 0 => format!("+{d}"),
        d => format!("−{}", d.unsigned_abs()),
    }
}

fn cell_for(topic: &TopicRow, year: u16) -> Option<&YearCell> {
    topic.years.iter().find(|c| c.year == year)
}

/// Renders the self-contained HTML report.
pub fn render(report: &Report, evidence: &[Evidence], words: &Labels) -> String {
    render_with(report, evidence, words, None)
}

/// Renders the report for a page whose numbers link to an evidence view elsewhere (`link`)
/// instead of carrying the sentences: every count, also one municipality's, links there.
pub fn render_linked(report: &Report, words: &Labels, link: EvidenceLink) -> String {
    render_with(report, &[], words, Some(link))
}

fn render_with(report: &Report, evidence: &[Evidence], words: &Labels, link: Option<EvidenceLink>) -> String {
    let anchors = Anchors::new(report, link);
    let groups = group_evidence(report, evidence);
    let latest = report.source.years.last().copied();
    let mut out = String::with_capacity(64 * 1024 + evidence.len() * 420);

    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body><main>",
        words.html_lang,
        html_escape(words.title)
    );
    header(&mut out, report, words, link.is_none());
    match latest {
        Some(latest) => {
            charts(&mut out, report, &anchors, words, latest);
            year_table(&mut out, report, &anchors, words);
            matrix(&mut out, report, &anchors, &groups, words, latest);
            if link.is_none() {
                evidence_section(&mut out, report, &anchors, &groups, words);
            }
        }
        None => {
            let _ = write!(out, "<p>{}</p>", html_escape(words.no_data));
        }
    }
    let _ = writeln!(
        out,
        "<footer>{} {}</footer></main><script>{SCRIPT}</script></body></html>",
        html_escape(words.made_by),
        env!("CARGO_PKG_VERSION")
    );
    out
}

/// Title, the synthetic-corpus banner and what the numbers were computed from.
fn header(out: &mut String, report: &Report, words: &Labels, with_evidence: bool) {
    let _ = write!(out, "<header><h1>{}</h1>", html_escape(words.title));
    if report.source.synthetic {
        let _ = write!(out, "<p class=\"banner\" role=\"note\">{}</p>", html_escape(words.synthetic));
    }
    // `provenance_lines` starts with its own plain-text banner when synthetic; the page shows
    // the styled one above instead.
    for line in provenance_lines(report, words).iter().skip(usize::from(report.source.synthetic)) {
        let _ = write!(out, "<p class=\"prov\">{}</p>", html_escape(line));
    }
    if let Some(warning) = &report.source.warning {
        let _ = write!(out, "<p class=\"banner notcounted\" role=\"alert\">{}</p>", html_escape(warning));
    }
    let _ = write!(
        out,
        "<nav class=\"toc\" aria-label=\"{0}\"><a href=\"#charts\">{1}</a><a href=\"#shares\">{2}</a>\
         <a href=\"#regions\">{3}</a><a href=\"#years\">{4}</a><a href=\"#matrix\">{5}</a>{6}</nav></header>",
        html_escape(words.contents),
        html_escape(words.latest_chart),
        html_escape(words.share_axis),
        html_escape(words.region),
        html_escape(words.topics_by_year),
        html_escape(words.matrix),
        if with_evidence {
            format!("<a href=\"#evidence\">{}</a>", html_escape(words.evidence))
        } else {
            String::new()
        },
    );
}

/// Topic indices ordered by the latest year's share, highest first (ties keep dictionary order),
/// so the bar and region charts read as a ranking.
fn ranked(report: &Report, latest: u16) -> Vec<usize> {
    let mut order: Vec<usize> = (0..report.topics.len()).collect();
    let key = |i: &usize| {
        report.topics.get(*i).and_then(|t| cell_for(t, latest)).map_or(0, |c| {
            // Compare shares without floats: per ten thousand.
            c.municipalities.saturating_mul(10_000).checked_div(c.of).unwrap_or(0)
        })
    };
    order.sort_by_key(|i| std::cmp::Reverse(key(i)));
    order
}

/// The three chart sections: bars per year (latest shown, others by anchor), lines across
/// years, and the region grid for the latest year.
fn charts(out: &mut String, report: &Report, anchors: &Anchors, words: &Labels, latest: u16) {
    let order = ranked(report, latest);
    let years = &report.source.years;

    let _ = write!(out, "<section id=\"charts\"><h2>{}</h2>", html_escape(words.latest_chart));
    if years.len() > 1 {
        let _ = write!(out, "<nav class=\"yearnav\">{}:", html_escape(words.year));
        for year in years {
            let _ = write!(out, " <a href=\"#bars-{year}\">{year}</a>");
        }
        out.push_str("</nav>");
    }
    out.push_str("<div class=\"panels\">");
    for year in years {
        let bars: Vec<svg::Bar> = order
            .iter()
            .filter_map(|&i| {
                let topic = report.topics.get(i)?;
                let c = cell_for(topic, *year)?;
                Some(svg::Bar {
                    label: topic.label.clone(),
                    value: c.municipalities,
                    of: c.of,
                    text: out_of(c.municipalities, c.of, words),
                    href: anchors.href_year(i, *year),
                })
            })
            .collect();
        let class = if *year == latest { "panel latest" } else { "panel" };
        let caption = format!("{} {year}", words.latest_chart);
        let _ = write!(
            out,
            "<figure class=\"{class}\" id=\"bars-{year}\"><figcaption>{year}</figcaption><div class=\"scroll\">{}</div></figure>",
            svg::bars(&bars, &caption)
        );
    }
    out.push_str("</div></section>");

    let series: Vec<svg::Series> = report
        .topics
        .iter()
        .map(|topic| svg::Series {
            label: topic.label.clone(),
            points: topic
                .years
                .iter()
                .map(|c| svg::Point {
                    year: c.year,
                    value: c.municipalities,
                    of: c.of,
                    title: format!("{} {}: {}", topic.label, c.year, out_of(c.municipalities, c.of, words)),
                })
                .collect(),
        })
        .collect();
    let _ = write!(
        out,
        "<section id=\"shares\"><h2>{}</h2><figure class=\"scroll\">{}</figure></section>",
        html_escape(words.share_chart),
        svg::lines(years, &series, words.share_axis, words.share_chart)
    );

    let mut regions: Vec<String> = report
        .topics
        .iter()
        .filter_map(|t| cell_for(t, latest))
        .flat_map(|c| c.regions.iter().map(|r| r.region.clone()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    // East to north-west as Danish statistics list them; names the registry does not know last.
    regions.sort_by_key(|name| {
        let known = Region::parse(name);
        (known.is_none(), known, name.clone())
    });
    let rows: Vec<svg::GridRow> = order
        .iter()
        .filter_map(|&i| {
            let topic = report.topics.get(i)?;
            let c = cell_for(topic, latest)?;
            let cells = regions
                .iter()
                .map(|name| c.regions.iter().find(|r| &r.region == name).map(|r| (r.municipalities, r.of)))
                .collect();
            Some(svg::GridRow { label: topic.label.clone(), cells, href: anchors.href_year(i, latest) })
        })
        .collect();
    let caption = format!("{} {latest}", words.region_chart);
    let shown: Vec<String> = regions.iter().map(|r| if r.is_empty() { "—".to_string() } else { r.clone() }).collect();
    let _ = write!(
        out,
        "<section id=\"regions\"><h2>{}</h2><figure class=\"scroll\">{}</figure></section>",
        html_escape(&caption),
        svg::region_grid(&shown, &rows, &caption)
    );
}

/// The topic × year table: "N ud af M", share, change, and who started or stopped.
fn year_table(out: &mut String, report: &Report, anchors: &Anchors, words: &Labels) {
    let years = &report.source.years;
    let _ = write!(
        out,
        "<section id=\"years\"><h2>{}</h2><div class=\"scroll\"><table class=\"years\"><thead><tr><th>{}</th>",
        html_escape(words.topics_by_year),
        html_escape(words.topic)
    );
    for year in years {
        let _ = write!(out, "<th>{year}</th>");
    }
    out.push_str("</tr></thead><tbody>");
    for (i, topic) in report.topics.iter().enumerate() {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", html_escape(&topic.label));
        for year in years {
            let Some(c) = cell_for(topic, *year) else {
                out.push_str("<td>—</td>");
                continue;
            };
            let _ = write!(
                out,
                "<td><a href=\"{}\">{}</a> <span class=\"pct\">{}</span>",
                html_escape(&anchors.href_year(i, *year)),
                out_of(c.municipalities, c.of, words),
                percent(c.municipalities, c.of)
            );
            if let Some(change) = c.change {
                let class = match change {
                    d if d > 0 => "ch up",
                    d if d < 0 => "ch down",
                    _ => "ch",
                };
                let _ = write!(
                    out,
                    " <span class=\"{class}\" title=\"{}\">{}</span>",
                    html_escape(words.change),
                    signed(change)
                );
            }
            names(out, c, words);
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div></section>");
}

/// The municipalities that newly mention / stopped mentioning a topic, folded when long.
fn names(out: &mut String, c: &YearCell, words: &Labels) {
    if c.new.is_empty() && c.stopped.is_empty() {
        return;
    }
    let list = |names: &[String]| names.iter().map(|n| html_escape(n)).collect::<Vec<_>>().join(", ");
    let mut body = String::new();
    if !c.new.is_empty() {
        let _ = write!(body, "<p class=\"up\">{} ({}): {}</p>", html_escape(words.newly), c.new.len(), list(&c.new));
    }
    if !c.stopped.is_empty() {
        let _ = write!(
            body,
            "<p class=\"down\">{} ({}): {}</p>",
            html_escape(words.stopped),
            c.stopped.len(),
            list(&c.stopped)
        );
    }
    if c.new.len() + c.stopped.len() <= MAX_INLINE_NAMES {
        let _ = write!(out, "<div class=\"nm\">{body}</div>");
    } else {
        let _ = write!(
            out,
            "<details class=\"nm\"><summary>{} {} · {} {}</summary>{body}</details>",
            html_escape(words.newly),
            c.new.len(),
            html_escape(words.stopped),
            c.stopped.len()
        );
    }
}

/// The municipality × topic table for the latest year; each nonzero count links to its
/// sentences.
fn matrix(out: &mut String, report: &Report, anchors: &Anchors, groups: &Groups, words: &Labels, latest: u16) {
    let _ = write!(
        out,
        "<section id=\"matrix\"><h2>{} {latest}</h2><p class=\"note\">{}</p><div class=\"scroll\">\
         <table class=\"matrix\" id=\"matrix-table\" data-filter=\"{}\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>",
        html_escape(words.matrix),
        html_escape(words.matrix_note),
        html_escape(words.filter),
        html_escape(words.municipality),
        html_escape(words.code),
        html_escape(words.region),
        html_escape(words.documents_short),
    );
    for topic in &report.topics {
        let label = html_escape(&topic.label);
        let _ = write!(out, "<th class=\"v\" title=\"{label}\"><span>{label}</span></th>");
    }
    out.push_str("</tr></thead><tbody>");
    let rows: Vec<&MunicipalityRow> = report.municipalities.iter().filter(|m| m.year == latest).collect();
    for row in &rows {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"r\">{}</td><td>{}</td>",
            html_escape(&row.name),
            row.code,
            html_escape(&row.region),
            row.documents
        );
        for (i, topic) in report.topics.iter().enumerate() {
            match row.mentions.get(&topic.id).copied().unwrap_or(0) {
                0 => out.push_str("<td class=\"z\">0</td>"),
                // Link only when the sentences are there, so no link dangles.
                n if anchors.link.is_some() || groups.contains_key(&(i, latest, row.code)) => {
                    let href = anchors.href_cell(i, latest, row.code);
                    let _ = write!(out, "<td><a href=\"{}\">{n}</a></td>", html_escape(&href));
                }
                n => {
                    let _ = write!(out, "<td>{n}</td>");
                }
            }
        }
        out.push_str("</tr>");
    }
    let _ = write!(
        out,
        "</tbody><tfoot><tr><th colspan=\"4\">{} ({} {})</th>",
        html_escape(words.total),
        html_escape(words.municipalities),
        html_escape(words.mention),
    );
    for (i, topic) in report.topics.iter().enumerate() {
        match cell_for(topic, latest) {
            Some(c) => {
                let _ = write!(
                    out,
                    "<td><a href=\"{}\" title=\"{}\">{}</a></td>",
                    html_escape(&anchors.href_year(i, latest)),
                    out_of(c.municipalities, c.of, words),
                    c.municipalities
                );
            }
            None => out.push_str("<td>—</td>"),
        }
    }
    out.push_str("</tr></tfoot></table></div></section>");
}

/// Every counted mention, grouped topic → year → municipality → document.
fn evidence_section(out: &mut String, report: &Report, anchors: &Anchors, groups: &Groups, words: &Labels) {
    let places: HashMap<(u16, u16), &MunicipalityRow> =
        report.municipalities.iter().map(|m| ((m.year, m.code), m)).collect();
    let _ = write!(
        out,
        "<section id=\"evidence\"><h2>{}</h2><p class=\"note\">{}</p>",
        html_escape(words.evidence),
        html_escape(words.evidence_note)
    );
    for (i, topic) in report.topics.iter().enumerate() {
        let _ =
            write!(out, "<section class=\"topic\" id=\"{}\"><h3>{}</h3>", anchors.topic(i), html_escape(&topic.label));
        for c in &topic.years {
            let summary = format!(
                "{} · {} {} · {}",
                c.year,
                out_of(c.municipalities, c.of, words),
                words.municipalities,
                mentions(c.mentions, words)
            );
            let id = anchors.topic_year(i, c.year);
            let mut in_year = groups.range((i, c.year, 0)..=(i, c.year, u16::MAX)).peekable();
            if in_year.peek().is_none() {
                let _ = write!(out, "<p class=\"ty none\" id=\"{id}\">{}</p>", html_escape(&summary));
                continue;
            }
            let _ = write!(out, "<details class=\"ty\" id=\"{id}\"><summary>{}</summary>", html_escape(&summary));
            for (&(_, year, code), found) in in_year {
                let place = places.get(&(year, code));
                let name = place
                    .map(|m| m.name.clone())
                    .or_else(|| found.first().and_then(|e| e.municipality.clone()))
                    .unwrap_or_default();
                let region = place.map(|m| m.region.as_str()).unwrap_or_default();
                let _ = write!(
                    out,
                    "<div class=\"muni\" id=\"{}\"><h4>{} <span class=\"meta\">{code} · {} · {}</span></h4>",
                    anchors.cell(i, year, code),
                    html_escape(&name),
                    html_escape(region),
                    html_escape(&mentions(found.len(), words)),
                );
                sentences(out, found, words);
                if let Some(more) = found.len().checked_sub(MAX_SENTENCES_PER_GROUP).filter(|m| *m > 0) {
                    let _ = write!(
                        out,
                        "<p class=\"more\">+ {more} {} <code>kommunsk evidence {} --municipality {code} --year {year}</code></p>",
                        html_escape(words.more_sentences),
                        html_escape(&topic.id)
                    );
                }
                out.push_str("</div>");
            }
            out.push_str("</details>");
        }
        out.push_str("</section>");
    }
    out.push_str("</section>");
}

/// Up to [`MAX_SENTENCES_PER_GROUP`] mentions, one list per document, each with its page and
/// the sentence with the match marked.
fn sentences(out: &mut String, mentions: &[&Evidence], words: &Labels) {
    let mut current: Option<&str> = None;
    for e in mentions.iter().take(MAX_SENTENCES_PER_GROUP) {
        if current != Some(e.path.as_str()) {
            if current.is_some() {
                out.push_str("</ol></div>");
            }
            let _ = write!(out, "<div class=\"doc\"><code>{}</code><ol>", html_escape(&e.path));
            current = Some(e.path.as_str());
        }
        let ocr = e.ocr.as_ref().map(|o| format!(" ({})", html_escape(&o.to_string()))).unwrap_or_default();
        let _ =
            write!(out, "<li><span class=\"pg\">{} {}{ocr}</span>{}</li>", html_escape(words.page), e.page, marked(e));
    }
    if current.is_some() {
        out.push_str("</ol></div>");
    }
}

/// The sentence, escaped, with the mention in `<mark>`. The three parts are escaped separately
/// so that no text from the PDF can open or close a tag; a range that does not fall on
/// character boundaries shows the sentence unmarked.
fn marked(e: &Evidence) -> String {
    let s = &e.sentence;
    match (s.get(..e.start), s.get(e.start..e.end), s.get(e.end..)) {
        (Some(before), Some(hit), Some(after)) => {
            format!("{}<mark>{}</mark>{}", html_escape(before), html_escape(hit), html_escape(after))
        }
        _ => html_escape(s),
    }
}

/// The page's style sheet: system fonts only, a readable measure, print rules that show every
/// chart and drop navigation.
pub const STYLE: &str = r#"
:root{--ink:#1c2530;--muted:#5d6875;--line:#dde2e8;--accent:#0b5cad;--bar:#3474b8;--track:#eceff3;--up:#16723a;--down:#b3261e}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1120px;margin:0 auto;padding:28px 24px 64px}
h1{font-size:1.9rem;line-height:1.2;margin:0 0 .6rem;letter-spacing:-.01em}
h2{font-size:1.3rem;margin:2.6rem 0 .8rem;padding-bottom:.3rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.12rem;margin:1.8rem 0 .5rem}
h4{font-size:1rem;margin:.2rem 0}
a{color:var(--accent)}
.banner{background:#fff4d1;border:2px solid #c77800;color:#4d3000;font-weight:700;padding:.6rem .9rem;border-radius:6px;margin:.8rem 0}
.prov{color:var(--muted);font-size:.9rem;margin:.1rem 0;overflow-wrap:anywhere}
.note{color:var(--muted);margin:.2rem 0 .8rem}
nav.toc{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;margin-top:1rem;padding-top:.7rem;border-top:1px solid var(--line);font-size:.92rem}
nav.yearnav{font-size:.92rem;margin-bottom:.5rem;color:var(--muted)}
nav.yearnav a{margin-left:.5rem}
figure{margin:0}
figcaption{font-weight:700;font-size:1.05rem;margin-bottom:.2rem}
.panel{display:none}
.panel.latest{display:block}
.panels:has(.panel:target) .panel{display:none}
.panels:has(.panel:target) .panel:target{display:block}
svg.chart{display:block;width:100%;min-width:560px;height:auto;font-size:13px}
svg .grid{stroke:#e2e6eb;stroke-width:1}
svg .tick{fill:var(--muted);font-size:11px}
svg .label,svg .value{fill:var(--ink)}
svg .track{fill:var(--track)}
svg .bar{fill:var(--bar)}
svg a:hover .bar{fill:var(--accent)}
svg a:hover .label{text-decoration:underline}
svg.lines polyline{fill:none;stroke-width:2.2;stroke-linejoin:round}
svg.lines g.s line{stroke-width:2.2}
svg.lines:has(g.s:hover) g.s:not(:hover){opacity:.18}
.scroll{overflow-x:auto}
table{border-collapse:collapse;font-size:.9rem;font-variant-numeric:tabular-nums}
th,td{padding:.35rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--ink);vertical-align:bottom;background:#fff}
tbody th{font-weight:600}
table.years td{min-width:8.5rem;white-space:nowrap}
.pct{color:var(--muted)}
.ch{font-weight:600;color:var(--muted)}
.up{color:var(--up)}
.down{color:var(--down)}
.ch.up{color:var(--up)}
.ch.down{color:var(--down)}
.nm{font-size:.8rem;white-space:normal;max-width:16rem}
.nm p{margin:.15rem 0}
.nm summary{cursor:pointer;color:var(--muted)}
table.matrix{font-size:.85rem}
table.matrix td{text-align:right;padding:.2rem .4rem}
table.matrix td.r{text-align:left;color:var(--muted)}
table.matrix tbody th{white-space:nowrap}
table.matrix tbody tr:nth-child(even){background:#f6f8fa}
table.matrix td.z{color:#c5cbd3}
table.matrix tfoot th,table.matrix tfoot td{border-top:2px solid var(--ink);font-weight:600}
th.v{padding:.3rem .25rem;text-align:center}
th.v span{writing-mode:vertical-rl;transform:rotate(180deg);display:inline-block;max-height:12rem;text-align:left;font-weight:600;line-height:1.2}
input.filter{font:inherit;padding:.35rem .6rem;margin:0 0 .6rem;border:1px solid #b9c1cb;border-radius:4px;width:min(20rem,100%)}
details.ty{border:1px solid var(--line);border-radius:6px;margin:.35rem 0;padding:.1rem .8rem}
details.ty>summary{cursor:pointer;font-weight:600;padding:.35rem 0}
p.ty.none{color:var(--muted);margin:.35rem 0;padding:.1rem .8rem}
.muni{margin:.5rem 0 1rem;padding-left:.8rem;border-left:3px solid var(--track)}
.muni:target{border-left-color:var(--accent);background:#f3f8fd}
.meta{color:var(--muted);font-weight:400;font-size:.85rem}
.doc code{font-size:.8rem;color:var(--muted);overflow-wrap:anywhere}
.doc ol{margin:.15rem 0 .5rem;padding-left:1.1rem;list-style:none}
.doc li{margin:.15rem 0}
.pg{color:var(--muted);font-size:.8rem;margin-right:.45rem;white-space:nowrap}
mark{background:#ffe07a;color:inherit;padding:0 .1em;border-radius:2px}
.more{font-size:.85rem;color:var(--muted)}
:target{scroll-margin-top:1rem}
footer{margin-top:3rem;color:var(--muted);font-size:.85rem}
@media (max-width:640px){body{font-size:14px}main{padding:16px 12px 40px}h1{font-size:1.5rem}}
@media print{
body{font-size:10.5pt}
main{max-width:none;padding:0}
nav,input.filter{display:none}
.panel{display:block!important;break-inside:avoid}
figure,svg.chart,tr{break-inside:avoid}
h2,h3{break-after:avoid}
a{color:inherit;text-decoration:none}
.scroll{overflow:visible}
mark{background:none;font-weight:700;text-decoration:underline}
}
"#;

/// Opens the `<details>` around a linked target (browsers without auto-expansion keep it
/// closed) and adds a filter box above the municipality table; its placeholder comes from a
/// data attribute so no label text is written into the script.
pub const SCRIPT: &str = r#"
(function(){
function reveal(){var id=decodeURIComponent(location.hash.slice(1));var t=id&&document.getElementById(id);
for(var e=t;e;e=e.parentElement){if(e.tagName==="DETAILS")e.open=true;}if(t)t.scrollIntoView();}
addEventListener("hashchange",reveal);reveal();
var m=document.getElementById("matrix-table");if(!m)return;var box=m.parentNode;
var f=document.createElement("input");f.type="search";f.className="filter";f.placeholder=m.getAttribute("data-filter");
box.parentNode.insertBefore(f,box);
f.addEventListener("input",function(){var q=f.value.toLowerCase();var rows=m.tBodies[0].rows;
for(var i=0;i<rows.length;i++){rows[i].hidden=q!==""&&rows[i].textContent.toLowerCase().indexOf(q)<0;}});
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_only_safe_characters() {
        assert_eq!(slug("elderly_care"), "elderly_care");
        assert_eq!(slug("\"><script>x</script>"), "script-x-script");
        assert_eq!(slug("Grøn trepart"), "gr-n-trepart");
        assert_eq!(slug("!!!"), "topic");
    }

    #[test]
    fn percent_and_change_wording() {
        assert_eq!(percent(68, 98), "69 %");
        assert_eq!(percent(1, 0), "—");
        assert_eq!(signed(3), "+3");
        assert_eq!(signed(-2), "−2");
        assert_eq!(signed(0), "±0");
    }

    #[test]
    fn marked_escapes_each_part() {
        let e = Evidence {
            topic: "ai".into(),
            path: "x.pdf".into(),
            page: 1,
            code: Some(101),
            municipality: None,
            year: Some(2024),
            sentence: "<i>AI</i> & mere".into(),
            start: 3,
            end: 5,
            ocr: None,
        };
        assert_eq!(marked(&e), "&lt;i&gt;<mark>AI</mark>&lt;/i&gt; &amp; mere");
        let broken = Evidence { start: 3, end: 99, ..e };
        assert_eq!(marked(&broken), "&lt;i&gt;AI&lt;/i&gt; &amp; mere");
    }
}
