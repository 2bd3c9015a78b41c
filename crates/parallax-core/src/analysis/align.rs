//! Sentence alignment for the side-by-side view.
//!
//! [`align`] splits both reports into sentences ([`split_sentences`]), matches them one to one by
//! word overlap allowing any reordering, marks the matches that break reading order as moved,
//! diffs the words inside each match (`similar`, no deadline: `Instant::now` panics in the
//! browser) and lists what each side has alone. The result is plain serde data the page renders
//! row by row.

use super::text::{self, fold_quote_char, fold_word};
use crate::model::{ParagraphKind, Report};
use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices, Algorithm, DiffOp};
use std::collections::HashMap;
use unicode_segmentation::UnicodeSegmentation;

/// Two sentences match when their word bags have a Dice coefficient at least this high...
pub const MIN_DICE: (usize, usize) = (1, 2);
/// ...or when at least this many words of the shorter one...
pub const MIN_SHARED_WORDS_FOR_OVERLAP: usize = 6;
/// ...make up at least this share of it (a sentence cut down inside a longer one).
pub const MIN_OVERLAP: (usize, usize) = (4, 5);

/// A sentence of a report: where it is and what it says.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Index into `Report::paragraphs`.
    pub paragraph: usize,
    /// Byte range in the paragraph's text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Number of words.
    pub words: usize,
}

/// A piece of a matched sentence, changed or not relative to the other side.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffSpan {
    pub text: String,
    pub changed: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// Same words once case, quote marks and spelling variants are folded.
    #[default]
    Verbatim,
    Reworded,
    LeftOnly,
    RightOnly,
}

/// One row of the side-by-side view.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AlignedRow {
    /// Index into `Alignment::left`.
    pub left: Option<usize>,
    /// Index into `Alignment::right`.
    pub right: Option<usize>,
    pub kind: RowKind,
    /// The match breaks reading order: the right sentence sits elsewhere (see `right`).
    pub moved: bool,
    /// Dice coefficient of the two sentences' words (0 for unmatched rows).
    pub similarity: f32,
    /// The left sentence in pieces, changed words marked (empty for right-only rows).
    pub left_diff: Vec<DiffSpan>,
    pub right_diff: Vec<DiffSpan>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AlignmentSummary {
    pub left_sentences: usize,
    pub right_sentences: usize,
    pub matched: usize,
    pub verbatim: usize,
    pub reworded: usize,
    pub moved: usize,
    /// Share of the left side's words that sit in matched sentences.
    pub left_matched_share: f32,
    pub right_matched_share: f32,
}

/// Everything the side-by-side view shows for two reports.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    pub left_id: String,
    pub right_id: String,
    pub left: Vec<Sentence>,
    pub right: Vec<Sentence>,
    /// Display order: left reading order; each right-only sentence follows the row of the
    /// nearest earlier right sentence that is matched in order.
    pub rows: Vec<AlignedRow>,
    /// Unmatched sentences, indices into `left` / `right`.
    pub left_only: Vec<usize>,
    pub right_only: Vec<usize>,
    pub summary: AlignmentSummary,
}

/// Titles and abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "maj", "sgt", "capt",
    "cmdr", "adm", "st", "rev", "hon", "pres", "amb", "supt", "insp", "no", "nos", "vs", "v",
    "fig", "approx", "dept", "est", "inc", "ltd", "co", "corp", "jan", "feb", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
];

/// Words that start sentences; after a dotted abbreviation ("U.S.") they signal a boundary.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "in",
    "on",
    "a",
    "an",
    "his",
    "her",
    "their",
    "our",
    "its",
    "there",
    "meanwhile",
    "however",
    "earlier",
    "later",
    "officials",
    "what",
    "when",
    "while",
];

const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '«', '(', '['];

