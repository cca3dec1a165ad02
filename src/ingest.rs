//! Drives discover → extract → identify → index over a corpus, in parallel and incrementally.
//!
//! Files whose size and mtime match their record are skipped without being read; files whose
//! bytes hash the same are skipped after hashing; everything else is extracted on all cores
//! (rayon), each in a memory-capped worker process when [`IngestOptions::isolation`] says so,
//! while one thread writes the finished files to the index writer and commits. Each file's old
//! pages are deleted and its new pages and record added in the same commit; the run commits
//! after every batch of files written, so a crash late in a long run keeps what the finished
//! batches did, leaves every file whole (its old state or its new one) and the next run redoes
//! exactly the unfinished files.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;
use tantivy::{IndexWriter, TantivyDocument, Term};

use crate::discover::{self, Candidate, Skipped};
use crate::extract::{self, ErrorKind, ExtractedPdf, Limits};
use crate::identify::corrections::{self, Correction, Corrections};
use crate::identify::{self, Manifest};
use crate::index::reversed_terms;
use crate::index::{CommitInfo, CorpusIndex, DocumentInfo, Fields, FileRecord, IndexError, StoredPage, SCHEMA_VERSION};
use crate::isolation::{Extractor, Isolation};
use crate::ocr::{Ocr, OcrCounts, OcrMode};

/// Bumped whenever identification (municipality, year, document type, language) changes what is
/// stored for a file. With [`extract::EXTRACTION_VERSION`] it decides whether the next ingest
/// re-reads a file or trusts its old record.
pub const IDENTIFY_VERSION: u64 = 2;

/// How many opening pages identification reads: titles, headers and first paragraphs are there.
const IDENTIFY_PAGES: usize = 3;

/// Files written between two commits: at first [`FIRST_BATCH_FILES`], then half of what the
/// run has written so far, up to [`MAX_BATCH_FILES`]. Every commit ends the writer's segments,
/// and many small segments cost merges later: at 8× the sample corpus, committing every 64
/// files took 23.3–24.5 s CPU, every 256 files 21.2–21.3 s. Larger batches saved no more CPU
/// at 100× but held more in the writer (peak RSS 597 MB at up to 1024 files, 400 MB at 256).
/// A crash loses at most the files since the last commit (a second or two of work).
const FIRST_BATCH_FILES: usize = 64;
const MAX_BATCH_FILES: usize = 256;

/// Files read ahead of the writer at most (their pages held in memory meanwhile): enough that
/// the reading threads go on while the writer waits for a commit.
const READ_AHEAD_FILES: usize = 64;

/// Reading threads beyond one per core. A reading thread waits while its worker process
/// extracts, and its worker waits while the thread decodes the result and identifies the file;
/// with one thread per core a core idles in every such hand-over (8× the sample corpus on 2
/// cores: CPU/wall 1.49 with 2 threads, 1.68 with 3, 1.74 with 4).
const EXTRA_READING_THREADS: usize = 2;

/// What to ingest and where.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    pub corpus: PathBuf,
    pub index_dir: PathBuf,
    pub limits: Limits,
    /// When pages are OCR'd (results are cached by content hash in `index_dir/ocr-cache`).
    pub ocr: OcrMode,
    /// Where each file is extracted: the command line uses memory-capped worker processes.
    pub isolation: Isolation,
    /// Follow symbolic links that lead outside the corpus folder (normally listed as skipped).
    pub follow_outside_links: bool,
}

impl IngestOptions {
    /// Default limits, extraction in this process (library users and tests; the command line
    /// sets [`Isolation::current_exe`]).
    pub fn new(corpus: impl Into<PathBuf>, index_dir: impl Into<PathBuf>) -> Self {
        IngestOptions {
            corpus: corpus.into(),
            index_dir: index_dir.into(),
            limits: Limits::default(),
            isolation: Isolation::InProcess,
            follow_outside_links: false,
            ocr: OcrMode::Auto,
        }
    }
}

/// Where OCR results are cached inside the index folder.
pub const OCR_CACHE_DIR: &str = "ocr-cache";

