//! The reviews file: plain CSV (UTF-8, `,`, a header row), one row per reviewed mention, meant to
//! be kept under version control beside the topic dictionary (`queries/reviews.csv` next to
//! `queries/topics.toml`).
//!
//! Columns: `topic, path, page, match, sentence, occurrence, verdict, note, reviewer, date`.
//! `path` is the document's path inside the corpus folder; `verdict` is `right` or `wrong`;
//! `date` is `YYYY-MM-DD` (UTC). Rows are written sorted, so a review is a one-line diff. The
//! sentence comes from a PDF, so a cell that a spreadsheet would run as a formula is written with
//! a leading `'` (and a cell that starts with `'` gets one more); reading removes exactly one.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::key::MentionKey;
use crate::safe_text::csv_cell_needs_neutralising;

/// The file name used beside the topic dictionary.
pub const REVIEWS_FILE_NAME: &str = "reviews.csv";

/// A reviewer's decision on one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The mention is about the topic: it counts.
    Right,
    /// The mention is not about the topic: it leaves the counts.
    Wrong,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Right => "right",
            Verdict::Wrong => "wrong",
        }
    }
}

impl FromStr for Verdict {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "right" => Ok(Verdict::Right),
            "wrong" => Ok(Verdict::Wrong),
            other => Err(format!("verdict {other:?} is neither \"right\" nor \"wrong\"")),
        }
    }
}

/// One row of the reviews file.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub topic: String,
    /// The document's path inside the corpus folder, as the index stores it.
    pub path: String,
    /// Where the mention was when reviewed (for people; not part of the key).
    pub page: u32,
    pub matched: String,
    pub sentence: String,
    pub occurrence: u32,
    pub verdict: Verdict,
    pub note: String,
    pub reviewer: String,
    pub date: String,
}

impl Review {
    /// The mention this review is attached to.
    pub fn key(&self) -> MentionKey {
        MentionKey::new(&self.topic, &self.path, &self.sentence, &self.matched, self.occurrence)
    }
}

/// Why the reviews file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    #[error("cannot read reviews file {path}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("reviews file {path}, line {line}: {message}")]
    Row { path: PathBuf, line: u64, message: String },
    #[error("cannot write reviews file {path}")]
    Write { path: PathBuf, source: std::io::Error },
}

/// The row as it stands in the file.
#[derive(Debug, Serialize, Deserialize)]
struct Row {
    topic: String,
    path: String,
    page: u32,
    #[serde(rename = "match")]
    matched: String,
    sentence: String,
    #[serde(default = "first_occurrence")]
    occurrence: u32,
    verdict: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    reviewer: String,
    #[serde(default)]
    date: String,
}

fn first_occurrence() -> u32 {
    1
}

/// A loaded reviews file (empty when the file does not exist yet).
#[derive(Debug, Clone, Default)]
pub struct ReviewFile {
    pub path: PathBuf,
    /// False when no file was found (nothing reviewed yet).
    pub exists: bool,
    pub reviews: Vec<Review>,
    by_key: HashMap<MentionKey, usize>,
}

