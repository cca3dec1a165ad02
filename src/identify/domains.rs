//! The municipalities' own internet domains: an e-mail address or web address on a
//! municipality's domain ("lw3@balk.dk", "www.aarhus.dk") in a letterhead or sender block says
//! whose document it is even when the text never writes "Ballerup Kommune".
//!
//! The registry lists each municipality's mail and web domains (most are the name spelled in
//! ASCII; several are abbreviations: kk.dk, balk.dk, ltk.dk, htk.dk, rk.dk, brk.dk, fmk.dk,
//! rksk.dk). Only the registrable domain counts, so "intranet.kk.dk" is København too, and a
//! domain must stand as its own word ("bkk.dk" is not kk.dk).

use std::sync::LazyLock;

use regex::Regex;

use super::registry::{self, Municipality};

/// (municipality code, domains), by code. Sources: the municipalities' web sites and the
/// addresses their documents are signed with.
const DOMAINS: [(u16, &[&str]); 98] = [
    (101, &["kk.dk"]),
    (147, &["frederiksberg.dk"]),
    (151, &["balk.dk", "ballerup.dk"]),
    (153, &["brondby.dk"]),
    (155, &["dragoer.dk"]),
    (157, &["gentofte.dk"]),
    (159, &["gladsaxe.dk"]),
    (161, &["glostrup.dk"]),
    (163, &["herlev.dk"]),
    (165, &["albertslund.dk"]),
    (167, &["hvidovre.dk"]),
    (169, &["htk.dk"]),
    (173, &["ltk.dk"]),
    (175, &["rk.dk", "rodovre.dk"]),
    (183, &["ishoj.dk"]),
    (185, &["taarnby.dk"]),
    (187, &["vallensbaek.dk"]),
    (190, &["furesoe.dk"]),
    (201, &["alleroed.dk"]),
    (210, &["fredensborg.dk"]),
    (217, &["helsingor.dk"]),
    (219, &["hillerod.dk"]),
    (223, &["horsholm.dk"]),
    (230, &["rudersdal.dk"]),
    (240, &["egekom.dk", "egedalkommune.dk"]),
    (250, &["frederikssund.dk"]),
    (253, &["greve.dk"]),
    (259, &["koege.dk"]),
    (260, &["halsnaes.dk"]),
    (265, &["roskilde.dk"]),
    (269, &["solrod.dk"]),
    (270, &["gribskov.dk"]),
    (306, &["odsherred.dk"]),
    (316, &["holbaek.dk"]),
    (320, &["faxekommune.dk"]),
    (326, &["kalundborg.dk"]),
    (329, &["ringsted.dk"]),
    (330, &["slagelse.dk"]),
    (336, &["stevns.dk"]),
    (340, &["soroe.dk"]),
    (350, &["lejre.dk"]),
    (360, &["lolland.dk"]),
    (370, &["naestved.dk"]),
    (376, &["guldborgsund.dk"]),
    (390, &["vordingborg.dk"]),
    (400, &["brk.dk"]),
    (410, &["middelfart.dk"]),
    (420, &["assens.dk"]),
    (430, &["fmk.dk"]),
    (440, &["kerteminde.dk"]),
    (450, &["nyborg.dk"]),
    (461, &["odense.dk"]),
    (479, &["svendborg.dk"]),
    (480, &["nordfynskommune.dk"]),
    (482, &["langelandkommune.dk"]),
    (492, &["aeroekommune.dk"]),
    (510, &["haderslev.dk"]),
    (530, &["billund.dk"]),
    (540, &["sonderborg.dk", "sonderborgkommune.dk"]),
    (550, &["toender.dk"]),
    (561, &["esbjerg.dk", "esbjergkommune.dk"]),
    (563, &["fanoe.dk"]),
    (573, &["varde.dk"]),
    (575, &["vejen.dk"]),
    (580, &["aabenraa.dk"]),
    (607, &["fredericia.dk"]),
    (615, &["horsens.dk"]),
    (621, &["kolding.dk"]),
    (630, &["vejle.dk"]),
    (657, &["herning.dk"]),
    (661, &["holstebro.dk"]),
    (665, &["lemvig.dk"]),
    (671, &["struer.dk"]),
    (706, &["syddjurs.dk"]),
    (707, &["norddjurs.dk"]),
    (710, &["favrskov.dk"]),
    (727, &["odder.dk"]),
    (730, &["randers.dk"]),
    (740, &["silkeborg.dk"]),
    (741, &["samsoe.dk"]),
    (746, &["skanderborg.dk"]),
    (751, &["aarhus.dk"]),
    (756, &["ikast-brande.dk"]),
    (760, &["rksk.dk"]),
    (766, &["hedensted.dk"]),
    (773, &["mors.dk"]),
    (779, &["skive.dk"]),
    (787, &["thisted.dk"]),
    (791, &["viborg.dk"]),
    (810, &["bronderslev.dk"]),
    (813, &["frederikshavn.dk"]),
    (820, &["vesthimmerland.dk"]),
    (825, &["laesoe.dk"]),
    (840, &["rebild.dk"]),
    (846, &["mariagerfjord.dk"]),
    (849, &["jammerbugt.dk"]),
    (851, &["aalborg.dk"]),
    (860, &["hjoerring.dk"]),
];

