//! Quotes and who said them. Curly or straight double quotes (single quotes for outlets that
//! quote that way), quotes that run over several paragraphs (each opens with a quote mark, only
//! the last closes), attributions after ("…,” he said", "…,” said Miller") or before ("Miller
//! replied, “…"), pronouns and roles ("he", "the spokesperson") resolved to the last named
//! speaker, and speakers of paraphrase ("Miller noted that …").

use super::entities::{
    in_lower_list, is_role, person_in_run, plausible_name, tokens, Token, TokenStream,
};
use std::collections::HashSet;

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

/// Minimum words for a quoted span to count as a quote, not a quoted phrase ("shared interest").
pub const MIN_QUOTE_WORDS: usize = 5;

#[derive(Clone, Debug, PartialEq)]
pub struct FoundQuote {
    pub paragraph: usize,
    pub text: String,
    pub speaker: Option<String>,
    /// The quote was never closed (a typo in the source, or a cut scrape).
    pub unterminated: bool,
}

fn is_speech_verb(w: &str) -> bool {
    in_lower_list(&SPEECH_VERBS, w)
}

/// Who a subject is: a named person, or a pronoun / role to resolve.
#[derive(Clone, Debug, PartialEq)]
enum Subject {
    Named(String),
    Pronoun,
}

/// The subject of the verb at token `v`: capitalised run right before it (fillers skipped) or a
/// pronoun or "the spokesperson".
fn subject_before(toks: &[Token], v: usize) -> Option<Subject> {
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
        && super::entities::place_name(&[w]).is_none()
        && !super::entities::is_org_word(w)
        && ![
            "The", "He", "She", "It", "They", "We", "I", "This", "That", "But", "And",
        ]
        .contains(&w)
}

/// How many words after a quote may hold its speech verb.
const VERB_WINDOW: usize = 8;

/// The attribution of a quote from the text after it (up to the next quote or sentence end).
fn attribution_after(after: &str) -> Option<Subject> {
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
        super::work::add(region.len());
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
fn attribution_before(before: &str) -> Option<Subject> {
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
    super::work::add(window.len());
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

/// A quote span in one paragraph: byte range of the words inside the marks.
struct Span {
    /// Byte of the opening mark.
    open_at: usize,
    start: usize,
    end: usize,
    /// Byte after the closing mark.
    after: usize,
    closed: bool,
}

fn opening_at(text: &str, i: usize, c: char) -> bool {
    let prev = text[..i].chars().next_back();
    let next = text[i + c.len_utf8()..].chars().next();
    match c {
        '\u{201c}' => true,
        '"' | '\u{2018}' | '\'' => {
            prev.is_none_or(|p| p.is_whitespace() || "([\u{2014}\u{2013}-:".contains(p))
                && next.is_some_and(|n| n.is_alphanumeric() || n == '.' || n == '\u{2026}')
        }
        _ => false,
    }
}

fn closer_for(c: char) -> &'static [char] {
    match c {
        '\u{201c}' => &['\u{201d}', '"'],
        '"' => &['"', '\u{201d}'],
        '\u{2018}' => &['\u{2019}'],
        _ => &['\''],
    }
}

fn spans(text: &str) -> Vec<Span> {
    super::work::add(text.len());
    let singles = !text.contains(['\u{201c}', '"']);
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, c) in text.char_indices() {
        match open {
            None => {
                let candidate =
                    matches!(c, '\u{201c}' | '"') || (singles && matches!(c, '\u{2018}' | '\''));
                if candidate && opening_at(text, i, c) {
                    open = Some((c, i));
                }
            }
            Some((o, open_at)) => {
                let start = open_at + o.len_utf8();
                if closer_for(o).contains(&c) {
                    // A single closing mark must not be an apostrophe inside a word.
                    let next = text[i + c.len_utf8()..].chars().next();
                    if matches!(o, '\u{2018}' | '\'') && next.is_some_and(|n| n.is_alphanumeric()) {
                        continue;
                    }
                    out.push(Span {
                        open_at,
                        start,
                        end: i,
                        after: i + c.len_utf8(),
                        closed: true,
                    });
                    open = None;
                }
            }
        }
    }
    if let Some((o, open_at)) = open {
        out.push(Span {
            open_at,
            start: open_at + o.len_utf8(),
            end: text.len(),
            after: text.len(),
            closed: false,
        });
    }
    out
}