/// Receives progress while an ingest runs (the command line draws a progress bar with it).
pub trait Progress: Sync {
    /// `total` files will be read (unchanged files are not counted).
    fn start(&self, total: usize);
    /// One file finished: its page count and whether it failed.
    fn file_done(&self, pages: usize, failed: bool);
    /// One page was OCR'd or taken from the OCR cache.
    fn ocr_page_done(&self) {}
    fn finish(&self);
}

/// A [`Progress`] that shows nothing.
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: usize) {}
    fn file_done(&self, _: usize, _: bool) {}
    fn finish(&self) {}
}

/// A file that could not be indexed.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Failure {
    pub path: String,
    pub error: String,
    /// The stable kind of the failure (`not_pdf`, `encrypted`, `no_text_layer`, … as
    /// [`ErrorKind::as_str`] names them).
    pub kind: Option<&'static str>,
}

/// A document indexed without a municipality or year (kept out of per-municipality counts).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Unresolved {
    pub path: String,
    pub missing: &'static str,
}

/// A document whose folder or file name decided its municipality or year while its text says
/// otherwise: indexed as the name says, with a warning.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Disagreement {
    pub path: String,
    /// "municipality" or "year".
    pub field: String,
    /// What the name decided.
    pub decided: String,
    /// What the document says instead, and where.
    pub document: String,
}

/// A document whose language is not Danish.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Foreign {
    pub path: String,
    pub lang: String,
}

/// A document with glyphs that could not be turned into text.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Unmapped {
    pub path: String,
    pub glyphs: u64,
}

/// The outcome of one ingest, as `ingest --json` prints it. `failed`, `unresolved` and
/// `non_danish` describe the whole corpus after the run, not only the files read this time.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestSummary {
    /// Files read and indexed in this run.
    pub indexed: usize,
    /// Files not read again: size and mtime, or else the content hash, match the index. An
    /// unchanged file that failed before counts here and stays listed under `failed`.
    pub unchanged: usize,
    /// Files gone from the corpus, deleted from the index.
    pub removed: usize,
    pub failed: Vec<Failure>,
    pub unresolved: Vec<Unresolved>,
    /// Folder or file name and text disagree on municipality or year.
    pub disagreements: Vec<Disagreement>,
    pub non_danish: Vec<Foreign>,
    /// Documents with glyphs shown as U+FFFD because their fonts give no Unicode mapping: their text
    /// (and so their counts) may be incomplete.
    pub unmapped: Vec<Unmapped>,
    pub skipped: Vec<Skipped>,
    /// Problems with corpus bookkeeping (a manifest that cannot be read) that did not stop the run.
    pub warnings: Vec<String>,
    /// Pages OCR'd by the engine in this run, and pages whose OCR text came from the cache.
    pub ocr_pages: usize,
    pub ocr_cached: usize,
    /// The corrections file listing the documents to fill in (unresolved or identified only on
    /// weak evidence); absent when there is nothing to ask and no such file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrections: Option<String>,
    /// How many documents the corrections file asks about.
    pub to_correct: usize,
    /// Pages and characters extracted in this run.
    pub pages: u64,
    pub characters: u64,
    pub seconds: f64,
}

/// Errors that stop an ingest as a whole (a single bad file never does).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error(transparent)]
    Discover(#[from] discover::DiscoverError),
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error("writing the index in {dir}: {cause}")]
    Write { dir: PathBuf, cause: tantivy::TantivyError },
}

/// What reading one file gave, for the writer to store.
enum Outcome {
    /// Bytes unchanged: only the record's mtime is refreshed.
    Touched(FileRecord),
    /// Read (or failed): the new record and its pages' index documents (none when it failed).
    Processed {
        record: FileRecord,
        pages: Vec<TantivyDocument>,
        characters: u64,
        ocr: OcrCounts,
        warning: Option<String>,
    },
}

