//! Counts topic mentions in page text, from the editable dictionaries in `queries/`.
//!
//! Counting happens at report time over the stored page text, so editing `queries/topics.toml`
//! never needs re-extraction. [`topics`] loads and checks a dictionary; [`matcher`] finds the
//! mentions of one topic in one page.

pub mod dictionary;
pub mod evidence;
pub mod literals;
pub mod matcher;
pub mod topics;

pub use evidence::{page_evidence, Evidence};
pub use matcher::{flatten_whitespace, Mention};
pub use topics::{Topic, TopicError, TopicSet};
