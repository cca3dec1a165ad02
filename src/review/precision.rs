//! Precision estimated from reviewed mentions, with a Wilson score interval: unlike the normal
//! approximation it stays inside 0–1 and is honest for the small samples people review by hand.

use serde::Serialize;

/// z for a two-sided 95 % interval.
const Z_95: f64 = 1.959_963_984_540_054;

/// Share of reviewed mentions that were right, with a 95 % confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Precision {
    pub estimate: f64,
    pub low: f64,
    pub high: f64,
}

impl Precision {
    /// `None` when nothing was reviewed.
    pub fn wilson(right: usize, reviewed: usize) -> Option<Precision> {
        if reviewed == 0 {
            return None;
        }
        let n = reviewed as f64;
        let p = right.min(reviewed) as f64 / n;
        let z2 = Z_95 * Z_95;
        let denominator = 1.0 + z2 / n;
        let centre = (p + z2 / (2.0 * n)) / denominator;
        let half = Z_95 / denominator * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
        Some(Precision { estimate: p, low: (centre - half).max(0.0), high: (centre + half).min(1.0) })
    }

    /// "85 % (64–95 %)".
    pub fn percent_text(&self) -> String {
        format!("{:.0} % ({:.0}–{:.0} %)", self.estimate * 100.0, self.low * 100.0, self.high * 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wilson_matches_the_textbook_values() {
        // 17 of 20: Wilson 95 % interval 0.640–0.948 (Newcombe 1998, method 3).
        let p = Precision::wilson(17, 20).unwrap();
        assert!((p.estimate - 0.85).abs() < 1e-12);
        assert!((p.low - 0.6396).abs() < 5e-4 && (p.high - 0.9476).abs() < 5e-4, "{p:?}");
        assert_eq!(p.percent_text(), "85 % (64–95 %)");
    }

    #[test]
    fn all_right_still_leaves_doubt_and_nothing_reviewed_says_nothing() {
        let p = Precision::wilson(5, 5).unwrap();
        assert_eq!(p.high, 1.0);
        assert!((p.low - 0.5655).abs() < 5e-4, "{p:?}");
        assert_eq!(Precision::wilson(0, 0), None);
    }
}