impl ReviewFile {
    /// Reads the file at `path`; a missing file is an empty set of reviews.
    pub fn load(path: &Path) -> Result<ReviewFile, ReviewError> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(ReviewFile { path: path.to_path_buf(), ..Default::default() })
            }
            Err(source) => return Err(ReviewError::Read { path: path.to_path_buf(), source }),
        };
        let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
        let mut file = ReviewFile { path: path.to_path_buf(), exists: true, ..Default::default() };
        let mut reader = ::csv::ReaderBuilder::new().from_reader(text);
        let row_error = |line: u64, message: String| ReviewError::Row { path: path.to_path_buf(), line, message };
        let headers = reader.headers().map_err(|e| row_error(1, e.to_string()))?.clone();
        for record in reader.records() {
            let record = record.map_err(|e| row_error(e.position().map_or(0, |p| p.line()), e.to_string()))?;
            let line = record.position().map_or(0, |p| p.line());
            let row: Row = record.deserialize(Some(&headers)).map_err(|e| row_error(line, e.to_string()))?;
            let verdict = unescape(&row.verdict).parse::<Verdict>().map_err(|m| row_error(line, m))?;
            file.upsert(Review {
                topic: unescape(&row.topic),
                path: unescape(&row.path),
                page: row.page,
                matched: unescape(&row.matched),
                sentence: unescape(&row.sentence),
                occurrence: row.occurrence.max(1),
                verdict,
                note: unescape(&row.note),
                reviewer: unescape(&row.reviewer),
                date: unescape(&row.date),
            });
        }
        Ok(file)
    }

    /// The review of a mention, if any.
    pub fn get(&self, key: &MentionKey) -> Option<&Review> {
        self.by_key.get(key).map(|&i| &self.reviews[i])
    }

    /// True when some review concerns this document.
    pub fn mentions_path(&self, path: &str) -> bool {
        self.reviews.iter().any(|r| r.path == path)
    }

    /// Adds a review, or replaces the earlier review of the same mention.
    pub fn upsert(&mut self, review: Review) {
        let key = review.key();
        match self.by_key.get(&key) {
            Some(&i) => self.reviews[i] = review,
            None => {
                self.by_key.insert(key, self.reviews.len());
                self.reviews.push(review);
            }
        }
    }

    /// Takes back the review of a mention: it is unreviewed again. Returns the review removed.
    pub fn remove(&mut self, key: &MentionKey) -> Option<Review> {
        let i = self.by_key.remove(key)?;
        let removed = self.reviews.remove(i);
        self.by_key = self.reviews.iter().enumerate().map(|(i, r)| (r.key(), i)).collect();
        Some(removed)
    }

    /// Writes every review back, sorted, through a temporary file so a crash never leaves half a file.
    pub fn save(&mut self) -> Result<(), ReviewError> {
        let write_error = |source| ReviewError::Write { path: self.path.clone(), source };
        self.reviews.sort_by(|a, b| {
            (&a.topic, &a.path, a.page, &a.sentence, a.occurrence).cmp(&(
                &b.topic,
                &b.path,
                b.page,
                &b.sentence,
                b.occurrence,
            ))
        });
        self.by_key = self.reviews.iter().enumerate().map(|(i, r)| (r.key(), i)).collect();
        let mut writer = ::csv::WriterBuilder::new().from_writer(Vec::new());
        for r in &self.reviews {
            let row = Row {
                topic: escape(&r.topic),
                path: escape(&r.path),
                page: r.page,
                matched: escape(&r.matched),
                sentence: escape(&r.sentence),
                occurrence: r.occurrence,
                verdict: r.verdict.as_str().to_string(),
                note: escape(&r.note),
                reviewer: escape(&r.reviewer),
                date: escape(&r.date),
            };
            writer.serialize(row).map_err(|e| write_error(std::io::Error::other(e)))?;
        }
        if self.reviews.is_empty() {
            writer
                .write_record([
                    "topic",
                    "path",
                    "page",
                    "match",
                    "sentence",
                    "occurrence",
                    "verdict",
                    "note",
                    "reviewer",
                    "date",
                ])
                .map_err(|e| write_error(std::io::Error::other(e)))?;
        }
        let bytes = writer.into_inner().map_err(|e| write_error(std::io::Error::other(e.to_string())))?;
        if let Some(parent) = self.path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(write_error)?;
        }
        let temporary = self.path.with_extension("csv.tmp");
        std::fs::write(&temporary, bytes).map_err(write_error)?;
        std::fs::rename(&temporary, &self.path).map_err(write_error)?;
        self.exists = true;
        Ok(())
    }
}

/// Where reviews live when `--reviews` is not given: beside the topic dictionary file, or, for
/// a dictionary that is not a file (built in, or `--term`), in `queries/` beside the corpus folder.
pub fn default_reviews_path(topics_file: Option<&Path>, corpus: &Path) -> PathBuf {
    match topics_file {
        Some(file) => file.with_file_name(REVIEWS_FILE_NAME),
        None => {
            let beside = corpus.parent().unwrap_or(Path::new(""));
            beside.join("queries").join(REVIEWS_FILE_NAME)
        }
    }
}

