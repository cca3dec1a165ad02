//! `CORPUS/corrections.csv`: the user's answers for the documents kommunsk could not identify
//! (or identified only on weak evidence). Ingest writes the open questions into it; the user
//! fills in `municipality`, `year` and/or `doctype`; the next ingest applies those answers
//! above everything else, because a person who read the document knows best.
//!
//! Format: the manifest's (`file,municipality`, `,` or `;`, optional byte-order mark) with
//! optional `year` and `doctype` columns and a `note` column kommunsk fills with why it asks.
//! `file` is the path relative to the corpus folder. A row the user filled in is never
//! changed or dropped; unfilled rows are refreshed on every ingest.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use super::registry::{self, Municipality};
use super::DocType;

/// The file's name inside the corpus folder.
pub const FILE_NAME: &str = "corrections.csv";
/// Largest corrections file read (like a manifest: far above any real one).
const MAX_BYTES: u64 = 16 * 1024 * 1024;
/// The columns written, in order.
const COLUMNS: [&str; 5] = ["file", "municipality", "year", "doctype", "note"];

/// Where the corrections file of a corpus lives.
pub fn path(corpus: &Path) -> PathBuf {
    corpus.join(FILE_NAME)
}

/// What went wrong reading the corrections file; every variant names the file (and line).
#[derive(Debug, thiserror::Error)]
pub enum CorrectionError {
    #[error("cannot read corrections {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("corrections {path} is {size} bytes; the limit is {MAX_BYTES}")]
    TooLarge { path: PathBuf, size: u64 },
    #[error("corrections {path} is not valid CSV: {source}")]
    Csv { path: PathBuf, source: csv::Error },
    #[error("corrections {path} has no \"file\" column in its header")]
    NoFileColumn { path: PathBuf },
    #[error("corrections {path}, line {line}: {problem}")]
    Value { path: PathBuf, line: u64, problem: String },
}

/// One user answer. Empty fields leave that fact to identification.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Correction {
    pub municipality: Option<&'static Municipality>,
    pub year: Option<u16>,
    pub doctype: Option<DocType>,
}

impl Correction {
    /// True when the user answered nothing.
    pub fn is_empty(&self) -> bool {
        self.municipality.is_none() && self.year.is_none() && self.doctype.is_none()
    }

    /// A stable text of the answer, stored with the file's record so that a changed answer
    /// re-identifies the file even though its bytes did not change.
    pub fn fingerprint(&self) -> String {
        if self.is_empty() {
            return String::new();
        }
        format!(
            "{}|{}|{}",
            self.municipality.map(|m| m.code.to_string()).unwrap_or_default(),
            self.year.map(|y| y.to_string()).unwrap_or_default(),
            self.doctype.map(|d| d.as_str()).unwrap_or_default()
        )
    }
}

/// A row as written: the cells are kept verbatim so a rewrite never alters the user's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Row {
    file: String,
    municipality: String,
    year: String,
    doctype: String,
    note: String,
}

impl Row {
    fn filled(&self) -> bool {
        !(self.municipality.is_empty() && self.year.is_empty() && self.doctype.is_empty())
    }
}

/// A loaded corrections file (empty when there is none).
#[derive(Debug, Clone, Default)]
pub struct Corrections {
    rows: Vec<Row>,
    answers: HashMap<String, Correction>,
}