/// Ingests `options.corpus` into `options.index_dir`.
pub fn ingest(options: &IngestOptions, progress: &dyn Progress) -> Result<IngestSummary, IngestError> {
    let started = Instant::now();
    let found = discover::discover_with(&options.corpus, options.follow_outside_links)?;
    let index = CorpusIndex::open_or_create(&options.index_dir)?;
    let _running = IngestLock::take(&options.index_dir);
    let reader = index.reader()?;
    let old: HashMap<String, FileRecord> =
        index.file_records(&reader.searcher())?.into_iter().map(|r| (r.path.clone(), r)).collect();

    let mut summary = IngestSummary { skipped: found.skipped, ..Default::default() };
    // A corrections file that cannot be read is neither applied nor rewritten: it is the
    // user's work, and the warning says what to fix.
    let corrections = match Corrections::load(&options.corpus) {
        Ok(loaded) => Some(loaded),
        Err(err) => {
            summary.warnings.push(format!("{err}; its answers are not applied and the file is left as it is"));
            None
        }
    };
    let answer = |relative: &str| corrections.as_ref().and_then(|c| c.for_file(relative)).copied().unwrap_or_default();
    let mut current: BTreeMap<String, FileRecord> = BTreeMap::new();
    let mut work: Vec<(&Candidate, Option<&FileRecord>)> = Vec::new();
    let ocr = Ocr::new(options.ocr, Some(options.index_dir.join(OCR_CACHE_DIR)));
    for candidate in &found.candidates {
        match old.get(&candidate.relative) {
            Some(rec)
                if is_fresh(rec, candidate)
                    && rec.correction == answer(&candidate.relative).fingerprint()
                    && !ocr_now_possible(rec, &ocr) =>
            {
                current.insert(rec.path.clone(), rec.clone());
                summary.unchanged += 1;
            }
            previous => work.push((candidate, previous)),
        }
    }

    let manifests = load_manifests(&options.corpus, &work, &mut summary.warnings);
    let mut writer = index.writer()?;
    let fields = *index.fields();
    let write_err = |cause| IngestError::Write { dir: options.index_dir.clone(), cause };

    for gone in old.keys().filter(|p| !found.candidates.iter().any(|c| &&c.relative == p)) {
        writer.delete_term(Term::from_field_text(fields.path, gone));
        summary.removed += 1;
    }

    let extractor = options.isolation.extractor();
    progress.start(work.len());
    // Files are read on all cores while this thread writes them and commits. When reading and
    // committing took turns (a batch read in parallel, then committed), every commit and every
    // batch's slowest file left cores idle. Only this thread touches the writer, so a commit
    // never holds part of a file. The channel is bounded: read files wait for the writer, not
    // pile up in memory.
    let (sender, received) = std::sync::mpsc::sync_channel::<Outcome>(READ_AHEAD_FILES);
    let mut file_warnings = BTreeMap::new();
    std::thread::scope(|scope| -> Result<(), IngestError> {
        scope.spawn(|| {
            // Stops early only when the writer below gave up (the receiver is gone).
            let read_all = || {
                work.par_iter().try_for_each_with(sender, |sender, (candidate, previous)| {
                    let manifest = manifests.get(top_folder(&candidate.relative));
                    let correction = answer(&candidate.relative);
                    let file = FileJob {
                        candidate,
                        previous: *previous,
                        manifest: manifest.and_then(Option::as_ref),
                        correction: &correction,
                    };
                    let outcome = read_file(&fields, &file, &options.limits, &extractor, &ocr, progress);
                    match &outcome {
                        Outcome::Processed { record, .. } => {
                            progress.file_done(record.pages as usize, record.error.is_some())
                        }
                        Outcome::Touched(_) => progress.file_done(0, false),
                    }
                    // An error only says the receiver is gone; the outcome in it is not needed.
                    sender.send(outcome).map_err(drop)
                })
            };
            let _ = match reading_pool() {
                Some(pool) => pool.install(read_all),
                None => read_all(),
            };
        });
        let (mut since_commit, mut written) = (0, 0);
        for outcome in received {
            match outcome {
                Outcome::Touched(record) => {
                    write_file(&writer, &fields, &record, None).map_err(write_err)?;
                    summary.unchanged += 1;
                    current.insert(record.path.clone(), record);
                }
                Outcome::Processed { record, pages, characters, ocr, warning } => {
                    write_file(&writer, &fields, &record, Some(pages)).map_err(write_err)?;
                    summary.ocr_pages += ocr.recognised;
                    summary.ocr_cached += ocr.cached;
                    if let Some(warning) = warning {
                        file_warnings.insert(record.path.clone(), warning);
                    }
                    if record.error.is_none() {
                        summary.indexed += 1;
                        summary.pages += u64::from(record.pages);
                        summary.characters += characters;
                    }
                    current.insert(record.path.clone(), record);
                }
            }
            since_commit += 1;
            written += 1;
            if since_commit >= (written / 2).clamp(FIRST_BATCH_FILES, MAX_BATCH_FILES) {
                // What the files so far did survives a crash later in the run.
                commit(&mut writer, &options.corpus, &index)?;
                since_commit = 0;
            }
        }
        Ok(())
    })?;
    // In corpus order, whatever order the files finished in.
    for (path, warning) in file_warnings {
        summary.warnings.push(format!("{}: {warning}", options.corpus.join(path).display()));
    }
    progress.finish();
    drop(extractor);

    commit(&mut writer, &options.corpus, &index)?;
    writer.wait_merging_threads().map_err(write_err)?;
    // Only a shortcut for searches (a segment without its file is scanned), so a failure to
    // write one does not fail the ingest.
    if let Ok(reader) = index.reader() {
        let fields = index.fields();
        let _ =
            reversed_terms::write_missing(&options.index_dir, &reader.searcher(), &[fields.text, fields.text_folded]);
    }
    describe_state(&options.corpus, &current, &mut summary);
    if let Some(corrections) = &corrections {
        write_corrections(&options.corpus, &options.index_dir, corrections, &current, &mut summary);
    }
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// The threads that read files: [`EXTRA_READING_THREADS`] more than rayon's default (one per
/// core); `None` (use rayon's pool) if the threads cannot be started.
fn reading_pool() -> Option<rayon::ThreadPool> {
    let threads = rayon::current_num_threads() + EXTRA_READING_THREADS;
    rayon::ThreadPoolBuilder::new().num_threads(threads).thread_name(|i| format!("ingest-read-{i}")).build().ok()
}

/// The file in an index folder that says an ingest is writing it: its process id.
pub const LOCK_FILE: &str = "kommunsk-ingest.lock";

/// Marks the index as being written while it lives (removed on drop; a crashed run's file is
/// recognised by its process being gone).
struct IngestLock(PathBuf);

impl IngestLock {
    fn take(index_dir: &Path) -> Option<IngestLock> {
        let path = index_dir.join(LOCK_FILE);
        // Only a notice for other commands: an index we cannot mark is still written.
        std::fs::write(&path, std::process::id().to_string()).ok()?;
        Some(IngestLock(path))
    }
}

impl Drop for IngestLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The process id of an ingest writing `index_dir` right now, if one is.
pub fn running_ingest(index_dir: &Path) -> Option<u32> {
    let pid: u32 = std::fs::read_to_string(index_dir.join(LOCK_FILE)).ok()?.trim().parse().ok()?;
    let alive = Path::new("/proc").join(pid.to_string()).exists();
    (alive && pid != std::process::id()).then_some(pid)
}

/// Same size, same mtime, same extractor and identification: trusted without reading the file.
fn is_fresh(record: &FileRecord, candidate: &Candidate) -> bool {
    record.size == candidate.size && record.mtime_ns == candidate.mtime_ns && is_current(record)
}

/// A file read without OCR for some pages (engine missing, `--ocr off`) that this run could
/// OCR: it is read again although its bytes did not change.
fn ocr_now_possible(record: &FileRecord, ocr: &Ocr) -> bool {
    record.ocr_pending > 0 && ocr.can_run()
}

/// Read by today's extractor and identification.
fn is_current(record: &FileRecord) -> bool {
    record.extractor == extract::EXTRACTION_VERSION && record.identify == IDENTIFY_VERSION
}

/// First path component of a relative path ("2025" for "2025/x.pdf"; "" for a top-level file).
fn top_folder(relative: &str) -> &str {
    relative.split_once('/').map(|(top, _)| top).unwrap_or("")
}

/// Loads `CORPUS/<folder>/manifest.csv` for every top folder that has files to read.
fn load_manifests(
    corpus: &Path,
    work: &[(&Candidate, Option<&FileRecord>)],
    warnings: &mut Vec<String>,
) -> HashMap<String, Option<Manifest>> {
    let mut manifests = HashMap::new();
    for (candidate, _) in work {
        let folder = top_folder(&candidate.relative);
        if manifests.contains_key(folder) || folder.is_empty() {
            continue;
        }
        let path = corpus.join(folder).join("manifest.csv");
        let manifest = if path.is_file() {
            match Manifest::load(&path) {
                Ok(m) => Some(m),
                Err(err) => {
                    warnings.push(format!("{}: {err}", path.display()));
                    None
                }
            }
        } else {
            None
        };
        manifests.insert(folder.to_string(), manifest);
    }
    manifests
}

/// One file to read, with what the index and the manifest know about it.
struct FileJob<'a> {
    candidate: &'a Candidate,
    previous: Option<&'a FileRecord>,
    manifest: Option<&'a Manifest>,
    correction: &'a Correction,
}

