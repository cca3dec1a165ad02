//! The HTML report renderer: escaping of document text, the synthetic banner, one chart of each
//! kind, "N ud af M" on the bars, matrix cells linking to their sentences, and no external
//! loads. A second test renders a full-size page (98 municipalities, 4 years, every topic in
//! `queries/topics.toml`) through the real aggregation and evidence collection.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use kommunsk::analyse::{Evidence, TopicSet};
use kommunsk::identify::registry;
use kommunsk::index::{DocumentInfo, FileRecord, StoredPage};
use kommunsk::report::aggregate::RegionCell;
use kommunsk::report::evidence::{collect, EvidenceFilter};
use kommunsk::report::labels::Labels;
use kommunsk::report::{build, html, MunicipalityRow, Provenance, Report, Scope, TopicRow, YearCell};

/// A year cell with no names and one region holding everyone.
fn cell(year: u16, municipalities: usize, of: usize, mentions: usize, change: Option<i64>) -> YearCell {
    YearCell {
        year,
        municipalities,
        of,
        documents: municipalities,
        mentions,
        change,
        new: Vec::new(),
        stopped: Vec::new(),
        regions: vec![
            RegionCell { region: "Hovedstaden".into(), municipalities: municipalities / 2, of: of / 2 },
            RegionCell {
                region: "Midtjylland".into(),
                municipalities: municipalities - municipalities / 2,
                of: of - of / 2,
            },
        ],
    }
}

fn row(code: u16, name: &str, region: &str, year: u16, mentions: &[(&str, usize)]) -> MunicipalityRow {
    MunicipalityRow {
        code,
        name: name.into(),
        region: region.into(),
        year,
        documents: 1,
        mentions: mentions.iter().map(|(t, n)| (t.to_string(), *n)).collect(),
    }
}

fn evidence(topic: &str, code: u16, name: &str, year: u16, sentence: &str, hit: &str) -> Evidence {
    let start = sentence.find(hit).expect("the hit is in the sentence");
    Evidence {
        topic: topic.into(),
        path: format!("{year}/{name}.pdf"),
        page: 7,
        code: Some(code),
        municipality: Some(name.into()),
        year: Some(year),
        sentence: sentence.into(),
        start,
        end: start + hit.len(),
        ocr: None,
    }
}

/// Two topics over two years; one municipality name and one sentence carry markup.
fn small_report(synthetic: bool) -> (Report, Vec<Evidence>) {
    let mut ai_2024 = cell(2024, 68, 98, 3, Some(5));
    ai_2024.new = vec!["<b>Fed</b>".into()];
    let report = Report {
        source: Provenance {
            corpus: "corpus/<budgetter>".into(),
            index: ".kommunsk".into(),
            topics_file: "queries/topics.toml".into(),
            years: vec![2023, 2024],
            doctypes: vec!["agreement".into()],
            documents: 196,
            unresolved: 2,
            failed: 1,
            synthetic,
            ..Default::default()
        },
        topics: vec![
            TopicRow {
                id: "ai".into(),
                label: "Kunstig intelligens (AI)".into(),
                years: vec![cell(2023, 63, 98, 70, None), ai_2024],
            },
            TopicRow {
                id: "cyber".into(),
                label: "Cyber- & informationssikkerhed".into(),
                years: vec![cell(2023, 40, 98, 50, None), cell(2024, 41, 98, 52, Some(1))],
            },
        ],
        municipalities: vec![
            row(101, "København", "Hovedstaden", 2024, &[("ai", 2), ("cyber", 0)]),
            row(751, "<b>Fed</b>", "Midtjylland", 2024, &[("ai", 1), ("cyber", 0)]),
        ],
    };
    let evidence = vec![
        evidence("ai", 101, "København", 2024, "Vi afprøver AI i jobcentret.", "AI"),
        evidence("ai", 101, "København", 2024, "<script>alert(1)</script> AI-løsninger.", "AI"),
        evidence("ai", 751, "<b>Fed</b>", 2024, "Kommunen bruger AI ansvarligt.", "AI"),
    ];
    (report, evidence)
}

/// Every `href="#x"` on the page has an element with `id="x"`.
fn dangling_links(html: &str) -> Vec<String> {
    let ids: BTreeSet<&str> = html.split(" id=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
    html.split("href=\"#")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|target| !ids.contains(target))
        .map(str::to_string)
        .collect()
}

