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
