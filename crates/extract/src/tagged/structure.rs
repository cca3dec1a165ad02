//! Tagged PDFs: the structure tree (ISO 32000-1 §14.7), read into what each page's marked
//! content (`/MCID`) is part of.
//!
//! Walks `/StructTreeRoot /K` depth first, the document's logical order, and records for every
//! MCID of every page its place in that order, the block-level element holding it (paragraph,
//! heading, list item, table cell, figure), and its table row and cell. Elements' `/ActualText`
//! and figures' `/Alt` become replacement texts keyed by the MCID they start at. The parent
//! tree (`/ParentTree`) is the inverse of this map and is not needed.
//!
//! The tree is untrusted like everything else: references are followed once each (a cycle or a
//! shared subtree is walked once), nesting deeper than [`MAX_DEPTH`] is not walked, and a tree
//! with more than [`MAX_NODES`] nodes, or one still being walked at the deadline, is ignored
//! whole (the file is then read by geometry alone, as an untagged one).

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use lopdf::{Dictionary, Document, Object, ObjectId};

/// Most nodes (elements, marked-content references, MCIDs) walked. Word's tagged export of a
/// 100-page report has about 20,000; far more is a hostile or broken tree, whose tags are then
/// not used at all.
const MAX_NODES: usize = 1_000_000;
/// Deepest element nesting walked. Real trees nest a dozen levels (Document, Sect, Table, TR,
/// TD, P, Span, Link); deeper subtrees are skipped.
const MAX_DEPTH: usize = 256;
/// Role-map steps followed from a custom structure type towards a standard one.
const MAX_ROLE_STEPS: usize = 8;
/// Nodes between two looks at the clock.
const NODES_PER_CLOCK_CHECK: usize = 4096;
/// Longest replacement text kept (characters): an `/Alt` or `/ActualText` says what a figure or
/// a few glyphs show, not a book.
const MAX_REPLACEMENT_CHARS: usize = 4096;

/// What an element whose content is shown otherwise says its content is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Replacement {
    /// `/ActualText`: the element's glyphs are replaced by this text (empty for all but the
    /// element's first MCID, so the text appears once).
    Actual(String),
    /// A figure's `/Alt`: used only where the figure shows no text of its own (a picture); text
    /// a page shows wins over a description of it.
    Alt(String),
}

/// What a piece of marked content is part of.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Tagged {
    /// Position in the structure tree's depth-first order, across the whole document.
    pub order: u32,
    /// The innermost block-level element holding it (numbered in the same walk).
    pub block: u32,
    /// That element is a heading (`H`, `H1`–`H6`, `Title`).
    pub heading: bool,
    /// That element is a `Figure`: producers place floating pictures anywhere in the tree
    /// (LibreOffice 7.4 puts a picture anchored to a paragraph before the whole document).
    pub figure: bool,
    /// The table (`Table`), row (`TR`) and cell (`TD`, `TH`) holding it, if any.
    pub table: Option<u32>,
    pub row: Option<u32>,
    pub cell: Option<u32>,
}

/// The tags of one page.
#[derive(Debug, Default)]
pub(crate) struct PageTags {
    /// Every MCID of the page's content stream that the tree refers to.
    pub content: HashMap<u32, Tagged>,
    /// Replacement texts, keyed by the MCID whose sequence they replace or describe.
    pub replacements: HashMap<u32, Replacement>,
    /// Alt texts of figures without marked content on the page (LibreOffice 7.4 draws the
    /// picture as an artifact and leaves its `Figure` element empty), with the MCID that
    /// precedes the figure in the structure order, if it is on this page.
    pub unplaced: Vec<(Option<u32>, String)>,
    /// An MCID referred to twice: the tree contradicts itself.
    pub duplicates: bool,
}

/// The structure tree, per page.
#[derive(Debug, Default)]
pub(crate) struct Tags {
    pages: HashMap<ObjectId, PageTags>,
}

