//! A random sample of mentions to review, drawn so precision can be estimated without the bias
//! of reviewing only what looks suspicious.
//!
//! Every mention gets a pseudo-random rank, the BLAKE3 hash of the seed and its id, and the
//! sample is the `n` lowest ranks: a simple random sample over all municipalities' mentions (so
//! the Wilson interval applies), the same for the same seed on any machine, and nested — the
//! sample of 40 contains the sample of 20, so a review can be extended without starting over.

use super::key::KeyedMention;

/// Seed used when none is given, so `review --sample N TOPIC` is reproducible as typed.
pub const DEFAULT_SEED: u64 = 2026;

/// Indices of the sampled mentions, in their original order.
pub fn sample(mentions: &[KeyedMention], n: usize, seed: u64) -> Vec<usize> {
    let mut ranked: Vec<([u8; 32], usize)> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mut hasher = blake3::Hasher::new();
            hasher.update(&seed.to_le_bytes());
            hasher.update(m.id.as_bytes());
            (*hasher.finalize().as_bytes(), i)
        })
        .collect();
    ranked.sort_unstable();
    let mut chosen: Vec<usize> = ranked.into_iter().take(n).map(|(_, i)| i).collect();
    chosen.sort_unstable();
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::key::MentionKey;

    fn mentions(n: usize) -> Vec<KeyedMention> {
        (0..n)
            .map(|i| {
                let key = MentionKey::new("ai", &format!("{i}.pdf"), "AI.", "AI", 1);
                KeyedMention { id: key.id(), key }
            })
            .collect()
    }

    #[test]
    fn the_same_seed_draws_the_same_nested_sample_and_another_seed_does_not() {
        let all = mentions(200);
        let a = sample(&all, 20, 7);
        assert_eq!(a.len(), 20);
        assert_eq!(a, sample(&all, 20, 7));
        let bigger = sample(&all, 40, 7);
        assert!(a.iter().all(|i| bigger.contains(i)));
        assert_ne!(a, sample(&all, 20, 8));
        assert_eq!(sample(&all, 500, 7).len(), 200);
    }

    #[test]
    fn the_sample_is_spread_over_the_whole_list() {
        // Not the first 20: ranks are random, so both halves are drawn from.
        let a = sample(&mentions(200), 20, DEFAULT_SEED);
        assert!(a.iter().any(|&i| i < 100) && a.iter().any(|&i| i >= 100), "{a:?}");
    }
}
