//! The fast words, folding and shingles give exactly what the first, plain versions gave (kept
//! here as they were): the same words at the same offsets, the same folded keys and the same
//! shingle hashes, on arbitrary Unicode and on ASCII-heavy text with the odd non-ASCII character.

use super::*;
use proptest::prelude::*;
use xxhash_rust::xxh3::xxh3_64;

fn old_word_spans(text: &str) -> Vec<WordSpan> {
    text.unicode_word_indices()
        .map(|(start, w)| WordSpan {
            start,
            end: start + w.len(),
            folded: old_fold_word(w),
        })
        .collect()
}

fn old_words(text: &str) -> Vec<String> {
    text.unicode_words().map(old_fold_word).collect()
}

/// The shared text fold written plainly (whole-string NFD, marks dropped, lower case, plain
/// punctuation), then the spelling fold.
fn old_fold_word(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut w: String = word
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(crate::text_fold::fold_punctuation)
        .collect();
    // The spelling fold is a table and tail rules, not a fast path: the one in use.
    fold_spelling(&mut w);
    w
}

fn old_hash_words(words: &[String]) -> u64 {
    let mut buf = Vec::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    for w in words {
        buf.extend_from_slice(w.as_bytes());
        buf.push(0x1f);
    }
    xxh3_64(&buf)
}

fn old_shingles(words: &[String], k: usize) -> Vec<u64> {
    let k = k.max(1);
    if words.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<u64> = if words.len() < k {
        vec![old_hash_words(words)]
    } else {
        words.windows(k).map(old_hash_words).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

fn old_text_shingles(text: &str, k: usize) -> Vec<u64> {
    old_shingles(&old_words(text), k)
}

/// Characters news text is made of, and the ones UAX #29 treats specially: ASCII word, middle
/// and joining characters, spaces and line ends, curly quotes and no-break spaces, combining
/// marks (some of them alphabetic), format characters, ZWJ, regional indicators, Hebrew,
/// Katakana, CJK, letters that lower-case to more than one character or to ASCII.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => prop::sample::select(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".chars().collect::<Vec<_>>()
        ),
        4 => prop::sample::select(vec![' ', ' ', '.', ',', ';', ':', '\'', '_', '-', '"', '`', '\n', '\r', '\t', '\u{b}', '\u{c}']),
        2 => prop::sample::select(vec![
            '’', '‘', '“', '”', '\u{a0}', '\u{2019}', '\u{2024}', 'é', 'É', 'ß', 'İ', 'K', '\u{212A}',
            '\u{301}', '\u{345}', '\u{93e}', '\u{200d}', '\u{ad}', '\u{200b}', '\u{2060}', '\u{85}',
            '\u{2028}', '\u{3000}', '\u{1680}', '\u{1f1e6}', '\u{1f1e7}', '\u{1f600}', '\u{5d0}',
            '\u{5f3}', '\u{30a2}', '\u{30fc}', '\u{4e00}', '\u{ff0e}', '\u{fe52}', '\u{b7}', '\u{37e}',
            '\u{661}', '\u{ff10}', '\u{2032}', '\u{2bc}', '\u{ff07}', '\u{b4}', '\u{ab}', '\u{bb}',
        ]),
        1 => any::<char>(),
    ]
}

fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..200).prop_map(|c| c.into_iter().collect())
}

/// Mostly words of ASCII letters with British and American endings, joined by spaces and
/// punctuation, now and then a non-ASCII character.
fn ascii_heavy_text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        "[a-zA-Z]{1,12}",
        "[a-z]{3,8}(ise|ize|isation|ization|our|ours|oured|ourable|elled|tted|ssed|lling|tre|tres|bre|ogue|yse|yze)",
        prop::sample::select(vec![
            "Defence", "programmes", "grey", "Judgement", "Pakistan’s", "U.S.", "3.5", "1,000",
            "e.g.", "k:a", "don't", "“attacks”", "cross-border", "a_b", "__", "Detour", "flour",
            "the", "our", "ÉLYSÉE", "naïve", "café",
        ])
        .prop_map(str::to_string),
        "[0-9]{1,4}([.,;'][0-9]{1,3})?",
    ];
    let sep = prop::sample::select(vec![
        " ", " ", " ", "  ", ", ", ". ", "\n", "\r\n", "\u{a0}", " “", "” ", "’", " - ", ":", "'",
        "`",
    ]);
    prop::collection::vec((word, sep), 0..60)
        .prop_map(|parts| parts.into_iter().map(|(w, s)| w + s).collect::<String>())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(word_spans(text), old_word_spans(text));
    prop_assert_eq!(words(text), old_words(text));
    for k in [1, 2, 5] {
        prop_assert_eq!(text_shingles(text, k), old_text_shingles(text, k));
        let w = old_words(text);
        prop_assert_eq!(shingles(&w, k), old_shingles(&w, k));
    }
    prop_assert_eq!(fold_word(text), old_fold_word(text));
    for (_, w) in text.unicode_word_indices() {
        prop_assert_eq!(fold_word(w), old_fold_word(w));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn same_as_before_on_tricky_text(text in tricky_text()) {
        check(&text)?;
    }

    #[test]
    fn same_as_before_on_ascii_heavy_text(text in ascii_heavy_text()) {
        check(&text)?;
    }

    #[test]
    fn same_as_before_on_any_string(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn fold_word_same_as_before(word in prop_oneof!["\\PC{0,20}", "[a-zA-Z`'’]{0,20}", "[a-z]{2,9}(ise|ize|our|ours|elled|tted|tre|bres|ogue|yzation)"]) {
        prop_assert_eq!(fold_word(&word), old_fold_word(&word));
    }
}

#[test]
fn same_as_before_on_the_bundled_corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let Ok(text) = std::fs::read_to_string(entry.unwrap().path()) else {
            continue;
        };
        assert_eq!(word_spans(&text), old_word_spans(&text));
        assert_eq!(text_shingles(&text, 5), old_text_shingles(&text, 5));
        n += 1;
    }
    assert!(n > 0);
}
