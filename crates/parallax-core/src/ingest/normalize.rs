//! Text normalisation: bytes to checked text, text to numbered lines, and the folded form used
//! for matching (quotes, case, spaces) while the printed text is kept as printed.

use crate::model::{Diagnostic, Level};
use crate::text_marks::{is_bidi_control, strip_controls};
use std::borrow::Cow;

/// Files above this size are refused: a scraped report is a few KB; 4 MiB is a wrong file.
/// The same limit applies in the page (a reader's own files) and at build time.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// One non-blank line of a file, trimmed and with odd spaces made plain.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Line {
    /// 1-based line number in the file.
    pub no: usize,
    /// The line without bidi controls: what every recogniser reads, and what labels are made of.
    pub text: String,
    /// Blank lines right before this one (a wider gap can separate two reports).
    pub blank_before: usize,
    /// The line as printed, bidi controls included, when it has any: body text keeps them.
    pub marked: Option<String>,
}

fn error(file: &str, line: usize, message: String) -> Diagnostic {
    Diagnostic {
        file: file.to_string(),
        line,
        level: Level::Error,
        message,
        report: None,
    }
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// A file's text, and the warning its encoding earned (UTF-16 is decoded, but said so).
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub warning: Option<Diagnostic>,
}

const UTF16_INVALID: &str = "UTF-16 with an invalid character: save it as UTF-8";

/// Checks that the bytes are usable text: not empty, not binary, UTF-8 or UTF-16 with its
/// byte-order mark, within the size limit. Strips a BOM. Every problem is an error with the
/// line where it is.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<Decoded<'a>, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(error(
            file,
            0,
            format!(
                "{} bytes is over the {} byte limit for one file",
                bytes.len(),
                MAX_FILE_BYTES
            ),
        ));
    }
    // UTF-32's marks begin like UTF-16's: test them first.
    if bytes.starts_with(&[0xff, 0xfe, 0, 0]) || bytes.starts_with(&[0, 0, 0xfe, 0xff]) {
        return Err(error(file, 0, "UTF-32 text: save it as UTF-8".into()));
    }
    let (text, warning) = match bytes {
        [0xff, 0xfe, rest @ ..] => (
            decode_utf16(file, rest, u16::from_le_bytes)?,
            Some("little"),
        ),
        [0xfe, 0xff, rest @ ..] => (decode_utf16(file, rest, u16::from_be_bytes)?, Some("big")),
        _ => (Cow::Borrowed(decode_utf8(file, bytes)?), None),
    };
    if let Some(pos) = text.find('\0') {
        return Err(error(
            file,
            1 + text[..pos].matches('\n').count(),
            "binary data (a NUL byte): not a text file".into(),
        ));
    }
    if text.chars().all(|c| c == '\u{feff}') {
        return Err(error(file, 0, "the file is empty".into()));
    }
    if text.chars().all(|c| c.is_whitespace() || c == '\u{feff}') {
        return Err(error(
            file,
            0,
            "the file holds only spaces and blank lines".into(),
        ));
    }
    let warning = warning.map(|endian| Diagnostic {
        level: Level::Warning,
        ..error(
            file,
            0,
            format!("UTF-16 text ({endian}-endian): decoded; save it as UTF-8 to be sure"),
        )
    });
    Ok(Decoded { text, warning })
}

fn decode_utf8<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    // A NUL is checked on the bytes first: binary data should not be reported as bad UTF-8.
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(error(
            file,
            line_of(bytes, pos),
            "binary data (a NUL byte): not a text file".into(),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        error(
            file,
            line_of(bytes, e.valid_up_to()),
            format!(
                "not UTF-8 text (invalid byte at offset {}); save the file as UTF-8",
                e.valid_up_to()
            ),
        )
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Decodes UTF-16 after its byte-order mark. An unpaired surrogate, or a lone last byte, is an
/// error on its line: guessing a replacement would change the text silently.
fn decode_utf16<'a>(
    file: &str,
    body: &[u8],
    unit: fn([u8; 2]) -> u16,
) -> Result<Cow<'a, str>, Diagnostic> {
    let units = body.chunks(2).map(|c| match *c {
        [a, b] => unit([a, b]),
        // A lone byte is never a whole character: a lone surrogate makes it fail the same way.
        _ => 0xd800,
    });
    let mut text = String::with_capacity(body.len());
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => text.push(c),
            Err(_) => {
                let line = 1 + text.matches('\n').count();
                return Err(error(file, line, UTF16_INVALID.into()));
            }
        }
    }
    Ok(Cow::Owned(text))
}