/// Today's date in UTC as `YYYY-MM-DD`.
pub fn today() -> String {
    let days = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400) as i64;
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// A cell as written: formula starters get a leading `'`, and so does a leading `'` itself, so
/// reading back is exact.
fn escape(cell: &str) -> String {
    if cell.starts_with('\'') || csv_cell_needs_neutralising(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn unescape(cell: &str) -> String {
    cell.strip_prefix('\'').unwrap_or(cell).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(sentence: &str, verdict: Verdict) -> Review {
        Review {
            topic: "ai".into(),
            path: "2025/751-budgetaftale.pdf".into(),
            page: 2,
            matched: "AI".into(),
            sentence: sentence.into(),
            occurrence: 1,
            verdict,
            note: "=HYPERLINK(\"x\")".into(),
            reviewer: "kb".into(),
            date: "2026-12-04".into(),
        }
    }

    #[test]
    fn a_saved_file_reads_back_exactly_and_never_holds_a_formula() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("queries/reviews.csv");
        let mut file = ReviewFile::load(&path).unwrap();
        assert!(!file.exists);
        file.upsert(review("- AI, \"citat\"; og 'mere'", Verdict::Wrong));
        file.upsert(review("'AI' i anførselstegn", Verdict::Right));
        file.save().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("topic,path,page,match,sentence,occurrence,verdict,note,reviewer,date\n"), "{text}");
        for line in text.lines() {
            assert!(
                !line.split(',').any(|cell| cell.trim_start_matches('"').starts_with(['=', '+', '-', '@'])),
                "{line}"
            );
        }
        let back = ReviewFile::load(&path).unwrap();
        assert_eq!(back.reviews, file.reviews);
    }

    #[test]
    fn reviewing_a_mention_again_replaces_the_verdict() {
        let mut file = ReviewFile::default();
        file.upsert(review("Brug af AI.", Verdict::Wrong));
        file.upsert(review("Brug af  AI.", Verdict::Right));
        assert_eq!(file.reviews.len(), 1);
        assert_eq!(file.reviews[0].verdict, Verdict::Right);
    }

    #[test]
    fn a_removed_review_is_gone_and_the_others_stay_findable() {
        let mut file = ReviewFile::default();
        file.upsert(review("Brug af AI.", Verdict::Wrong));
        file.upsert(review("Mere AI her.", Verdict::Right));
        file.upsert(review("Og AI der.", Verdict::Wrong));
        let middle = review("Mere AI her.", Verdict::Right).key();
        assert_eq!(file.remove(&middle).map(|r| r.verdict), Some(Verdict::Right));
        assert!(file.get(&middle).is_none());
        assert_eq!(file.remove(&middle), None);
        assert_eq!(file.reviews.len(), 2);
        assert_eq!(
            file.get(&review("Og AI der.", Verdict::Right).key()).map(|r| r.sentence.as_str()),
            Some("Og AI der.")
        );
    }

    #[test]
    fn a_bad_verdict_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reviews.csv");
        std::fs::write(
            &path,
            "topic,path,page,match,sentence,occurrence,verdict\nai,x.pdf,1,AI,AI.,1,right\nai,x.pdf,1,AI,AI!,1,maybe\n",
        )
        .unwrap();
        let err = ReviewFile::load(&path).unwrap_err().to_string();
        assert!(err.contains("reviews.csv, line 3") && err.contains("\"maybe\""), "{err}");
    }

    #[test]
    fn dates_are_civil() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
    }

    #[test]
    fn the_default_file_sits_beside_the_dictionary_or_the_corpus() {
        assert_eq!(
            default_reviews_path(Some(Path::new("queries/topics.toml")), Path::new("corpus")),
            PathBuf::from("queries/reviews.csv")
        );
        assert_eq!(default_reviews_path(None, Path::new("/data/corpus")), PathBuf::from("/data/queries/reviews.csv"));
    }
}