impl Tags {
    /// The tags of the page `page`, if the tree refers to any of its content.
    pub fn page(&self, page: ObjectId) -> Option<&PageTags> {
        self.pages.get(&page)
    }
}

/// Reads the document's structure tree; `None` for an untagged file or an unusable tree.
pub(crate) fn read(doc: &Document, deadline: Instant) -> Option<Tags> {
    let root = doc.catalog().ok()?.get_deref(b"StructTreeRoot", doc).ok()?.as_dict().ok()?;
    let role_map = root.get_deref(b"RoleMap", doc).ok().and_then(|m| m.as_dict().ok());
    let mut walk = Walk {
        doc,
        role_map,
        deadline,
        tags: Tags::default(),
        visited: HashSet::new(),
        nodes: 0,
        order: 0,
        blocks: 0,
        rows: 0,
        last_mcid: None,
        pending: Vec::new(),
    };
    let kids = root.get(b"K").ok()?;
    walk.kids(kids, &Context::default())?;
    walk.finish();
    Some(walk.tags)
}

/// What a node inherits from the elements above it.
#[derive(Debug, Clone, Default)]
struct Context {
    page: Option<ObjectId>,
    block: Option<u32>,
    heading: bool,
    figure: bool,
    table: Option<u32>,
    row: Option<u32>,
    cell: Option<u32>,
    /// The replacement text of an enclosing element (index into `Walk::pending`).
    replacement: Option<usize>,
    depth: usize,
}

/// A replacement text waiting for the first MCID under its element.
struct Pending {
    page: Option<ObjectId>,
    text: Replacement,
    placed: bool,
    /// The MCID before the element in the structure order (page, MCID).
    after: Option<(ObjectId, u32)>,
}

struct Walk<'a> {
    doc: &'a Document,
    role_map: Option<&'a Dictionary>,
    deadline: Instant,
    tags: Tags,
    visited: HashSet<ObjectId>,
    nodes: usize,
    order: u32,
    blocks: u32,
    /// Tables and rows numbered (one counter: an id is never both).
    rows: u32,
    last_mcid: Option<(ObjectId, u32)>,
    pending: Vec<Pending>,
}

