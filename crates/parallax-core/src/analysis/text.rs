//! Words, folding and shingles: the shared vocabulary of every comparison.
//!
//! Two outlets printing the same sentence differ in quote marks (’ vs '), case and British vs
//! American spelling ("characterisation" / "characterization", "combatting" / "combating").
//! Every comparison in the analysis goes through [`fold_word`], so those differences never count
//! as different text. Word boundaries are Unicode's (UAX #29, `unicode-segmentation`): an
//! apostrophe inside a word keeps it whole ("Pakistan’s"), hyphens split ("cross-border" is two
//! words, the same on both sides).

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
        .map(|(start, w)| WordSpan { start, end: start + w.len(), folded: fold_word(w) })
        .collect()
}

/// The folded words of `text`, in order.
pub fn words(text: &str) -> Vec<String> {
    text.unicode_words().map(fold_word).collect()
}

/// Folds quote-like characters to their ASCII forms (’ ‘ ʼ ′ → ', “ ” „ ″ → ").
pub fn fold_quote_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{FF07}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' | '\u{FF02}' => '"',
        _ => c,
    }
}

/// The comparison key of one word: lower case, quote marks folded, spelling variants folded.
pub fn fold_word(word: &str) -> String {
    let mut w: String = word.chars().map(fold_quote_char).flat_map(char::to_lowercase).collect();
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
    for (from, to) in [("iz", "is"), ("yz", "ys")] {
        for suffix in ["e", "es", "ed", "ing", "er", "ers", "ation", "ations"] {
            let tail = format!("{from}{suffix}");
            if w.len() >= tail.len() + 3 && w.ends_with(&tail) {
                let stem_len = w.len() - tail.len();
                w.replace_range(stem_len..stem_len + from.len(), to);
                return;
            }
        }
    }
    // -our → -or ("characterisation" aside: "favour", "labour", "neighbours", "honourable").
    // At least 3 letters before "our" so "four", "your", "hour", "flour" stay.
    const OUR_EXCEPTIONS: &[&str] = &["detour", "devour", "contour", "paramour", "troubadour", "velour"];
    for suffix in ["", "s", "ed", "ing", "ite", "ites", "able", "ably", "ful", "less", "er", "ers", "ism"] {
        let tail = format!("our{suffix}");
        if w.len() >= tail.len() + 3 && w.ends_with(&tail) {
            let stem_len = w.len() - tail.len();
            let base = &w[..stem_len + 3];
            if OUR_EXCEPTIONS.iter().any(|e| base.ends_with(e)) {
                return;
            }
            w.remove(stem_len + 1); // drop the 'u'
            return;
        }
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
    for (from, to) in [("tre", "ter"), ("tres", "ters"), ("bre", "ber"), ("bres", "bers")] {
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

/// Number of values two sorted, deduplicated slices share.
pub fn intersection_size(a: &[u64], b: &[u64]) -> usize {
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
/// Sparse dynamic programming over the positions where words are equal, so the cost follows the
/// number of equal word pairs rather than `a.len() * b.len()`. Ties keep the earliest run in `a`,
/// then in `b`.
pub fn longest_common_run<T: Eq + std::hash::Hash>(a: &[T], b: &[T]) -> (usize, usize, usize) {
    use std::collections::HashMap;
    if a.is_empty() || b.is_empty() {
        return (0, 0, 0);
    }
    let mut positions_in_b: HashMap<&T, Vec<usize>> = HashMap::new();
    for (j, w) in b.iter().enumerate() {
        positions_in_b.entry(w).or_default().push(j);
    }
    // run_ending[j + 1] = length of the common run ending at (i - 1, j) for the previous row.
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    let mut touched_prev: Vec<usize> = Vec::new();
    let mut touched_cur: Vec<usize> = Vec::new();
    let (mut best, mut best_a, mut best_b) = (0, 0, 0);
    for (i, w) in a.iter().enumerate() {
        if let Some(js) = positions_in_b.get(w) {
            for &j in js {
                let len = prev[j] + 1;
                cur[j + 1] = len;
                touched_cur.push(j + 1);
                if len > best {
                    best = len;
                    best_a = i + 1 - len;
                    best_b = j + 1 - len;
                }
            }
        }
        for &t in &touched_prev {
            prev[t] = 0;
        }
        touched_prev.clear();
        std::mem::swap(&mut prev, &mut cur);
        std::mem::swap(&mut touched_prev, &mut touched_cur);
    }
    (best, best_a, best_b)
}

/// A light stemmer for matching topic phrases across inflections ("refugees" → "refugee",
/// "protested"/"protesting" → "protest", "Taliban’s" → "taliban"). Input is a folded word.
/// Not a linguistic stemmer: it only has to map the forms of one word onto one key.
pub fn stem(folded: &str) -> String {
    let mut w = folded.strip_suffix("'s").or_else(|| folded.strip_suffix('\'')).unwrap_or(folded).to_string();
    if !w.is_ascii() || w.len() <= 3 {
        return w;
    }
    if w.len() > 4 && w.ends_with("ies") && !w.ends_with("eies") && !w.ends_with("aies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.len() > 4 && (w.ends_with("sses") || w.ends_with("shes") || w.ends_with("ches") || w.ends_with("xes")) {
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
            if b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z' | b'f') && !is_vowel(b[n - 1]) {
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
        for w in ["four", "your", "hour", "size", "prize", "seize", "filled", "setting", "detour", "rogue", "our"] {
            assert_eq!(fold_word(w), w, "{w}");
        }
        assert_ne!(fold_word("filled"), fold_word("filed"));
    }

    #[test]
    fn words_keep_apostrophes_and_split_hyphens() {
        assert_eq!(words("Pakistan’s cross-border “attacks”, 3.5 U.S."), ["pakistan's", "cross", "border", "attacks", "3.5", "u.s"]);
        let spans = word_spans("Hi, Miller’s");
        assert_eq!((spans[1].start, spans[1].end), (4, "Hi, Miller’s".len()));
    }

    #[test]
    fn shingles_are_sorted_unique_and_fold_variants() {
        let a = text_shingles("We have a shared interest in combating threats to regional security.", 5);
        let b = text_shingles("we have a SHARED interest in combatting threats to regional security", 5);
        assert_eq!(a, b);
        assert_eq!(a.len(), 7);
        assert!(a.windows(2).all(|w| w[0] < w[1]));
        let repeated = text_shingles("a b c d e a b c d e", 5);
        assert_eq!(repeated.len(), 5);
        assert_eq!(text_shingles("too short", 5).len(), 1);
        assert!(text_shingles("", 5).is_empty());
        assert_ne!(hash_words(&["ab".into(), "c".into()]), hash_words(&["a".into(), "bc".into()]));
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
        let seqs = [vec![1, 2, 1, 2, 3], vec![2, 1, 2, 3, 1], vec![3, 3, 3], vec![1, 2, 3, 4, 5, 1, 2, 3]];
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
