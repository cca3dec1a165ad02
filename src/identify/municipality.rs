//! Finds which municipality a document is from, in its path or in its text.
//!
//! In a path, a name (any spelling, `-`/`_`/space alike) or a 3-digit code as a token of its
//! own names the municipality. In text, only self-references count: "Aarhus Kommune(s)",
//! "Københavns Kommune", "Bornholms Regionskommune", "Byrådet i X", "X Byråd",
//! "Borgerrepræsentationen"; a bare name counts only in the title. Mentions weigh more in the
//! title and in page headers/footers than in the body, and a municipality is named only when
//! it clearly dominates: a neighbour named in passing, or a list of many, gives no answer
//! rather than a guess. Under a heading of KL or one of its regional councils (KKR) — bodies
//! that write about many municipalities — only the title can name one.

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::fold::{fold, tokenize, Token};
use super::registry::{self, Municipality, MAX_NAME_TOKENS};
use super::{domains, sample};

/// Non-blank lines at the top of the first page that make up the title.
const TITLE_LINES: usize = 4;
/// Of those, the lines where a bare name (without "Kommune") counts: a document's own name
/// heads it, while the next lines already hold places ("Sted: Glostrup Park Hotel").
const BARE_NAME_LINES: usize = 2;
/// Lines at the top of every page that may be a running header ("Aarhus Kommune · Budget").
const HEADER_LINES: usize = 2;
/// Pages shorter than this have no header or footer worth the name: their first and last
/// lines are just text (a short note, a test snippet, a page of a slide deck).
const MIN_LINES_WITH_FURNITURE: usize = 10;

/// Weight of a mention in the title: a title naming "Aarhus Kommune" outweighs the handful of
/// neighbours a body names in passing ("ligesom Silkeborg Kommune har gjort").
const TITLE_WEIGHT: u32 = 10;
/// Weight of a mention in a running header or footer (it repeats on every page).
const FURNITURE_WEIGHT: u32 = 3;
/// Weight of a mention in the body.
const BODY_WEIGHT: u32 = 1;
/// Multiplier for a council naming itself ("Byrådet i Aarhus", "Borgerrepræsentationen"):
/// documents rarely name another municipality's council.
const COUNCIL_FACTOR: u32 = 2;

/// Least score for an answer: one body mention of "X Kommune" is a neighbour as often as not.
const MIN_SCORE: u32 = 2;
/// Share (percent) of all mention weight the winner must hold. Agendas of KL's regional
/// councils (KKR) name several municipalities, the most-named with ~65 %; a municipality's own
/// document names itself far more than its neighbours.
const DOMINANT_SHARE_PERCENT: u32 = 75;

/// Words after a name that make it the authority: "Aarhus Kommune", "Aarhus Kommunes",
/// "Bornholms Regionskommune". Plural "Kommuner" is deliberately absent:
/// "Skanderborg og Favrskov Kommuner" names neighbours.
const AUTHORITY_AFTER: [&str; 4] = ["kommune", "kommunes", "regionskommune", "regionskommunes"];
/// Councils named before "i <Name>": "Byrådet i Aarhus", "Kommunalbestyrelsen i Odder".
const COUNCIL_BEFORE: [&str; 3] = ["byrådet", "kommunalbestyrelsen", "kommunalbestyrelsens"];
/// Councils named right after a name: "Skive Byråd", "Aarhus Byråds".
const COUNCIL_AFTER: [&str; 2] = ["byråd", "byråds"];
/// København's council has its own name; its stem is enough ("Borgerrepræsentationens").
const BORGERREPRAESENTATION: &str = "borgerrepræsentation";
/// Acronyms (written in capitals) of bodies that speak for many municipalities: KL, and KL's
/// five regional councils (KKR Hovedstaden, …). "kl." in lowercase is the clock.
const ISSUER_ACRONYMS: [&str; 2] = ["kl", "kkr"];
/// The same bodies written out ("Kommunekontaktrådet" as a stem, any inflection).
const ISSUER_STEM: &str = "kommunekontaktråd";
/// Two-word names of such bodies, KL's and the regions' associations.
const ISSUER_PHRASES: [(&str, &str); 2] = [("Kommunernes", "Landsforening"), ("Danske", "Regioner")];
/// Code of the municipality whose council is the Borgerrepræsentation.
const KOBENHAVN: u16 = 101;
/// Municipalities whose name is also an everyday word (Vejen "the road", Odder "otters",
/// Skive "slice", Greve "counts", Tønder "barrels"): a bare title word is not enough for them.
const COMMON_WORD_NAMES: [u16; 5] = [575, 727, 779, 253, 550];

/// Words after a name that make it the town hall: "på Ballerup Rådhus", "Aarhus Rådhus".
const TOWN_HALL_AFTER: [&str; 2] = ["rådhus", "rådhuset"];
/// Digits of a Danish postal code ("7800 Skive").
const POSTAL_CODE_DIGITS: usize = 4;
/// Token lines after "Med venlig hilsen" that belong to the signature.
const SENDER_BLOCK_LINES: usize = 6;
/// Bytes read of one metadata field.
const MAX_METADATA_BYTES: usize = 2048;