impl<'a> Walk<'a> {
    /// Counts one node; `None` once the tree is too big or the time is up.
    fn count(&mut self) -> Option<()> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return None;
        }
        if self.nodes.is_multiple_of(NODES_PER_CLOCK_CHECK) && Instant::now() > self.deadline {
            return None;
        }
        Some(())
    }

    /// Follows a reference once: `None` for an object already walked (a cycle, a shared node).
    fn resolve(&mut self, object: &'a Object) -> Option<&'a Object> {
        match object {
            Object::Reference(id) => {
                if !self.visited.insert(*id) {
                    return None;
                }
                self.doc.dereference(object).ok().map(|(_, o)| o)
            }
            other => Some(other),
        }
    }

    /// Walks a `/K` value: an MCID, a marked-content reference, an element, or an array of them.
    /// Arrays are walked with an explicit stack, so a long or deep chain of them cannot
    /// overflow ours; element nesting is bounded by [`MAX_DEPTH`].
    fn kids(&mut self, kids: &'a Object, context: &Context) -> Option<()> {
        let mut stack: Vec<std::slice::Iter<'a, Object>> = Vec::new();
        let mut single = Some(kids);
        loop {
            let next = match single.take() {
                Some(k) => k,
                None => match stack.last_mut() {
                    Some(items) => match items.next() {
                        Some(k) => k,
                        None => {
                            stack.pop();
                            continue;
                        }
                    },
                    None => return Some(()),
                },
            };
            self.count()?;
            let Some(node) = self.resolve(next) else { continue };
            match node {
                Object::Integer(mcid) => self.mcid(context.page, *mcid, context),
                Object::Array(items) if stack.len() < MAX_DEPTH => stack.push(items.iter()),
                Object::Dictionary(dict) => self.node(dict, context)?,
                _ => {}
            }
        }
    }

    /// A dictionary in `/K`: a marked-content reference, an object reference, or an element.
    fn node(&mut self, dict: &'a Dictionary, context: &Context) -> Option<()> {
        let page = || dict.get(b"Pg").ok().and_then(|p| p.as_reference().ok());
        match dict.get(b"Type").and_then(Object::as_name).ok() {
            Some(b"MCR") => {
                // MCIDs of a Form XObject's own content (`/Stm`) are numbered in that stream and
                // not tracked: the interpreter keeps only those of the page's content stream.
                if !dict.has(b"Stm") {
                    if let Ok(mcid) = dict.get(b"MCID").and_then(Object::as_i64) {
                        self.mcid(page().or(context.page), mcid, context);
                    }
                }
                Some(())
            }
            Some(b"OBJR") => Some(()),
            _ => self.element(dict, context),
        }
    }

    /// A structure element: what it makes of its content, then its kids.
    fn element(&mut self, dict: &'a Dictionary, outer: &Context) -> Option<()> {
        if outer.depth >= MAX_DEPTH {
            return Some(());
        }
        let mut context = outer.clone();
        context.depth += 1;
        if let Ok(page) = dict.get(b"Pg").and_then(Object::as_reference) {
            context.page = Some(page);
        }
        let role = dict.get(b"S").and_then(Object::as_name).map(|s| self.standard_role(s)).unwrap_or(b"");
        if is_block(role) {
            self.blocks += 1;
            context.block = Some(self.blocks);
            context.heading = is_heading(role);
            context.figure = role == b"Figure";
        }
        match role {
            b"TR" => {
                self.rows += 1;
                context.row = Some(self.rows);
            }
            b"TD" | b"TH" => context.cell = context.block,
            b"Table" => {
                self.rows += 1;
                (context.table, context.row, context.cell) = (Some(self.rows), None, None);
            }
            _ => {}
        }
        if context.replacement.is_none() {
            let text = |key: &[u8]| {
                let text = lopdf::decode_text_string(dict.get_deref(key, self.doc).ok()?).ok()?;
                let text: String = text.chars().filter(|&c| is_text(c)).take(MAX_REPLACEMENT_CHARS).collect();
                Some(text).filter(|t| !t.trim().is_empty())
            };
            let alt =
                || matches!(role, b"Figure" | b"Formula").then(|| text(b"Alt")).flatten().filter(|t| describes(t));
            let replacement = text(b"ActualText").map(Replacement::Actual).or_else(|| alt().map(Replacement::Alt));
            if let Some(text) = replacement {
                context.replacement = Some(self.pending.len());
                self.pending.push(Pending { page: context.page, text, placed: false, after: self.last_mcid });
            }
        }
        match dict.get(b"K") {
            Ok(kids) => self.kids(kids, &context),
            Err(_) => Some(()),
        }
    }

    /// Records one MCID of `page`.
    fn mcid(&mut self, page: Option<ObjectId>, mcid: i64, context: &Context) {
        let (Some(page), Ok(mcid)) = (page, u32::try_from(mcid)) else { return };
        self.order += 1;
        let tagged = Tagged {
            order: self.order,
            block: context.block.unwrap_or(0),
            heading: context.heading,
            figure: context.figure,
            table: context.table,
            row: context.row,
            cell: context.cell,
        };
        let tags = self.tags.pages.entry(page).or_default();
        if tags.content.insert(mcid, tagged).is_some() {
            tags.duplicates = true;
        }
        if let Some(pending) = context.replacement.and_then(|i| self.pending.get_mut(i)) {
            match (&pending.text, pending.placed) {
                (text, false) => {
                    tags.replacements.insert(mcid, text.clone());
                    pending.placed = true;
                }
                // The element's text stands for all its content: later sequences show nothing.
                (Replacement::Actual(_), true) => {
                    tags.replacements.insert(mcid, Replacement::Actual(String::new()));
                }
                (Replacement::Alt(_), true) => {}
            }
        }
        self.last_mcid = Some((page, mcid));
    }

    /// Files the alt texts of figures that had no marked content under their page.
    fn finish(&mut self) {
        for pending in self.pending.drain(..) {
            let (false, Replacement::Alt(text), Some(page)) = (pending.placed, pending.text, pending.page) else {
                continue;
            };
            let after = pending.after.filter(|(p, _)| *p == page).map(|(_, mcid)| mcid);
            self.tags.pages.entry(page).or_default().unplaced.push((after, text));
        }
    }

    /// The standard structure type `role` maps to through the role map (itself if none).
    fn standard_role(&self, role: &'a [u8]) -> &'a [u8] {
        let mut role = role;
        for _ in 0..MAX_ROLE_STEPS {
            if is_standard(role) {
                break;
            }
            match self.role_map.and_then(|m| m.get_deref(role, self.doc).ok()).and_then(|r| r.as_name().ok()) {
                Some(next) if next != role => role = next,
                _ => break,
            }
        }
        role
    }
}

/// Whether `c` is text worth putting in a page's text: not a control character, and not a
/// private-use code point (Word 2007 tags its bullets with `/ActualText` U+F0B7, the Symbol
/// font's code for "•", which is no character anyone searches for).
fn is_text(c: char) -> bool {
    !c.is_control() && !matches!(c, '\u{e000}'..='\u{f8ff}')
}

/// Word's generated descriptions of a picture's look, not of text it shows, end like this.
const GENERATED_ALT_ENDINGS: [&str; 2] = ["automatisk genereret beskrivelse", "automatically generated description"];

/// Whether an `/Alt` text describes its figure. Word fills in what nobody wrote: the picture's
/// file or object name ("Header_word", "image001.png") and, since 2019, a generated description
/// of its look ("Et billede, der indeholder tekst … Automatisk genereret beskrivelse"). Neither
/// is text of the document.
fn describes(alt: &str) -> bool {
    let alt = alt.trim();
    let lower = alt.to_lowercase();
    let name_like = !alt.contains(char::is_whitespace)
        && (alt.contains('_')
            || [".png", ".jpg", ".jpeg", ".gif", ".bmp", ".emf", ".wmf", ".tif", ".tiff"]
                .iter()
                .any(|ext| lower.ends_with(ext)));
    !name_like && !GENERATED_ALT_ENDINGS.iter().any(|end| lower.trim_end_matches('.').ends_with(end))
}

/// Standard structure types that hold a paragraph's worth of content: what reading order and
/// paragraph breaks are made of.
fn is_block(role: &[u8]) -> bool {
    is_heading(role)
        || matches!(
            role,
            b"P" | b"LI" | b"TD" | b"TH" | b"Caption" | b"Figure" | b"Formula" | b"TOCI" | b"BlockQuote" | b"Note"
        )
}

fn is_heading(role: &[u8]) -> bool {
    matches!(role, b"H" | b"H1" | b"H2" | b"H3" | b"H4" | b"H5" | b"H6" | b"Title")
}

/// Whether `role` is one of the standard structure types (PDF 1.7 and 2.0), which a role map
/// must not remap.
fn is_standard(role: &[u8]) -> bool {
    is_block(role)
        || matches!(
            role,
            b"Document"
                | b"DocumentFragment"
                | b"Part"
                | b"Art"
                | b"Sect"
                | b"Div"
                | b"Aside"
                | b"NonStruct"
                | b"Private"
                | b"TOC"
                | b"Index"
                | b"L"
                | b"Lbl"
                | b"LBody"
                | b"Table"
                | b"TR"
                | b"THead"
                | b"TBody"
                | b"TFoot"
                | b"Span"
                | b"Quote"
                | b"Reference"
                | b"BibEntry"
                | b"Code"
                | b"Link"
                | b"Annot"
                | b"Ruby"
                | b"RB"
                | b"RT"
                | b"RP"
                | b"Warichu"
                | b"WT"
                | b"WP"
                | b"Form"
                | b"Em"
                | b"Strong"
                | b"Sub"
                | b"Artifact"
                | b"FENote"
        )
}