#[test]
fn page_escapes_document_text_and_links_every_number() {
    let (report, evidence) = small_report(true);
    let words = Labels::for_lang("da");
    let page = html::render(&report, &evidence, words);

    // Text from PDFs and file names shows literally.
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; <mark>AI</mark>-løsninger."));
    assert!(!page.contains("<script>alert"));
    assert!(page.contains("<th scope=\"row\">&lt;b&gt;Fed&lt;/b&gt;</th>"));
    assert!(page.contains("Nye (1): &lt;b&gt;Fed&lt;/b&gt;"));
    assert!(!page.contains("<b>Fed"));
    assert!(page.contains("Korpus: corpus/&lt;budgetter&gt;"));
    assert!(page.contains("Cyber- &amp; informationssikkerhed"));

    // Banner, charts and the "N ud af M" wording.
    assert!(page.contains(&format!("<p class=\"banner\" role=\"note\">{}</p>", words.synthetic)));
    assert_eq!(page.matches("<svg class=\"chart bars\"").count(), 2, "one bar chart per year");
    assert_eq!(page.matches("<svg class=\"chart lines\"").count(), 1);
    assert_eq!(page.matches("<svg class=\"chart regions\"").count(), 1);
    assert!(page.contains(">68 ud af 98</text>"));
    assert!(page.contains("<a href=\"#ev-ai-2024\">68 ud af 98</a> <span class=\"pct\">69 %</span>"));

    // Matrix cells link to the sentences behind them; zero cells are dimmed, not linked.
    assert!(page.contains("<td><a href=\"#ev-ai-2024-101\">2</a></td>"));
    assert!(page.contains("<td><a href=\"#ev-ai-2024-751\">1</a></td><td class=\"z\">0</td>"));
    assert!(page.contains("<div class=\"muni\" id=\"ev-ai-2024-101\">"));
    assert!(page.contains("<li><span class=\"pg\">side 7</span>Vi afprøver <mark>AI</mark> i jobcentret.</li>"));
    assert_eq!(dangling_links(&page), Vec::<String>::new());

    // Self-contained: nothing loads from anywhere.
    for external in ["http", " src=", "url(", "@import", "<link"] {
        assert!(!page.contains(external), "page contains {external:?}");
    }
}

#[test]
fn no_banner_for_a_real_corpus_and_english_wording() {
    let (report, evidence) = small_report(false);
    let page = html::render(&report, &evidence, Labels::for_lang("en"));
    assert!(!page.contains("class=\"banner\""));
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(page.contains(">68 of 98</text>"));
    assert!(page.contains("<span class=\"pg\">page 7</span>"));
}

#[test]
fn hostile_topic_ids_become_safe_anchors() {
    let (mut report, mut evidence) = small_report(false);
    let hostile = "\"><img onerror=alert(1)>";
    report.topics[0].id = hostile.into();
    for row in &mut report.municipalities {
        let n = row.mentions.remove("ai").unwrap_or(0);
        row.mentions.insert(hostile.into(), n);
    }
    for e in &mut evidence {
        e.topic = hostile.into();
    }
    let page = html::render(&report, &evidence, Labels::for_lang("da"));
    assert!(!page.contains("<img"));
    assert!(page.contains("<td><a href=\"#ev-img-onerror-alert-1-2024-101\">2</a></td>"));
    assert_eq!(dangling_links(&page), Vec::<String>::new());
}

#[test]
fn long_evidence_lists_are_cut_with_the_command_for_the_rest() {
    let (report, mut mentions) = small_report(false);
    for i in 0..60 {
        mentions.push(evidence("ai", 101, "København", 2024, &format!("AI nummer {i}."), "AI"));
    }
    let page = html::render(&report, &mentions, Labels::for_lang("da"));
    let group =
        page.split("id=\"ev-ai-2024-101\"").nth(1).and_then(|s| s.split("<div class=\"muni\"").next()).unwrap_or("");
    assert!(group.contains("62 omtaler"));
    assert_eq!(group.matches("<li>").count(), 50);
    assert!(page.contains(
        "<p class=\"more\">+ 12 flere omtaler; se dem alle med <code>kommunsk evidence ai --municipality 101 --year 2024</code></p>"
    ));
    assert!(page.contains("<span class=\"meta\">751 · Midtjylland · 1 omtale</span>"));
}

/// Tiny deterministic generator so the sample page is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        (self.next() % 10_000) as f64 / 10_000.0 < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() as usize % items.len()]
    }
}

/// Sentences from the real budget texts in `../shared/seeds/`, used as page filler.
fn seed_sentences() -> Vec<String> {
    let mut sentences = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(common::shared().join("seeds"))
        .expect("the seed texts are there")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("seed text is UTF-8");
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        sentences.extend(flat.split(". ").filter(|s| s.len() > 40 && s.len() < 240).map(|s| format!("{s}.")));
    }
    sentences
}

