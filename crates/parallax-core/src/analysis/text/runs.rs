//! The longest run of equal words of two texts: exact on the words, or fast on hashed windows.

use crate::ingest::work;

/// Length and start positions (in `a`, in `b`) of the longest run of equal words.
///
/// Linear in the two texts whatever they repeat ([`crate::analysis::common_run`], a suffix automaton);
/// ties keep the earliest run in `a`, then in `b`.
pub fn longest_common_run<T: Ord>(a: &[T], b: &[T]) -> (usize, usize, usize) {
    crate::analysis::common_run::longest_common_run(a, b)
}

/// Hashes of every `k`-word window of `word_hashes`, in position order (not deduplicated).
pub fn window_hashes(word_hashes: &[u64], k: usize) -> Vec<u64> {
    let k = k.max(1);
    word_hashes
        .windows(k)
        .map(|win| {
            // Multiply-rotate mixing of already uniform 64-bit hashes: order-sensitive, no allocation.
            win.iter().fold(0x9E37_79B9_7F4A_7C15u64, |h, &x| {
                (h ^ x).wrapping_mul(0xBF58_476D_1CE4_E5B9).rotate_left(27)
            })
        })
        .collect()
}

/// `(hash, position)` of [`window_hashes`], sorted, for finding equal windows by binary search.
pub fn window_index(windows: &[u64]) -> Vec<(u64, u32)> {
    let mut index: Vec<(u64, u32)> = windows
        .iter()
        .enumerate()
        .map(|(i, &h)| (h, i as u32))
        .collect();
    index.sort_unstable();
    index
}

/// Calls `f` with each run of equal hashes of two sorted indexes (the run in `a`, in `b`).
fn merge_equal(
    a: &[(u64, u32)],
    b: &[(u64, u32)],
    mut f: impl FnMut(&[(u64, u32)], &[(u64, u32)]),
) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (ha, hb) = (a[i].0, b[j].0);
        if ha < hb {
            i += 1;
        } else if hb < ha {
            j += 1;
        } else {
            let i_end = i + a[i..].iter().take_while(|x| x.0 == ha).count();
            let j_end = j + b[j..].iter().take_while(|x| x.0 == ha).count();
            f(&a[i..i_end], &b[j..j_end]);
            (i, j) = (i_end, j_end);
        }
    }
}

/// Length of the longest run of equal words of two texts, given their word hashes and their
/// `k`-word window indexes ([`window_index`] of [`window_hashes`]).
///
/// A run of L ≥ k words is L − k + 1 consecutive equal windows on one diagonal, so the equal
/// windows are found by merging the two sorted indexes (linear) and the longest diagonal streak
/// gives the run; equal windows are few even when common words are many. When no window is
/// shared, or when the texts repeat themselves so much that equal window pairs outnumber twice
/// their windows (a sentence printed 8,000 times in both has tens of millions), it falls back to
/// [`longest_common_run`] on the words, which is linear in any case. Exact up to collisions of
/// 64-bit hashes.
pub fn longest_run_hashed(
    a_words: &[u64],
    a_index: &[(u64, u32)],
    b_words: &[u64],
    b_index: &[(u64, u32)],
    k: usize,
) -> usize {
    let k = k.max(1);
    // Equal window pairs number the product of each window's repeats in the two texts: fine for
    // prose, quadratic for a text repeating itself. Count them first; past a linear budget, the
    // suffix automaton gives the same length without listing them.
    let mut pairs = 0usize;
    merge_equal(a_index, b_index, |a_run, b_run| {
        pairs = pairs.saturating_add(a_run.len().saturating_mul(b_run.len()));
    });
    work::add(a_index.len() + b_index.len());
    if pairs == 0 || pairs > 2 * (a_index.len() + b_index.len()) {
        return longest_common_run(a_words, b_words).0;
    }
    work::add(pairs);
    // (diagonal, position in a) of every equal window pair.
    let mut hits: Vec<(i64, u32)> = Vec::with_capacity(pairs);
    merge_equal(a_index, b_index, |a_run, b_run| {
        for &(_, pa) in a_run {
            for &(_, pb) in b_run {
                hits.push((pa as i64 - pb as i64, pa));
            }
        }
    });
    hits.sort_unstable();
    let (mut best, mut streak) = (1, 1);
    for w in hits.windows(2) {
        streak = if w[1].0 == w[0].0 && w[1].1 == w[0].1 + 1 {
            streak + 1
        } else {
            1
        };
        best = best.max(streak);
    }
    best + k - 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::words;
    use xxhash_rust::xxh3::xxh3_64;
    #[test]
    fn longest_common_run_finds_the_run() {
        let a = words("one two three four five six seven");
        let b = words("x three four five y one two");
        assert_eq!(longest_common_run(&a, &b), (3, 2, 1));
        assert_eq!(longest_common_run(&a, &a), (7, 0, 0));
        assert_eq!(longest_common_run::<String>(&[], &b).0, 0);
        let c = words("the the the the");
        let d = words("the the");
        assert_eq!(longest_common_run(&c, &d).0, 2);
    }

    #[test]
    fn hashed_longest_run_agrees_with_the_word_run() {
        let hashes = |t: &str| {
            words(t)
                .iter()
                .map(|w| xxh3_64(w.as_bytes()))
                .collect::<Vec<u64>>()
        };
        let a = hashes("a b c d e f g h i j k l m n o p");
        let b = hashes("x y c d e f g h i z a b c q");
        let run = |a: &[u64], b: &[u64]| {
            let (wa, wb) = (window_hashes(a, 5), window_hashes(b, 5));
            longest_run_hashed(a, &window_index(&wa), b, &window_index(&wb), 5)
        };
        assert_eq!(run(&a, &b), 7);
        assert_eq!(run(&a, &hashes("q c d e r")), 3);
        assert_eq!(run(&a, &a), a.len());
        assert_eq!(run(&a, &[]), 0);
        assert_eq!(run(&hashes("a b"), &a), 2);
        let rep = hashes("a b c d e a b c d e a b c d e f");
        assert_eq!(run(&rep, &hashes("a b c d e a b c d e x")), 10);
    }

    proptest::proptest! {
        #[test]
        fn hashed_run_equals_the_plain_run(a in proptest::collection::vec(0u64..4, 0..40), b in proptest::collection::vec(0u64..4, 0..40)) {
            let (wa, wb) = (window_hashes(&a, 3), window_hashes(&b, 3));
            proptest::prop_assert_eq!(longest_run_hashed(&a, &window_index(&wa), &b, &window_index(&wb), 3), longest_common_run(&a, &b).0);
        }
    }

    #[test]
    fn longest_run_matches_brute_force() {
        // Brute force over small random-ish sequences.
        let seqs = [
            vec![1, 2, 1, 2, 3],
            vec![2, 1, 2, 3, 1],
            vec![3, 3, 3],
            vec![1, 2, 3, 4, 5, 1, 2, 3],
        ];
        for a in &seqs {
            for b in &seqs {
                let mut best = 0;
                for i in 0..a.len() {
                    for j in 0..b.len() {
                        let mut k = 0;
                        while i + k < a.len() && j + k < b.len() && a[i + k] == b[j + k] {
                            k += 1;
                        }
                        best = best.max(k);
                    }
                }
                assert_eq!(longest_common_run(a, b).0, best);
            }
        }
    }
}