/// A `.dk` host name standing as a word: after an `@`, `//`, `www.` or a non-word character.
static HOST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|[^\w.@-]|@)((?:[a-z0-9-]+\.)+dk)\b").expect("constant regex"));

/// The municipality whose domain this is ("balk.dk", "www.kk.dk", "intranet.aarhus.dk").
pub fn municipality_of(host: &str) -> Option<&'static Municipality> {
    let registrable = registrable(host)?;
    DOMAINS
        .iter()
        .find(|(_, domains)| domains.contains(&registrable.as_str()))
        .and_then(|(code, _)| registry::by_code(*code))
}

/// The last two labels of a host, lowercased: "www.Aarhus.DK" → "aarhus.dk".
fn registrable(host: &str) -> Option<String> {
    let lower = host.to_ascii_lowercase();
    let mut labels = lower.rsplit('.');
    let tld = labels.next()?;
    let name = labels.next().filter(|n| !n.is_empty())?;
    Some(format!("{name}.{tld}"))
}

/// One host name found in text: where it stands (line index, counting every `\n`) and the
/// registrable domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostMention {
    pub line: usize,
    pub domain: String,
}

/// Every `.dk` host in `text` (e-mail domains and web addresses), in order.
pub fn hosts(text: &str) -> Vec<HostMention> {
    let mut found = Vec::new();
    for (line_index, line) in text.lines().enumerate() {
        for capture in HOST.captures_iter(line) {
            if let Some(domain) = capture.get(1).and_then(|m| registrable(m.as_str())) {
                found.push(HostMention { line: line_index, domain });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(host: &str) -> Option<&'static str> {
        municipality_of(host).map(|m| m.name)
    }

    #[test]
    fn every_municipality_has_a_domain_and_no_domain_is_shared() {
        let mut seen = std::collections::HashSet::new();
        for municipality in registry::all() {
            let (_, domains) = DOMAINS.iter().find(|(code, _)| *code == municipality.code).expect("listed");
            for domain in *domains {
                assert!(seen.insert(*domain), "{domain} listed twice");
                assert_eq!(municipality_of(domain).map(|m| m.code), Some(municipality.code));
            }
        }
    }

    #[test]
    fn hosts_in_real_letterheads() {
        // ../shared/realworld/pdf/1548227.PDF, a Ballerup note's letterhead.
        let letterhead = "Dato: 20. november 2012\n\nTlf. dir.: 4477 3483\nE-mail: lw3@balk.dk\nKontakt: Lars Wildt";
        assert_eq!(hosts(letterhead), [HostMention { line: 3, domain: "balk.dk".into() }]);
        // 1546743.PDF: "E-mail brydehuset@balk.dk".
        assert_eq!(name(&hosts("E-mail brydehuset@balk.dk")[0].domain), Some("Ballerup"));
        assert_eq!(name("www.Aarhus.DK"), Some("Aarhus"));
        assert_eq!(name("intranet.kk.dk"), Some("København"));
        assert_eq!(name("kulturkommune.dk"), None, "a campaign site is no municipality");
        assert_eq!(name("kl.dk"), None);
    }

    #[test]
    fn only_whole_host_names_count() {
        assert!(hosts("Se bkk.dkx og fil.pdf").is_empty());
        assert_eq!(hosts("https://www.rk.dk/borger").len(), 1);
        assert_eq!(hosts("(skive.dk)")[0].domain, "skive.dk");
        assert!(hosts("version 2.dk").iter().all(|h| municipality_of(&h.domain).is_none()));
    }
}
