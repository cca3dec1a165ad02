//! Content-stream interpreter: runs a page's operators and records every shown glyph with its
//! position, in a frame where the glyph's writing direction points along +x.
//!
//! Only what decides *where text is* is modelled: the CTM (`cm`, `q`/`Q`), the text state
//! (`Tc Tw Tz TL Ts Tf Tr`), the text and line matrices (`BT ET Tm Td TD T*`), the showing
//! operators (`Tj TJ ' "`), Form XObjects (`Do`, with resource inheritance, a cycle guard and
//! the depth limit) and marked content with `/ActualText`. Invisible text (`Tr 3`, OCR layers)
//! is kept, like pdf.js does. Colours, paths, images and clipping are ignored. After the page's
//! own content come the appearances of its form fields and text boxes (see `annotations`), or
//! for those without one their value placed as plain text (see `field_value`).

pub(crate) mod alt_text;
pub(crate) mod annotations;
pub(crate) mod field_value;
pub(crate) mod number_arrays;
pub(crate) mod page_clip;

use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use crate::content::{Operand, Operation, Operations};
use crate::document::PageInfo;
use crate::fonts::{DecodedGlyph, Font, FontCache, GlyphText};
use crate::glyphs::{Glyph, GlyphPage, Marking, NO_MCID};
use crate::tagged::structure::{PageTags, Replacement};
use crate::{ExtractError, Limits};
use annotations::AnnotationText;
use field_value::FieldValue;

/// A `TJ` kern within this fraction of the width of the space glyph before it takes the space
/// back (Ghostscript writes the width to a thousandth of an em).
const TAKEN_BACK_TOLERANCE: f32 = 0.1;
/// Operators between two looks at the clock: cheap enough to be invisible, frequent enough that
/// a hostile page overshoots the time budget by milliseconds only.
const OPS_PER_CLOCK_CHECK: usize = 4096;

/// The most bytes one glyph takes in a shown string (the longest CMap code is four bytes).
const MAX_BYTES_PER_GLYPH: usize = 4;

/// Most `q` states kept on the stack. Deeper `q`s are counted (so their `Q`s still pair up) but
/// not saved: real files rarely exceed a few dozen, and memory stays bounded.
const MAX_SAVED_STATES: usize = 1024;

/// Most open marked-content sequences tracked, for the same reason.
const MAX_MARKED_DEPTH: usize = 1024;

/// Text turned less than this (degrees) from an axis is laid out in the axis's frame, as
/// before diagonal text was handled: OCR layers of scans are often a degree or so off and
/// must stay one group in reading order. Beyond it (watermarks at 30–60°, stamps), glyphs
/// are measured along their own baseline, or each would land on a line of its own.
const MIN_SKEW_DEGREES: f32 = 2.0;

/// A 2-D affine matrix `[a b c d e f]` in PDF's row-vector convention (`p' = p × M`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Matrix {
    a: f32,
    b: f32,
    c: f32,
    d: f32,
    e: f32,
    f: f32,
}

impl Matrix {
    const IDENTITY: Matrix = Matrix { a: 1.0, b: 0.0, c: 0.0, d: 1.0, e: 0.0, f: 0.0 };

    fn new(v: [f32; 6]) -> Matrix {
        let [a, b, c, d, e, f] = v;
        Matrix { a, b, c, d, e, f }
    }

    /// `self × other`: first apply `self`, then `other`.
    fn then(&self, o: &Matrix) -> Matrix {
        Matrix {
            a: self.a * o.a + self.b * o.c,
            b: self.a * o.b + self.b * o.d,
            c: self.c * o.a + self.d * o.c,
            d: self.c * o.b + self.d * o.d,
            e: self.e * o.a + self.f * o.c + o.e,
            f: self.e * o.b + self.f * o.d + o.f,
        }
    }

    fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        (x * self.a + y * self.c + self.e, x * self.b + y * self.d + self.f)
    }

    /// Pre-multiplies a translation: `translate(tx, ty) × self`.
    fn translate_before(&mut self, tx: f32, ty: f32) {
        self.e += tx * self.a + ty * self.c;
        self.f += tx * self.b + ty * self.d;
    }
}

/// The graphics state parts that matter for text (saved by `q`, restored by `Q`).
#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<Arc<Font>>,
    font_size: f32,
    char_spacing: f32,
    word_spacing: f32,
    /// `Tz` / 100.
    h_scale: f32,
    leading: f32,
    rise: f32,
}

