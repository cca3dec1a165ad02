//! Text analysis for Danish: how page text and queries are cut into searchable terms.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
};
use tantivy::Index;

use super::literal_terms::{LiteralTokenizer, LITERAL_ANALYZER};

/// Lower case + Danish Snowball stemming: "cybersikkerheden" and "cybersikkerhed" meet.
pub const STEMMED_ANALYZER: &str = "da_stemmed";
/// As above, after folding to ASCII: "kobenhavn" finds "København", "aeldrepleje" "ældrepleje".
pub const FOLDED_ANALYZER: &str = "da_folded";

/// Tokens longer than this are table rules, hashes or glued garbage, not words.
const MAX_TOKEN_BYTES: usize = 60;

/// Registers both analysers on an index (must be done before writing or querying).
pub fn register(index: &Index) {
    let manager = index.tokenizers();
    manager.register(
        STEMMED_ANALYZER,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::Danish))
            .build(),
    );
    manager.register(
        FOLDED_ANALYZER,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::Danish))
            .build(),
    );
    manager.register(LITERAL_ANALYZER, TextAnalyzer::builder(LiteralTokenizer).build());
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::schema::Schema;

    fn terms(index: &Index, analyzer: &str, text: &str) -> Vec<String> {
        let mut a = index.tokenizers().get(analyzer).unwrap();
        let mut stream = a.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push(t.text.clone());
        }
        out
    }

    #[test]
    fn folding_lets_ascii_queries_meet_danish_words() {
        let index = Index::create_in_ram(Schema::builder().build());
        register(&index);
        assert_eq!(terms(&index, FOLDED_ANALYZER, "København"), terms(&index, FOLDED_ANALYZER, "kobenhavn"));
        assert_eq!(terms(&index, FOLDED_ANALYZER, "ældreplejen"), terms(&index, FOLDED_ANALYZER, "aeldrepleje"));
        assert_eq!(
            terms(&index, STEMMED_ANALYZER, "Cybersikkerheden"),
            terms(&index, STEMMED_ANALYZER, "cybersikkerhed")
        );
    }
}
