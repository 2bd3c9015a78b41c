//! The one text fold, shared by search and analysis: the same characters fold the same way
//! whether a reader types them or two outlets printed them.
//!
//! A character folds to: ASCII lower case (the backtick an apostrophe); otherwise its canonical
//! decomposition without combining marks ("é" → "e"), in lower case, with typographic quotes
//! and apostrophes made plain (’ ʼ ‘ ‛ ′ ´ → ', “ ” „ ‟ ″ « » → "), dashes made '-' and
//! non-ASCII spaces ' '. The fold works character by character, so folding two texts and
//! joining them equals folding the joined text, and a folded query matches folded text.
//!
//! Search folds whole texts ([`fold`], [`fold_with_offsets`] for highlights); the analysis
//! folds words and then folds British and American spellings on top
//! (`analysis::text::fold_word`).

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Calls `emit` with the folded form of `c` (one character for ASCII, zero or more otherwise).
#[inline]
pub fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(if c == '`' {
            '\''
        } else {
            c.to_ascii_lowercase()
        });
        return;
    }
    decompose_canonical(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        for lower in d.to_lowercase() {
            emit(fold_punctuation(lower));
        }
    });
}

/// Folds `text`: see the module documentation.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the fold of `text` to `out`, with a fast path for ASCII text.
pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        let folded = &mut out[start..];
        folded.make_ascii_lowercase();
        if folded.contains('`') {
            let plain = folded.replace('`', "'");
            out.truncate(start);
            out.push_str(&plain);
        }
        return;
    }
    for c in text.chars() {
        fold_char(c, |f| out.push(f));
    }
}

/// Folds `text`, calling `emit(folded_char, original_byte_offset)` for each output character:
/// what maps a match in folded text back to the original for highlights.
pub fn fold_with_offsets(text: &str, mut emit: impl FnMut(char, usize)) {
    for (offset, c) in text.char_indices() {
        fold_char(c, |f| emit(f, offset));
    }
}

/// Quote marks and apostrophes to their ASCII forms; every other character unchanged.
pub fn fold_quote_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
        | '\u{FF07}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' | '\u{FF02}' => '"',
        _ => c,
    }
}

/// Quotes (as [`fold_quote_char`]), dashes and the minus sign to '-', non-ASCII spaces to ' '.
pub fn fold_punctuation(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        c if !c.is_ascii() && c.is_whitespace() => ' ',
        c => fold_quote_char(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The fold written plainly: whole-string NFD (reordering only moves combining marks, which
    /// go), then each character's lower case and punctuation.
    fn plain_fold(text: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        text.nfd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .map(fold_punctuation)
            .collect()
    }

    #[test]
    fn typographic_quotes_and_apostrophes_fold_alike() {
        for apostrophe in ['’', 'ʼ', '‘', '‛', '′', '`', '\'', '´', '＇'] {
            assert_eq!(fold(&format!("Pakistan{apostrophe}s")), "pakistan's");
        }
        for quote in ['«', '»', '„', '“', '”', '‟', '″', '"', '＂'] {
            assert_eq!(fold(&format!("{quote}Talks{quote}")), "\"talks\"");
        }
        assert_eq!(fold("Café CAFE cafe\u{301}"), "cafe cafe cafe");
        assert_eq!(fold("cross‐border — 5\u{a0}km"), "cross-border - 5 km");
        // A word with no spelling variant has one key for search and analysis.
        for word in ["Pakistanʼs", "«Talks»", "„Talks“", "Élysée", "don`t"] {
            assert_eq!(fold(word), crate::analysis::text::fold_word(word), "{word}");
        }
    }

    proptest! {
        #[test]
        fn fold_is_the_plain_fold(text in any::<String>()) {
            prop_assert_eq!(fold(&text), plain_fold(&text));
        }

        /// Search's fold of any string is the analysis's word key before spellings are folded.
        #[test]
        fn search_fold_is_the_analysis_fold(text in prop_oneof![
            any::<String>(),
            "[a-zA-Z’ʼ‘‛′`«»„“”‟″'\"éÉ]{0,20}",
            "[A-Za-z]{2,9}(ise|ize|our|elled|tre|ogue)",
        ]) {
            let mut search = fold(&text);
            crate::analysis::text::fold_spelling(&mut search);
            prop_assert_eq!(&search, &crate::analysis::text::fold_word(&text));
        }

        /// Any text with one typographic apostrophe (or quote) in place of another folds alike.
        #[test]
        fn typographic_marks_fold_alike_anywhere(
            before in any::<String>(),
            after in any::<String>(),
            apostrophes in (0usize..7, 0usize..7),
            quotes in (0usize..8, 0usize..8),
        ) {
            const APOSTROPHES: [char; 7] = ['\'', '’', 'ʼ', '‘', '‛', '′', '`'];
            const QUOTES: [char; 8] = ['"', '«', '»', '„', '“', '”', '‟', '″'];
            let with = |a: char, q: char| fold(&format!("{before}{a}{after}{q}{before}"));
            prop_assert_eq!(
                with(APOSTROPHES[apostrophes.0], QUOTES[quotes.0]),
                with(APOSTROPHES[apostrophes.1], QUOTES[quotes.1])
            );
        }

        #[test]
        fn fold_is_per_character(a in any::<String>(), b in any::<String>()) {
            prop_assert_eq!(fold(&(a.clone() + &b)), fold(&a) + &fold(&b));
        }

        #[test]
        fn offsets_point_at_the_character_folded(text in any::<String>()) {
            let mut folded = String::new();
            fold_with_offsets(&text, |c, offset| {
                let mut one = String::new();
                fold_char(text[offset..].chars().next().unwrap(), |f| one.push(f));
                assert!(one.contains(c));
                folded.push(c);
            });
            prop_assert_eq!(folded, fold(&text));
        }
    }
}
