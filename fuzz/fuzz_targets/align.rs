//! Sentence alignment (`analysis::align`, the side-by-side view) of two arbitrary texts. The
//! input is the left text, a NUL byte, the right text (invalid UTF-8 replaced); each text is one
//! report whose paragraphs are its lines, a line starting with "## " being a heading.
//!
//! Invariants (those the unit tests check on a pool of sentences, here on any text): sentences are
//! exact trimmed slices of their paragraphs; every sentence is in exactly one row (a row holds
//! one sentence a side, or two consecutive ones on one side); rows keep left reading order; the
//! diff spans of a match rebuild each of its sentences; the summary adds up; swapping the sides
//! mirrors the matches; a report aligned with itself matches each sentence that has a word with
//! itself, one to one, verbatim and in place.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::analysis::align::{align, Alignment, DiffSpan, RowKind, RowShape, Sentence};
use parallax_core::analysis::text;
use parallax_core::{Paragraph, ParagraphKind, Report};

fn report(id: &str, text: &str) -> Report {
    Report {
        id: id.into(),
        paragraphs: text
            .split('\n')
            .map(|line| match line.strip_prefix("## ") {
                Some(h) => Paragraph {
                    kind: ParagraphKind::Heading,
                    text: h.into(),
                    ..Default::default()
                },
                None => Paragraph {
                    text: line.into(),
                    ..Default::default()
                },
            })
            .collect(),
        ..Default::default()
    }
}

fn check_sentences(r: &Report, sentences: &[Sentence]) {
    for s in sentences {
        let p = &r.paragraphs[s.paragraph];
        assert_eq!(
            p.kind,
            ParagraphKind::Text,
            "sentences come from text paragraphs"
        );
        assert_eq!(
            p.text.get(s.start..s.end),
            Some(s.text.as_str()),
            "sentence is the slice it says"
        );
        assert!(
            !s.text.is_empty() && s.text.trim() == s.text,
            "sentence is trimmed and not empty: {:?}",
            s.text
        );
    }
}

fn check(l: &Report, r: &Report, a: &Alignment) {
    check_sentences(l, &a.left);
    check_sentences(r, &a.right);
    let mut lefts: Vec<usize> = a.rows.iter().flat_map(|row| row.left_sentences()).collect();
    assert!(
        lefts.windows(2).all(|w| w[0] < w[1]),
        "rows keep left reading order"
    );
    let mut rights: Vec<usize> = a
        .rows
        .iter()
        .flat_map(|row| row.right_sentences())
        .collect();
    lefts.sort_unstable();
    rights.sort_unstable();
    assert_eq!(
        lefts,
        (0..a.left.len()).collect::<Vec<_>>(),
        "each left sentence once"
    );
    assert_eq!(
        rights,
        (0..a.right.len()).collect::<Vec<_>>(),
        "each right sentence once"
    );
    let mut matched = 0;
    for row in &a.rows {
        match (row.left, row.right) {
            (Some(_), Some(_)) => {
                matched += 1;
                assert!(matches!(row.kind, RowKind::Verbatim | RowKind::Reworded));
                assert!(
                    row.left_sentences().len() + row.right_sentences().len() <= 3,
                    "at most two sentences on one side"
                );
                let join =
                    |spans: &[DiffSpan]| spans.iter().map(|s| s.text.as_str()).collect::<String>();
                for (i, spans) in row.left_pieces() {
                    assert_eq!(
                        join(spans),
                        a.left[i].text,
                        "left spans rebuild the sentence"
                    );
                }
                for (j, spans) in row.right_pieces() {
                    assert_eq!(
                        join(spans),
                        a.right[j].text,
                        "right spans rebuild the sentence"
                    );
                }
                assert!(
                    row.similarity.is_finite() && row.similarity > 0.0 && row.similarity <= 1.0
                );
            }
            (Some(i), None) => {
                assert_eq!(
                    (row.kind, row.shape),
                    (RowKind::LeftOnly, RowShape::OneToOne)
                );
                assert!(a.left_only.contains(&i), "left-only row is in left_only");
            }
            (None, Some(j)) => {
                assert_eq!(
                    (row.kind, row.shape),
                    (RowKind::RightOnly, RowShape::OneToOne)
                );
                assert!(a.right_only.contains(&j), "right-only row is in right_only");
            }
            (None, None) => panic!("a row shows a sentence"),
        }
    }
    let s = &a.summary;
    assert_eq!(
        (s.left_sentences, s.right_sentences),
        (a.left.len(), a.right.len())
    );
    assert_eq!(s.matched, matched, "summary counts the matches");
    assert_eq!(
        s.verbatim + s.reworded,
        s.matched,
        "matches are verbatim or reworded"
    );
    assert!(s.moved <= s.matched && s.split_or_merged <= s.matched);
    assert_eq!(
        s.left_matched + s.right_matched,
        2 * s.matched + s.split_or_merged
    );
    assert_eq!(a.left_only.len() + s.left_matched, a.left.len());
    assert_eq!(a.right_only.len() + s.right_matched, a.right.len());
    for share in [s.left_matched_share, s.right_matched_share] {
        assert!(
            share.is_finite() && (0.0..=1.0001).contains(&share),
            "share {share} in 0..=1"
        );
    }
}

/// Each match: first sentence and sentence count a side, moved, kind.
type Match = (usize, usize, usize, usize, bool, RowKind);

fn matches(a: &Alignment, swap: bool) -> Vec<Match> {
    let mut v: Vec<_> = a
        .rows
        .iter()
        .filter_map(|row| {
            let (x, y) = (row.left?, row.right?);
            let (xs, ys) = (row.left_sentences().len(), row.right_sentences().len());
            Some(if swap {
                (y, x, ys, xs, row.moved, row.kind)
            } else {
                (x, y, xs, ys, row.moved, row.kind)
            })
        })
        .collect();
    v.sort_by_key(|t| (t.0, t.1));
    v
}

fuzz_target!(|bytes: &[u8]| {
    let (left, right) = match bytes.iter().position(|&b| b == 0) {
        Some(i) => (&bytes[..i], &bytes[i + 1..]),
        None => (bytes, &[][..]),
    };
    let l = report("l", &String::from_utf8_lossy(left));
    let r = report("r", &String::from_utf8_lossy(right));

    let ab = align(&l, &r);
    check(&l, &r, &ab);
    let ba = align(&r, &l);
    check(&r, &l, &ba);
    assert_eq!(
        matches(&ab, false),
        matches(&ba, true),
        "swapping the sides mirrors the matches"
    );
    assert_eq!(
        (&ab.left_only, &ab.right_only),
        (&ba.right_only, &ba.left_only)
    );

    let own = align(&l, &l);
    check(&l, &l, &own);
    for row in &own.rows {
        let i = row.left.or(row.right).expect("a row shows a sentence");
        if !text::words(&own.left[i].text).is_empty() {
            assert!(
                row.left == row.right
                    && row.shape == RowShape::OneToOne
                    && row.kind == RowKind::Verbatim
                    && !row.moved,
                "a sentence with words matches itself verbatim and in place: {:?} {row:?}",
                own.left[i].text
            );
        }
    }
});
