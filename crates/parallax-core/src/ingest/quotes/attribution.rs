//! Who said a quote: speech verbs, the subject before or after one (a name, a role, a pronoun),
//! and the attribution after a quote, before it, or at the end of an unclosed one.

use crate::ingest::entities::{
    in_lower_list, is_role, person_in_run, plausible_name, tokens, Token, TokenStream,
};

/// Verbs that report speech; the subject before (or after) one is a speaker.
pub const SPEECH_VERBS: [&str; 52] = [
    "said",
    "says",
    "told",
    "added",
    "stated",
    "noted",
    "stressed",
    "emphasised",
    "emphasized",
    "remarked",
    "insisted",
    "warned",
    "declared",
    "argued",
    "maintained",
    "confirmed",
    "acknowledged",
    "reiterated",
    "responded",
    "replied",
    "answered",
    "explained",
    "asserted",
    "affirmed",
    "continued",
    "mentioned",
    "assured",
    "denied",
    "dismissed",
    "rejected",
    "accused",
    "urged",
    "criticised",
    "criticized",
    "condemned",
    "welcomed",
    "admitted",
    "repeated",
    "announced",
    "expressed",
    "pointed",
    "disagreed",
    "declined",
    "observed",
    "wrote",
    "tweeted",
    "commented",
    "claimed",
    "vowed",
    "pledged",
    "underscored",
    "highlighted",
];

/// Words that may stand between a subject and its verb ("Miller also said", "Khan has denied").
const FILLERS: [&str; 18] = [
    "also",
    "has",
    "had",
    "have",
    "was",
    "is",
    "further",
    "again",
    "later",
    "then",
    "firmly",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "earlier",
];

const PRONOUNS: [&str; 2] = ["he", "she"];

pub(super) fn is_speech_verb(w: &str) -> bool {
    in_lower_list(&SPEECH_VERBS, w)
}

/// Who a subject is: a named person, or a pronoun / role to resolve.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Subject {
    Named(String),
    Pronoun,
}

/// The subject of the verb at token `v`: capitalised run right before it (fillers skipped) or a
/// pronoun or "the spokesperson".
pub(super) fn subject_before(toks: &[Token], v: usize) -> Option<Subject> {
    let mut i = v;
    while i > 0 && in_lower_list(&FILLERS, toks[i - 1].word) && !toks[i - 1].boundary_after {
        i -= 1;
    }
    if i == 0 {
        return None;
    }
    let last = &toks[i - 1];
    if last.boundary_after && !last.word.is_empty() && i - 1 != v && toks[i - 1].sentence_end_after
    {
        return None;
    }
    let lw = last.word.to_lowercase();
    if PRONOUNS.contains(&lw.as_str()) {
        return Some(Subject::Pronoun);
    }
    if is_role(&lw) && i >= 2 && toks[i - 2].word.eq_ignore_ascii_case("the") {
        return Some(Subject::Pronoun);
    }
    if !last.cap {
        return None;
    }
    let mut s = i - 1;
    while s > 0 && toks[s - 1].cap && !toks[s - 1].boundary_after {
        s -= 1;
    }
    let words: Vec<&str> = toks[s..i].iter().map(|t| t.word).collect();
    name_from_words(&words)
}

/// The subject after a verb: "said Miller", "said State Department spokesperson Matthew Miller".
fn subject_after(toks: &[Token], v: usize) -> Option<Subject> {
    let first = toks.get(v + 1)?;
    if in_lower_list(&PRONOUNS, first.word) {
        return Some(Subject::Pronoun);
    }
    // "said Miller", "said State Department spokesperson Karen Oduya": capitalised words and
    // roles up to the first punctuation.
    let mut words = Vec::new();
    for t in &toks[v + 1..] {
        if !(t.cap || is_role(t.word) || t.word == "the") {
            break;
        }
        words.push(t.word);
        if t.boundary_after {
            break;
        }
    }
    while words.first() == Some(&"the") {
        words.remove(0);
    }
    if words.is_empty() {
        return None;
    }
    name_from_words(&words)
}

fn name_from_words(words: &[&str]) -> Option<Subject> {
    if let Some(p) = person_in_run(words, false) {
        return Some(Subject::Named(p));
    }
    if plausible_name(words) {
        return Some(Subject::Named(words.join(" ")));
    }
    // A single surname ("Miller"), or a role alone ("the Spokesperson").
    let last = *words.last()?;
    if is_role(last) {
        return Some(Subject::Pronoun);
    }
    let single = words.len() == 1 || words.iter().rev().skip(1).any(|w| is_role(w));
    (single && plausible_single(last)).then(|| Subject::Named(last.to_string()))
}

