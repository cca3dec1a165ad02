//! Reviews: a person's verdict on a counted mention (right or wrong), kept in a plain CSV file
//! beside the topic dictionary and fed back into the numbers.
//!
//! [`key`] names a mention so the name survives re-ingest and re-extraction (topic, document,
//! normalised sentence, matched text — never byte offsets); [`file`](mod@file) reads and writes the reviews
//! file; [`apply`] matches reviews to the mentions found now (rejected ones leave the counts,
//! reviews whose sentence is gone are orphaned); [`precision`] turns verdicts into an estimate
//! with a confidence interval; [`mark`] records a verdict on a mention named by its id; [`sample`] draws a reproducible random sample to review;
//! [`pattern_stats`] shows what each dictionary pattern finds.

pub mod apply;
pub mod file;
pub mod key;
pub mod mark;
pub mod pattern_stats;
pub mod precision;
pub mod sample;

pub use apply::{annotate, Applied, Rejected, TopicReview};
pub use file::{default_reviews_path, Review, ReviewError, ReviewFile, Verdict};
pub use key::{keyed, KeyedMention, MentionKey};
pub use precision::Precision;
