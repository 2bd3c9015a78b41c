//! Word shingles (hashed, sorted, deduplicated) and the overlap of two sets: shared values,
//! Jaccard similarity, containment.

use super::{fold_word_into, for_each_word};
use xxhash_rust::xxh3::xxh3_64;

/// Sorted, deduplicated xxh3 hashes of the word `k`-shingles of `words` (already folded).
///
/// A text with fewer than `k` words (but at least one) yields one shingle of all its words, so
/// a very short text is still comparable with itself. `k` of 0 is treated as 1.
pub fn shingles(words: &[String], k: usize) -> Vec<u64> {
    let mut joined = Joined::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    for w in words {
        joined.push(w);
    }
    joined.shingles(k)
}

/// [`shingles`] of the folded words of `text`, without a `String` per word.
pub fn text_shingles(text: &str, k: usize) -> Vec<u64> {
    let mut joined = Joined::with_capacity(text.len() + text.len() / 4);
    let mut folded = String::new();
    for_each_word(text, |_, w| {
        fold_word_into(w, &mut folded);
        joined.push(&folded);
    });
    joined.shingles(k)
}

/// Words laid end to end as [`hash_words`] lays them out (each followed by 0x1f), with where
/// each starts: the bytes [`hash_words`] hashes for words `i..j` are `bytes[starts[i]..starts[j]]`,
/// so a shingle's hash is the same value without copying its words.
struct Joined {
    bytes: Vec<u8>,
    /// Start of each word, then the end of the last.
    starts: Vec<usize>,
}

impl Joined {
    fn with_capacity(bytes: usize) -> Self {
        Joined {
            bytes: Vec::with_capacity(bytes),
            starts: vec![0],
        }
    }

    fn push(&mut self, word: &str) {
        self.bytes.extend_from_slice(word.as_bytes());
        self.bytes.push(0x1f);
        self.starts.push(self.bytes.len());
    }

    fn shingles(&self, k: usize) -> Vec<u64> {
        let k = k.max(1);
        let n = self.starts.len() - 1;
        if n == 0 {
            return Vec::new();
        }
        let mut out: Vec<u64> = if n < k {
            vec![xxh3_64(&self.bytes)]
        } else {
            self.starts
                .windows(k + 1)
                .map(|s| xxh3_64(&self.bytes[s[0]..s[k]]))
                .collect()
        };
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Hash of a word sequence; a unit separator between words so ("ab","c") ≠ ("a","bc").
pub fn hash_words(words: &[String]) -> u64 {
    let mut buf = Vec::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    for w in words {
        buf.extend_from_slice(w.as_bytes());
        buf.push(0x1f);
    }
    xxh3_64(&buf)
}

/// Number of values two sorted slices share; with repeats (sorted bags), each copy matches once.
pub fn intersection_size<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Jaccard similarity of two sorted, deduplicated sets; 0 when both are empty.
pub fn jaccard(a: &[u64], b: &[u64]) -> f32 {
    let shared = intersection_size(a, b);
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f32 / union as f32
    }
}

/// Share of `a`'s set found in `b`; 0 when `a` is empty.
pub fn containment(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() {
        0.0
    } else {
        intersection_size(a, b) as f32 / a.len() as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn shingles_are_sorted_unique_and_fold_variants() {
        let a = text_shingles(
            "We have a shared interest in combating threats to regional security.",
            5,
        );
        let b = text_shingles(
            "we have a SHARED interest in combatting threats to regional security",
            5,
        );
        assert_eq!(a, b);
        assert_eq!(a.len(), 7);
        assert!(a.windows(2).all(|w| w[0] < w[1]));
        let repeated = text_shingles("a b c d e a b c d e", 5);
        assert_eq!(repeated.len(), 5);
        assert_eq!(text_shingles("too short", 5).len(), 1);
        assert!(text_shingles("", 5).is_empty());
        assert_ne!(
            hash_words(&["ab".into(), "c".into()]),
            hash_words(&["a".into(), "bc".into()])
        );
    }

    #[test]
    fn jaccard_and_containment() {
        let a = [1, 2, 3, 4];
        let b = [3, 4, 5, 6, 7, 8];
        assert_eq!(intersection_size(&a, &b), 2);
        assert!((jaccard(&a, &b) - 0.25).abs() < 1e-6);
        assert!((containment(&a, &b) - 0.5).abs() < 1e-6);
        assert!((containment(&b, &a) - 1.0 / 3.0).abs() < 1e-6);
        assert_eq!(jaccard(&[], &[]), 0.0);
    }
}
