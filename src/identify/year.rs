//! Finds the budget year a document is about: from a year folder, the file name, or a
//! "Budget 2025"-style phrase in the title. Dates elsewhere in the text are never used: a 2025
//! budget is full of 2024 accounts and 2026–2028 projections.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::sample;

/// Years accepted anywhere: the corpus covers budgets of this century.
const YEARS: std::ops::RangeInclusive<u16> = 2000..=2099;
/// Non-blank lines at the top of the document that form its title block.
const TITLE_LINES: usize = 8;
/// Longer lines are running prose, not title: a text with one paragraph per line must not
/// have its first paragraphs read as title ("Med budget 2025 besluttede …").
const MAX_TITLE_LINE_CHARS: usize = 120;
/// Budget-year phrases that must agree, outside the title, before the body is believed.
const MIN_BODY_AGREEMENT: usize = 2;

/// A year right after a budget word: "Budget 2025", "Budgetaftale 2025–2028",
/// "Budgetaftale for 2025-2028", "budgetåret 2025", "Budget 2025-28", "budgetforlig 2025".
/// The year must not run on into more digits.
static BUDGET_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b budget (?: aftale[nr]? | forlig(?:et)? | forslag(?:et)? | året | aaret | år | aar
                    | tet | perioden? )?
        \s+ (?: for \s+ )? (?: (?: året | år ) \s+ )?
        (20\d\d) \b",
    )
    .expect("constant regex")
});

/// The year from the path: the first folder that is a year ("2025/aarhus.pdf"), else a
/// 4-digit run in the file name that is a year and not part of a longer number.
pub fn from_path(relative_path: &Path) -> Option<u16> {
    let folder_year = relative_path
        .parent()
        .into_iter()
        .flat_map(Path::components)
        .find_map(|c| exact_year(&c.as_os_str().to_string_lossy()));
    folder_year.or_else(|| {
        let stem = relative_path.file_stem()?.to_string_lossy();
        stem.split(|c: char| !c.is_ascii_digit()).find_map(exact_year)
    })
}

/// The year from the text: the first budget-year phrase in the title block (its first
/// eight non-blank lines, up to the first line of prose); else, if every
/// budget-year phrase on the opening pages names the same year and there are at least
/// two of them, that year. Otherwise `None`.
pub fn from_text(pages: &[&str]) -> Option<u16> {
    from_title(pages).or_else(|| from_body(pages))
}

/// The first budget-year phrase in the title block ("Budgetaftale 2025–2028").
pub fn from_title(pages: &[&str]) -> Option<u16> {
    let opening = sample::opening_lines(pages, TITLE_LINES);
    let title: Vec<&str> = opening.lines().take_while(|line| line.chars().count() <= MAX_TITLE_LINE_CHARS).collect();
    budget_years(&title.join("\n")).next()
}

/// The budget year the opening pages agree on: every budget-year phrase names the same year
/// and there are at least two of them.
pub fn from_body(pages: &[&str]) -> Option<u16> {
    let mut years = sample::pages(pages).flat_map(budget_years);
    let first = years.next()?;
    let mut agreeing = 1;
    for year in years {
        if year != first {
            return None;
        }
        agreeing += 1;
    }
    (agreeing >= MIN_BODY_AGREEMENT).then_some(first)
}

/// Years of the budget-year phrases in `text`, in order.
fn budget_years(text: &str) -> impl Iterator<Item = u16> + '_ {
    BUDGET_YEAR.captures_iter(text).filter_map(|c| c.get(1)).filter_map(|m| m.as_str().parse().ok())
}

/// `text` as a year if it is exactly four ASCII digits within [`YEARS`].
fn exact_year(text: &str) -> Option<u16> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|year| YEARS.contains(year))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_year(path: &str) -> Option<u16> {
        from_path(Path::new(path))
    }

    #[test]
    fn year_folder_comes_first() {
        assert_eq!(path_year("2025/aarhus.pdf"), Some(2025));
        assert_eq!(path_year("2025/aarhus-budget-2024.pdf"), Some(2025));
        assert_eq!(path_year("arkiv/2024/sub/x.pdf"), Some(2024));
        assert_eq!(path_year("1999/x.pdf"), None);
        assert_eq!(path_year("20250/x.pdf"), None);
    }

    #[test]
    fn year_in_the_file_name() {
        assert_eq!(path_year("aarhus-budget-2025.pdf"), Some(2025));
        assert_eq!(path_year("Budgetaftale_2025_Koebenhavns_Kommune.pdf"), Some(2025));
        assert_eq!(path_year("budget2026.pdf"), Some(2026));
        assert_eq!(path_year("budgetaftale-2025-2028.pdf"), Some(2025));
        assert_eq!(path_year("scan-20250115.pdf"), None, "inside a longer digit run");
        assert_eq!(path_year("751-budgetaftale.pdf"), None);
        assert_eq!(path_year("x-1850.pdf"), None);
        assert_eq!(path_year("2025.pdf"), Some(2025));
    }

    #[test]
    fn budget_phrases_in_the_title() {
        assert_eq!(from_text(&["Budget 2025\nAarhus Kommune"]), Some(2025));
        assert_eq!(from_text(&["Budgetaftale 2025–2028"]), Some(2025));
        assert_eq!(from_text(&["Budgetaftale for 2025-2028"]), Some(2025));
        assert_eq!(from_text(&["Aftale om budgetåret 2025"]), Some(2025));
        assert_eq!(from_text(&["Budget 2025-28"]), Some(2025));
        assert_eq!(from_text(&["Budgetforlig 2026\n"]), Some(2026));
        assert_eq!(from_text(&["BUDGET\n2027"]), Some(2027));
        assert_eq!(from_text(&["Forslag til budget for 2025"]), Some(2025));
        assert_eq!(from_text(&["Budgettet for 2026"]), Some(2026));
        assert_eq!(from_text(&["Budgetperioden 2025-2028"]), Some(2025));
        assert_eq!(from_text(&["Budget 20251"]), None);
    }

    #[test]
    fn random_dates_are_not_years() {
        assert_eq!(from_text(&["Referat\nMøde den 19. april 2024\nRegnskab 2023"]), None);
        assert_eq!(from_text(&["Notat\n\nI 2025 vil vi ..."]), None);
        assert_eq!(from_text(&[]), None);
    }

    #[test]
    fn body_phrases_only_when_they_agree() {
        let title = "Notat\n1\n2\n3\n4\n5\n6\n7\n8\n";
        let agree = format!("{title}Med budget 2026 … i budget 2026 …");
        assert_eq!(from_text(&[&agree]), Some(2026));
        let disagree = format!("{title}Med budget 2025 … forhandlingerne om budget 2026");
        assert_eq!(from_text(&[&disagree]), None);
        let single = format!("{title}Med budget 2025 besluttede …");
        assert_eq!(from_text(&[&single]), None);
        let paragraph = format!("Bilag 6\nResume\nMed budget 2025 besluttede vi{}", " at gøre mere".repeat(10));
        assert_eq!(from_text(&[&paragraph]), None, "a paragraph is not a title");
    }

    #[test]
    fn seeds() {
        let years: Vec<Option<u16>> =
            crate::identify::seed_texts().iter().map(|(_, text)| from_text(&[text])).collect();
        // 002 reports on "de politiske kommunale budgetaftaler for 2025"; 000 speaks of budget 2025
        // and budget 2026 alike, the others of no budget year at all.
        assert_eq!(years, [None, None, Some(2025), None, None]);
    }
}