/// A case-number label at the start of a line ("Sagsnr.: 2012-31114", "Sags nr.", "J.nr.",
/// "Dok.nr."): municipal case systems stamp their own documents with one.
static CASE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^[ \t]*(?:sagsnr|sags\s+nr|sagsnummer|j\.\s?nr|journalnr|dok\.\s?nr)\b").expect("constant regex")
});

/// Length of a municipality code as a token in a path ("751-budgetaftale.pdf").
const CODE_DIGITS: usize = 3;

/// The municipality named by the path: the file name first, then the folders from the
/// innermost out. `None` when nothing names one or a component names two different ones.
pub fn from_path(relative_path: &Path) -> Option<&'static Municipality> {
    let file = relative_path.file_stem().map(|s| s.to_string_lossy());
    let folders = relative_path
        .parent()
        .into_iter()
        .flat_map(Path::components)
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>();
    file.into_iter().chain(folders.into_iter().rev()).find_map(|part| in_name(&part))
}

/// The municipality named in one file or folder name: by name (the longest match wins where
/// names overlap) or else by a 3-digit code token. `None` when two different ones are named.
pub fn in_name(name: &str) -> Option<&'static Municipality> {
    let tokens = tokenize(&split_camel_case(name));
    let named: Vec<&'static Municipality> = name_matches(&tokens).map(|(_, _, m)| m).collect();
    let found = if named.is_empty() {
        tokens
            .iter()
            .filter(|t| t.digits && t.key.len() == CODE_DIGITS)
            .filter_map(|t| t.key.parse().ok().and_then(registry::by_code))
            .collect()
    } else {
        named
    };
    let first = found.first().copied()?;
    found.iter().all(|m| m.code == first.code).then_some(first)
}

/// Puts a space where a lowercase letter meets an uppercase one, so that file names written
/// in CamelCase ("BudgetaftaleAarhus2025") split into words like any other.
fn split_camel_case(name: &str) -> String {
    let mut spaced = String::with_capacity(name.len() + 8);
    let mut previous_lower = false;
    for c in name.chars() {
        if previous_lower && c.is_uppercase() {
            spaced.push(' ');
        }
        spaced.push(c);
        previous_lower = c.is_lowercase();
    }
    spaced
}

/// The municipality the text is from (see the module docs), reading the opening pages.
pub fn from_text(pages: &[&str]) -> Option<&'static Municipality> {
    match weigh(pages, &[]) {
        Verdict::Decided { municipality, weak: false, .. } => Some(municipality),
        _ => None,
    }
}

/// The outcome of weighing a document's text and metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// One municipality clearly dominates. `weak` when it rests on a single body mention in a
    /// municipal case document (see [`weigh`]): used, but listed for the user to confirm.
    Decided {
        municipality: &'static Municipality,
        /// The strongest mention of the winner: signal, words, page.
        decisive: Clue,
        score: u32,
        /// The other municipalities named, with their scores, best first.
        outweighed: Vec<(&'static Municipality, u32)>,
        weak: bool,
    },
    /// Nothing decides; the reason says why (shown by `identify` and in the correction file).
    Undecided { reason: String },
}

/// What one mention rested on, for the evidence shown to users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clue {
    /// Which signal: "title", "running header/footer", "e-mail/web domain", "metadata", …
    pub signal: &'static str,
    /// The words as they stand in the text (folded keys joined, or the domain).
    pub words: String,
    /// 1-based page; 0 for the PDF's metadata.
    pub page: usize,
}