/// An open `/ActualText` span: its replacement text and where its glyphs start.
struct ActualSpan {
    first_glyph: usize,
    text: String,
    /// A figure's `/Alt` from the structure tree: replaces nothing, and is used only if the
    /// span shows no text.
    alt: bool,
    /// Bounding box `[x0, y0, x1, y1]` of the images drawn inside the span: where its text goes
    /// when it shows no glyphs.
    image: Option<[f32; 4]>,
}

/// An open marked-content sequence.
struct Marked {
    actual: Option<ActualSpan>,
    /// What the glyphs inside it are (an enclosing artifact wins over anything inside it).
    marking: Marking,
    /// The MCID of the innermost page-level sequence with one, or [`NO_MCID`].
    mcid: u32,
}

/// Runs content streams of one page.
pub(crate) struct Interpreter<'a> {
    doc: &'a Document,
    limits: &'a Limits,
    fonts: &'a mut FontCache,
    deadline: Instant,
    out: GlyphPage,
    ops: usize,
    /// Reused buffer for decoded strings (no allocation per string).
    decoded: Vec<DecodedGlyph>,
    /// Form XObjects being run, innermost last (cycle guard).
    forms: Vec<ObjectId>,
    marked: Vec<Marked>,
    marked_overflow: usize,
    /// Glyphs decoded on this page so far (shown or not), against `max_glyphs_per_page`.
    glyphs_shown: usize,
    /// Decoded content of the Form XObjects drawn on this page: a form drawn many times is
    /// inflated once.
    form_content: HashMap<ObjectId, Rc<Vec<u8>>>,
    /// Bytes held in `form_content`; past `max_stream_bytes` further forms are not kept.
    form_content_bytes: usize,
    /// The page's structure tree, for the replacement texts of its tagged content.
    tags: Option<&'a PageTags>,
}

impl<'a> Interpreter<'a> {
    pub fn new(doc: &'a Document, limits: &'a Limits, fonts: &'a mut FontCache, deadline: Instant) -> Self {
        Interpreter {
            doc,
            limits,
            fonts,
            deadline,
            out: GlyphPage::default(),
            ops: 0,
            decoded: Vec::new(),
            forms: Vec::new(),
            marked: Vec::new(),
            marked_overflow: 0,
            glyphs_shown: 0,
            form_content: HashMap::new(),
            form_content_bytes: 0,
            tags: None,
        }
    }

    /// Uses the page's structure tree: its elements' `/ActualText` and figures' `/Alt`.
    pub fn with_tags(mut self, tags: Option<&'a PageTags>) -> Self {
        self.tags = tags;
        self
    }

    /// Runs the page `page_id` and returns its glyphs.
    pub fn run_page(mut self, page_id: ObjectId, info: &PageInfo<'a>) -> Result<GlyphPage, ExtractError> {
        let (base, width, height) = page_base_matrix(info);
        self.out.width = width;
        self.out.height = height;
        let content = match self.doc.get_page_content_with_limit(page_id, self.limits.max_stream_bytes) {
            Ok(c) => c,
            Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
                return Err(stream_limit(self.limits));
            }
            // An unreadable content stream leaves the page empty rather than failing the file.
            Err(_) => Vec::new(),
        };
        if Instant::now() > self.deadline {
            return Err(self.limits.time_exceeded());
        }
        let gs = GState {
            ctm: base,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let annotation_gs = gs.clone();
        self.run(&content, info.resources, gs, 0)?;
        page_clip::drop_off_page(&mut self.out);
        for annotation in annotations::page_annotations(self.doc, page_id) {
            let mut gs = annotation_gs.clone();
            match annotation {
                AnnotationText::Appearance(appearance) => {
                    gs.ctm = Matrix::new(appearance.placement).then(&base);
                    self.run_form(appearance.id, appearance.stream, info.resources, &gs, 0)?;
                }
                AnnotationText::Value(value) => {
                    gs.font_size = value.size;
                    self.show_value(&value, &gs)?;
                }
            }
        }
        // Spans left open at the end of the page still get their ActualText.
        while !self.marked.is_empty() {
            self.end_marked();
        }
        if let Some(tags) = self.tags {
            alt_text::place_unplaced(&mut self.out, tags);
        }
        Ok(self.out)
    }