/// Reads, extracts, OCRs and identifies one file and makes its index documents (on the
/// reading threads, so the writer thread only hands them over). Anything wrong with the file
/// becomes a failed record.
fn read_file(
    fields: &Fields,
    file: &FileJob<'_>,
    limits: &Limits,
    extractor: &Extractor,
    ocr: &Ocr,
    progress: &dyn Progress,
) -> Outcome {
    let FileJob { candidate, previous, manifest, correction } = *file;
    let mut record = FileRecord {
        path: candidate.relative.clone(),
        size: candidate.size,
        mtime_ns: candidate.mtime_ns,
        extractor: extract::EXTRACTION_VERSION,
        identify: IDENTIFY_VERSION,
        correction: correction.fingerprint(),
        ..Default::default()
    };
    let bytes = match std::fs::read(&candidate.path) {
        Ok(bytes) => bytes,
        Err(err) => {
            record.error = Some(format!("cannot read file: {err}"));
            record.error_kind = Some(ErrorKind::Io);
            return failed(record, OcrCounts::default(), None);
        }
    };
    record.hash = blake3::hash(&bytes).to_hex().to_string();
    let same_answer = |p: &&FileRecord| p.correction == record.correction;
    let reusable = |p: &&FileRecord| p.hash == record.hash && is_current(p) && !ocr_now_possible(p, ocr);
    if let Some(prev) = previous.filter(reusable).filter(same_answer) {
        return Outcome::Touched(FileRecord { size: record.size, mtime_ns: record.mtime_ns, ..prev.clone() });
    }

    let extracted = extractor.extract(bytes, limits);
    let completed = ocr.complete(&candidate.path, &record.hash, extracted, &|| progress.ocr_page_done());
    let (counts, warning) = (completed.counts, completed.warning);
    record.ocr_pending = u32::try_from(counts.pending).unwrap_or(u32::MAX);
    let pdf = match completed.result {
        Ok(pdf) => pdf,
        Err(error) => {
            record.error = Some(error.message);
            record.error_kind = Some(error.kind);
            return failed(record, counts, warning);
        }
    };
    record.pages = u32::try_from(pdf.pages.len()).unwrap_or(u32::MAX);
    record.unmapped_glyphs = pdf.pages.iter().map(|p| u64::from(p.unmapped_glyphs)).sum();
    let mut id = identify_extracted(&candidate.relative, manifest, &pdf);
    id.correct(correction, corrections::FILE_NAME);
    record.identification = serde_json::to_string(&id.evidence).unwrap_or_default();
    record.info = document_info(&id);
    let characters = pdf.pages.iter().map(|p| p.body.chars().count() as u64).sum();
    let pages = pdf.pages.iter().map(|page| StoredPage::document(fields, &record.path, &record.info, page)).collect();
    Outcome::Processed { record, pages, characters, ocr: counts, warning }
}

