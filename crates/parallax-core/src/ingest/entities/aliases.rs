//! One person, many spellings: given names that are spelling variants, the alias map across the
//! corpus, and how often each name is printed.

use std::collections::{BTreeMap, HashMap, HashSet};

/// Given names that are spellings of one another: one letter inserted or dropped
/// ("Mathew"/"Matthew"), or one vowel for another in longer names ("Mohammad"/"Mohammed").
/// Consonant swaps ("Sara"/"Sana") are different people.
pub fn spelling_variants(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (
        a.to_lowercase().chars().collect(),
        b.to_lowercase().chars().collect(),
    );
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() == short.len() + 1 && short.len() >= 4 {
        let i = short
            .iter()
            .zip(long.iter())
            .position(|(x, y)| x != y)
            .unwrap_or(short.len());
        return short[i..] == long[i + 1..];
    }
    if a.len() == b.len() && a.len() >= 5 {
        let diffs: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        let vowel = |c: char| "aeiou".contains(c);
        return diffs.len() == 1 && vowel(a[diffs[0]]) && vowel(b[diffs[0]]);
    }
    false
}

/// Strings that two spelling variants of a given name always share (the name itself, the name
/// with one letter dropped, the name with one vowel masked), so that candidates are found by
/// lookup; `spelling_variants` then decides.
fn variant_keys(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.to_lowercase().chars().collect();
    let mut keys = vec![chars.iter().collect::<String>()];
    for i in 0..chars.len() {
        keys.push(chars[..i].iter().chain(&chars[i + 1..]).collect());
        if "aeiou".contains(chars[i]) {
            keys.push(
                chars[..i]
                    .iter()
                    .chain(std::iter::once(&'*'))
                    .chain(&chars[i + 1..])
                    .collect(),
            );
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Maps every spelling of a person's name to one canonical spelling: names with the same
/// surname and given names that are spelling variants are one person; the spelling used in
/// most reports wins, then the longer one. `counts`: name → number of reports naming it.
///
/// Candidates are looked up by surname and a variant key of the first given name, so the work
/// grows with the number of names, not with its square.
pub fn alias_map(counts: &BTreeMap<String, usize>) -> HashMap<String, String> {
    type Key = (String, usize, String);
    let mut buckets: HashMap<Key, Vec<&String>> = HashMap::new();
    let split = |name: &str| -> Option<(String, Vec<String>)> {
        let parts: Vec<&str> = name.split(' ').collect();
        let (surname, given) = parts.split_last()?;
        Some((
            surname.to_lowercase(),
            given.iter().map(|g| g.to_string()).collect(),
        ))
    };
    for name in counts.keys() {
        let Some((surname, given)) = split(name) else {
            continue;
        };
        let Some(first) = given.first() else { continue };
        for k in variant_keys(first) {
            buckets
                .entry((surname.clone(), given.len(), k))
                .or_default()
                .push(name);
        }
    }
    let mut map = HashMap::new();
    for (name, &count) in counts {
        let mut best: (&String, usize) = (name, count);
        if let Some((surname, given)) = split(name) {
            if let Some(first) = given.first() {
                let mut candidates: Vec<&String> = variant_keys(first)
                    .into_iter()
                    .filter_map(|k| buckets.get(&(surname.clone(), given.len(), k)))
                    .flatten()
                    .copied()
                    .collect();
                candidates.sort();
                candidates.dedup();
                crate::ingest::work::add(candidates.len());
                for other in candidates {
                    let Some((_, og)) = split(other) else {
                        continue;
                    };
                    if !given
                        .iter()
                        .zip(og.iter())
                        .all(|(x, y)| spelling_variants(x, y))
                    {
                        continue;
                    }
                    let c = counts[other];
                    if (c, other.len(), std::cmp::Reverse(other.as_str()))
                        > (best.1, best.0.len(), std::cmp::Reverse(best.0.as_str()))
                    {
                        best = (other, c);
                    }
                }
            }
        }
        map.insert(name.clone(), best.0.clone());
    }
    map
}

/// How often each name is printed in the texts, as whole words (a name followed by a
/// possessive counts; "Jane Roe" is not counted inside "Jane Roebuck"). One pass over the
/// words of the texts, whatever the number of names. Names are counted at least once.
pub fn count_names(texts: &[&str], names: &[&str]) -> HashMap<String, usize> {
    let wanted: HashSet<&str> = names.iter().copied().collect();
    let most_words = names
        .iter()
        .map(|n| n.split(' ').count())
        .max()
        .unwrap_or(0);
    let mut counts: HashMap<String, usize> = HashMap::new();
    let alnum_edge = |c: char| !c.is_alphanumeric();
    for text in texts {
        // Byte offsets of the pieces between single spaces.
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut at = 0;
        for piece in text.split(' ') {
            pieces.push((at, at + piece.len()));
            at += piece.len() + 1;
        }
        for i in 0..pieces.len() {
            let (s0, e0) = pieces[i];
            let first = &text[s0..e0];
            let start = s0 + (first.len() - first.trim_start_matches(alnum_edge).len());
            crate::ingest::work::add(most_words);
            for k in 2..=most_words.min(pieces.len() - i) {
                let end = pieces[i + k - 1].1;
                let span = text[start..end].trim_end_matches(alnum_edge);
                let bare = span
                    .strip_suffix("\u{2019}s")
                    .or_else(|| span.strip_suffix("'s"));
                for candidate in [Some(span), bare].into_iter().flatten() {
                    if let Some(name) = wanted.get(candidate) {
                        *counts.entry(name.to_string()).or_default() += 1;
                        break;
                    }
                }
            }
        }
    }
    for n in names {
        let c = counts.entry(n.to_string()).or_default();
        *c = (*c).max(1);
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases() {
        assert!(spelling_variants("Mathew", "Matthew"));
        assert!(spelling_variants("Mohammad", "Mohammed"));
        assert!(!spelling_variants("Sara", "Sana"));
        assert!(!spelling_variants("Ali", "Alia"));
        let counts = BTreeMap::from([
            ("Mathew Miller".to_string(), 1),
            ("Matthew Miller".to_string(), 4),
            ("Sara Khan".to_string(), 2),
            ("Sana Khan".to_string(), 2),
        ]);
        let map = alias_map(&counts);
        assert_eq!(map["Mathew Miller"], "Matthew Miller");
        assert_eq!(map["Matthew Miller"], "Matthew Miller");
        assert_eq!(map["Sara Khan"], "Sara Khan");
    }
}