    /// Interprets one content stream with `resources` in scope, starting from `gs`.
    fn run(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        mut gs: GState,
        depth: usize,
    ) -> Result<(), ExtractError> {
        let mut stack: Vec<GState> = Vec::new();
        let mut unsaved_q = 0usize;
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;

        let mut operations = Operations::new(content);
        while let Some(op) = operations.next_operation() {
            self.count_op()?;
            let args = op.operands;
            match op.operator {
                b"q" => {
                    if stack.len() < MAX_SAVED_STATES {
                        stack.push(gs.clone());
                    } else {
                        unsaved_q += 1;
                    }
                }
                b"Q" => {
                    if unsaved_q > 0 {
                        unsaved_q -= 1;
                    } else if let Some(saved) = stack.pop() {
                        gs = saved;
                    }
                }
                b"cm" => {
                    if let Some(m) = numbers::<6>(args) {
                        gs.ctm = Matrix::new(m).then(&gs.ctm);
                    }
                }
                b"BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                b"Tc" => set_number(args, &mut gs.char_spacing),
                b"Tw" => set_number(args, &mut gs.word_spacing),
                b"Tz" => {
                    if let Some([z]) = numbers::<1>(args) {
                        gs.h_scale = z / 100.0;
                    }
                }
                b"TL" => set_number(args, &mut gs.leading),
                b"Ts" => set_number(args, &mut gs.rise),
                b"Tf" => {
                    if let (Some(name), Some([size])) = (args.first().and_then(Operand::as_name), numbers::<1>(args)) {
                        gs.font = self.font(resources, name);
                        gs.font_size = size;
                    }
                }
                b"Td" => {
                    if let Some([tx, ty]) = numbers::<2>(args) {
                        tlm.translate_before(tx, ty);
                        tm = tlm;
                    }
                }
                b"TD" => {
                    if let Some([tx, ty]) = numbers::<2>(args) {
                        gs.leading = -ty;
                        tlm.translate_before(tx, ty);
                        tm = tlm;
                    }
                }
                b"Tm" => {
                    if let Some(m) = numbers::<6>(args) {
                        tlm = Matrix::new(m);
                        tm = tlm;
                    }
                }
                b"T*" => {
                    tlm.translate_before(0.0, -gs.leading);
                    tm = tlm;
                }
                b"Tj" => {
                    if let Some(s) = args.first().and_then(Operand::as_string) {
                        self.show(&gs, &mut tm, s)?;
                    }
                }
                b"'" => {
                    tlm.translate_before(0.0, -gs.leading);
                    tm = tlm;
                    if let Some(s) = args.first().and_then(Operand::as_string) {
                        self.show(&gs, &mut tm, s)?;
                    }
                }
                b"\"" => {
                    if let (Some([aw, ac]), Some(s)) =
                        (args.get(..2).and_then(numbers::<2>), args.get(2).and_then(Operand::as_string))
                    {
                        gs.word_spacing = aw;
                        gs.char_spacing = ac;
                        tlm.translate_before(0.0, -gs.leading);
                        tm = tlm;
                        self.show(&gs, &mut tm, s)?;
                    }
                }
                b"TJ" => {
                    // The advance of a space glyph that ended the last string, and the glyph
                    // count right after it.
                    let mut space: Option<(f32, usize)> = None;
                    for item in args.first().map_or(&[][..], |a| op.items(a)) {
                        match item {
                            Operand::String(s) => {
                                space = self.show(&gs, &mut tm, s)?.map(|a| (a, self.out.glyphs.len()));
                            }
                            Operand::Number(n) if n.is_finite() => {
                                if let Some((advance, count)) = space.take() {
                                    self.drop_taken_back_space(&gs, advance, count, *n);
                                }
                                adjust(&gs, &mut tm, *n);
                            }
                            _ => {}
                        }
                    }
                }
                b"Do" => {
                    if let Some(name) = args.first().and_then(Operand::as_name) {
                        self.do_xobject(resources, name, &gs, depth)?;
                    }
                }
                b"BI" => self.note_image(&gs),
                b"BDC" => self.begin_marked(resources, Some(&op), depth),
                b"BMC" => self.begin_marked(resources, Some(&op), depth),
                b"EMC" => self.end_marked(),
                _ => {}
            }
        }
        Ok(())
    }

    /// Counts one operator against the page limit and looks at the clock now and then.
    fn count_op(&mut self) -> Result<(), ExtractError> {
        self.ops += 1;
        if self.ops > self.limits.max_ops_per_page {
            return Err(ExtractError::LimitExceeded {
                limit: "max_ops_per_page",
                detail: format!("more than {} content operators on one page", self.limits.max_ops_per_page),
            });
        }
        if self.ops.is_multiple_of(OPS_PER_CLOCK_CHECK) && Instant::now() > self.deadline {
            return Err(self.limits.time_exceeded());
        }
        Ok(())
    }

