//! Tesseract's TSV output → lines grouped into paragraphs, with the mean word confidence.
//!
//! Each TSV row is one element of Tesseract's page hierarchy (level 1 page … 5 word); only
//! word rows (level 5) carry text and a confidence. Words are grouped by (block, paragraph,
//! line) in the order Tesseract gives, which is its reading order (columns included).

/// The text Tesseract found on one page.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PageText {
    /// Paragraphs in Tesseract's reading order, each a list of lines (words joined by spaces).
    pub blocks: Vec<Vec<String>>,
    /// Every word with its box, in Tesseract's order.
    pub boxes: Vec<WordBox>,
    /// Size of the page image in pixels.
    pub width: f32,
    pub height: f32,
    /// Words with text.
    pub words: u32,
    /// Mean word confidence in percent, 0 when there are no words.
    pub confidence: f32,
}

/// A word and where it stands on the page image (pixels from the top-left corner).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct WordBox {
    pub text: String,
    pub left: f32,
    pub right: f32,
    /// Bottom of the word itself and of its line.
    pub bottom: f32,
    pub line_bottom: f32,
    /// Height of the word's line.
    pub line_height: f32,
}

impl PageText {
    /// Letters and digits in the text: what "more text" means when OCR competes with a weak
    /// text layer.
    pub fn alphanumerics(&self) -> usize {
        self.boxes.iter().map(|w| w.text.chars().filter(|c| c.is_alphanumeric()).count()).sum()
    }
}

/// Tesseract's TSV levels.
const PAGE_LEVEL: &str = "1";
const LINE_LEVEL: &str = "4";
const WORD_LEVEL: &str = "5";

/// Parses Tesseract's TSV (`tesseract IMAGE stdout tsv`). Rows that do not parse are skipped:
/// the output comes from another program and a partial page is better than none.
pub fn parse(tsv: &str) -> PageText {
    let mut page = PageText::default();
    let mut key: Option<(&str, &str, &str)> = None;
    let mut paragraph: Option<(&str, &str)> = None;
    let mut line_box = (0.0f32, 0.0f32);
    let mut confidence_sum = 0.0f64;
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let [level, _page, block, par, line, _word, left, top, width, height, conf, text] = cols[..] else {
            continue;
        };
        let number = |s: &str| s.trim().parse::<f32>().ok().filter(|v| v.is_finite() && *v >= 0.0);
        let (Some(left), Some(top), Some(width), Some(height)) =
            (number(left), number(top), number(width), number(height))
        else {
            continue;
        };
        match level {
            PAGE_LEVEL => (page.width, page.height) = (width, height),
            LINE_LEVEL => line_box = (top + height, height),
            _ => {}
        }
        let text = text.trim();
        if level != WORD_LEVEL || text.is_empty() {
            continue;
        }
        let Some(conf) = conf.parse::<f64>().ok().filter(|c| c.is_finite()) else { continue };
        if paragraph != Some((block, par)) {
            page.blocks.push(Vec::new());
            paragraph = Some((block, par));
            key = None;
        }
        let Some(lines) = page.blocks.last_mut() else { continue };
        match lines.last_mut() {
            Some(current) if key == Some((block, par, line)) => {
                current.push(' ');
                current.push_str(text);
            }
            _ => lines.push(text.to_string()),
        }
        key = Some((block, par, line));
        let (line_bottom, line_height) = if line_box.1 > 0.0 { line_box } else { (top + height, height) };
        page.boxes.push(WordBox {
            text: text.to_string(),
            left,
            right: left + width,
            bottom: top + height,
            line_bottom,
            line_height,
        });
        page.words += 1;
        confidence_sum += conf.clamp(0.0, 100.0);
    }
    if page.words > 0 {
        page.confidence = (confidence_sum / f64::from(page.words)) as f32;
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    fn word(block: u32, par: u32, line: u32, conf: f32, text: &str) -> String {
        format!("5\t1\t{block}\t{par}\t{line}\t1\t0\t0\t10\t10\t{conf}\t{text}\n")
    }

    #[test]
    fn words_become_lines_and_paragraphs() {
        let tsv = [
            HEADER.to_string(),
            "1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n".to_string(),
            word(1, 1, 1, 90.0, "Kære"),
            word(1, 1, 1, 80.0, "borger"),
            word(1, 1, 2, 70.0, "Så"),
            word(1, 1, 2, 95.0, " "),
            word(2, 1, 1, 60.0, "Økonomi"),
        ]
        .concat();
        let page = parse(&tsv);
        assert_eq!(page.blocks, vec![vec!["Kære borger".to_string(), "Så".into()], vec!["Økonomi".to_string()]]);
        assert_eq!((page.width, page.height), (100.0, 100.0));
        assert_eq!(
            page.boxes[1],
            WordBox {
                text: "borger".into(),
                left: 0.0,
                right: 10.0,
                bottom: 10.0,
                line_bottom: 10.0,
                line_height: 10.0
            }
        );
        assert_eq!(page.words, 4);
        assert!((page.confidence - 75.0).abs() < 1e-4, "{}", page.confidence);
        assert_eq!(page.alphanumerics(), 19);
    }

    #[test]
    fn junk_rows_are_skipped() {
        let page = parse(&format!("{HEADER}garbage\n5\t1\t1\t1\t1\t1\t0\t0\t1\t1\tnan?\tx\n"));
        assert_eq!(page, PageText::default());
    }
}
