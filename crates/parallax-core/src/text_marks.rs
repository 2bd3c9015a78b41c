//! Bidirectional control characters: invisible, yet they reorder the text around them (an
//! U+202E RIGHT-TO-LEFT OVERRIDE prints "txt.exe" as "exe.txt"). The parser removes them from
//! everything the page shows as a label or filter value (titles, names, outlet, kicker,
//! dateline…); body text keeps them, and [`segments`] lets the reader show each one as a
//! visible mark (e.g. "⟨RLO⟩") instead of obeying it.

use std::borrow::Cow;

/// The bidi controls: embeddings and overrides, isolates, and the implicit marks.
const CONTROLS: [(char, &str, &str); 12] = [
    ('\u{202a}', "LRE", "left-to-right embedding"),
    ('\u{202b}', "RLE", "right-to-left embedding"),
    ('\u{202c}', "PDF", "pop directional formatting"),
    ('\u{202d}', "LRO", "left-to-right override"),
    ('\u{202e}', "RLO", "right-to-left override"),
    ('\u{2066}', "LRI", "left-to-right isolate"),
    ('\u{2067}', "RLI", "right-to-left isolate"),
    ('\u{2068}', "FSI", "first strong isolate"),
    ('\u{2069}', "PDI", "pop directional isolate"),
    ('\u{200e}', "LRM", "left-to-right mark"),
    ('\u{200f}', "RLM", "right-to-left mark"),
    ('\u{061c}', "ALM", "Arabic letter mark"),
];

pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// The short name of a bidi control ("RLO"), `None` for any other character.
pub fn control_name(c: char) -> Option<&'static str> {
    CONTROLS.iter().find(|e| e.0 == c).map(|e| e.1)
}

/// What a bidi control does, in words ("right-to-left override"), for a tooltip.
pub fn control_description(c: char) -> Option<&'static str> {
    CONTROLS.iter().find(|e| e.0 == c).map(|e| e.2)
}

/// A piece of a text: a run of plain text, or one bidi control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Segment<'a> {
    Plain(&'a str),
    Control(char),
}

impl Segment<'_> {
    /// The control's short name ("RLO"); `None` for plain text.
    pub fn name(&self) -> Option<&'static str> {
        match self {
            Segment::Plain(_) => None,
            Segment::Control(c) => control_name(*c),
        }
    }
}

/// Splits `text` into plain runs and bidi controls, in order. Plain runs are never empty, and
/// the segments put back together (each control as its character) are `text`.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if is_bidi_control(c) {
            if start < i {
                out.push(Segment::Plain(&text[start..i]));
            }
            out.push(Segment::Control(c));
            start = i + c.len_utf8();
        }
    }
    if start < text.len() {
        out.push(Segment::Plain(&text[start..]));
    }
    out
}

/// `text` without bidi controls; where one was removed, runs of spaces shrink to one and the
/// ends are trimmed. Borrowed when there is nothing to remove.
pub fn strip_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_bidi_control) {
        return Cow::Borrowed(text);
    }
    let kept: String = text.chars().filter(|&c| !is_bidi_control(c)).collect();
    Cow::Owned(kept.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Strips bidi controls from a label in place.
pub fn strip_in_place(text: &mut String) {
    if let Cow::Owned(clean) = strip_controls(text) {
        *text = clean;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_has_a_name() {
        let all: String = CONTROLS.iter().map(|e| e.0).collect();
        assert!(all.chars().all(is_bidi_control));
        let names: Vec<&str> = all.chars().filter_map(control_name).collect();
        assert_eq!(
            names,
            ["LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI", "LRM", "RLM", "ALM"]
        );
        assert_eq!(
            control_description('\u{202e}'),
            Some("right-to-left override")
        );
        for c in [
            'a', ' ', '\u{200b}', '\u{200d}', '\u{2065}', '\u{206a}', '\u{202f}',
        ] {
            assert!(!is_bidi_control(c) && control_name(c).is_none(), "{c:?}");
        }
    }

    #[test]
    fn segments_show_each_control() {
        let text = "He said \u{202e}txt.exe\u{202c} and \u{200f}\u{2067}left\u{2069}";
        let got = segments(text);
        assert_eq!(
            got,
            [
                Segment::Plain("He said "),
                Segment::Control('\u{202e}'),
                Segment::Plain("txt.exe"),
                Segment::Control('\u{202c}'),
                Segment::Plain(" and "),
                Segment::Control('\u{200f}'),
                Segment::Control('\u{2067}'),
                Segment::Plain("left"),
                Segment::Control('\u{2069}'),
            ]
        );
        let names: Vec<&str> = got.iter().filter_map(Segment::name).collect();
        assert_eq!(names, ["RLO", "PDF", "RLM", "RLI", "PDI"]);
        let back: String = got
            .iter()
            .map(|s| match s {
                Segment::Plain(p) => p.to_string(),
                Segment::Control(c) => c.to_string(),
            })
            .collect();
        assert_eq!(back, text);
        assert_eq!(segments("plain"), [Segment::Plain("plain")]);
        assert_eq!(segments(""), []);
    }

    #[test]
    fn stripping() {
        assert!(matches!(strip_controls("Imran Khan"), Cow::Borrowed(_)));
        assert_eq!(
            strip_controls("\u{202e}Imran\u{202c} \u{200f} Khan "),
            "Imran Khan"
        );
        let mut s = "A title with \u{202e}evil\u{202c} marks".to_string();
        strip_in_place(&mut s);
        assert_eq!(s, "A title with evil marks");
    }
}