impl Corrections {
    /// Reads the corpus's corrections file; a missing file is an empty one.
    pub fn load(corpus: &Path) -> Result<Corrections, CorrectionError> {
        let path = path(corpus);
        let io = |source| CorrectionError::Io { path: path.clone(), source };
        let size = match std::fs::metadata(&path) {
            Ok(meta) => meta.len(),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Corrections::default()),
            Err(err) => return Err(io(err)),
        };
        if size > MAX_BYTES {
            return Err(CorrectionError::TooLarge { path, size });
        }
        let bytes = std::fs::read(&path).map_err(io)?;
        Corrections::parse(&bytes, &path)
    }

    /// Parses corrections; `path` is only used in errors.
    pub fn parse(bytes: &[u8], path: &Path) -> Result<Corrections, CorrectionError> {
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
        let delimiter = if first_line.contains(&b';') && !first_line.contains(&b',') { b';' } else { b',' };
        let mut reader =
            csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).trim(csv::Trim::All).from_reader(bytes);
        let csv_error = |source| CorrectionError::Csv { path: path.to_path_buf(), source };
        let headers = reader.headers().map_err(csv_error)?.clone();
        let column = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
        let file_column = column("file").ok_or_else(|| CorrectionError::NoFileColumn { path: path.to_path_buf() })?;
        let [municipality_column, year_column, doctype_column, note_column] =
            ["municipality", "year", "doctype", "note"].map(column);

        let mut found = Corrections::default();
        for record in reader.records() {
            let record = record.map_err(csv_error)?;
            let line = record.position().map_or(0, |p| p.line());
            let cell = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or_default().to_string();
            let row = Row {
                file: cell(Some(file_column)),
                municipality: cell(municipality_column),
                year: cell(year_column),
                doctype: cell(doctype_column),
                note: cell(note_column),
            };
            if row.file.is_empty() {
                continue;
            }
            let problem = |problem: String| CorrectionError::Value { path: path.to_path_buf(), line, problem };
            let answer = Correction {
                municipality: match row.municipality.as_str() {
                    "" => None,
                    name => {
                        Some(registry::lookup(name).ok_or_else(|| problem(format!("unknown municipality {name:?}")))?)
                    }
                },
                year: match row.year.as_str() {
                    "" => None,
                    year => Some(
                        year.parse::<u16>()
                            .ok()
                            .filter(|y| (1990..=2100).contains(y))
                            .ok_or_else(|| problem(format!("{year:?} is not a year")))?,
                    ),
                },
                doctype: match row.doctype.as_str() {
                    "" => None,
                    kind => Some(kind.parse::<DocType>().map_err(|_| {
                        problem(format!(
                            "unknown document type {kind:?} (agreement, proposal, appendix, agenda, report, other)"
                        ))
                    })?),
                },
            };
            if !answer.is_empty() {
                found.answers.insert(key(&row.file), answer);
            }
            found.rows.push(row);
        }
        Ok(found)
    }

    /// The user's answer for a file (path relative to the corpus), if any.
    pub fn for_file(&self, relative: &str) -> Option<&Correction> {
        self.answers.get(&key(relative))
    }

    /// The file's new text: every row the user filled in, unchanged and in place; then one
    /// unfilled row per open question (`(relative path, why)`), keeping the order of rows
    /// already there. Unfilled rows whose question is gone are dropped.
    pub fn updated(&self, open: &[(String, String)]) -> String {
        let mut rows: Vec<Row> = Vec::new();
        let wanted: HashMap<String, &String> = open.iter().map(|(file, why)| (key(file), why)).collect();
        for row in &self.rows {
            if row.filled() {
                rows.push(row.clone());
            } else if let Some(why) = wanted.get(&key(&row.file)) {
                rows.push(Row { note: (*why).clone(), ..row.clone() });
            }
        }
        for (file, why) in open {
            if !rows.iter().any(|r| key(&r.file) == key(file)) {
                rows.push(Row { file: file.clone(), note: why.clone(), ..Default::default() });
            }
        }
        let mut writer = csv::Writer::from_writer(Vec::new());
        let _ = writer.write_record(COLUMNS);
        for row in &rows {
            let _ =
                writer.write_record([&row.file, &row.municipality, &row.year, &row.doctype, &neutralised(&row.note)]);
        }
        String::from_utf8_lossy(&writer.into_inner().unwrap_or_default()).into_owned()
    }
}

/// A cell that spreadsheet programs would run as a formula (`=`, `+`, `-`, `@`) gets a leading
/// apostrophe: notes quote untrusted PDF text.
fn neutralised(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Matching key of a path: NFC, lowercase, `/` separators.
fn key(file: &str) -> String {
    file.nfc().collect::<String>().to_lowercase().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Corrections, CorrectionError> {
        Corrections::parse(text.as_bytes(), Path::new("corpus/corrections.csv"))
    }

    #[test]
    fn answers_are_read_in_any_spelling() {
        let c = parse("file,municipality,year,doctype,note\n1552824.PDF,ballerup,2012,agenda,\n2025/x.pdf,,2025,,\n")
            .expect("valid");
        let first = c.for_file("1552824.pdf").copied().unwrap_or_default();
        assert_eq!(first.municipality.map(|m| m.code), Some(151));
        assert_eq!((first.year, first.doctype), (Some(2012), Some(DocType::Agenda)));
        assert_eq!(c.for_file("2025/X.PDF").and_then(|a| a.year), Some(2025));
        assert_eq!(first.fingerprint(), "151|2012|agenda");
        // The manifest's two-column form works too.
        let manifest_style = parse("file;municipality\na.pdf;Skive\n").expect("valid");
        assert_eq!(manifest_style.for_file("a.pdf").and_then(|a| a.municipality).map(|m| m.name), Some("Skive"));
    }

    #[test]
    fn bad_values_name_file_line_and_value() {
        let err = parse("file,municipality\na.pdf,Atlantis\n").err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(err, "corrections corpus/corrections.csv, line 2: unknown municipality \"Atlantis\"");
        let err = parse("file,year\na.pdf,20x5\n").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.ends_with("\"20x5\" is not a year"), "{err}");
        assert!(parse("name,municipality\n").is_err());
    }

    #[test]
    fn a_rewrite_keeps_what_the_user_filled_in() {
        let c = parse("file,municipality,year,doctype,note\nfilled.pdf,Skive,,,mine\nopen.pdf,,,,old\ngone.pdf,,,,x\n")
            .expect("valid");
        let open = vec![
            ("open.pdf".to_string(), "unknown municipality".to_string()),
            ("new.pdf".to_string(), "=cmd|' /C calc'!A0".to_string()),
        ];
        assert_eq!(
            c.updated(&open),
            "file,municipality,year,doctype,note\nfilled.pdf,Skive,,,mine\nopen.pdf,,,,unknown municipality\n\
             new.pdf,,,,'=cmd|' /C calc'!A0\n"
        );
        assert!(Corrections::default().updated(&[]).starts_with("file,municipality,year,doctype,note\n"));
    }
}
