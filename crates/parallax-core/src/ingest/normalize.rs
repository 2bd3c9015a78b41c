//! Text normalisation: bytes to checked text, text to numbered lines, and the folded form used
//! for matching (quotes, case, spaces) while the printed text is kept as printed.

use crate::model::{Diagnostic, Level};
use crate::text_marks::{is_bidi_control, strip_controls};

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

/// Checks that the bytes are usable text: not empty, not binary, UTF-8, within the size limit.
/// Strips a UTF-8 BOM. Every problem is an error with the line where it is.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
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
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Err(error(
            file,
            line_of(bytes, pos),
            "binary data (a NUL byte): not a text file".into(),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = line_of(bytes, e.valid_up_to());
            return Err(error(
                file,
                line,
                format!(
                    "not UTF-8 text (invalid byte at offset {}); save the file as UTF-8",
                    e.valid_up_to()
                ),
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.chars().all(|c| c.is_whitespace() || c == '\u{feff}') {
        return Err(error(file, 0, "the file is empty".into()));
    }
    Ok(text)
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
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ab}'
            | '\u{bb}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c if c.is_whitespace() || is_odd_space(c) => ' ',
            c => c,
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
mod tests {
    use super::*;

    #[test]
    fn bom_crlf_and_nbsp() {
        let text = decode(
            "f",
            "\u{feff}Title\r\n\r\n\u{a0}\r\nBody\u{a0} text\rEnd".as_bytes(),
        )
        .unwrap();
        let ls = lines(text);
        assert_eq!(ls.len(), 3);
        assert_eq!(
            ls[0],
            Line {
                no: 1,
                text: "Title".into(),
                blank_before: 0,
                marked: None,
            }
        );
        assert_eq!(
            ls[1],
            Line {
                no: 4,
                text: "Body text".into(),
                blank_before: 2,
                marked: None,
            }
        );
        assert_eq!(ls[2].no, 5);
    }

    #[test]
    fn bad_bytes_are_errors_with_lines() {
        assert!(decode("f", b"").unwrap_err().message.contains("empty"));
        assert!(decode("f", b" \n\n \t")
            .unwrap_err()
            .message
            .contains("empty"));
        let bin = decode("f", b"ok\nok\nbad\0").unwrap_err();
        assert_eq!(bin.line, 3);
        assert!(bin.message.contains("binary"));
        let bad = decode("f", b"a\nb\n\xff\xfe").unwrap_err();
        assert_eq!((bad.line, bad.level), (3, Level::Error));
        assert!(bad.message.contains("UTF-8"));
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert!(decode("f", &big).unwrap_err().message.contains("limit"));
    }

    #[test]
    fn folding_makes_quotes_straight() {
        assert_eq!(
            fold("Pakistan’s “Shared  Interest”"),
            "pakistan's \"shared interest\""
        );
        assert!(ends_sentence("he said."));
        assert!(ends_sentence("“pursue it.”"));
        assert!(!ends_sentence("manufacturer c"));
        assert!(is_all_caps("MAY 9 PROTESTS"));
        assert!(!is_all_caps("Gaza war"));
        assert_eq!(word_count("Pakistan’s Tehreek-e-Insaf (PTI) party"), 4);
    }

    #[test]
    fn bidi_controls_are_kept_apart() {
        let ls =
            lines("\u{200f}WORLD\u{200f}\n\u{202e}\u{202c}\nHe said \u{202e}no\u{202c}.\nPlain");
        assert_eq!(ls.len(), 3, "a line of controls alone is blank");
        assert_eq!(
            (ls[0].text.as_str(), ls[0].marked.as_deref()),
            ("WORLD", Some("\u{200f}WORLD\u{200f}"))
        );
        assert_eq!(ls[1].text, "He said no.");
        assert_eq!(ls[1].marked.as_deref(), Some("He said \u{202e}no\u{202c}."));
        assert_eq!(ls[2].marked, None);
    }
}