    /// The font named `name` in `resources`, loaded once per document.
    fn font(&mut self, resources: Option<&'a Dictionary>, name: &[u8]) -> Option<Arc<Font>> {
        let fonts = resources?.get_deref(b"Font", self.doc).ok()?.as_dict().ok()?;
        let entry = fonts.get(name).ok()?;
        Some(self.fonts.get_or_load_entry(self.doc, entry))
    }

    /// Forgets the space glyph that ended a `TJ` string (the page's last glyph while the glyph
    /// count is still `count`) when the kern `n` after it takes its `advance` back: a space
    /// nobody sees separates nothing. Ghostscript's pdfwrite draws Chromium's soft hyphens that
    /// way (Chromium's space glyph marked `/ActualText (U+00AD)`, the mark dropped). A space
    /// drawn apart (Word's tab before a page number) stays.
    fn drop_taken_back_space(&mut self, gs: &GState, advance: f32, count: usize, n: f32) {
        let back = n / 1000.0 * gs.font_size * gs.h_scale;
        let cancelled = advance > 0.0 && (back - advance).abs() <= TAKEN_BACK_TOLERANCE * advance;
        if cancelled && count == self.out.glyphs.len() && self.out.glyphs.last().is_some_and(|g| g.is_space) {
            self.out.glyphs.pop();
        }
    }

    /// Shows the string `bytes`: records its glyphs and advances the text matrix. Fails when the
    /// page would hold more than `max_glyphs_per_page` glyphs. Returns the advance of its last
    /// glyph if that is a horizontal word space (for `drop_taken_back_space`).
    fn show(&mut self, gs: &GState, tm: &mut Matrix, bytes: &[u8]) -> Result<Option<f32>, ExtractError> {
        let Some(font) = gs.font.as_ref() else { return Ok(None) };
        let room = self.limits.max_glyphs_per_page.saturating_sub(self.glyphs_shown);
        // A glyph takes at most four bytes of a string: a string longer than that is over the
        // limit before it is decoded (and its decoded glyphs would be the memory to save).
        if bytes.len() / MAX_BYTES_PER_GLYPH > room {
            return Err(glyph_limit(self.limits));
        }
        let mut decoded = std::mem::take(&mut self.decoded);
        decoded.clear();
        font.decode(bytes, &mut decoded);
        self.glyphs_shown = self.glyphs_shown.saturating_add(decoded.len());
        if self.glyphs_shown > self.limits.max_glyphs_per_page {
            return Err(glyph_limit(self.limits));
        }
        let vertical = font.is_vertical();
        let mut last_space = None;
        for g in &decoded {
            let spacing = gs.char_spacing + if g.is_word_space { gs.word_spacing } else { 0.0 };
            let trm = tm.then(&gs.ctm);
            if vertical {
                // Vertical writing: glyphs advance down (the font's /DW2, one em by default).
                let advance = -font.vertical_advance() * gs.font_size;
                self.record(g, &trm, gs, (0.0, gs.rise), (0.0, gs.rise - advance));
                tm.translate_before(0.0, -(advance + spacing));
            } else {
                let advance = g.width * gs.font_size * gs.h_scale;
                self.record(g, &trm, gs, (0.0, gs.rise), (advance, gs.rise));
                let step = advance + spacing * gs.h_scale;
                tm.translate_before(step, 0.0);
                last_space = matches!(g.text, GlyphText::Char(' ')).then_some(step);
            }
        }
        self.decoded = decoded;
        Ok(last_space)
    }

    /// Records the characters of a field value or text box without an appearance stream, each
    /// with the fixed advance `field_value` laid the lines out with.
    fn show_value(&mut self, value: &FieldValue, gs: &GState) -> Result<(), ExtractError> {
        let advance = field_value::ADVANCE_EM * value.size;
        for line in &value.lines {
            self.count_op()?;
            let mut tm = Matrix::new([1.0, 0.0, 0.0, 1.0, line.x, line.y]);
            for c in line.text.chars() {
                let glyph = DecodedGlyph {
                    code: u32::from(c),
                    text: GlyphText::Char(c),
                    width: field_value::ADVANCE_EM,
                    is_word_space: c == ' ',
                };
                self.record(&glyph, &tm.then(&gs.ctm), gs, (0.0, 0.0), (advance, 0.0));
                tm.translate_before(advance, 0.0);
            }
        }
        Ok(())
    }

