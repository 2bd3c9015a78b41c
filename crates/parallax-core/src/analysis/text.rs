//! Words, folding and shingles: the shared vocabulary of every comparison.
//!
//! Two outlets printing the same sentence differ in quote marks (’ vs '), case and British vs
//! American spelling ("characterisation" / "characterization", "combatting" / "combating").
//! Every comparison in the analysis goes through [`fold_word`], so those differences never count
//! as different text. Word boundaries are Unicode's (UAX #29, `unicode-segmentation`): an
//! apostrophe inside a word keeps it whole ("Pakistan’s"), hyphens split ("cross-border" is two
//! words, the same on both sides).

use crate::ingest::work;
use unicode_segmentation::UnicodeSegmentation;
use xxhash_rust::xxh3::xxh3_64;

/// Shingle size used throughout: word 5-shingles are long enough that two unrelated reports on
/// the same beat rarely share one by chance, short enough that a light rewrite keeps many.
pub const SHINGLE_K: usize = 5;

/// A word of a text: its byte range in the text and its folded form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordSpan {
    pub start: usize,
    pub end: usize,
    /// [`fold_word`] of the original.
    pub folded: String,
}

/// The words of `text` with their byte ranges, folded for comparison.
pub fn word_spans(text: &str) -> Vec<WordSpan> {
    text.unicode_word_indices()
        .map(|(start, w)| WordSpan {
            start,
            end: start + w.len(),
            folded: fold_word(w),
        })
        .collect()
}

/// The folded words of `text`, in order.
pub fn words(text: &str) -> Vec<String> {
    text.unicode_words().map(fold_word).collect()
}

/// Folds quote-like characters to their ASCII forms (’ ‘ ʼ ′ → ', “ ” „ ″ → ").
pub fn fold_quote_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
        | '\u{FF07}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' | '\u{FF02}' => '"',
        _ => c,
    }
}

/// The comparison key of one word: lower case, quote marks folded, spelling variants folded.
pub fn fold_word(word: &str) -> String {
    let mut w: String = word
        .chars()
        .map(fold_quote_char)
        .flat_map(char::to_lowercase)
        .collect();
    fold_spelling(&mut w);
    w
}