/// A corpus of 98 municipalities × 4 years whose topic uptake grows over the years, counted and
/// rendered exactly like `kommunsk report --format html`.
fn sample_page() -> (String, Report, Vec<Evidence>) {
    let topics = TopicSet::load(&common::root().join("queries/topics.toml")).expect("the shipped dictionary loads");
    let filler = seed_sentences();
    let mut rng = Lcg(20_250_101);
    let years = [2022u16, 2023, 2024, 2025];
    let (mut pages, mut records) = (Vec::new(), Vec::new());
    for (y, year) in years.iter().enumerate() {
        for m in registry::all() {
            // A few municipalities have no document for the earliest years.
            if y < 2 && rng.chance(0.06) {
                continue;
            }
            let info = DocumentInfo {
                code: Some(m.code),
                municipality: Some(m.name.to_string()),
                region: Some(m.region.name().to_string()),
                year: Some(*year),
                doctype: "agreement".into(),
                lang: Some("dan".into()),
            };
            let path = format!("{year}/{}-budgetaftale-{year}.pdf", m.name.to_lowercase().replace(' ', "-"));
            let mut texts: Vec<Vec<String>> =
                (0..6).map(|_| (0..5).map(|_| rng.pick(&filler).clone()).collect()).collect();
            for (t, topic) in topics.topics.iter().enumerate() {
                // Uptake differs by topic and rises over the years.
                let p = 0.15 + 0.05 * (t % 7) as f64 + 0.08 * y as f64;
                if rng.chance(p) && !topic.examples.is_empty() {
                    for _ in 0..=(rng.next() % 3) {
                        let page = rng.next() as usize % texts.len();
                        texts[page].push(format!("{}.", rng.pick(&topic.examples).trim_end_matches('.')));
                    }
                }
            }
            for (i, sentences) in texts.iter().enumerate() {
                pages.push(StoredPage {
                    path: path.clone(),
                    page: i as u32 + 1,
                    text: sentences.join(" "),
                    furniture: String::new(),
                    unmapped: 0,
                    info: info.clone(),
                    ..Default::default()
                });
            }
            records.push(FileRecord {
                path,
                size: 0,
                mtime_ns: 0,
                hash: String::new(),
                extractor: 0,
                pages: 6,
                error: None,
                info,
                ..Default::default()
            });
        }
    }
    let mut report = build(&pages, &records, &topics, &Scope::default(), "da");
    report.source.corpus = "eksempel/budgetter".into();
    report.source.index = "eksempel/.kommunsk".into();
    report.source.synthetic = true;
    let evidence = collect(&pages, &topics, &EvidenceFilter::default());
    let page = html::render(&report, &evidence, Labels::for_lang("da"));
    (page, report, evidence)
}

#[test]
fn full_size_page_links_every_count_and_stays_lean() {
    let (page, report, evidence) = sample_page();
    if let Some(out) = std::env::var_os("KOMMUNSK_HTML_SAMPLE") {
        std::fs::write(Path::new(&out), &page).expect("sample page written");
    }
    assert_eq!(report.topics.len(), 14);
    assert_eq!(report.source.years, vec![2022, 2023, 2024, 2025]);
    assert!(evidence.len() > 2_000, "only {} mentions", evidence.len());

    // One chart per year plus the line and region charts.
    assert_eq!(page.matches("<svg class=\"chart ").count(), 4 + 2);
    assert_eq!(dangling_links(&page), Vec::<String>::new());

    // Every nonzero count of the latest year links to exactly that many sentences.
    let mut shown: BTreeMap<String, usize> = BTreeMap::new();
    for e in evidence.iter().filter(|e| e.year == Some(2025)) {
        *shown.entry(format!("ev-{}-2025-{}", e.topic, e.code.unwrap_or(0))).or_default() += 1;
    }
    for row in report.municipalities.iter().filter(|m| m.year == 2025) {
        for (topic, n) in row.mentions.iter().filter(|(_, n)| **n > 0) {
            let anchor = format!("ev-{topic}-2025-{}", row.code);
            assert!(page.contains(&format!("<td><a href=\"#{anchor}\">{n}</a></td>")), "{anchor}");
            assert_eq!(shown.get(&anchor), Some(n), "{anchor}");
        }
    }
    assert_eq!(page.matches("<li>").count(), evidence.len());
    // A few thousand sentences stay well under the size a browser opens comfortably.
    assert!(page.len() < 4_000_000, "{} bytes", page.len());
}