    /// Stores one decoded glyph spanning text-space points `from`→`to` under `trm`.
    fn record(&mut self, g: &DecodedGlyph, trm: &Matrix, gs: &GState, from: (f32, f32), to: (f32, f32)) {
        let (x0, y0) = trm.apply(from.0, from.1);
        let (x1, y1) = trm.apply(to.0, to.1);
        // The direction from the matrix's linear part: differences of page positions lose
        // precision far from the origin, and glyphs of one line must agree on their angle.
        let (tx, ty) = (to.0 - from.0, to.1 - from.1);
        let (mut dx, mut dy) = (tx * trm.a + ty * trm.c, tx * trm.b + ty * trm.d);
        if dx.abs() + dy.abs() < 1e-3 {
            // Zero-width glyph: its direction is the text space x axis.
            (dx, dy) = (trm.a, trm.b);
        }
        let dir = quarter_turns(dx, dy);
        let (frame, skew) = Frame::of(dir, dx, dy);
        let (ux0, uy) = frame.apply(x0, y0);
        let (ux1, _) = frame.apply(x1, y1);
        // Text space y axis length × font size × the font's em = glyph height on the page.
        let em = gs.font.as_ref().map_or(1.0, |f| f.em_height());
        let size = gs.font_size.abs() * em * trm.c.hypot(trm.d);
        if !(ux0.is_finite() && ux1.is_finite() && uy.is_finite() && size.is_finite()) {
            return;
        }
        let start = self.out.text.len();
        let is_space = match &g.text {
            GlyphText::Unmapped => {
                // The glyph is there but its character is unknown: say so in the text with the
                // replacement character (as MuPDF does) rather than drop it or guess.
                self.out.unmapped += 1;
                self.out.text.push(char::REPLACEMENT_CHARACTER);
                false
            }
            GlyphText::Char(c) if c.is_whitespace() => true,
            GlyphText::Char(c) => {
                self.out.text.push(*c);
                false
            }
            GlyphText::Str(s) if s.chars().all(char::is_whitespace) => true,
            GlyphText::Str(s) => {
                self.out.text.push_str(s);
                false
            }
        };
        let (Ok(text_start), Ok(text_end)) = (u32::try_from(start), u32::try_from(self.out.text.len())) else {
            return;
        };
        self.out.glyphs.push(Glyph {
            x0: ux0.min(ux1),
            x1: ux0.max(ux1),
            y: uy,
            size: size.max(0.1),
            dir,
            skew,
            is_space,
            math: gs.font.as_ref().is_some_and(|f| f.is_math()),
            depth_tenths: gs.font.as_ref().map_or(0, |f| f.hanging_depth_tenths(g.code)),
            text_start,
            text_end,
            marking: self.marked.last().map_or(Marking::None, |m| m.marking),
            mcid: self.marked.last().map_or(NO_MCID, |m| m.mcid),
        });
    }