/// An unclosed quote that ends in its own attribution (", he told the questioner."): split it.
fn split_trailing_attribution(text: &str) -> (String, Option<Subject>) {
    let mut best = None;
    for (i, _) in text.match_indices(", ") {
        let tail = &text[i + 2..];
        super::work::add(tail.len().min(64));
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

/// Finds the quotes and speakers in a report's text paragraphs (`None` for headings, which
/// break continuity). `resolve` maps a named subject to a canonical person (surname → full
/// name). Returns the quotes and every speaker (quoted or paraphrased) in order.
pub fn find_quotes(
    paragraphs: &[Option<&str>],
    resolve: &dyn Fn(&str) -> String,
) -> (Vec<FoundQuote>, Vec<String>) {
    let mut quotes: Vec<FoundQuote> = Vec::new();
    let mut speakers: Vec<String> = Vec::new();
    let mut last_speaker: Option<String> = None;
    let mut carry: Option<usize> = None; // index in `quotes` of a quote running into the next paragraph
    let mut noted: HashSet<String> = HashSet::new();
    let mut note = |speakers: &mut Vec<String>, s: &str| {
        if noted.insert(s.to_string()) {
            speakers.push(s.to_string());
        }
    };
    for (p, text) in paragraphs.iter().enumerate() {
        let Some(text) = *text else {
            carry = None;
            continue;
        };
        let sp = spans(text);
        // Paraphrase speakers before the first quote update the last speaker first.
        let first_quote = sp.first().map_or(text.len(), |s| s.open_at);
        let toks = tokens(text);
        let mut paraphrase_after: Vec<(usize, String)> = Vec::new();
        for (v, t) in toks.iter().enumerate() {
            if !is_speech_verb(t.word) {
                continue;
            }
            if let Some(Subject::Named(n)) = subject_before(&toks, v) {
                let name = resolve(&n);
                if t.start < first_quote {
                    note(&mut speakers, &name);
                    last_speaker = Some(name);
                } else {
                    paraphrase_after.push((t.start, name));
                }
            }
        }
        // A quote continuing from the previous paragraph.
        let continues = carry
            .take()
            .filter(|_| sp.first().is_some_and(|s| s.open_at == 0));
        for (k, s) in sp.iter().enumerate() {
            let inner = text[s.start..s.end].trim().trim_end_matches([',', ' ']);
            if let (0, Some(q)) = (k, continues) {
                quotes[q].text.push(' ');
                quotes[q].text.push_str(inner);
                if !s.closed {
                    carry = Some(q);
                }
                if quotes[q].speaker.is_none() {
                    if let Some(Subject::Named(n)) = attribution_after(&text[s.after..]) {
                        quotes[q].speaker = Some(resolve(&n));
                    }
                }
                quotes[q].unterminated = !s.closed && p + 1 == paragraphs.len();
                continue;
            }
            let (inner, trailing) = if s.closed {
                (inner.to_string(), None)
            } else {
                split_trailing_attribution(inner)
            };
            let after = if s.closed { &text[s.after..] } else { "" };
            let subject = trailing
                .or_else(|| attribution_after(after))
                .or_else(|| attribution_before(&text[..s.open_at]));
            let words = inner.split_whitespace().count();
            let next_opens = paragraphs
                .get(p + 1)
                .copied()
                .flatten()
                .is_some_and(|n| n.starts_with(['\u{201c}', '"']));
            if words < MIN_QUOTE_WORDS && s.closed {
                continue; // a quoted phrase, not a quote
            }
            let speaker = match subject {
                Some(Subject::Named(n)) => Some(resolve(&n)),
                Some(Subject::Pronoun) | None => last_speaker.clone(),
            };
            if let Some(sp) = &speaker {
                note(&mut speakers, sp);
                last_speaker = Some(sp.clone());
            }
            quotes.push(FoundQuote {
                paragraph: p,
                text: inner,
                speaker,
                unterminated: !s.closed && !next_opens,
            });
            if !s.closed && next_opens {
                carry = Some(quotes.len() - 1);
            }
        }
        for (_, name) in paraphrase_after {
            note(&mut speakers, &name);
            last_speaker = Some(name);
        }
    }
    (quotes, speakers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(paras: &[&str]) -> (Vec<FoundQuote>, Vec<String>) {
        let full = |n: &str| {
            if n == "Miller" {
                "Matthew Miller".to_string()
            } else {
                n.to_string()
            }
        };
        let ps: Vec<Option<&str>> = paras.iter().map(|p| Some(*p)).collect();
        find_quotes(&ps, &full)
    }

    #[test]
    fn attributions() {
        let (q, s) = run(&[
            "US State Department spokesperson Matthew Miller has denied any information.",
            "\u{201c}I would defer to our embassy in Pakistan for that,\u{201d} he said, when asked.",
            "Miller replied, \u{201c}So our thoughts are the same anywhere in the world.\u{201d}",
            "\u{201c}We have seen a rise in anti-Muslim sentiment here,\u{201d} said Tahir Andrabi.",
            "\u{201c}And it is in the broader security interests of everyone.\u{201d}",
        ]);
        assert_eq!(q.len(), 4);
        assert_eq!(q[0].speaker.as_deref(), Some("Matthew Miller"));
        assert_eq!(q[1].speaker.as_deref(), Some("Matthew Miller"));
        assert_eq!(q[2].speaker.as_deref(), Some("Tahir Andrabi"));
        assert_eq!(
            q[3].speaker.as_deref(),
            Some("Tahir Andrabi"),
            "an unattributed quote continues the last speaker"
        );
        assert_eq!(s, ["Matthew Miller", "Tahir Andrabi"]);
    }

    #[test]
    fn multi_paragraph_and_unclosed() {
        let (q, _) = run(&[
            "Miller said: \u{201c}The first part of the quote runs on here.",
            "\u{201c}And the second part closes it here today.\u{201d}",
            "\u{201c}So, I would obviously disagree with you. I do not have information to suggest that, he told the questioner.",
            "The line of questions then shifted.",
        ]);
        assert_eq!(q.len(), 2);
        assert_eq!(
            q[0].text,
            "The first part of the quote runs on here. And the second part closes it here today."
        );
        assert!(!q[0].unterminated);
        assert_eq!(
            q[1].text,
            "So, I would obviously disagree with you. I do not have information to suggest that"
        );
        assert_eq!(q[1].speaker.as_deref(), Some("Matthew Miller"));
        assert!(q[1].unterminated);
    }

    #[test]
    fn straight_and_single_quotes_and_phrases() {
        let (q, _) = run(&[
            "The US will stand \"shoulder to shoulder\" with Pakistan. \"Our hearts go out to the families and loved ones,\" Miller added.",
            "'We will not accept this under any circumstances,' said Jane Roe, the minister's aide.",
            "Pakistan’s allegations and the courts’ secretive nature drew criticism.",
        ]);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(
            q[0].text,
            "Our hearts go out to the families and loved ones"
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Matthew Miller"));
        assert_eq!(q[1].speaker.as_deref(), Some("Jane Roe"));
    }
}
