//! "Did you mean …?" for a misspelt key: the closest allowed key within a small edit distance,
//! with the cost bounded however long the key a file brings.

/// The longest key (in characters) errors repeat whole, and the longest for which a "did you
/// mean" is looked for: the formats' keys are at most a dozen characters, so a longer key is no
/// typo of one, and an unknown key of 48 MB must cost neither 48 MB of message nor an edit
/// distance over 48 million characters.
pub const MAX_KEY_CHARS: usize = 64;

/// The allowed key closest to `key`, when one is close enough to be a likely misspelling.
pub fn closest(key: &str, allowed: &[&str]) -> Option<String> {
    let len = key.chars().take(MAX_KEY_CHARS + 1).count();
    if len > MAX_KEY_CHARS {
        return None;
    }
    // The distance is at least the difference in length: most keys are ruled out without it.
    let close_enough = |d: usize, a: &str| d <= 2.max(a.len() / 4) && d < a.len();
    allowed
        .iter()
        .filter(|a| close_enough(len.abs_diff(a.chars().count()), a))
        .map(|a| (edit_distance(key, a), *a))
        .filter(|(d, a)| close_enough(*d, a))
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a.to_string())
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_near_miss_gets_the_key_it_meant() {
        assert_eq!(
            closest("requird", &["required", "text"]),
            Some("required".into())
        );
        assert_eq!(closest("colour", &["required", "text"]), None);
    }

    #[test]
    fn a_huge_key_costs_nothing() {
        let key = "k".repeat(10_000_000);
        assert_eq!(closest(&key, &["kind"]), None);
    }
}