    /// An image drawn with `gs` (the unit square under its CTM): remembered by the innermost
    /// open span with a replacement text, as the place for that text.
    fn note_image(&mut self, gs: &GState) {
        let Some(span) = self.marked.iter_mut().rev().find_map(|m| m.actual.as_mut()) else { return };
        let corners = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)].map(|(x, y)| gs.ctm.apply(x, y));
        if corners.iter().any(|(x, y)| !(x.is_finite() && y.is_finite())) {
            return;
        }
        let mut b = span.image.unwrap_or([f32::INFINITY, f32::INFINITY, f32::NEG_INFINITY, f32::NEG_INFINITY]);
        for (x, y) in corners {
            b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
        }
        span.image = Some(b);
    }

    /// Runs the Form XObject `name` (images and unknown kinds are skipped).
    fn do_xobject(
        &mut self,
        resources: Option<&'a Dictionary>,
        name: &[u8],
        gs: &GState,
        depth: usize,
    ) -> Result<(), ExtractError> {
        let Some(entry) = resources
            .and_then(|r| r.get_deref(b"XObject", self.doc).ok())
            .and_then(|x| x.as_dict().ok())
            .and_then(|x| x.get(name).ok())
        else {
            return Ok(());
        };
        let Ok((Some(id), obj)) = self.doc.dereference(entry) else { return Ok(()) };
        let Ok(stream) = obj.as_stream() else { return Ok(()) };
        match stream.dict.get(b"Subtype").and_then(Object::as_name).ok() {
            Some(b"Form") => {}
            Some(b"Image") => {
                self.note_image(gs);
                return Ok(());
            }
            _ => return Ok(()),
        }
        self.run_form(id, stream, resources, gs, depth)
    }

    /// Runs the form `stream` (object `id`) drawn with `gs`, inside content at `depth`;
    /// `resources` serve a form without its own.
    fn run_form(
        &mut self,
        id: ObjectId,
        stream: &'a Stream,
        resources: Option<&'a Dictionary>,
        gs: &GState,
        depth: usize,
    ) -> Result<(), ExtractError> {
        if self.forms.contains(&id) {
            return Ok(()); // a form that draws itself: skip the cycle
        }
        if depth + 1 > self.limits.max_depth {
            return Err(ExtractError::LimitExceeded {
                limit: "max_depth",
                detail: format!("Form XObjects nested more than {} deep", self.limits.max_depth),
            });
        }
        // Every draw looks at the clock: a form drawn thousands of times (a fan-out of nested
        // forms) may do little per draw but must not outrun the time budget.
        if Instant::now() > self.deadline {
            return Err(self.limits.time_exceeded());
        }
        let content = match self.form_content.get(&id) {
            Some(content) => Rc::clone(content),
            None => {
                let content = Rc::new(match stream.decompressed_content_with_limit(self.limits.max_stream_bytes) {
                    Ok(c) => c,
                    Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
                        return Err(stream_limit(self.limits));
                    }
                    // Not compressed or undecodable: use what is there.
                    Err(_) => stream.content.clone(),
                });
                if Instant::now() > self.deadline {
                    return Err(self.limits.time_exceeded());
                }
                if self.form_content_bytes.saturating_add(content.len()) <= self.limits.max_stream_bytes {
                    self.form_content_bytes += content.len();
                    self.form_content.insert(id, Rc::clone(&content));
                }
                content
            }
        };
        let form_resources =
            stream.dict.get_deref(b"Resources", self.doc).ok().and_then(|r| r.as_dict().ok()).or(resources);
        let mut inner = gs.clone();
        if let Ok(m) = stream.dict.get_deref(b"Matrix", self.doc).and_then(Object::as_array) {
            if let Some(m) = object_numbers::<6>(m) {
                inner.ctm = Matrix::new(m).then(&inner.ctm);
            }
        }
        self.forms.push(id);
        let result = self.run(&content, form_resources, inner, depth + 1);
        self.forms.pop();
        result
    }

    /// `BMC`/`BDC`: opens a marked-content sequence, remembering an `/ActualText` if it has one
    /// (its own, or its structure element's) and whether it is an `/Artifact` or tagged content
    /// (an `/MCID`). Only MCIDs of the page's own content (`depth` 0) are keys into the page's
    /// structure tree; a Form XObject's are numbered in the form.
    fn begin_marked(&mut self, resources: Option<&'a Dictionary>, op: Option<&Operation>, depth: usize) {
        if self.marked.len() >= MAX_MARKED_DEPTH {
            self.marked_overflow += 1;
            return;
        }
        let tag = op.and_then(|op| op.operands.first()).and_then(Operand::as_name);
        let named = |name: &[u8]| {
            resources
                .and_then(|r| r.get_deref(b"Properties", self.doc).ok())
                .and_then(|p| p.as_dict().ok())
                .and_then(|p| p.get_deref(name, self.doc).ok())
                .and_then(|p| p.as_dict().ok())
        };
        let (actual, kind, mcid) = match op.and_then(|op| op.operands.get(1).map(|p| (op, p))) {
            // Properties inline: `/Span <</ActualText (…)>> BDC`.
            Some((op, dict @ Operand::Dict { .. })) => (
                op.dict_value(dict, b"ActualText")
                    .and_then(Operand::as_string)
                    .and_then(|s| lopdf::decode_text_string(&Object::string_literal(s)).ok()),
                op.dict_value(dict, b"Type").and_then(Operand::as_name).map(<[u8]>::to_vec),
                op.dict_value(dict, b"MCID").map(|m| m.as_number().and_then(mcid_number)),
            ),
            // Properties named in the resources: `/Span /MC0 BDC`.
            Some((_, Operand::Name(name))) => {
                let dict = named(name);
                (
                    dict.and_then(|d| d.get_deref(b"ActualText", self.doc).ok())
                        .and_then(|t| lopdf::decode_text_string(t).ok()),
                    dict.and_then(|d| d.get_deref(b"Type", self.doc).ok())
                        .and_then(|t| t.as_name().ok())
                        .map(<[u8]>::to_vec),
                    dict.and_then(|d| d.get(b"MCID").ok()).map(|m| m.as_float().ok().and_then(mcid_number)),
                )
            }
            _ => (None, None, None),
        };
        let outer_mcid = self.marked.last().map_or(NO_MCID, |m| m.mcid);
        let own_mcid = mcid.flatten().filter(|_| depth == 0);
        let replacement = own_mcid.and_then(|m| self.tags?.replacements.get(&m));
        let (actual, alt) = match (actual, replacement) {
            (Some(text), _) => (Some(text), false),
            (None, Some(Replacement::Actual(text))) => (Some(text.clone()), false),
            (None, Some(Replacement::Alt(text))) => (Some(text.clone()), true),
            (None, None) => (None, false),
        };
        let outer = self.marked.last().map_or(Marking::None, |m| m.marking);
        let marking = if outer.is_artifact() {
            outer
        } else if tag == Some(b"Artifact".as_slice()) {
            if kind.as_deref() == Some(b"Pagination".as_slice()) {
                Marking::Pagination
            } else {
                Marking::Artifact
            }
        } else if mcid.is_some() {
            Marking::Content
        } else {
            outer
        };
        let actual = actual.map(|text| ActualSpan { first_glyph: self.out.glyphs.len(), text, alt, image: None });
        self.marked.push(Marked { actual, marking, mcid: own_mcid.unwrap_or(outer_mcid) });
    }

    /// `EMC`: closes the innermost sequence; an `/ActualText` span replaces its glyphs by one
    /// glyph carrying the replacement text over the span's extent.
    fn end_marked(&mut self) {
        if self.marked_overflow > 0 {
            self.marked_overflow -= 1;
            return;
        }
        let Some(Marked { actual: Some(span), marking, mcid }) = self.marked.pop() else { return };
        let glyphs = self.out.glyphs.get(span.first_glyph..).unwrap_or(&[]);
        if span.alt && glyphs.iter().any(|g| !g.is_space) {
            return; // the figure shows text of its own: that, not its description
        }
        let first = match (glyphs.first(), span.image) {
            (Some(g), _) => *g,
            // Nothing shown but a picture: the text goes across the picture's middle, clear of
            // the lines above and below it.
            (None, Some(b)) => {
                let size = self.out.glyphs.last().map_or(alt_text::DEFAULT_SIZE, |g| g.size);
                let y = (b[1] + b[3] - size) / 2.0;
                alt_text::glyph_at(&self.out, [b[0], y, b[2]], size, marking, mcid)
            }
            (None, None) => return,
        };
        let same_dir = glyphs.iter().filter(|g| g.dir == first.dir && g.skew == first.skew);
        let x1 = same_dir.clone().fold(first.x1, |m, g| m.max(g.x1));
        let x0 = same_dir.fold(first.x0, |m, g| m.min(g.x0));
        self.out.glyphs.truncate(span.first_glyph);
        self.out.text.truncate(first.text_start as usize);
        let text = span.text.trim_matches(|c: char| c.is_control());
        let is_space = text.chars().all(char::is_whitespace);
        if !is_space {
            self.out.text.push_str(text);
        }
        let Ok(text_end) = u32::try_from(self.out.text.len()) else { return };
        self.out.glyphs.push(Glyph { x0, x1, is_space, text_end, ..first });
    }
}