/// The outcome of a file that could not be read: its record, no pages.
fn failed(record: FileRecord, ocr: OcrCounts, warning: Option<String>) -> Outcome {
    Outcome::Processed { record, pages: Vec::new(), characters: 0, ocr, warning }
}

/// Stores what reading a file gave. With pages (a file read in this run; none if it failed),
/// whatever the index held for its path is deleted and the pages added, then its record (last,
/// so a record never exists without its pages). Without (bytes unchanged), only the record is
/// replaced.
fn write_file(
    writer: &IndexWriter,
    fields: &Fields,
    record: &FileRecord,
    pages: Option<Vec<TantivyDocument>>,
) -> Result<(), tantivy::TantivyError> {
    match pages {
        Some(pages) => {
            writer.delete_term(Term::from_field_text(fields.path, &record.path));
            for page in pages {
                writer.add_document(page)?;
            }
        }
        None => {
            writer.delete_term(Term::from_field_text(fields.record, &record.path));
        }
    }
    writer.add_document(record.to_document(fields))?;
    Ok(())
}

/// Identity of an extracted document, in the form the index stores.
pub fn identify_document(relative: &str, manifest: Option<&Manifest>, pdf: &ExtractedPdf) -> DocumentInfo {
    document_info(&identify_extracted(relative, manifest, pdf))
}