fn plausible_single(w: &str) -> bool {
    w.len() >= 2
        && w.chars().next().is_some_and(|c| c.is_uppercase())
        && w.chars().any(|c| c.is_lowercase())
        && crate::ingest::entities::place_name(&[w]).is_none()
        && !crate::ingest::entities::is_org_word(w)
        && ![
            "The", "He", "She", "It", "They", "We", "I", "This", "That", "But", "And",
        ]
        .contains(&w)
}

/// How many words after a quote may hold its speech verb.
const VERB_WINDOW: usize = 8;

/// The attribution of a quote from the text after it (up to the next quote or sentence end).
pub(super) fn attribution_after(after: &str) -> Option<Subject> {
    // Only the words the search below can read are tokenised: up to the first sentence end, or
    // past the verb window up to where a name after "said" must stop. The next quote mark is
    // looked for in a growing window for the same reason: the work per quote stays bounded
    // however long the rest of the paragraph is.
    let mut window = 256;
    loop {
        let mut cut = window.min(after.len());
        while !after.is_char_boundary(cut) {
            cut -= 1;
        }
        let (region, complete) = match (cut < after.len()).then(|| &after[..cut]) {
            None => (
                &after[..after.find(['\u{201c}', '"']).unwrap_or(after.len())],
                true,
            ),
            Some(head) => match head.find(['\u{201c}', '"']) {
                Some(stop) => (&after[..stop], true),
                // End the region at a space: every piece in it is whole.
                None => (&after[..head.rfind(' ').unwrap_or(0)], false),
            },
        };
        crate::ingest::work::add(region.len());
        let mut stream = TokenStream::new(region);
        let mut toks: Vec<Token> = Vec::new();
        let mut settled = complete;
        for t in stream.by_ref() {
            let k = toks.len();
            let ends_name = t.boundary_after || !(t.cap || is_role(t.word) || t.word == "the");
            let last = t.sentence_end_after || (k >= VERB_WINDOW && ends_name);
            toks.push(t);
            if last {
                break;
            }
        }
        // Cut short of the quote mark, the region's last token may lack the punctuation that
        // follows it; the search is exact when it stopped before that token.
        if !settled && stream.next().is_some() {
            settled = true;
        }
        if settled || window >= after.len() {
            return verb_subject(&toks);
        }
        window = window.saturating_mul(4);
    }
}

fn verb_subject(toks: &[Token]) -> Option<Subject> {
    for (v, t) in toks.iter().enumerate().take(VERB_WINDOW) {
        if is_speech_verb(t.word) {
            return subject_before(toks, v).or_else(|| subject_after(toks, v));
        }
        if t.sentence_end_after {
            break;
        }
    }
    None
}

/// How far back before a quote its attribution is looked for, in bytes: a speech verb further
/// back than a few lines of text is not this quote's. Bounding it keeps a paragraph with
/// thousands of quotes linear.
const ATTRIBUTION_LOOKBACK: usize = 1000;

/// The attribution from the sentence before a quote: "Miller replied, “…".
pub(super) fn attribution_before(before: &str) -> Option<Subject> {
    let mut window_start = before.len().saturating_sub(ATTRIBUTION_LOOKBACK);
    while !before.is_char_boundary(window_start) {
        window_start -= 1;
    }
    if window_start > 0 {
        // Start at a word: the first space at or after the cut.
        window_start = before[window_start..]
            .find(' ')
            .map_or(before.len(), |k| window_start + k + 1);
    }
    let window = &before[window_start..];
    crate::ingest::work::add(window.len());
    let from = window
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '.' | '!' | '?' | '\u{201d}'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let toks = tokens(&window[from..]);
    (0..toks.len())
        .rev()
        .find(|&v| is_speech_verb(toks[v].word))
        .and_then(|v| subject_before(&toks, v))
}

/// An unclosed quote that ends in its own attribution (", he told the questioner."): split it.
pub(super) fn split_trailing_attribution(text: &str) -> (String, Option<Subject>) {
    let mut best = None;
    for (i, _) in text.match_indices(", ") {
        let tail = &text[i + 2..];
        crate::ingest::work::add(tail.len().min(64));
        // At most 8 words; counting stops at the 9th so long tails cost nothing.
        if tail.split(' ').nth(8).is_none() {
            if let Some(s) = attribution_after(tail) {
                best = Some((i, s));
                break;
            }
        }
    }
    match best {
        Some((i, s)) => (text[..i].to_string(), Some(s)),
        None => (text.to_string(), None),
    }
}
