//! Tagged PDFs: the structure tree (`structure`), read once per file, and what layout takes
//! from it: table cells, rows and headings (`tag_lines`) and reading order (`tag_order`), each
//! used only where the tags pass a check against the page's geometry.

pub(crate) mod structure;
pub(crate) mod tag_lines;
pub(crate) mod tag_order;