/// Folds British/American spelling variants onto one form. Both forms of a pair map to the same
/// key; the key need not be a real word. Rules are suffix rules with length guards so short
/// common words ("four", "size", "fill") are left alone.
fn fold_spelling(w: &mut String) {
    if !w.is_ascii() || w.len() < 5 {
        return;
    }
    // Whole-word variants that no suffix rule covers.
    const WORDS: &[(&str, &str)] = &[
        ("defence", "defense"),
        ("defences", "defenses"),
        ("offence", "offense"),
        ("offences", "offenses"),
        ("licence", "license"),
        ("licences", "licenses"),
        ("pretence", "pretense"),
        ("judgement", "judgment"),
        ("judgements", "judgments"),
        ("ageing", "aging"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("kilometre", "kilometer"),
        ("kilometres", "kilometers"),
        ("grey", "gray"),
    ];
    if let Some((_, to)) = WORDS.iter().find(|(from, _)| *from == w.as_str()) {
        *w = (*to).to_string();
        return;
    }
    // -ize/-yze → -ise/-yse ("organization" → "organisation"); at least 3 letters before
    // "iz" so "size", "prize", "seize" stay.
    const Z_TAILS: &[&str] = &[
        "ize", "izes", "ized", "izing", "izer", "izers", "ization", "izations", "yze", "yzes",
        "yzed", "yzing", "yzer", "yzers", "yzation", "yzations",
    ];
    if let Some(tail) = Z_TAILS
        .iter()
        .find(|t| w.len() >= t.len() + 3 && w.ends_with(*t))
    {
        let z = w.len() - tail.len() + 1;
        w.replace_range(z..z + 1, "s");
        return;
    }
    // -our → -or ("favour", "labour", "neighbours", "honourable"). At least 3 letters before
    // "our" so "four", "your", "hour", "flour" stay.
    const OUR_TAILS: &[&str] = &[
        "our", "ours", "oured", "ouring", "ourite", "ourites", "ourable", "ourably", "ourful",
        "ourless", "ourer", "ourers", "ourism",
    ];
    const OUR_EXCEPTIONS: &[&str] = &[
        "detour",
        "devour",
        "contour",
        "paramour",
        "troubadour",
        "velour",
    ];
    if let Some(tail) = OUR_TAILS
        .iter()
        .find(|t| w.len() >= t.len() + 3 && w.ends_with(*t))
    {
        let o = w.len() - tail.len();
        if !OUR_EXCEPTIONS.iter().any(|e| w[..o + 3].ends_with(e)) {
            w.remove(o + 1); // drop the 'u'
        }
        return;
    }
    // Doubled l/t/s before -ed/-ing/-er ("travelled", "combatting", "focussed"); at least 5
    // letters up to the doubled consonant so "filled", "setting" stay.
    for suffix in ["ed", "ing", "er", "ers"] {
        if w.len() >= suffix.len() + 5 && w.ends_with(suffix) {
            let stem = &w.as_bytes()[..w.len() - suffix.len()];
            let n = stem.len();
            if stem[n - 1] == stem[n - 2] && matches!(stem[n - 1], b'l' | b't' | b's') {
                w.remove(n - 1);
            }
            return;
        }
    }
    // -tre/-bre → -ter/-ber ("centre", "theatre", "fibre").
    for (from, to) in [
        ("tre", "ter"),
        ("tres", "ters"),
        ("bre", "ber"),
        ("bres", "bers"),
    ] {
        if w.ends_with(from) {
            let stem_len = w.len() - from.len();
            w.replace_range(stem_len.., to);
            return;
        }
    }
    // -ogue → -og ("dialogue", "catalogue"); "rogue", "vogue" are too short to qualify.
    if w.len() >= 7 && w.ends_with("ogue") {
        w.truncate(w.len() - 2);
    }
}

/// Sorted, deduplicated xxh3 hashes of the word `k`-shingles of `words` (already folded).
///
/// A text with fewer than `k` words (but at least one) yields one shingle of all its words, so
/// a very short text is still comparable with itself. `k` of 0 is treated as 1.
pub fn shingles(words: &[String], k: usize) -> Vec<u64> {
    let k = k.max(1);
    if words.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<u64> = if words.len() < k {
        vec![hash_words(words)]
    } else {
        words.windows(k).map(hash_words).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// [`shingles`] of the folded words of `text`.
pub fn text_shingles(text: &str, k: usize) -> Vec<u64> {
    shingles(&words(text), k)
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

/// Length and start positions (in `a`, in `b`) of the longest run of equal words.
///
/// Linear in the two texts whatever they repeat ([`super::common_run`], a suffix automaton);
/// ties keep the earliest run in `a`, then in `b`.
pub fn longest_common_run<T: Ord>(a: &[T], b: &[T]) -> (usize, usize, usize) {
    super::common_run::longest_common_run(a, b)
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

/// A light stemmer for matching topic phrases across inflections ("refugees" → "refugee",
/// "protested"/"protesting" → "protest", "Taliban’s" → "taliban"). Input is a folded word.
/// Not a linguistic stemmer: it only has to map the forms of one word onto one key.
pub fn stem(folded: &str) -> String {
    let mut w = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix('\''))
        .unwrap_or(folded)
        .to_string();
    if !w.is_ascii() || w.len() <= 3 {
        return w;
    }
    if w.len() > 4 && w.ends_with("ies") && !w.ends_with("eies") && !w.ends_with("aies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.len() > 4
        && (w.ends_with("sses") || w.ends_with("shes") || w.ends_with("ches") || w.ends_with("xes"))
    {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    for suffix in ["ing", "ed"] {
        if w.len() >= suffix.len() + 4 && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            let b = w.as_bytes();
            let n = b.len();
            // "stopped" → "stop", "planning" → "plan"; keep "ll"/"ss" ("killed" → "kill").
            if b[n - 1] == b[n - 2]
                && !matches!(b[n - 1], b'l' | b's' | b'z' | b'f')
                && !is_vowel(b[n - 1])
            {
                w.pop();
            }
            return w;
        }
    }
    // "escalate"/"escalated" → "escalat"; keep "ee" ("refugee").
    if w.len() > 4 && w.ends_with('e') && !w.ends_with("ee") {
        w.pop();
    }
    w
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_case_and_spelling() {
        assert_eq!(fold_word("Pakistan’s"), "pakistan's");
        assert_eq!(fold_word("characterisation"), fold_word("characterization"));
        assert_eq!(fold_word("organisations"), fold_word("organizations"));
        assert_eq!(fold_word("Combatting"), fold_word("combating"));
        assert_eq!(fold_word("travelled"), fold_word("traveled"));
        assert_eq!(fold_word("neighbours"), fold_word("neighbors"));
        assert_eq!(fold_word("honourable"), fold_word("honorable"));
        assert_eq!(fold_word("centre"), fold_word("center"));
        assert_eq!(fold_word("Defence"), fold_word("defense"));
        assert_eq!(fold_word("analysed"), fold_word("analyzed"));
        assert_eq!(fold_word("dialogue"), fold_word("dialog"));
    }

    #[test]
    fn spelling_fold_leaves_short_and_unrelated_words() {
        for w in [
            "four", "your", "hour", "size", "prize", "seize", "filled", "setting", "detour",
            "rogue", "our",
        ] {
            assert_eq!(fold_word(w), w, "{w}");
        }
        assert_ne!(fold_word("filled"), fold_word("filed"));
    }

    #[test]
    fn words_keep_apostrophes_and_split_hyphens() {
        assert_eq!(
            words("Pakistan’s cross-border “attacks”, 3.5 U.S."),
            ["pakistan's", "cross", "border", "attacks", "3.5", "u.s"]
        );
        let spans = word_spans("Hi, Miller’s");
        assert_eq!((spans[1].start, spans[1].end), (4, "Hi, Miller’s".len()));
    }

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
    fn stems_map_inflections_together() {
        for (a, b) in [
            ("refugees", "refugee"),
            ("protests", "protested"),
            ("protesting", "protest"),
            ("taliban's", "taliban"),
            ("escalated", "escalate"),
            ("escalating", "escalates"),
            ("elections", "election"),
            ("militancies", "militancy"),
            ("attacks", "attacked"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_ne!(stem("iran"), stem("iraq"));
        assert_eq!(stem("isis"), "isis");
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
