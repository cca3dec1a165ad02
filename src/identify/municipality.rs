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

use super::fold::{fold, tokenize, Token};
use super::registry::{self, Municipality, MAX_NAME_TOKENS};
use super::sample;

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
    let mut mentions = Vec::new();
    let mut issuer_in_title = false;
    for (page_index, page) in sample::pages(pages).enumerate() {
        let tokens = tokenize(page);
        if page_index == 0 {
            issuer_in_title = names_issuer(&tokens);
        }
        mentions.extend(page_mentions(&tokens, page_index == 0));
    }
    let mut scores: HashMap<u16, u32> = HashMap::new();
    // Under KL's or a KKR's heading only the title can name a municipality as the issuer.
    for mention in mentions.iter().filter(|m| m.in_title || !issuer_in_title) {
        let score = scores.entry(mention.code).or_default();
        *score = score.saturating_add(mention.weight);
    }
    decide(&scores)
}

/// One weighed reference to a municipality.
struct Mention {
    code: u16,
    weight: u32,
    in_title: bool,
}

/// Whether the title of a first page names a body that speaks for many municipalities.
fn names_issuer(tokens: &[Token]) -> bool {
    let title_end = tokens.iter().take_while(|t| t.line < TITLE_LINES).count();
    let title = tokens.get(..title_end).unwrap_or_default();
    let stem = fold(ISSUER_STEM);
    let named =
        title.iter().any(|t| (t.all_caps && ISSUER_ACRONYMS.contains(&t.key.as_str())) || t.key.starts_with(&stem));
    let phrased = title.windows(2).any(|pair| match pair {
        [first, second] => ISSUER_PHRASES.iter().any(|(a, b)| first.key == fold(a) && second.key == fold(b)),
        _ => false,
    });
    named || phrased
}

/// The mentions on one page (see the module docs for what counts and how it weighs).
fn page_mentions(tokens: &[Token], first_page: bool) -> Vec<Mention> {
    let last_line = tokens.last().map_or(0, |t| t.line);
    let has_furniture = last_line + 1 >= MIN_LINES_WITH_FURNITURE;
    let in_title = |line: usize| first_page && line < TITLE_LINES;
    let place_weight = |line: usize| {
        if in_title(line) {
            TITLE_WEIGHT
        } else if has_furniture && (line < HEADER_LINES || line == last_line) {
            FURNITURE_WEIGHT
        } else {
            BODY_WEIGHT
        }
    };
    let mention = |code, line, factor| Mention { code, weight: place_weight(line) * factor, in_title: in_title(line) };

    let borgerrepraesentation = fold(BORGERREPRAESENTATION);
    let mut mentions: Vec<Mention> = tokens
        .iter()
        .filter(|t| t.key.starts_with(&borgerrepraesentation))
        .map(|t| mention(KOBENHAVN, t.line, COUNCIL_FACTOR))
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
        let authority = after.is_some_and(|w| is_one_of(w, &AUTHORITY_AFTER));
        let bare_in_title = first_page
            && first.line < BARE_NAME_LINES
            && first.capitalized
            && !COMMON_WORD_NAMES.contains(&municipality.code)
            && after != Some("kommuner");
        if council_before || council_after {
            mentions.push(mention(municipality.code, first.line, COUNCIL_FACTOR));
        } else if authority || bare_in_title {
            mentions.push(mention(municipality.code, first.line, 1));
        }
    }
    mentions
}

/// Whether a token key is one of these words (written in Danish, folded here; called only at
/// name matches, so the folding costs nothing noticeable).
fn is_one_of(key: &str, words: &[&str]) -> bool {
    words.iter().any(|word| fold(word) == key)
}

/// The clear winner of the scores, or `None` (see [`MIN_SCORE`], [`DOMINANT_SHARE_PERCENT`]).
fn decide(scores: &HashMap<u16, u32>) -> Option<&'static Municipality> {
    let total: u32 = scores.values().fold(0, |sum, &score| sum.saturating_add(score));
    let (&code, &best) = scores.iter().max_by_key(|&(_, &score)| score)?;
    let tied = scores.values().filter(|&&score| score == best).count() > 1;
    let dominant = u64::from(best) * 100 >= u64::from(DOMINANT_SHARE_PERCENT) * u64::from(total);
    if tied || best < MIN_SCORE || !dominant {
        return None;
    }
    registry::by_code(code)
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