/// The matrix from default user space to the displayed page (origin bottom-left, y up, after
/// `/Rotate`), and the displayed width and height.
fn page_base_matrix(info: &PageInfo) -> (Matrix, f32, f32) {
    let [x0, y0, x1, y1] = info.bbox;
    let (w, h) = (x1 - x0, y1 - y0);
    let shift = Matrix::new([1.0, 0.0, 0.0, 1.0, -x0, -y0]);
    let (turn, dw, dh) = match info.rotate {
        90 => (Matrix::new([0.0, -1.0, 1.0, 0.0, 0.0, w]), h, w),
        180 => (Matrix::new([-1.0, 0.0, 0.0, -1.0, w, h]), w, h),
        270 => (Matrix::new([0.0, 1.0, -1.0, 0.0, h, 0.0]), h, w),
        _ => (Matrix::IDENTITY, w, h),
    };
    (shift.then(&turn), dw, dh)
}

/// The direction of vector (dx, dy) as quarter turns counter-clockwise from +x, rounded.
fn quarter_turns(dx: f32, dy: f32) -> u8 {
    if dx.abs() >= dy.abs() {
        if dx >= 0.0 {
            0
        } else {
            2
        }
    } else if dy > 0.0 {
        1
    } else {
        3
    }
}

/// The rotation that makes a glyph's writing direction run along +x.
enum Frame {
    /// Text along an axis: `dir` quarter turns clockwise (exact, no rounding).
    Axis(u8),
    /// Diagonal text: by the baseline's angle, given as its cosine and sine.
    Angle { cos: f32, sin: f32 },
}