/// Weighs every mention on the opening pages and in the metadata texts (title, subject,
/// keywords, author) and decides. Under a heading of KL or a KKR only the title and metadata
/// count. When nothing dominates by the usual rules, a document that carries a case number
/// ("Sagsnr.: 2012-31114") — a municipality's own case document — and names exactly one
/// municipality as an authority is that municipality's, as weak evidence: a case document
/// rarely names a neighbour without also naming itself, and weak evidence is listed for the
/// user to confirm.
pub fn weigh(pages: &[&str], metadata: &[&str]) -> Verdict {
    let mut mentions = Vec::new();
    let mut issuer_in_title = false;
    let mut case_document = false;
    for (page_index, page) in sample::pages(pages).enumerate() {
        let tokens = tokenize(page);
        if page_index == 0 {
            issuer_in_title = names_issuer(&tokens);
        }
        case_document |= CASE_NUMBER.is_match(page);
        mentions.extend(page_mentions(&tokens, page_index, page_index == 0));
        mentions.extend(domain_mentions(page, page_index));
    }
    for text in metadata {
        mentions.extend(metadata_mentions(&tokenize(sample::truncate(text, MAX_METADATA_BYTES))));
    }
    // Under KL's or a KKR's heading only the title can name a municipality as the issuer.
    let kept: Vec<Mention> = mentions.into_iter().filter(|m| m.in_title || !issuer_in_title).collect();
    let title_winner = title_winner(&kept);
    let mut scores: HashMap<u16, u32> = HashMap::new();
    let mut best_clue: HashMap<u16, (u32, Clue)> = HashMap::new();
    for mention in kept {
        let score = scores.entry(mention.code).or_default();
        *score = score.saturating_add(mention.weight);
        let best = best_clue.entry(mention.code).or_insert((0, mention.clue.clone()));
        if mention.weight > best.0 {
            *best = (mention.weight, mention.clue);
        }
    }
    let outweighed = |winner: u16| {
        let mut others: Vec<(&'static Municipality, u32)> = scores
            .iter()
            .filter(|(&code, _)| code != winner)
            .filter_map(|(&code, &score)| Some((registry::by_code(code)?, score)))
            .collect();
        others.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.code.cmp(&b.0.code)));
        others
    };
    let decided = |code: u16, weak: bool| -> Option<Verdict> {
        Some(Verdict::Decided {
            municipality: registry::by_code(code)?,
            decisive: best_clue.get(&code)?.1.clone(),
            score: *scores.get(&code)?,
            outweighed: outweighed(code),
            weak,
        })
    };
    if let Some(code) = title_winner {
        return decided(code, false).unwrap_or(Verdict::Undecided { reason: "no municipality named".to_string() });
    }
    match decide(&scores) {
        Ok(code) => decided(code, false),
        Err(reason) => {
            let lone = (scores.len() == 1 && case_document).then(|| scores.keys().next().copied()).flatten();
            lone.and_then(|code| decided(code, true)).or(Some(Verdict::Undecided {
                reason: if issuer_in_title && scores.is_empty() {
                    "written by KL or a KKR for many municipalities: only its title could name one".to_string()
                } else {
                    reason
                },
            }))
        }
    }
    .unwrap_or(Verdict::Undecided { reason: "no municipality named".to_string() })
}

/// The one municipality the title names, when no other has more than body mentions: a
/// budget agreement titled "Aarhus Kommune" that names Silkeborg Kommune a dozen times in its
/// body is Aarhus's, whatever the share. A rival with its own letterhead, running header,
/// domain, signature or metadata (a reply titled "Høringssvar til Vejle Kommune" on Fredericia's
/// letterhead) keeps the question open.
fn title_winner(mentions: &[Mention]) -> Option<u16> {
    let mut titled = mentions.iter().filter(|m| m.in_title && m.clue.page == 1).map(|m| m.code);
    let first = titled.next()?;
    if titled.any(|code| code != first) {
        return None;
    }
    let rival_strong = mentions.iter().any(|m| m.code != first && !matches!(m.clue.signal, "body" | "postal address"));
    (!rival_strong).then_some(first)
}

/// One weighed reference to a municipality.
struct Mention {
    code: u16,
    weight: u32,
    in_title: bool,
    clue: Clue,
}

/// Whether the title of a first page names a body that speaks for many municipalities.
/// "KL's opfølgningsproces" (a municipality's agenda item about KL's process) does not: a
/// possessive names KL as the subject, not as the author.
fn names_issuer(tokens: &[Token]) -> bool {
    let title_end = tokens.iter().take_while(|t| t.line < TITLE_LINES).count();
    let title = tokens.get(..title_end).unwrap_or_default();
    let stem = fold(ISSUER_STEM);
    let named = title.iter().enumerate().any(|(i, t)| {
        let possessive = tokens.get(i + 1).is_some_and(|next| next.key == "s" && next.line == t.line);
        (t.all_caps && ISSUER_ACRONYMS.contains(&t.key.as_str()) && !possessive) || t.key.starts_with(&stem)
    });
    let phrased = title.windows(2).any(|pair| match pair {
        [first, second] => ISSUER_PHRASES.iter().any(|(a, b)| first.key == fold(a) && second.key == fold(b)),
        _ => false,
    });
    named || phrased
}