/// An identity in the form the index stores.
fn document_info(id: &identify::Identity) -> DocumentInfo {
    DocumentInfo {
        code: id.municipality.map(|(m, _)| m.code),
        municipality: id.municipality.map(|(m, _)| m.name.to_string()),
        region: id.municipality.map(|(m, _)| m.region.name().to_string()),
        year: id.year.map(|(y, _)| y),
        doctype: id.doctype.as_str().to_string(),
        lang: id.lang.map(str::to_string),
    }
}

/// Identifies an extracted document from its opening pages (running headers included) and
/// its metadata: what `ingest` stores and `kommunsk identify` shows.
pub fn identify_extracted(relative: &str, manifest: Option<&Manifest>, pdf: &ExtractedPdf) -> identify::Identity {
    // Headers are furniture for counting but the strongest evidence of whose document it is.
    let opening: Vec<String> = pdf
        .pages
        .iter()
        .take(IDENTIFY_PAGES)
        .map(
            |p| if p.furniture.is_empty() { p.body.clone() } else { format!("{}\n{}", p.furniture.join("\n"), p.body) },
        )
        .collect();
    let opening: Vec<&str> = opening.iter().map(String::as_str).collect();
    identify::identify_with_metadata(Path::new(relative), manifest, &opening, &pdf.metadata)
}

fn commit(writer: &mut IndexWriter, corpus: &Path, index: &CorpusIndex) -> Result<(), IngestError> {
    let info = CommitInfo { schema_version: SCHEMA_VERSION, corpus: corpus.display().to_string() };
    let payload = serde_json::to_string(&info).unwrap_or_default();
    let write_err = |cause| IngestError::Write { dir: index.dir().to_path_buf(), cause };
    let mut prepared = writer.prepare_commit().map_err(write_err)?;
    prepared.set_payload(&payload);
    prepared.commit().map_err(write_err)?;
    Ok(())
}

/// Fills the corpus-wide lists (failed, unresolved, non-Danish) from the records after the run.
fn describe_state(corpus: &Path, records: &BTreeMap<String, FileRecord>, summary: &mut IngestSummary) {
    let shown = |rel: &str| corpus.join(rel).display().to_string();
    for record in records.values() {
        if let Some(error) = &record.error {
            let kind = record.error_kind.map(ErrorKind::as_str);
            summary.failed.push(Failure { path: shown(&record.path), error: error.clone(), kind });
            continue;
        }
        if let Some(missing) = record.info.missing() {
            summary.unresolved.push(Unresolved { path: shown(&record.path), missing });
        }
        for evidence in record.evidence() {
            if let (Some(document), Some(decided)) = (evidence.disagrees, evidence.value) {
                summary.disagreements.push(Disagreement {
                    path: shown(&record.path),
                    field: evidence.field,
                    decided,
                    document,
                });
            }
        }
        if let Some(lang) = record.info.lang.as_deref().filter(|l| *l != "dan") {
            summary.non_danish.push(Foreign { path: shown(&record.path), lang: lang.to_string() });
        }
        if record.unmapped_glyphs > 0 {
            summary.unmapped.push(Unmapped { path: shown(&record.path), glyphs: record.unmapped_glyphs });
        }
    }
}