impl Frame {
    /// The frame for a glyph advancing by (`dx`, `dy`) on the page, nearest quarter turn
    /// `dir`, and the skew recorded for it (see [`Glyph::skew`]).
    fn of(dir: u8, dx: f32, dy: f32) -> (Frame, i8) {
        let angle = dy.atan2(dx).to_degrees();
        let skew = (angle - f32::from(dir) * 90.0 + 180.0).rem_euclid(360.0) - 180.0;
        let length = dx.hypot(dy);
        if skew.abs() < MIN_SKEW_DEGREES || !(length > 0.0 && length.is_finite()) {
            return (Frame::Axis(dir), 0);
        }
        // |skew| ≤ 45 by the choice of `dir`, so the cast cannot saturate.
        (Frame::Angle { cos: dx / length, sin: dy / length }, skew.round().clamp(-45.0, 45.0) as i8)
    }

    fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        match *self {
            Frame::Axis(1) => (y, -x),
            Frame::Axis(2) => (-x, -y),
            Frame::Axis(3) => (-y, x),
            Frame::Axis(_) => (x, y),
            Frame::Angle { cos, sin } => (x * cos + y * sin, y * cos - x * sin),
        }
    }
}

/// A `TJ` number: moves the text position by `-n/1000` em (horizontally, or vertically for
/// vertical fonts).
fn adjust(gs: &GState, tm: &mut Matrix, n: f32) {
    let shift = -n / 1000.0 * gs.font_size;
    if gs.font.as_ref().is_some_and(|f| f.is_vertical()) {
        tm.translate_before(0.0, shift);
    } else {
        tm.translate_before(shift * gs.h_scale, 0.0);
    }
}

/// The last `N` operands as numbers (extra leading operands are tolerated, as readers do).
fn numbers<const N: usize>(args: &[Operand]) -> Option<[f32; N]> {
    last_numbers(args, Operand::as_number)
}

/// The last `N` items of a PDF array (a form's `/Matrix`) as numbers.
fn object_numbers<const N: usize>(items: &[Object]) -> Option<[f32; N]> {
    last_numbers(items, |o| o.as_float().ok())
}

/// The last `N` of `values` as finite numbers, read by `number`.
fn last_numbers<const N: usize, T>(values: &[T], number: impl Fn(&T) -> Option<f32>) -> Option<[f32; N]> {
    let tail = values.get(values.len().checked_sub(N)?..)?;
    let mut out = [0.0f32; N];
    for (slot, value) in out.iter_mut().zip(tail) {
        let v = number(value)?;
        if !v.is_finite() {
            return None;
        }
        *slot = v;
    }
    Some(out)
}

/// An `/MCID` operand as the number it must be: a non-negative integer.
fn mcid_number(n: f32) -> Option<u32> {
    (n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n < u32::MAX as f32).then_some(n as u32)
}

fn set_number(args: &[Operand], target: &mut f32) {
    if let Some([v]) = numbers::<1>(args) {
        *target = v;
    }
}

fn stream_limit(limits: &Limits) -> ExtractError {
    ExtractError::LimitExceeded {
        limit: "max_stream_bytes",
        detail: format!("a content stream decompresses to more than {} bytes", limits.max_stream_bytes),
    }
}

fn glyph_limit(limits: &Limits) -> ExtractError {
    ExtractError::LimitExceeded {
        limit: "max_glyphs_per_page",
        detail: format!("more than {} glyphs on one page", limits.max_glyphs_per_page),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_then_applies_left_first() {
        let scale = Matrix::new([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::new([1.0, 0.0, 0.0, 1.0, 10.0, 0.0]);
        assert_eq!(scale.then(&shift).apply(1.0, 1.0), (12.0, 2.0));
        assert_eq!(shift.then(&scale).apply(1.0, 1.0), (22.0, 2.0));
    }

    #[test]
    fn rotated_page_maps_top_left_to_top_left() {
        let info = PageInfo { resources: None, bbox: [0.0, 0.0, 600.0, 800.0], rotate: 90 };
        let (m, w, h) = page_base_matrix(&info);
        assert_eq!((w, h), (800.0, 600.0));
        // The original bottom-left corner is shown top-left after a clockwise quarter turn.
        assert_eq!(m.apply(0.0, 0.0), (0.0, 600.0));
    }
}
