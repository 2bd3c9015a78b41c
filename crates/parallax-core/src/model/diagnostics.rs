//! Problems found in the input, and escaping whatever is printed of it.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    #[default]
    Warning,
    Error,
}

/// A problem found in the input, with where it is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub file: String,
    /// 1-based line; 0 when the problem is about the whole file.
    pub line: usize,
    pub level: Level,
    pub message: String,
    /// The report it concerns, when there is one.
    pub report: Option<String>,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.level {
            Level::Warning => "warning",
            Level::Error => "error",
        };
        // File names and messages come from the corpus: escaped, they cannot forge a line or
        // drive the terminal.
        let (file, message) = (escape_controls(&self.file), escape_controls(&self.message));
        if self.line > 0 {
            write!(f, "{level}: {file}:{}: {message}", self.line)
        } else {
            write!(f, "{level}: {file}: {message}")
        }
    }
}

/// True for the characters that must never be printed raw: C0 and C1 controls and DEL (a
/// newline forges a line, ESC drives the terminal), the line and paragraph separators, and the
/// bidi controls (they reorder the text that follows them on screen).
pub fn is_control_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{61c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// `s` with every [`is_control_char`] written as an escape (`\n`, `\r`, `\t`, else `\u{1b}`),
/// for anything printed to a terminal, a log or a line-based protocol such as cargo's.
/// Backslashes stay as they are, so paths remain readable.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_control_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_control_char(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod escape_tests {
    use super::*;

    #[test]
    fn printed_diagnostics_are_one_line_without_controls() {
        let d = Diagnostic {
            file: "f\u{9b}.txt".into(),
            line: 3,
            level: Level::Warning,
            message: "title \u{2067}x\u{2069}\r\n\tend\u{7f}\u{1b}[2J".into(),
            report: None,
        };
        assert_eq!(
            d.to_string(),
            "warning: f\\u{9b}.txt:3: title \\u{2067}x\\u{2069}\\r\\n\\tend\\u{7f}\\u{1b}[2J"
        );
        let plain = "C:\\plain \u{2014} \u{201c}text\u{201d} \u{645}\u{62a}\u{646}";
        assert!(matches!(escape_controls(plain), Cow::Borrowed(p) if p == plain));
    }
}
