//! Query-string parameters, read leniently: an empty value (a form's "all") is no filter, and a
//! malformed number is a message for the user, never a rejection page.

use serde::Deserialize;

use crate::search::SearchRequest;

/// Every parameter any page takes; each page reads the ones it needs.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Params {
    pub q: Option<String>,
    pub municipality: Option<String>,
    pub year: Option<String>,
    pub region: Option<String>,
    pub doctype: Option<String>,
    pub topic: Option<String>,
    /// The language of the page's labels: "en" for English, else Danish (`report --lang`).
    pub lang: Option<String>,
    /// Only documents in this language (ISO 639-3, `search --lang`).
    pub doclang: Option<String>,
    pub limit: Option<String>,
    pub offset: Option<String>,
    pub page: Option<String>,
    /// `/evidence`: draw a random sample of this many mentions (`review --sample N`), with `seed`.
    pub sample: Option<String>,
    pub seed: Option<String>,
    /// `/evidence`: the reviewer named in the form last sent (the form starts with it).
    pub reviewer: Option<String>,
    /// `/api/evidence`: csv, json or ndjson as `evidence --format` (else `evidence --json`).
    pub format: Option<String>,
}

/// Hits per page of results, as `kommunsk search` shows by default.
pub const DEFAULT_LIMIT: usize = 10;

fn given(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string)
}

fn number<T: std::str::FromStr>(name: &str, value: &Option<String>) -> Result<Option<T>, String> {
    given(value).map(|v| v.parse().map_err(|_| format!("{name} must be a number, not {v:?}"))).transpose()
}

impl Params {
    pub fn q(&self) -> Option<String> {
        given(&self.q)
    }
    pub fn municipality(&self) -> Option<String> {
        given(&self.municipality)
    }
    pub fn region(&self) -> Option<String> {
        given(&self.region)
    }
    pub fn doctype(&self) -> Option<String> {
        given(&self.doctype)
    }
    pub fn topic(&self) -> Option<String> {
        given(&self.topic)
    }
    pub fn year(&self) -> Result<Option<u16>, String> {
        number("year", &self.year)
    }
    pub fn page(&self) -> Result<Option<u32>, String> {
        number("page", &self.page)
    }
    pub fn sample(&self) -> Result<Option<usize>, String> {
        number("sample", &self.sample)
    }
    pub fn seed(&self) -> Result<u64, String> {
        Ok(number("seed", &self.seed)?.unwrap_or(crate::review::sample::DEFAULT_SEED))
    }
    pub fn format(&self) -> Option<String> {
        given(&self.format)
    }
    pub fn offset(&self) -> Result<usize, String> {
        Ok(number("offset", &self.offset)?.unwrap_or(0))
    }
    /// The document-language filter: `doclang`, or on `/api/search` a `lang` that is not one of
    /// the label languages, so that `/api/search?lang=dan` is `search --lang dan --json` while
    /// `?lang=en` keeps meaning English labels as on every page.
    pub fn document_language(&self) -> Option<String> {
        given(&self.doclang).or_else(|| given(&self.lang).filter(|l| l != "da" && l != "en"))
    }

    /// "en" when asked for English, else Danish.
    pub fn lang(&self) -> &'static str {
        match self.lang.as_deref() {
            Some("en") => "en",
            _ => "da",
        }
    }

    /// The search these parameters ask for, as `kommunsk search` would build it.
    pub fn search_request(&self) -> Result<SearchRequest, String> {
        Ok(SearchRequest {
            query: self.q().unwrap_or_default(),
            municipality: self.municipality(),
            year: self.year()?,
            region: self.region(),
            doctype: self.doctype(),
            lang: self.document_language(),
            limit: number("limit", &self.limit)?.unwrap_or(DEFAULT_LIMIT),
            offset: self.offset()?,
            // Resolved against the dictionary by the state (`AppState::search_request`).
            topic: None,
        })
    }

    /// The query string for these parameters with some replaced (`None` removes one).
    pub fn with(&self, changes: &[(&str, Option<&str>)]) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let current = [
            ("q", given(&self.q)),
            ("municipality", given(&self.municipality)),
            ("year", given(&self.year)),
            ("region", given(&self.region)),
            ("doctype", given(&self.doctype)),
            ("topic", given(&self.topic)),
            ("doclang", self.document_language()),
            ("lang", given(&self.lang).filter(|l| l == "en")),
        ];
        for (name, value) in current.clone() {
            let value = match changes.iter().find(|(n, _)| *n == name) {
                Some((_, changed)) => changed.map(str::to_string),
                None => value,
            };
            if let Some(value) = value {
                pairs.push((name, value));
            }
        }
        for (name, value) in changes {
            if let (false, Some(value)) = (current.iter().any(|(n, _)| n == name), value) {
                pairs.push((name, value.to_string()));
            }
        }
        let encoded: Vec<String> = pairs.iter().map(|(n, v)| format!("{n}={}", encode(v))).collect();
        encoded.join("&")
    }
}

/// Percent-encodes a query-string value.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(char::from(byte)),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_filters_and_encode_values() {
        let p = Params { q: Some("grøn & klima".into()), year: Some("2025".into()), ..Default::default() };
        assert_eq!(p.with(&[]), "q=gr%C3%B8n+%26+klima&year=2025");
        assert_eq!(
            p.with(&[("year", None), ("region", Some("Sjælland"))]),
            "q=gr%C3%B8n+%26+klima&region=Sj%C3%A6lland"
        );
        assert_eq!(p.with(&[("offset", Some("10"))]), "q=gr%C3%B8n+%26+klima&year=2025&offset=10");
    }

    #[test]
    fn empty_values_are_no_filter_and_bad_numbers_a_message() {
        let p = Params { year: Some(" ".into()), limit: Some("x".into()), ..Default::default() };
        assert_eq!(p.year(), Ok(None));
        assert_eq!(p.search_request().unwrap_err(), "limit must be a number, not \"x\"");
    }
}
