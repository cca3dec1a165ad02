//! A corpus year's `manifest.csv`: which municipality each file is from, when the file name
//! and text do not say (or say it wrong).
//!
//! The manifest lives at `CORPUS/<year>/manifest.csv`, has a header with at least the columns
//! `file` and `municipality` (a name in any spelling, or a code), may use `,` or `;`, may
//! start with a byte-order mark, and may have more columns, which are ignored.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use super::registry::{self, Municipality};

/// Column naming the file, relative to the manifest's folder.
const FILE_COLUMN: &str = "file";
/// Column naming the municipality.
const MUNICIPALITY_COLUMN: &str = "municipality";
/// Largest manifest read: 98 municipalities × a few hundred files each fits in well under this.
const MAX_MANIFEST_BYTES: u64 = 16 * 1024 * 1024;

/// What went wrong reading a manifest; every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("cannot read manifest {path}: {cause}")]
    Io { path: PathBuf, cause: std::io::Error },
    #[error("manifest {path} is {size} bytes; the limit is {MAX_MANIFEST_BYTES}")]
    TooLarge { path: PathBuf, size: u64 },
    #[error("manifest {path} is not valid CSV: {cause}")]
    Csv { path: PathBuf, cause: csv::Error },
    #[error("manifest {path} has no {column:?} column in its header")]
    MissingColumn { path: PathBuf, column: &'static str },
    #[error("manifest {path}, line {line}: unknown municipality {value:?}")]
    UnknownMunicipality { path: PathBuf, line: u64, value: String },
    #[error("manifest {path}, line {line}: {file:?} was already listed as {first} and is now {second}")]
    Conflict { path: PathBuf, line: u64, file: String, first: &'static str, second: &'static str },
}

/// A loaded manifest: file (relative to the manifest's folder) → municipality.
#[derive(Debug, Clone, Default)]
pub struct Manifest {
    /// Keyed by [`file_key`] of the file column.
    entries: HashMap<String, &'static Municipality>,
}

impl Manifest {
    /// Reads and checks a manifest. Rows with an empty file cell are skipped; a municipality
    /// that is not one of the 98 is an error naming the file, line and value.
    pub fn load(path: &Path) -> Result<Manifest, ManifestError> {
        let size =
            std::fs::metadata(path).map_err(|cause| ManifestError::Io { path: path.to_path_buf(), cause })?.len();
        if size > MAX_MANIFEST_BYTES {
            return Err(ManifestError::TooLarge { path: path.to_path_buf(), size });
        }
        let bytes = std::fs::read(path).map_err(|cause| ManifestError::Io { path: path.to_path_buf(), cause })?;
        Manifest::parse(&bytes, path)
    }

    /// Parses manifest bytes; `path` is only used in errors.
    pub fn parse(bytes: &[u8], path: &Path) -> Result<Manifest, ManifestError> {
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter(bytes))
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(bytes);
        let csv_error = |cause| ManifestError::Csv { path: path.to_path_buf(), cause };
        let headers = reader.headers().map_err(csv_error)?.clone();
        let column = |name: &'static str| {
            headers
                .iter()
                .position(|h| h.eq_ignore_ascii_case(name))
                .ok_or(ManifestError::MissingColumn { path: path.to_path_buf(), column: name })
        };
        let (file_column, municipality_column) = (column(FILE_COLUMN)?, column(MUNICIPALITY_COLUMN)?);

        let mut entries: HashMap<String, &'static Municipality> = HashMap::new();
        for record in reader.records() {
            let record = record.map_err(csv_error)?;
            let line = record.position().map_or(0, |pos| line_of(bytes, pos.byte()));
            let file = record.get(file_column).unwrap_or_default();
            if file.is_empty() {
                continue;
            }
            let value = record.get(municipality_column).unwrap_or_default();
            let municipality = registry::lookup(value).ok_or_else(|| ManifestError::UnknownMunicipality {
                path: path.to_path_buf(),
                line,
                value: value.to_string(),
            })?;
            match entries.insert(file_key(file), municipality) {
                Some(first) if first.code != municipality.code => {
                    return Err(ManifestError::Conflict {
                        path: path.to_path_buf(),
                        line,
                        file: file.to_string(),
                        first: first.name,
                        second: municipality.name,
                    })
                }
                _ => {}
            }
        }
        Ok(Manifest { entries })
    }

    /// The municipality listed for a file. `file_name` is matched relative to the manifest's
    /// folder, but a longer path is accepted too: "2025/sub/a.pdf" tries "2025/sub/a.pdf",
    /// "sub/a.pdf", then "a.pdf", so callers may pass a path relative to the corpus root.
    /// Matching ignores case, Unicode normalization form and `\` vs `/`.
    pub fn municipality_for(&self, file_name: &str) -> Option<&'static Municipality> {
        let key = file_key(file_name);
        let mut rest = key.as_str();
        loop {
            if let Some(&m) = self.entries.get(rest) {
                return Some(m);
            }
            rest = rest.split_once('/')?.1;
        }
    }

    /// Number of files listed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no file is listed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// `;` when the header line has semicolons and no commas (Danish Excel's CSV), else `,`.
fn delimiter(bytes: &[u8]) -> u8 {
    let header = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    if header.contains(&b';') && !header.contains(&b',') {
        b';'
    } else {
        b','
    }
}