/// Byte ranges of the sentences of `text` (trimmed, never empty).
///
/// A sentence ends at `.`, `?`, `!` or `…` (with any closing quote or bracket after it) followed
/// by white space and a word that does not start in lower case. A full stop does not end one
/// after a title or known abbreviation ("Mr.", "Gen.", "No. 5"), a single capital (an initial:
/// "J. Smith"), or a dotted abbreviation ("U.S.") unless a common sentence opener follows.
/// Numbers ("3.5") and dotted words never contain white space, so they never split.
pub fn split_sentences(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let mut start = 0;
    let mut idx = 0;
    while idx < n {
        let c = chars[idx].1;
        if !matches!(c, '.' | '?' | '!' | '…') {
            idx += 1;
            continue;
        }
        let mut k = idx + 1;
        while k < n && matches!(chars[k].1, '.' | '?' | '!' | '…') {
            k += 1;
        }
        let only_full_stop = (idx..k).all(|x| chars[x].1 == '.') && k == idx + 1;
        while k < n && CLOSERS.contains(&chars[k].1) {
            k += 1;
        }
        if k < n && !chars[k].1.is_whitespace() {
            idx = k.max(idx + 1);
            continue;
        }
        let mut m = k;
        while m < n && chars[m].1.is_whitespace() {
            m += 1;
        }
        if m == n {
            break;
        }
        let next_word: String = chars[m..]
            .iter()
            .map(|&(_, c)| c)
            .skip_while(|c| OPENERS.contains(c))
            .take_while(|c| c.is_alphanumeric())
            .collect();
        let next_starts_lower = next_word.chars().next().is_some_and(char::is_lowercase);
        let boundary = !(next_starts_lower
            || only_full_stop && full_stop_is_abbreviation(&chars[..idx], &next_word));
        if boundary {
            let end = if k < n { chars[k].0 } else { text.len() };
            push_trimmed(text, start, end, &mut out);
            start = chars[m].0;
        }
        idx = m;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push((start + lead, start + lead + trimmed.len()));
    }
}

/// Whether the full stop after `before` belongs to an abbreviation rather than ending a sentence.
fn full_stop_is_abbreviation(before: &[(usize, char)], next_word: &str) -> bool {
    let token: String = {
        let mut t: Vec<char> = before
            .iter()
            .rev()
            .map(|&(_, c)| c)
            .take_while(|c| !c.is_whitespace() && !OPENERS.contains(c))
            .collect();
        t.reverse();
        t.into_iter().collect()
    };
    if token.is_empty() {
        return false;
    }
    let lower = token.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        // "No. 5", "Jan. 5", "Mr. Khan" continue; these never end a sentence in news copy.
        return true;
    }
    let mut letters = token.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        // An initial: "J. Smith".
        return first.is_uppercase();
    }
    if token.contains('.') && token.chars().all(|c| c.is_alphabetic() || c == '.') {
        // "U.S", "e.g", "a.m": a boundary only before a word that usually opens a sentence.
        return !SENTENCE_STARTERS.contains(&next_word.to_lowercase().as_str());
    }
    false
}

/// The sentences of a report's text paragraphs (headings are not sentences).
pub fn report_sentences(report: &Report) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p, para) in report.paragraphs.iter().enumerate() {
        if para.kind != ParagraphKind::Text {
            continue;
        }
        for (start, end) in split_sentences(&para.text) {
            let text = para.text[start..end].to_string();
            let words = text.unicode_words().count();
            out.push(Sentence {
                paragraph: p,
                start,
                end,
                text,
                words,
            });
        }
    }
    out
}

/// A sentence reduced to sorted word ids, for overlap counting.
fn bags(sentences: &[Sentence], ids: &mut HashMap<String, u32>) -> Vec<Vec<u32>> {
    sentences
        .iter()
        .map(|s| {
            let mut bag: Vec<u32> = text::words(&s.text)
                .into_iter()
                .map(|w| {
                    let next = ids.len() as u32;
                    *ids.entry(w).or_insert(next)
                })
                .collect();
            bag.sort_unstable();
            bag
        })
        .collect()
}

/// Shared words of two sorted bags, counting repeats.
fn shared_words(a: &[u32], b: &[u32]) -> usize {
    super::text::intersection_size(a, b)
}

/// A possible match, scored so that sorting is symmetric in the two sides.
struct Candidate {
    left: usize,
    right: usize,
    shared: usize,
    total: usize,
    /// |left/n − right/m| scaled to integers: prefer matches near the diagonal on ties.
    off_diagonal: usize,
}

impl Candidate {
    fn dice(&self) -> f32 {
        if self.total == 0 {
            0.0
        } else {
            2.0 * self.shared as f32 / self.total as f32
        }
    }
}