/// True for characters that print as a space: NBSP, thin and zero-width spaces, tabs.
pub(crate) fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{2000}'
            ..='\u{200b}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\t' | '\u{feff}'
    )
}

/// Makes one line plain: odd spaces become spaces, control characters go, runs of spaces shrink,
/// ends are trimmed. Letters and punctuation (curly quotes included) stay as printed.
pub fn clean_line(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut last_space = true;
    for c in raw.chars() {
        let c = if is_odd_space(c) { ' ' } else { c };
        if c.is_control() {
            continue;
        }
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Splits text into its non-blank lines. CRLF, lone CR and LF all end a line; a line holding
/// only odd spaces (a lone NBSP paragraph) is blank.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut blank = 0;
    let mut no = 0;
    let mut rest = text;
    while !rest.is_empty() {
        no += 1;
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let raw = &rest[..end];
        rest = &rest[end..];
        if rest.starts_with("\r\n") {
            rest = &rest[2..];
        } else if !rest.is_empty() {
            rest = &rest[1..];
        }
        super::work::add(raw.len() + 1);
        let cleaned = clean_line(raw);
        // An invisible control must not hide a date line, a kicker or a dateline.
        let (text, marked) = if cleaned.chars().any(is_bidi_control) {
            (strip_controls(&cleaned).into_owned(), Some(cleaned))
        } else {
            (cleaned, None)
        };
        if text.is_empty() {
            blank += 1;
        } else {
            out.push(Line {
                no,
                text,
                blank_before: blank,
                marked,
            });
            blank = 0;
        }
    }
    out
}

/// The form used to compare text: curly quotes and dashes made straight, lower case, spaces
/// single. "Pakistan’s" and "Pakistan's" fold to the same key.
pub fn fold(s: &str) -> String {
    super::work::add(s.len());
    let mut out = String::with_capacity(s.len());
    let mut last_space = true;
    for c in s.chars() {
        // Most text is ASCII: lower-case it without the Unicode tables.
        if c.is_ascii() && c != '`' && !c.is_ascii_whitespace() && c != '\x0b' {
            last_space = false;
            out.push(c.to_ascii_lowercase());
            continue;
        }
        // Quotes and dashes as search and the analysis fold them (`text_fold`); letters keep
        // their accents, which no recogniser needs folded.
        let c = if c.is_whitespace() || is_odd_space(c) {
            ' '
        } else {
            crate::text_fold::fold_punctuation(c)
        };
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            continue;
        }
        last_space = false;
        out.extend(c.to_lowercase());
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Words of a line (letters, digits, apostrophes and inner hyphens), for counting and matching.
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| {
        c.is_whitespace() || (c.is_ascii_punctuation() && c != '\'' && c != '-' && c != '&')
    })
    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
    .filter(|w| !w.is_empty())
}

pub fn word_count(s: &str) -> usize {
    super::work::add(s.len());
    words(s).count()
}

/// Ends like a finished sentence (or a quote that closes one).
pub fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches([')', ']', '\'', '"', '\u{2019}', '\u{201d}', '*']);
    t.ends_with(['.', '!', '?', '\u{2026}'])
        || (t.len() < s.len() && t.ends_with([',', ';', ':', '.', '!', '?', '\u{2014}', '-']))
}

/// Any letter present and every letter upper case.
pub fn is_all_caps(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests;
