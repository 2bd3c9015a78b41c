//! Quote spans in a paragraph: which marks open a quote (curly, straight, single for outlets
//! that quote that way, low-high „…“ and guillemets « … » for outlets printing those) and which
//! close it.

/// A quote span in one paragraph: byte range of the words inside the marks.
pub(super) struct Span {
    /// Byte of the opening mark.
    pub(super) open_at: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    /// Byte after the closing mark.
    pub(super) after: usize,
    pub(super) closed: bool,
}

/// Marks that open a quote in any text; single quotes open one only in a text without these.
pub(super) const DOUBLE_OPENERS: [char; 4] = ['\u{201c}', '"', '\u{201e}', '\u{ab}'];

fn opening_at(text: &str, i: usize, c: char) -> bool {
    let prev = text[..i].chars().next_back();
    let next = text[i + c.len_utf8()..].chars().next();
    match c {
        '\u{201c}' | '\u{201e}' | '\u{ab}' => true,
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
        '\u{201e}' => &['\u{201c}', '\u{201d}'],
        '\u{ab}' => &['\u{bb}'],
        '\u{2018}' => &['\u{2019}'],
        _ => &['\''],
    }
}

pub(super) fn spans(text: &str) -> Vec<Span> {
    crate::ingest::work::add(text.len());
    let singles = !text.contains(DOUBLE_OPENERS);
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, c) in text.char_indices() {
        match open {
            None => {
                let candidate =
                    DOUBLE_OPENERS.contains(&c) || (singles && matches!(c, '\u{2018}' | '\''));
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
