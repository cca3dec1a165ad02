//! What the server holds: one index reader that follows new commits, the topic dictionary, and
//! per commit the stored pages and records that reports and documents read (read once per
//! commit, not per request), with the reports built from them.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::analyse::TopicSet;
use crate::index::{FileRecord, StoredPage};
use crate::report::reviewed::{build_cached, CachedReport};
use crate::report::{Report, ReportSource};
use crate::review::ReviewFile;
use crate::search::topic_filter::unknown_topic;
use crate::search::{doc_id, SearchError, SearchIndex, SearchResults, TopicPages};

/// Why a request was not answered.
#[derive(Debug)]
pub enum Refused {
    /// The request is malformed: a message for the user (400, or shown on the page).
    Usage(String),
    /// The library failed (500).
    Failed(String),
}

/// How the server was started.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// The index folder, as given (reports show it as given, like `report`).
    pub index_dir: PathBuf,
    /// The corpus folder, as given or as the index recorded it.
    pub corpus: PathBuf,
    /// The topic dictionary file; its reviews file lies beside it (as for `report`).
    /// The dictionary file in use; `None` for the built-in one.
    pub topics_file: Option<PathBuf>,
}

/// Shared by every request.
pub struct AppState {
    pub config: ServeConfig,
    pub index: SearchIndex,
    pub topics: TopicSet,
    snapshot: Mutex<Option<Arc<Snapshot>>>,
    /// Whether `POST /review` may write the reviews file (off unless [`AppState::allow_reviews`]).
    review_writes: bool,
    /// The token every review form carries, new for each process: a page from elsewhere cannot
    /// know it.
    form_token: String,
    /// Held while the reviews file is read, changed and written, so two reviews never race.
    pub review_lock: Mutex<()>,
}

/// Everything read from one commit of the index.
pub struct Snapshot {
    generation: u64,
    pub pages: Vec<StoredPage>,
    pub records: Vec<FileRecord>,
    /// Position in `records` by document id.
    by_id: HashMap<String, usize>,
    reports: Mutex<HashMap<ReportKey, Arc<Report>>>,
    /// The report pages as `report --format html` renders them, per scope.
    pages_html: Mutex<HashMap<ReportKey, Arc<String>>>,
    /// Every topic's pages, for searches narrowed to a topic (counted once per commit).
    topic_pages: Mutex<Option<Arc<Vec<Arc<TopicPages>>>>>,
}

/// A report's scope and language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReportKey {
    pub year: Option<u16>,
    pub doctype: Option<String>,
    pub region: Option<crate::identify::Region>,
    pub lang: &'static str,
    /// Size and modification time of the reviews file: a new review makes a new report.
    pub reviews: Option<(u64, std::time::SystemTime)>,
}

impl Snapshot {
    /// The file record of a document id.
    pub fn record(&self, id: &str) -> Option<&FileRecord> {
        self.by_id.get(id).and_then(|&i| self.records.get(i))
    }

    pub fn source<'a>(&'a self, config: &'a ServeConfig) -> ReportSource<'a> {
        ReportSource {
            pages: &self.pages,
            records: &self.records,
            corpus: &config.corpus,
            index_dir: &config.index_dir,
        }
    }
}

impl AppState {
    /// Opens the index with a reader that follows commits.
    pub fn open(config: ServeConfig, topics: TopicSet) -> Result<AppState, SearchError> {
        let index = SearchIndex::open_live(&config.index_dir)?;
        Ok(AppState {
            config,
            index,
            topics,
            snapshot: Mutex::new(None),
            review_writes: false,
            form_token: super::review_form::new_token(),
            review_lock: Mutex::new(()),
        })
    }

    /// Lets the review form write the reviews file (the server's only write). `kommunsk serve`
    /// allows it on a loopback address unless `--read-only`.
    pub fn allow_reviews(mut self, allowed: bool) -> AppState {
        self.review_writes = allowed;
        self
    }

    /// True when reviews can be recorded in the browser.
    pub fn reviews_writable(&self) -> bool {
        self.review_writes
    }

    /// The review form's token.
    pub fn form_token(&self) -> &str {
        &self.form_token
    }

    /// The pages and records of the commit the reader sees now (read when it changed).
    pub fn snapshot(&self) -> Result<Arc<Snapshot>, SearchError> {
        let searcher = self.index.searcher();
        let generation = searcher.generation().generation_id();
        if let Some(current) = self.snapshot.lock().ok().and_then(|s| s.clone()) {
            if current.generation == generation {
                return Ok(current);
            }
        }
        let (pages, records) = ReportSource::read(self.index.index(), &searcher)?;
        let by_id = records.iter().enumerate().map(|(i, r)| (doc_id(&r.path), i)).collect();
        let fresh = Arc::new(Snapshot {
            generation,
            pages,
            records,
            by_id,
            reports: Mutex::new(HashMap::new()),
            pages_html: Mutex::new(HashMap::new()),
            topic_pages: Mutex::new(None),
        });
        if let Ok(mut slot) = self.snapshot.lock() {
            *slot = Some(fresh.clone());
        }
        Ok(fresh)
    }