/// Aligns two reports sentence by sentence. See the module docs.
pub fn align(left: &Report, right: &Report) -> Alignment {
    let ls = report_sentences(left);
    let rs = report_sentences(right);
    let mut ids = HashMap::new();
    let lb = bags(&ls, &mut ids);
    let rb = bags(&rs, &mut ids);
    let (n, m) = (ls.len(), rs.len());

    let mut candidates = Vec::new();
    for (i, a) in lb.iter().enumerate() {
        for (j, b) in rb.iter().enumerate() {
            let shared = shared_words(a, b);
            if shared == 0 {
                continue;
            }
            let total = a.len() + b.len();
            let shorter = a.len().min(b.len());
            let dice_ok = 2 * shared * MIN_DICE.1 >= total * MIN_DICE.0;
            let overlap_ok = shared >= MIN_SHARED_WORDS_FOR_OVERLAP
                && shared * MIN_OVERLAP.1 >= shorter * MIN_OVERLAP.0;
            if dice_ok || overlap_ok {
                candidates.push(Candidate {
                    left: i,
                    right: j,
                    shared,
                    total,
                    off_diagonal: (i * m).abs_diff(j * n),
                });
            }
        }
    }
    // Best first: higher Dice (compared exactly as fractions), then nearer the diagonal, then
    // earlier. Every key is symmetric in the sides, and two candidates that compete for a
    // sentence never tie on all of them, so swapping the sides mirrors the result.
    candidates.sort_by(|x, y| {
        (y.shared * x.total)
            .cmp(&(x.shared * y.total))
            .then(x.off_diagonal.cmp(&y.off_diagonal))
            .then((x.left + x.right).cmp(&(y.left + y.right)))
    });
    let mut left_match: Vec<Option<usize>> = vec![None; n];
    let mut right_match: Vec<Option<usize>> = vec![None; m];
    let mut chosen: Vec<&Candidate> = Vec::new();
    for c in &candidates {
        if left_match[c.left].is_none() && right_match[c.right].is_none() {
            left_match[c.left] = Some(c.right);
            right_match[c.right] = Some(c.left);
            chosen.push(c);
        }
    }
    chosen.sort_by_key(|c| c.left);
    let moved = moved_flags(&chosen.iter().map(|c| c.right).collect::<Vec<_>>());

    let mut pair_rows: Vec<AlignedRow> = Vec::with_capacity(chosen.len());
    let mut summary = AlignmentSummary {
        left_sentences: n,
        right_sentences: m,
        matched: chosen.len(),
        ..Default::default()
    };
    let (mut left_words, mut right_words) = (0usize, 0usize);
    for (c, &is_moved) in chosen.iter().zip(&moved) {
        let (left_diff, right_diff, verbatim) = word_diff(&ls[c.left].text, &rs[c.right].text);
        if verbatim {
            summary.verbatim += 1;
        } else {
            summary.reworded += 1;
        }
        summary.moved += usize::from(is_moved);
        left_words += ls[c.left].words;
        right_words += rs[c.right].words;
        pair_rows.push(AlignedRow {
            left: Some(c.left),
            right: Some(c.right),
            kind: if verbatim {
                RowKind::Verbatim
            } else {
                RowKind::Reworded
            },
            moved: is_moved,
            similarity: c.dice(),
            left_diff,
            right_diff,
        });
    }
    let share = |matched: usize, all: &[Sentence]| {
        let total: usize = all.iter().map(|s| s.words).sum();
        if total == 0 {
            0.0
        } else {
            matched as f32 / total as f32
        }
    };
    summary.left_matched_share = share(left_words, &ls);
    summary.right_matched_share = share(right_words, &rs);

    let left_only: Vec<usize> = (0..n).filter(|&i| left_match[i].is_none()).collect();
    let right_only: Vec<usize> = (0..m).filter(|&j| right_match[j].is_none()).collect();
    let rows = display_rows(n, pair_rows, &right_only);
    Alignment {
        left_id: left.id.clone(),
        right_id: right.id.clone(),
        left: ls,
        right: rs,
        rows,
        left_only,
        right_only,
        summary,
    }
}