/// The mentions on one page (see the module docs for what counts and how it weighs).
fn page_mentions(tokens: &[Token], page_index: usize, first_page: bool) -> Vec<Mention> {
    let last_line = tokens.last().map_or(0, |t| t.line);
    let has_furniture = last_line + 1 >= MIN_LINES_WITH_FURNITURE;
    let in_title = |line: usize| first_page && line < TITLE_LINES;
    let signed = sender_block_lines(tokens);
    let place = |line: usize| {
        if in_title(line) {
            (TITLE_WEIGHT, "title")
        } else if has_furniture && (line < HEADER_LINES || line == last_line) {
            (FURNITURE_WEIGHT, "running header/footer")
        } else if signed.iter().any(|range| range.contains(&line)) {
            (FURNITURE_WEIGHT, "sender block")
        } else {
            (BODY_WEIGHT, "body")
        }
    };
    let mention = |code, line, factor, words: String, what: &'static str| {
        let (weight, signal) = place(line);
        let signal = if what.is_empty() { signal } else { what };
        Mention {
            code,
            weight: weight * factor,
            in_title: in_title(line),
            clue: Clue { signal, words, page: page_index + 1 },
        }
    };

    let borgerrepraesentation = fold(BORGERREPRAESENTATION);
    let mut mentions: Vec<Mention> = tokens
        .iter()
        .filter(|t| t.key.starts_with(&borgerrepraesentation))
        .map(|t| mention(KOBENHAVN, t.line, COUNCIL_FACTOR, t.key.clone(), ""))
        .collect();
    for (start, len, municipality) in name_matches(tokens) {
        let Some(first) = tokens.get(start) else {
            continue;
        };
        let after = tokens.get(start + len).map(|t| t.key.as_str());
        let before = start
            .checked_sub(2)
            .and_then(|i| tokens.get(i..start))
            .map(|pair| pair.iter().map(|t| t.key.as_str()).collect::<Vec<_>>());
        let council_before = match before.as_deref() {
            Some([council, "i"]) => is_one_of(council, &COUNCIL_BEFORE),
            _ => false,
        };
        let council_after = after.is_some_and(|w| is_one_of(w, &COUNCIL_AFTER));
        let town_hall = after.is_some_and(|w| is_one_of(w, &TOWN_HALL_AFTER));
        let authority = after.is_some_and(|w| is_one_of(w, &AUTHORITY_AFTER));
        // "2750 Ballerup", "7800 Skive": a postal address in the municipality's own town.
        let postal = start
            .checked_sub(1)
            .and_then(|i| tokens.get(i))
            .is_some_and(|code| code.digits && code.key.len() == POSTAL_CODE_DIGITS && code.line == first.line);
        let bare_in_title = first_page
            && first.line < BARE_NAME_LINES
            && first.capitalized
            && !COMMON_WORD_NAMES.contains(&municipality.code)
            && after != Some("kommuner");
        let words = |extra: usize| {
            let from = if postal { start - 1 } else { start };
            tokens
                .get(from..start + len + extra)
                .map(|w| w.iter().map(|t| t.key.as_str()).collect::<Vec<_>>().join(" "))
        };
        if council_before || council_after {
            let words =
                if council_before { tokens.get(start - 2..start + len) } else { tokens.get(start..=start + len) };
            let words = words.map(|w| w.iter().map(|t| t.key.as_str()).collect::<Vec<_>>().join(" "));
            mentions.push(mention(municipality.code, first.line, COUNCIL_FACTOR, words.unwrap_or_default(), ""));
        } else if town_hall {
            // "på Ballerup Rådhus": minutes say where the council met, in its own town hall.
            mentions.push(mention(
                municipality.code,
                first.line,
                COUNCIL_FACTOR,
                words(1).unwrap_or_default(),
                "town hall",
            ));
        } else if authority || bare_in_title {
            mentions.push(mention(
                municipality.code,
                first.line,
                1,
                words(usize::from(authority)).unwrap_or_default(),
                "",
            ));
        } else if postal {
            // An address is where something is, not who wrote: a meeting venue ("Sted: Glostrup
            // Park Hotel, 2600 Glostrup") weighs like one body mention wherever it stands, and
            // never as a title. Only a town hall's address ("Rådhuset, Torvet, 7800 Skive")
            // weighs like a council's own name.
            let on_town_hall_line =
                tokens.iter().filter(|t| t.line == first.line).any(|t| is_one_of(&t.key, &TOWN_HALL_AFTER));
            let factor = if on_town_hall_line { COUNCIL_FACTOR } else { 1 };
            mentions.push(Mention {
                code: municipality.code,
                weight: BODY_WEIGHT * factor,
                in_title: false,
                clue: Clue {
                    signal: if on_town_hall_line { "town hall address" } else { "postal address" },
                    words: words(0).unwrap_or_default(),
                    page: page_index + 1,
                },
            });
        }
    }
    mentions
}

/// Token lines of sender blocks: the lines right after "(Med) venlig hilsen", where a letter
/// or an e-mail is signed with the sender's authority ("Med venlig hilsen … Syddjurs Kommune").
fn sender_block_lines(tokens: &[Token]) -> Vec<std::ops::RangeInclusive<usize>> {
    tokens
        .windows(2)
        .filter(|pair| matches!(pair, [a, b] if a.key == "venlig" && b.key == "hilsen"))
        .filter_map(|pair| pair.get(1).map(|t| t.line + 1..=t.line + SENDER_BLOCK_LINES))
        .collect()
}

/// Mentions by internet domain: an e-mail or web address on a municipality's own domain
/// weighs like a running header (it is letterhead or signature).
fn domain_mentions(page: &str, page_index: usize) -> Vec<Mention> {
    domains::hosts(page)
        .into_iter()
        .filter_map(|host| {
            let municipality = domains::municipality_of(&host.domain)?;
            Some(Mention {
                code: municipality.code,
                weight: FURNITURE_WEIGHT,
                in_title: false,
                clue: Clue { signal: "e-mail/web domain", words: host.domain, page: page_index + 1 },
            })
        })
        .collect()
}

/// Mentions in the PDF's metadata (title, subject, keywords, author): only authority and
/// council forms count ("Notat - Ballerup Kommune"), and they weigh like the title.
fn metadata_mentions(tokens: &[Token]) -> Vec<Mention> {
    page_mentions(tokens, usize::MAX, false)
        .into_iter()
        .filter(|m| m.clue.signal != "postal address")
        .map(|m| Mention {
            weight: TITLE_WEIGHT,
            in_title: true,
            clue: Clue { signal: "metadata", page: 0, ..m.clue },
            ..m
        })
        .collect()
}