    /// The pages that mention topic `id`, counted with the report's patterns once per commit.
    pub fn topic_pages(&self, snapshot: &Snapshot, id: &str) -> Result<Arc<TopicPages>, SearchError> {
        let known = snapshot.topic_pages.lock().ok().and_then(|t| t.clone());
        let all = match known {
            Some(all) => all,
            None => {
                let searcher = self.index.searcher();
                let counted = TopicPages::all(self.index.index(), &searcher, &self.topics)?;
                let all = Arc::new(counted.into_iter().map(Arc::new).collect::<Vec<_>>());
                if let Ok(mut slot) = snapshot.topic_pages.lock() {
                    *slot = Some(all.clone());
                }
                all
            }
        };
        all.iter().find(|t| t.topic == id).cloned().ok_or_else(|| unknown_topic(&self.topics, id))
    }

    /// Runs the search the parameters ask for, its topic resolved against the dictionary.
    /// `Err(Usage)` for a malformed request (a message for the user), `Err(Failed)` when the
    /// index failed.
    pub fn search(&self, params: &super::params::Params) -> Result<SearchResults, Refused> {
        let failed =
            |e: SearchError| if e.is_usage() { Refused::Usage(e.to_string()) } else { Refused::Failed(e.to_string()) };
        let mut request = params.search_request().map_err(Refused::Usage)?;
        if let Some(id) = params.topic() {
            let snapshot = self.snapshot().map_err(failed)?;
            request.topic = Some(self.topic_pages(&snapshot, &id).map_err(failed)?);
        }
        self.index.search(&request).map_err(failed)
    }

    /// Where reviews are read from: beside the topic dictionary, as `report` and `evidence` do.
    pub fn reviews_path(&self) -> PathBuf {
        crate::review::default_reviews_path(self.config.topics_file.as_deref(), &self.config.corpus)
    }

    /// The reviews file as it is now.
    pub fn reviews(&self) -> Result<ReviewFile, String> {
        ReviewFile::load(&self.reviews_path()).map_err(|e| e.to_string())
    }

    /// The stamp of the reviews file for a report key (`ReportKey`).
    pub fn reviews_stamp(&self) -> Option<(u64, std::time::SystemTime)> {
        let meta = std::fs::metadata(self.reviews_path()).ok()?;
        Some((meta.len(), meta.modified().ok()?))
    }

    /// The report for a scope, built once per commit and reviews file, exactly as
    /// `kommunsk report` builds it (through the report cache, a region's too).
    pub fn report(&self, snapshot: &Snapshot, key: &ReportKey) -> Result<Arc<Report>, String> {
        if let Some(done) = snapshot.reports.lock().ok().and_then(|r| r.get(key).cloned()) {
            return Ok(done);
        }
        let reviews = self.reviews()?;
        let scope = crate::report::Scope { year: key.year, doctype: key.doctype.clone() };
        let searcher = self.index.searcher();
        let ocr_pages =
            crate::report::ocr_share::ocr_pages(self.index.index(), &searcher).map_err(|e| e.to_string())?;
        let none = std::collections::HashSet::new();
        let (mut built, _) = build_cached(&CachedReport {
            index: self.index.index(),
            searcher: &searcher,
            topics: &self.topics,
            scope: &scope,
            lang: key.lang,
            reviews: &reviews,
            ignore: false,
            skip: &none,
            region: key.region,
        })
        .map_err(|e| e.to_string())?;
        crate::report::provenance(&mut built, &self.config.corpus, &self.config.index_dir, key.lang);
        // As `kommunsk report` states it, so /api/report stays equal to `report --format json`.
        built.source.ocr = crate::report::ocr_share::share(&ocr_pages, &self.topics, &scope, key.region);
        let built = Arc::new(built);
        if let Ok(mut reports) = snapshot.reports.lock() {
            reports.insert(key.clone(), built.clone());
        }
        Ok(built)
    }

    /// The rendered report page for a scope, rendered once per commit.
    pub fn report_html(&self, snapshot: &Snapshot, key: &ReportKey, render: impl FnOnce() -> String) -> Arc<String> {
        if let Some(done) = snapshot.pages_html.lock().ok().and_then(|r| r.get(key).cloned()) {
            return done;
        }
        let rendered = Arc::new(render());
        if let Ok(mut pages) = snapshot.pages_html.lock() {
            pages.insert(key.clone(), rendered.clone());
        }
        rendered
    }
}