/// For matches in left order given by their right positions: `true` for each match that is
/// not in every longest in-order chain. A sentence is "in place" only if no longest chain can
/// leave it out; two swapped sentences are then both moved, which keeps the marking the same
/// whichever report is on the left.
fn moved_flags(rights: &[usize]) -> Vec<bool> {
    let k = rights.len();
    let mut ending = vec![1usize; k]; // longest chain ending here
    let mut starting = vec![1usize; k]; // longest chain starting here
    for i in 0..k {
        for h in 0..i {
            if rights[h] < rights[i] {
                ending[i] = ending[i].max(ending[h] + 1);
            }
        }
    }
    for i in (0..k).rev() {
        for h in i + 1..k {
            if rights[i] < rights[h] {
                starting[i] = starting[i].max(starting[h] + 1);
            }
        }
    }
    let longest = ending.iter().copied().max().unwrap_or(0);
    let on_some_chain: Vec<bool> = (0..k)
        .map(|i| ending[i] + starting[i] - 1 == longest)
        .collect();
    let mut per_level = vec![0usize; longest + 1];
    for i in 0..k {
        if on_some_chain[i] {
            per_level[ending[i]] += 1;
        }
    }
    (0..k)
        .map(|i| !(on_some_chain[i] && per_level[ending[i]] == 1))
        .collect()
}

fn display_rows(n: usize, pair_rows: Vec<AlignedRow>, right_only: &[usize]) -> Vec<AlignedRow> {
    // One row per left sentence, in order.
    let mut by_left: Vec<Option<AlignedRow>> = vec![None; n];
    let mut in_place_row_of_right: HashMap<usize, usize> = HashMap::new();
    for row in pair_rows {
        let (l, r) = (row.left.unwrap_or(0), row.right.unwrap_or(0));
        if !row.moved {
            in_place_row_of_right.insert(r, l);
        }
        by_left[l] = Some(row);
    }
    // Right-only sentences follow the nearest earlier right sentence that is matched in place.
    let mut top: Vec<usize> = Vec::new();
    let mut after_left: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &j in right_only {
        match (0..j).rev().find_map(|r| in_place_row_of_right.get(&r)) {
            Some(&l) => after_left[l].push(j),
            None => top.push(j),
        }
    }
    let right_only_row = |j: usize| AlignedRow {
        right: Some(j),
        kind: RowKind::RightOnly,
        ..Default::default()
    };
    let mut rows: Vec<AlignedRow> = top.into_iter().map(right_only_row).collect();
    for (i, row) in by_left.into_iter().enumerate() {
        rows.push(row.unwrap_or(AlignedRow {
            left: Some(i),
            kind: RowKind::LeftOnly,
            ..Default::default()
        }));
        rows.extend(after_left[i].iter().map(|&j| right_only_row(j)));
    }
    rows
}

/// Word-level diff of two sentences: each side in pieces with changed words marked, and whether
/// they are the same words once folded. Tokens are Unicode word bounds (words, spaces,
/// punctuation), compared by their folded form so quote marks and spelling variants do not count
/// as changes.
fn word_diff(left: &str, right: &str) -> (Vec<DiffSpan>, Vec<DiffSpan>, bool) {
    let lt: Vec<&str> = left.split_word_bounds().collect();
    let rt: Vec<&str> = right.split_word_bounds().collect();
    let key = |t: &&str| -> String {
        if t.chars().all(char::is_whitespace) {
            " ".to_string()
        } else if t.chars().any(char::is_alphanumeric) {
            fold_word(t)
        } else {
            t.chars().map(fold_quote_char).collect()
        }
    };
    let lk: Vec<String> = lt.iter().map(key).collect();
    let rk: Vec<String> = rt.iter().map(key).collect();
    let verbatim = {
        let words = |keys: &[String]| -> Vec<String> {
            keys.iter()
                .filter(|k| k.chars().any(char::is_alphanumeric))
                .cloned()
                .collect()
        };
        words(&lk) == words(&rk)
    };
    let mut left_spans = Vec::new();
    let mut right_spans = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &lk, &rk) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                push_span(&mut left_spans, &lt[old_index..old_index + len], false);
                push_span(&mut right_spans, &rt[new_index..new_index + len], false);
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push_span(&mut left_spans, &lt[old_index..old_index + old_len], true),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push_span(&mut right_spans, &rt[new_index..new_index + new_len], true),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push_span(&mut left_spans, &lt[old_index..old_index + old_len], true);
                push_span(&mut right_spans, &rt[new_index..new_index + new_len], true);
            }
        }
    }
    (tidy(left_spans), tidy(right_spans), verbatim)
}

/// Moves white space at the edges of changed spans into unchanged ones, so the page highlights
/// words, not the spaces around them.
fn tidy(spans: Vec<DiffSpan>) -> Vec<DiffSpan> {
    let mut out: Vec<DiffSpan> = Vec::with_capacity(spans.len());
    let mut push = |text: &str, changed: bool| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.changed == changed => last.text.push_str(text),
            _ => out.push(DiffSpan {
                text: text.to_string(),
                changed,
            }),
        }
    };
    for span in &spans {
        if !span.changed {
            push(&span.text, false);
            continue;
        }
        let core = span.text.trim();
        let lead = span.text.len() - span.text.trim_start().len();
        push(&span.text[..lead], false);
        push(core, true);
        push(&span.text[lead + core.len()..], false);
    }
    out
}

