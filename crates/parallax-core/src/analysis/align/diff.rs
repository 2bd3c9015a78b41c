//! The word diff inside a matched pair of sentences, as spans of changed and unchanged text.

use super::result::DiffSpan;
use crate::analysis::text::{fold_quote_char, fold_word};
use similar::{capture_diff_slices, Algorithm, DiffOp};
use unicode_segmentation::UnicodeSegmentation;

/// Word-level diff of two sentences: each side in pieces with changed words marked, and whether
/// they are the same words once folded. Tokens are Unicode word bounds (words, spaces,
/// punctuation), compared by their folded form so quote marks and spelling variants do not count
/// as changes.
pub(super) fn word_diff(left: &str, right: &str) -> (Vec<DiffSpan>, Vec<DiffSpan>, bool) {
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

/// A matched row's diff: each side's pieces and, for a side of two sentences, where the second
/// one's pieces begin.
pub(super) struct RowDiff {
    pub(super) left: Vec<DiffSpan>,
    pub(super) right: Vec<DiffSpan>,
    /// Index into the diff of the side holding two sentences (0 when neither does).
    pub(super) second_sentence_from: usize,
    pub(super) verbatim: bool,
}

/// [`word_diff`] of one or two sentences a side. Two sentences are diffed joined by a space
/// (a split or merge moves words across the cut, so each half alone would show false changes);
/// their pieces are then cut where the second sentence begins, the joining space left out.
pub(super) fn row_diff(left: &[&str], right: &[&str]) -> RowDiff {
    let (lj, rj) = (left.join(" "), right.join(" "));
    let (l, r, verbatim) = word_diff(&lj, &rj);
    let (left, left_cut) = cut_pieces(l, left);
    let (right, right_cut) = cut_pieces(r, right);
    RowDiff {
        left,
        right,
        second_sentence_from: left_cut.max(right_cut),
        verbatim,
    }
}

/// The pieces of `sentences` joined by spaces, cut into each sentence's pieces (concatenated),
/// and the index where the second sentence's begin (0 for a single sentence).
fn cut_pieces(spans: Vec<DiffSpan>, sentences: &[&str]) -> (Vec<DiffSpan>, usize) {
    let [first, _] = sentences else {
        return (spans, 0);
    };
    let cut = first.len();
    let (mut before, mut after) = (Vec::new(), Vec::new());
    let mut at = 0;
    for span in spans {
        let end = at + span.text.len();
        let text = span.text.as_str();
        // Byte ranges of this span before the joining space and after it.
        let head = &text[..cut.clamp(at, end) - at];
        let tail = &text[(cut + 1).clamp(at, end) - at..];
        push_span(&mut before, &[head], span.changed);
        push_span(&mut after, &[tail], span.changed);
        at = end;
    }
    let (mut before, after) = (tidy(before), tidy(after));
    let second_from = before.len();
    before.extend(after);
    (before, second_from)
}

/// Moves white space at the edges of changed spans into unchanged ones, so the page highlights
/// words, not the spaces around them; white space alone between two changed spans joins them
/// (the diff matches spaces too, which would cut "they brought" into two changes).
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
    let mut joined: Vec<DiffSpan> = Vec::with_capacity(out.len());
    let mut rest = out.into_iter().peekable();
    while let Some(span) = rest.next() {
        let gap = !span.changed && span.text.chars().all(char::is_whitespace);
        let between_changes = joined.last().is_some_and(|l| l.changed)
            && rest.peek().is_some_and(|next| next.changed);
        match joined.last_mut() {
            Some(last) if gap && between_changes => {
                last.text.push_str(&span.text);
                if let Some(next) = rest.next() {
                    last.text.push_str(&next.text);
                }
            }
            _ => joined.push(span),
        }
    }
    joined
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