/// Whether a token key is one of these words (written in Danish, folded here; called only at
/// name matches, so the folding costs nothing noticeable).
fn is_one_of(key: &str, words: &[&str]) -> bool {
    words.iter().any(|word| fold(word) == key)
}

/// The clear winner of the scores, or why there is none (see [`MIN_SCORE`],
/// [`DOMINANT_SHARE_PERCENT`]).
fn decide(scores: &HashMap<u16, u32>) -> Result<u16, String> {
    let total: u32 = scores.values().fold(0, |sum, &score| sum.saturating_add(score));
    let Some((&code, &best)) = scores.iter().max_by_key(|&(_, &score)| score) else {
        return Err("no municipality named as the author (\"X Kommune\", a council, a domain, a letterhead)".into());
    };
    let name = |code: u16| registry::by_code(code).map_or("?", |m| m.name);
    let tied: Vec<&str> = scores.iter().filter(|(_, &score)| score == best).map(|(&c, _)| name(c)).collect();
    if tied.len() > 1 {
        return Err(format!("tie between {} (score {best} each)", tied.join(", ")));
    }
    if best < MIN_SCORE {
        return Err(format!("only one passing mention of {} (score {best}, {MIN_SCORE} needed)", name(code)));
    }
    if u64::from(best) * 100 < u64::from(DOMINANT_SHARE_PERCENT) * u64::from(total) {
        return Err(format!(
            "{} does not dominate: score {best} of {total} ({DOMINANT_SHARE_PERCENT} % needed) among {} municipalities",
            name(code),
            scores.len()
        ));
    }
    Ok(code)
}