/// The 1-based line on which the record at `offset` starts. The csv crate's own line count
/// points at the blank lines it skips before a record, so the line is counted here.
fn line_of(bytes: &[u8], offset: u64) -> u64 {
    let start = usize::try_from(offset).unwrap_or(usize::MAX).min(bytes.len());
    let (before, after) = bytes.split_at(start);
    let blank = after.iter().take_while(|b| matches!(b, b'\n' | b'\r')).filter(|&&b| b == b'\n').count();
    let newlines = before.iter().filter(|&&b| b == b'\n').count() + blank;
    u64::try_from(newlines).unwrap_or(u64::MAX).saturating_add(1)
}

/// A file name as compared: NFC (macOS writes NFD names), lowercase, `/` separators, no
/// leading "./" or "/".
fn file_key(name: &str) -> String {
    let key: String = name.trim().nfc().flat_map(char::to_lowercase).collect::<String>().replace('\\', "/");
    let mut rest = key.as_str();
    loop {
        let stripped = rest.trim_start_matches('/');
        match stripped.strip_prefix("./") {
            Some(next) => rest = next,
            None => return stripped.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Manifest, ManifestError> {
        Manifest::parse(text.as_bytes(), Path::new("corpus/2025/manifest.csv"))
    }

    fn name_for(manifest: &Manifest, file: &str) -> Option<&'static str> {
        manifest.municipality_for(file).map(|m| m.name)
    }

    #[test]
    fn a_missing_manifest_names_its_cause_once() {
        let err = Manifest::load(Path::new("corpus/no-such-folder/manifest.csv")).expect_err("no such file");
        // The cause is in the message and not also a `source()`, so an error chain prints it once.
        assert!(std::error::Error::source(&err).is_none());
        assert!(err.to_string().starts_with("cannot read manifest corpus/no-such-folder/manifest.csv: "), "{err}");
    }

    #[test]
    fn names_and_codes() {
        let m = parse("file,municipality\naarhus.pdf,Aarhus\nx.pdf,101\ny.pdf,Hoeje-Taastrup Kommune\n")
            .expect("valid manifest");
        assert_eq!(m.len(), 3);
        assert_eq!(name_for(&m, "aarhus.pdf"), Some("Aarhus"));
        assert_eq!(name_for(&m, "x.pdf"), Some("København"));
        assert_eq!(name_for(&m, "y.pdf"), Some("Høje-Taastrup"));
        assert_eq!(name_for(&m, "z.pdf"), None);
    }

    #[test]
    fn bom_semicolons_extra_columns_and_quotes() {
        let text =
            "\u{feff}Nr;File;Kommentar;Municipality\n1;budget.pdf;\"a; b\";Københavns Kommune\n2; sub/b.pdf ;;Læsø\n";
        let m = parse(text).expect("valid manifest");
        assert_eq!(name_for(&m, "budget.pdf"), Some("København"));
        assert_eq!(name_for(&m, "sub/b.pdf"), Some("Læsø"));
    }

    #[test]
    fn matches_paths_relative_to_the_corpus_too() {
        let m = parse("file,municipality\nbudget.pdf,Odense\nsub/b.pdf,Vejle\n").expect("valid manifest");
        assert_eq!(name_for(&m, "2025/budget.pdf"), Some("Odense"));
        assert_eq!(name_for(&m, "2025/sub/b.pdf"), Some("Vejle"));
        assert_eq!(name_for(&m, "2025\\sub\\b.pdf"), Some("Vejle"));
        assert_eq!(name_for(&m, "./BUDGET.PDF"), Some("Odense"));
        assert_eq!(name_for(&m, "b.pdf"), None, "a listed sub/b.pdf is not any b.pdf");
    }

    #[test]
    fn unicode_forms_of_file_names_meet() {
        let m = parse("file,municipality\nårhus-budget.pdf,Aarhus\n").expect("valid manifest");
        assert_eq!(name_for(&m, "a\u{30a}rhus-budget.pdf"), Some("Aarhus"));
    }

    #[test]
    fn unknown_municipality_names_file_line_and_value() {
        let err = parse("file,municipality\na.pdf,Aarhus\n\nb.pdf,Christiansø\n").expect_err("unknown");
        assert_eq!(err.to_string(), "manifest corpus/2025/manifest.csv, line 4: unknown municipality \"Christiansø\"");
        assert!(matches!(err, ManifestError::UnknownMunicipality { line: 4, .. }));
        let empty = parse("file,municipality\nc.pdf,\n").expect_err("empty municipality");
        assert!(matches!(empty, ManifestError::UnknownMunicipality { line: 2, .. }));
    }

    #[test]
    fn missing_columns_and_conflicts() {
        let err = parse("fil,kommune\na.pdf,Aarhus\n").expect_err("no file column");
        assert_eq!(err.to_string(), "manifest corpus/2025/manifest.csv has no \"file\" column in its header");
        let err = parse("file,municipality\na.pdf,Aarhus\nA.pdf,Odense\n").expect_err("conflict");
        assert!(matches!(err, ManifestError::Conflict { line: 3, first: "Aarhus", second: "Odense", .. }));
        let same = parse("file,municipality\na.pdf,Aarhus\na.pdf,751\n").expect("same twice is fine");
        assert_eq!(same.len(), 1);
    }

    #[test]
    fn load_reads_files_and_reports_missing_ones() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("manifest.csv");
        std::fs::write(&path, "file,municipality\nbudget.pdf,Aalborg\n").expect("write");
        let m = Manifest::load(&path).expect("loads");
        assert_eq!(name_for(&m, "budget.pdf"), Some("Aalborg"));
        let missing = Manifest::load(&dir.path().join("nope.csv")).expect_err("missing");
        assert!(matches!(missing, ManifestError::Io { .. }));
        assert!(missing.to_string().contains("nope.csv"));
    }
}