/// Where `CORPUS/corrections.csv` lives (see [`identify::corrections`]).
pub fn corrections_path(corpus: &Path) -> PathBuf {
    corrections::path(corpus)
}

/// Rewrites the corrections file with today's open questions (documents without municipality
/// or year, or identified only on weak evidence), keeping every answer the user filled in.
/// Nothing is written when nothing changed; otherwise the text goes to a file in the index
/// folder (private to this ingest, so concurrent ingests of one corpus never share it) and is
/// renamed into place, so a crash never leaves half a file.
fn write_corrections(
    corpus: &Path,
    index_dir: &Path,
    corrections: &Corrections,
    records: &BTreeMap<String, FileRecord>,
    summary: &mut IngestSummary,
) {
    let open: Vec<(String, String)> = records
        .values()
        .filter(|r| r.error.is_none() && r.correction.is_empty())
        .filter_map(|r| {
            let evidence = r.evidence();
            let undecided = evidence.iter().filter(|e| e.value.is_none() && e.field != "doctype");
            let weak = evidence.iter().filter(|e| e.weak);
            let why: Vec<String> = undecided.chain(weak).map(identify::Evidence::describe).collect();
            let missing = r.info.missing().map(|m| format!("{m} unknown"));
            (missing.is_some() || evidence.iter().any(|e| e.weak)).then(|| {
                let note = if why.is_empty() { missing.unwrap_or_default() } else { why.join("; ") };
                (r.path.clone(), note)
            })
        })
        .collect();
    let path = corrections::path(corpus);
    summary.to_correct = open.len();
    if open.is_empty() && !path.exists() {
        return;
    }
    let text = corrections.updated(&open);
    if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
        summary.corrections = Some(path.display().to_string());
        return;
    }
    let temporary = index_dir.join(format!("{}.tmp", corrections::FILE_NAME));
    let renamed = std::fs::write(&temporary, &text).and_then(|()| std::fs::rename(&temporary, &path));
    // Across file systems a rename cannot work: write in place instead.
    let written = renamed.or_else(|_| {
        let _ = std::fs::remove_file(&temporary);
        std::fs::write(&path, &text)
    });
    match written {
        Ok(()) => summary.corrections = Some(path.display().to_string()),
        Err(err) => summary.warnings.push(format!("cannot write {}: {err}", path.display())),
    }
}

/// True when the index is missing or does not reflect the corpus folder as it is now (a file
/// added, removed, or changed in size or mtime). Cheap: one `stat` per file, no reading.
pub fn is_stale(corpus: &Path, index_dir: &Path) -> Result<bool, IngestError> {
    if !CorpusIndex::exists(index_dir) {
        return Ok(true);
    }
    let index = CorpusIndex::open(index_dir)?;
    let records = index.file_records(&index.reader()?.searcher())?;
    let found = discover::discover(corpus)?;
    if records.len() != found.candidates.len() {
        return Ok(true);
    }
    let by_path: HashMap<&str, &FileRecord> = records.iter().map(|r| (r.path.as_str(), r)).collect();
    // A changed answer in corrections.csv makes the index stale too (an unreadable file
    // changes nothing: ingest would not apply it either).
    let corrections = Corrections::load(corpus).unwrap_or_default();
    let answered = |c: &Candidate, r: &FileRecord| {
        r.correction == corrections.for_file(&c.relative).copied().unwrap_or_default().fingerprint()
    };
    Ok(!found
        .candidates
        .iter()
        .all(|c| by_path.get(c.relative.as_str()).is_some_and(|r| is_fresh(r, c) && answered(c, r))))
}
