//! Word tokens of a paragraph (where clauses and sentences end) and runs of capitalised words.

/// A word token of a paragraph: its bare text and what surrounds it.
#[derive(Clone, Debug)]
pub struct Token<'a> {
    pub word: &'a str,
    pub start: usize,
    /// Punctuation right after the word (clause or sentence boundary).
    pub boundary_after: bool,
    pub sentence_end_after: bool,
    pub cap: bool,
}

/// Splits a paragraph into word tokens, keeping where clauses end.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    TokenStream::new(text).collect()
}

/// The tokens of a text, one at a time: callers that need only the first few words of a long
/// text (an attribution after a quote) do not tokenise all of it. A token is yielded once the
/// next piece of text has settled whether punctuation follows it.
pub struct TokenStream<'a> {
    pieces: std::str::Split<'a, char>,
    offset: usize,
    pending: Option<Token<'a>>,
}

impl<'a> TokenStream<'a> {
    pub fn new(text: &'a str) -> Self {
        TokenStream {
            pieces: text.split(' '),
            offset: 0,
            pending: None,
        }
    }
}

impl<'a> Iterator for TokenStream<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        for raw in self.pieces.by_ref() {
            crate::ingest::work::add(raw.len() + 1);
            let start = self.offset;
            self.offset += raw.len() + 1;
            let lead = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
            let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if core.is_empty() {
                if let Some(last) = self.pending.as_mut() {
                    last.boundary_after = true;
                }
                continue;
            }
            let trail = &raw[lead + core.len()..];
            // "Pakistan’s" → "Pakistan"
            let bare = core
                .strip_suffix("\u{2019}s")
                .or_else(|| core.strip_suffix("'s"));
            let word = bare.unwrap_or(core);
            if lead > 0 {
                if let Some(last) = self.pending.as_mut() {
                    last.boundary_after = true;
                }
            }
            let token = Token {
                word,
                start: start + lead,
                // A possessive ends a name: "Khan’s Pakistan Tehreek-e-Insaf" is two names.
                boundary_after: !trail.is_empty() || bare.is_some(),
                sentence_end_after: trail.contains(['.', '!', '?']),
                cap: word.chars().next().is_some_and(|c| c.is_uppercase()),
            };
            if let Some(done) = self.pending.replace(token) {
                return Some(done);
            }
        }
        self.pending.take()
    }
}

/// Runs of capitalised tokens not broken by punctuation: index ranges into `toks`.
pub fn cap_runs(toks: &[Token]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].cap {
            i += 1;
            continue;
        }
        let start = i;
        while i < toks.len() && toks[i].cap {
            i += 1;
            if toks[i - 1].boundary_after {
                break;
            }
        }
        runs.push((start, i));
    }
    runs
}