/// Appends tokens to the spans, merging with the last span when the flag agrees. A change that
/// is only white space is shown as unchanged.
fn push_span(spans: &mut Vec<DiffSpan>, tokens: &[&str], changed: bool) {
    let text: String = tokens.concat();
    if text.is_empty() {
        return;
    }
    let changed = changed && !text.chars().all(char::is_whitespace);
    match spans.last_mut() {
        Some(last) if last.changed == changed => last.text.push_str(&text),
        _ => spans.push(DiffSpan { text, changed }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;
    use proptest::prelude::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    fn report(id: &str, paragraphs: &[String]) -> Report {
        Report {
            id: id.into(),
            paragraphs: paragraphs
                .iter()
                .map(|t| Paragraph {
                    text: t.clone(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn splits_sentences_surviving_abbreviations_initials_numbers_and_quotes() {
        assert_eq!(
            sentences("Mr. Khan met U.S. Ambassador Donald Blome. Growth was 3.5 per cent. J. R. Smith agreed."),
            ["Mr. Khan met U.S. Ambassador Donald Blome.", "Growth was 3.5 per cent.", "J. R. Smith agreed."]
        );
        assert_eq!(
            sentences("“We oppose violence.” He said so. “Is it true?” he asked. It is… perhaps."),
            [
                "“We oppose violence.”",
                "He said so.",
                "“Is it true?” he asked.",
                "It is… perhaps."
            ]
        );
        assert_eq!(
            sentences("He flew to the U.S. The talks began."),
            ["He flew to the U.S.", "The talks began."]
        );
        assert_eq!(
            sentences("Clause No. 5 applies. Gen. Asim Munir spoke."),
            ["Clause No. 5 applies.", "Gen. Asim Munir spoke."]
        );
        assert_eq!(
            sentences("  no terminator at all  "),
            ["no terminator at all"]
        );
        assert!(sentences("   ").is_empty());
        assert_eq!(
            sentences("Wait... What? Yes!"),
            ["Wait...", "What?", "Yes!"]
        );
    }

    #[test]
    fn aligns_reordered_and_reworded_sentences() {
        let left = report(
            "l",
            &[
                "The spokesperson spoke on Monday. He praised the talks between the two sides."
                    .into(),
                "Officials said the meeting was constructive and useful. The weather was fine."
                    .into(),
            ],
        );
        let right = report(
            "r",
            &[
                "Officials said the meeting had been constructive and very useful.".into(),
                "The spokesperson spoke on Monday. A new sentence appears here alone. He praised the talks between the two sides.".into(),
            ],
        );
        let a = align(&left, &right);
        assert_eq!(a.summary.matched, 3);
        assert_eq!(a.summary.verbatim, 2);
        assert_eq!(a.summary.reworded, 1);
        assert_eq!(a.left_only, [3]);
        assert_eq!(a.right_only, [2]);
        let officials = a.rows.iter().find(|r| r.left == Some(2)).unwrap();
        assert_eq!(
            (officials.right, officials.kind, officials.moved),
            (Some(0), RowKind::Reworded, true)
        );
        let changed: Vec<&str> = officials
            .right_diff
            .iter()
            .filter(|s| s.changed)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(changed, ["had been", "very"]);
        assert!(officials
            .left_diff
            .iter()
            .all(|s| !s.changed || s.text == "was"));
        // The unique right sentence follows the right sentence before it.
        let pos = |f: &dyn Fn(&AlignedRow) -> bool| a.rows.iter().position(f).unwrap();
        assert_eq!(
            pos(&|r| r.right == Some(2)),
            pos(&|r| r.right == Some(1)) + 1
        );
        assert!(a.summary.left_matched_share > 0.6 && a.summary.left_matched_share < 1.0);
    }

    #[test]
    fn quote_marks_and_spelling_do_not_count_as_changes() {
        let l = report(
            "l",
            &["“We oppose vandalism,” he said of the organisation.".into()],
        );
        let r = report(
            "r",
            &["\"We oppose vandalism,\" he said of the organization.".into()],
        );
        let a = align(&l, &r);
        assert_eq!(a.rows[0].kind, RowKind::Verbatim);
        assert!(a.rows[0].left_diff.iter().all(|s| !s.changed));
    }

    #[test]
    fn moved_flags_mark_both_of_a_swap_and_a_single_jump() {
        assert_eq!(moved_flags(&[0, 2, 1, 3]), [false, true, true, false]);
        assert_eq!(
            moved_flags(&[4, 0, 1, 2, 3]),
            [true, false, false, false, false]
        );
        assert_eq!(moved_flags(&[0, 1, 2]), [false, false, false]);
        assert!(moved_flags(&[]).is_empty());
    }

    const POOL: &[&str] = &[
        "The spokesperson spoke to reporters on Monday.",
        "He said the two countries share an interest in regional security.",
        "Pakistan has suffered greatly at the hands of terrorists.",
        "The ambassador met opposition leaders in Islamabad.",
        "Washington supports the right to peaceful assembly.",
        "The talks also touched on the energy crisis.",
        "Officials declined to comment on the detention.",
        "Analysts said the remarks signalled continuity.",
        "A court adjourned the hearing until next week.",
        "The spokesperson spoke to journalists on Monday.",
    ];

    fn arb_report() -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec(prop::collection::vec(0..POOL.len(), 1..4), 0..5).prop_map(|paras| {
            paras
                .into_iter()
                .map(|p| p.into_iter().map(|i| POOL[i]).collect::<Vec<_>>().join(" "))
                .collect()
        })
    }

    proptest! {
        #[test]
        fn each_sentence_is_used_once(l in arb_report(), r in arb_report()) {
            let a = align(&report("l", &l), &report("r", &r));
            let mut lefts: Vec<usize> = a.rows.iter().filter_map(|r| r.left).collect();
            let mut rights: Vec<usize> = a.rows.iter().filter_map(|r| r.right).collect();
            lefts.sort();
            rights.sort();
            prop_assert_eq!(lefts, (0..a.left.len()).collect::<Vec<_>>());
            prop_assert_eq!(rights, (0..a.right.len()).collect::<Vec<_>>());
            // Left reading order is kept.
            let order: Vec<usize> = a.rows.iter().filter_map(|r| r.left).collect();
            prop_assert!(order.windows(2).all(|w| w[0] < w[1]));
            for row in &a.rows {
                if let (Some(i), Some(_)) = (row.left, row.right) {
                    let joined: String = row.left_diff.iter().map(|s| s.text.as_str()).collect();
                    prop_assert_eq!(&joined, &a.left[i].text);
                }
            }
        }

        #[test]
        fn a_report_aligned_with_itself_matches_everything_verbatim(l in arb_report()) {
            let rep = report("l", &l);
            let a = align(&rep, &rep);
            prop_assert_eq!(a.summary.matched, a.left.len());
            prop_assert_eq!(a.summary.verbatim, a.left.len());
            prop_assert_eq!(a.summary.moved, 0);
            prop_assert!(a.left_only.is_empty() && a.right_only.is_empty());
            prop_assert!(a.rows.iter().all(|r| r.left == r.right && !r.moved && r.left_diff.iter().all(|s| !s.changed)));
        }

        #[test]
        fn swapping_sides_mirrors_the_result(l in arb_report(), r in arb_report()) {
            let (lr, rr) = (report("l", &l), report("r", &r));
            let ab = align(&lr, &rr);
            let ba = align(&rr, &lr);
            let matches = |a: &Alignment, swap: bool| {
                let mut v: Vec<(usize, usize, bool, RowKind)> = a.rows.iter().filter_map(|row| {
                    let (x, y) = (row.left?, row.right?);
                    Some(if swap { (y, x, row.moved, row.kind) } else { (x, y, row.moved, row.kind) })
                }).collect();
                v.sort_by_key(|t| (t.0, t.1));
                v
            };
            prop_assert_eq!(matches(&ab, false), matches(&ba, true));
            prop_assert_eq!(&ab.left_only, &ba.right_only);
            prop_assert_eq!(&ab.right_only, &ba.left_only);
            prop_assert_eq!(ab.summary.left_matched_share, ba.summary.right_matched_share);
            prop_assert_eq!((ab.summary.verbatim, ab.summary.reworded, ab.summary.moved), (ba.summary.verbatim, ba.summary.reworded, ba.summary.moved));
        }
    }
}