/// Non-overlapping municipality names in `tokens`, left to right, the longest name winning at
/// each position ("Lyngby-Taarbæk" over "Lyngby"): (start, token count, municipality).
fn name_matches(tokens: &[Token]) -> impl Iterator<Item = (usize, usize, &'static Municipality)> + '_ {
    let mut next = 0usize;
    (0..tokens.len()).filter_map(move |start| {
        if start < next {
            return None;
        }
        let found = (1..=MAX_NAME_TOKENS).rev().find_map(|len| {
            let window = tokens.get(start..start + len)?;
            if window.iter().any(|t| t.digits) {
                return None;
            }
            let key: Vec<&str> = window.iter().map(|t| t.key.as_str()).collect();
            registry::by_key_or_genitive(&key.join(" ")).map(|m| (start, len, m))
        });
        if let Some((_, len, _)) = found {
            next = start + len;
        }
        found
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_name(path: &str) -> Option<&'static str> {
        from_path(Path::new(path)).map(|m| m.name)
    }

    fn text_name(pages: &[&str]) -> Option<&'static str> {
        from_text(pages).map(|m| m.name)
    }

    fn seed(number: &str) -> String {
        crate::identify::seed_texts()
            .into_iter()
            .find(|(path, _)| path.file_name().is_some_and(|n| n.to_string_lossy().starts_with(number)))
            .expect("seed file")
            .1
    }

    #[test]
    fn file_names_from_the_issue() {
        assert_eq!(path_name("aarhus-budgetaftale-2025.pdf"), Some("Aarhus"));
        assert_eq!(path_name("Budgetaftale_2025_Koebenhavns_Kommune.pdf"), Some("København"));
        assert_eq!(path_name("751-budgetaftale.pdf"), Some("Aarhus"));
        assert_eq!(path_name("751_aftale.pdf"), Some("Aarhus"));
        assert_eq!(path_name("hoeje-taastrup_2024.pdf"), Some("Høje-Taastrup"));
        assert_eq!(path_name("Lyngby-Taarbaek-Kommune.pdf"), Some("Lyngby-Taarbæk"));
        assert_eq!(path_name("ikast_brande.pdf"), Some("Ikast-Brande"));
        assert_eq!(path_name("ikast brande budget.pdf"), Some("Ikast-Brande"));
        assert_eq!(path_name("Aeroe.pdf"), Some("Ærø"));
        assert_eq!(path_name("budget-Laesoe-2025.pdf"), Some("Læsø"));
        assert_eq!(path_name("Bornholms Regionskommune budget 2025.pdf"), Some("Bornholm"));
        assert_eq!(path_name("BudgetaftaleAarhus2025.pdf"), Some("Aarhus"));
        assert_eq!(path_name("HoejeTaastrupBudget.pdf"), Some("Høje-Taastrup"));
        assert_eq!(path_name("KØBENHAVN.PDF"), Some("København"));
    }

    #[test]
    fn codes_only_as_real_three_digit_tokens() {
        assert_eq!(path_name("2025/751.pdf"), Some("Aarhus"));
        assert_eq!(path_name("budget-2025.pdf"), None, "a year is not a code");
        assert_eq!(path_name("7510-budget.pdf"), None);
        assert_eq!(path_name("999-budget.pdf"), None, "not a municipality code");
        assert_eq!(path_name("411-budget.pdf"), None, "Christiansø is not a municipality");
        assert_eq!(path_name("odense-budget-751.pdf"), Some("Odense"), "names beat codes");
    }

    #[test]
    fn similar_names_do_not_collide() {
        assert_eq!(path_name("vejle-budget.pdf"), Some("Vejle"));
        assert_eq!(path_name("vejen-budget.pdf"), Some("Vejen"));
        assert_eq!(path_name("holbaek.pdf"), Some("Holbæk"));
        assert_eq!(path_name("hedensted.pdf"), Some("Hedensted"));
        assert_eq!(path_name("frederiksberg.pdf"), Some("Frederiksberg"));
        assert_eq!(path_name("frederikshavn.pdf"), Some("Frederikshavn"));
        assert_eq!(path_name("frederikssund.pdf"), Some("Frederikssund"));
        assert_eq!(path_name("broenderslev.pdf"), Some("Brønderslev"));
        assert_eq!(path_name("herning.pdf"), Some("Herning"));
        assert_eq!(path_name("herlev.pdf"), Some("Herlev"));
        assert_eq!(path_name("lemvig.pdf"), Some("Lemvig"));
        assert_eq!(path_name("ringsted.pdf"), Some("Ringsted"));
        assert_eq!(path_name("ringkoebing-skjern.pdf"), Some("Ringkøbing-Skjern"));
        assert_eq!(path_name("solroed.pdf"), Some("Solrød"));
        assert_eq!(path_name("soroe.pdf"), Some("Sorø"));
        assert_eq!(path_name("struer.pdf"), Some("Struer"));
        assert_eq!(path_name("fanoe.pdf"), Some("Fanø"));
        assert_eq!(path_name("samsoe.pdf"), Some("Samsø"));
        assert_eq!(path_name("odder.pdf"), Some("Odder"));
        assert_eq!(path_name("odense.pdf"), Some("Odense"));
        assert_eq!(path_name("alleroed.pdf"), Some("Allerød"));
        assert_eq!(path_name("albertslund.pdf"), Some("Albertslund"));
        assert_eq!(path_name("hoersholm.pdf"), Some("Hørsholm"));
        assert_eq!(path_name("taastrup.pdf"), None, "Taastrup is a town, not a municipality");
        assert_eq!(path_name("lyngby.pdf"), Some("Lyngby-Taarbæk"));
    }

    #[test]
    fn folders_count_when_the_file_name_is_silent() {
        assert_eq!(path_name("2025/aarhus/budgetaftale.pdf"), Some("Aarhus"));
        assert_eq!(path_name("2025/odense/vejle-samarbejde.pdf"), Some("Vejle"));
        assert_eq!(path_name("2025/budgetaftale.pdf"), None);
    }

    #[test]
    fn two_municipalities_in_one_name_are_ambiguous() {
        assert_eq!(path_name("vejle-vejen-samarbejde.pdf"), None);
        assert_eq!(path_name("2025/aarhus/vejle-vejen.pdf"), Some("Aarhus"));
    }

    #[test]
    fn self_references_in_text() {
        assert_eq!(text_name(&["Budgetaftale 2025\n\nAarhus Kommune"]), Some("Aarhus"));
        assert_eq!(
            text_name(&["Budget 2025\nIndledning\n\n\nTekst om Aarhus Kommunes økonomi. Mere om Aarhus Kommune."]),
            Some("Aarhus")
        );
        assert_eq!(text_name(&["Budgetforlig\n\nKøbenhavns Kommune"]), Some("København"));
        assert_eq!(text_name(&["Budget 2025\nBornholms Regionskommune"]), Some("Bornholm"));
        assert_eq!(
            text_name(&["Budget 2025\n1\n2\n3\n4\nAftalen er indgået i Kommunalbestyrelsen i Odder."]),
            Some("Odder")
        );
        assert_eq!(text_name(&["Budget 2025\n1\n2\n3\n4\nVedtaget af Byrådet i Randers."]), Some("Randers"));
        assert_eq!(text_name(&["Budget 2025\n1\n2\n3\n4\nGodkendt af Kommunalbestyrelsen i Aarhus."]), Some("Aarhus"));
        assert_eq!(text_name(&["Budget 2025\n1\n2\n3\n4\nVedtaget af Skive Byråd."]), Some("Skive"));
        assert_eq!(text_name(&["Aarhus\nBudgetaftale 2025"]), Some("Aarhus"), "name as the title");
        assert_eq!(text_name(&["Lyngby-Taarbæk Kommune\nBudget"]), Some("Lyngby-Taarbæk"));
        assert_eq!(text_name(&["HØJE-TAASTRUP KOMMUNE\nBudget"]), Some("Høje-Taastrup"));
    }

    #[test]
    fn neighbours_named_in_passing_do_not_win() {
        let doc = "Budgetaftale 2025–2028\nAarhus Kommune\n\n\
            Indledning\nVi styrker den kollektive trafik i samarbejde med Skanderborg og \
            Favrskov Kommuner.\nVi indfører AI i sagsbehandlingen, ligesom Silkeborg Kommune \
            har gjort.\nSilkeborg Kommune har gode erfaringer.\n";
        assert_eq!(text_name(&[doc]), Some("Aarhus"));
        let passing = "Budgetaftale 2025\nIndledning\nAftalen\nPartierne\nVi gør som Silkeborg Kommune har gjort.";
        assert_eq!(text_name(&[passing]), None, "one passing mention is no evidence");
        let plural = "Budget\n\n\n\nSkanderborg og Favrskov Kommuner samarbejder. Skanderborg, \
            Favrskov og Odder Kommuner.";
        assert_eq!(text_name(&[plural]), None);
    }

    #[test]
    fn bare_words_and_places_are_not_mentions() {
        assert_eq!(text_name(&["Vejen frem\nBudget 2025"]), None, "Vejen is also 'the road'");
        assert_eq!(text_name(&["DAGSORDEN\nKKR\nDato\nSted: Glostrup Park Hotel, 2600 Glostrup."]), None);
        assert_eq!(text_name(&["Intro\n\n\n\nFrederiksberg Hospital og Hvidovre Hospital"]), None);
    }

    #[test]
    fn many_municipalities_give_no_answer() {
        let doc = "Referat\n\n\n\nKøbenhavns Kommune og Frederiksberg Kommune og Hvidovre \
            Kommune og Københavns Kommune og Frederiksberg Kommune og Tårnby Kommune.";
        assert_eq!(text_name(&[doc]), None);
        let tied = "Aarhus Kommune\nOdense Kommune";
        assert_eq!(text_name(&[tied]), None);
    }

    /// A page of `lines` lines of filler under `header`, with `body` in the middle.
    fn page(header: &str, body: &str, lines: usize) -> String {
        let filler: Vec<String> = (0..lines).map(|i| format!("tekst linje {i}")).collect();
        format!("{header}\n{}\n{body}\n{}", filler.join("\n"), filler.join("\n"))
    }

    #[test]
    fn page_headers_weigh_more_than_body() {
        let cover = page("Forside", "", 10);
        let pages = [
            cover.as_str(),
            &page("Aalborg Kommune · Økonomi", "Som i Hjørring Kommune og Hjørring Kommune.", 10),
            &page("Aalborg Kommune · Økonomi", "", 10),
            &page("Aalborg Kommune · Økonomi", "", 10),
        ];
        assert_eq!(text_name(&pages), Some("Aalborg"));
        // Without the header lines (short pages), two body mentions against three is no answer.
        let short = ["Forside\n\n\n\n\nAalborg Kommune og Aalborg Kommune og Aalborg Kommune.\n\
            Som i Hjørring Kommune og Hjørring Kommune."];
        assert_eq!(text_name(&short), None);
    }

    #[test]
    fn under_a_kl_or_kkr_heading_only_the_title_names_the_issuer() {
        let agenda = page("DAGSORDEN 2024\nKKR Hovedstaden", "Københavns Kommune og Københavns Kommune", 10);
        assert_eq!(text_name(&[&agenda]), None);
        let kl = page("Kommunernes Landsforening\nNotat", "Aarhus Kommune og Aarhus Kommune", 10);
        assert_eq!(text_name(&[&kl]), None);
        let from_aarhus = page("Aarhus Kommune\nHøringssvar til KL", "Aarhus Kommune", 10);
        assert_eq!(text_name(&[&from_aarhus]), Some("Aarhus"));
        // "kl." is the clock, not KL.
        let meeting = page("Byrådsmøde kl. 9\nAarhus Kommune", "Aarhus Kommune", 10);
        assert_eq!(text_name(&[&meeting]), Some("Aarhus"));
    }

    fn verdict(pages: &[&str], metadata: &[&str]) -> Option<(&'static str, bool)> {
        match weigh(pages, metadata) {
            Verdict::Decided { municipality, weak, .. } => Some((municipality.name, weak)),
            Verdict::Undecided { .. } => None,
        }
    }

    #[test]
    fn minutes_held_in_the_town_hall() {
        // ../shared/realworld/pdf/1552814.PDF, Ballerup's minutes of 4 December 2012.
        let minutes = "Sundheds- og Forebyggelsesudvalget\nReferat\nÅbent referat\nDato: 04.12.2012\nSide 1\n\n\
            Referat\n\nSundheds- og Forebyggelsesudvalget\ntirsdag den 4. december 2012, kl. 13:00\n\
            i Mødecenter C, Lokale 32 på Ballerup Rådhus\n\nÅbent referat\n\nTilstede\nLolan Ottesen (A) - formand";
        assert_eq!(verdict(&[minutes], &[]), Some(("Ballerup", false)));
        assert_eq!(verdict(&["Henvendelse\n\n\n\nRådhuset, Torvet, 7800 Skive"], &[]), Some(("Skive", false)));
    }

    #[test]
    fn a_letterhead_address_on_the_municipal_domain() {
        // 1548227.PDF: a Ballerup note whose text never writes "Ballerup Kommune".
        let note = "SOCIAL, SUNDHED OG\nBESKÆFTIGELSE\n\nDato: 20. november 2012\n\nTlf. dir.: 4477 3483\n\
            E-mail: lw3@balk.dk\nKontakt: Lars Wildt\nSagsnr: 2012-25401\nDok.nr: 2012-204248\n\n\
            Redegørelse fra Træning og Aktivitet vedr. Seniorrådets høringssvar";
        assert_eq!(verdict(&[note], &[]), Some(("Ballerup", false)));
        // Its metadata title says the same.
        assert_eq!(verdict(&["Notat\n\n\n\nTekst."], &["Notat - Ballerup Kommune"]), Some(("Ballerup", false)));
    }

    #[test]
    fn signed_by_the_municipality() {
        let letter = "Til borgerne\n\n\n\nVi har modtaget din henvendelse.\n\nMed venlig hilsen\n\nJens Hansen\n\
            Syddjurs kommune\n";
        assert_eq!(verdict(&[letter], &[]), Some(("Syddjurs", false)), "lower-case kommune in a signature");
    }

    #[test]
    fn an_agenda_item_about_kl_is_not_written_by_kl() {
        // 1552821.PDF: Ballerup's agenda item "KL's opfølgningsproces …".
        let item = "5. KL's opfølgningsproces vedrørende det nære sundhedsvæsen\n\nSagsnr.: 2011-29939\n\
            Dok.nr.: 2012-205876\n\nSammendrag\nMed afsæt i økonomiaftalen for 2013, har KL igangsat en proces.\n\
            (for information om udmøntning af midlerne i Ballerup Kommune se sagsfremstillingen)\n\
            Det drøftes hvordan Ballerup Kommune politisk skal indgå i opfølgningsprocessen.";
        assert_eq!(verdict(&[item], &[]), Some(("Ballerup", false)));
        let by_kl = item.replace("5. KL's opfølgningsproces", "KL\nNotat om opfølgningsprocessen");
        assert_eq!(verdict(&[&by_kl], &[]), None, "under KL's own heading");
    }

    #[test]
    fn one_mention_in_a_case_document_is_weak_evidence() {
        // Ekstraordinært PUK.pdf (Syddjurs): one "Syddjurs Kommune" under a case number.
        let item = "715. Kulturkommune 2017. Politiske fokusområder\n\nSagsnr.: 12/27845\n\
            Sagen afgøres i: Udvalget for plan, udvikling og kultur (PUK)\n\nResumé\n\
            Kulturafdelingen har i forlængelse af Byrådets beslutning lagt en plan for arbejdet med satsningen på\n\
            Syddjurs Kommune, som kulturkommune.";
        assert_eq!(verdict(&[item], &[]), Some(("Syddjurs", true)));
        let without_case_number = item.replace("Sagsnr.: 12/27845", "");
        assert_eq!(verdict(&[&without_case_number], &[]), None);
        let two = item.replace("Syddjurs Kommune,", "Syddjurs Kommune og Norddjurs Kommune,");
        assert_eq!(verdict(&[&two], &[]), None, "two municipalities named once each");
    }

    #[test]
    fn the_title_beats_a_neighbour_named_often_in_the_body() {
        let body = "Vi samarbejder med Silkeborg Kommune. ".repeat(12);
        let agreement = format!("Budgetaftale 2025\nAarhus Kommune\n\nIndledning\nAftalen\n{body}");
        assert_eq!(verdict(&[&agreement], &[]), Some(("Aarhus", false)));
        let letterhead = page("Vejle Kommune · Teknik og Miljø", "Aarhus Kommune", 10);
        let cover = format!("Høringssvar\nAarhus Kommune\n\nIndledning\nSvar\n{body}");
        let pages = [cover.as_str(), &letterhead, &letterhead];
        assert_eq!(verdict(&pages, &[]), None, "a rival's running header keeps it open");
    }

    #[test]
    fn undecided_says_why() {
        let Verdict::Undecided { reason } = weigh(&["Aarhus Kommune\nOdense Kommune"], &[]) else {
            panic!("a tie decides nothing");
        };
        assert!(reason.starts_with("tie between"), "{reason}");
        let Verdict::Undecided { reason } = weigh(&["Intet her"], &[]) else { panic!() };
        assert!(reason.starts_with("no municipality named"), "{reason}");
    }

    #[test]
    fn seeds() {
        let s = |n| seed(n);
        let (s0, s1, s2, s3, s4) = (s("000"), s("001"), s("002"), s("003"), s("004"));
        // Bilag 6: Copenhagen's council (Borgerrepræsentationen) decided the budget.
        assert_eq!(text_name(&[&s0]), Some("København"));
        assert_eq!(text_name(&[&s1]), Some("København"));
        // A consultancy's report on all 98 municipalities names none of them as its own.
        assert_eq!(text_name(&[&s2]), None);
        assert_eq!(text_name(&[&s3]), Some("København"));
        // KKR Hovedstaden's agenda: Copenhagen, Frederiksberg, Hvidovre, Høje-Taastrup…
        assert_eq!(text_name(&[&s4]), None);
    }
}
