//! Escaping and the text pieces the app renders as nodes: here written out as markup.

use parallax_core::text_marks::{control_description, is_bidi_control, segments, Segment};
use parallax_core::url_state::{render, UrlState};

/// `text` escaped for an element's text or a quoted attribute value.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// `text` with each bidirectional control shown as a visible, named mark, as the app's
/// `highlight::marked_text` shows it (never the invisible character, which could reorder text).
pub fn visible_text(text: &str) -> String {
    if !text.chars().any(is_bidi_control) {
        return esc(text);
    }
    segments(text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Plain(plain) => esc(plain),
            Segment::Control(c) => format!(
                r#"<abbr class="bidi-mark" title="{}" data-testid="bidi-mark">⟨{}⟩</abbr>"#,
                esc(control_description(c).unwrap_or_default()),
                esc(segment.name().unwrap_or("?")),
            ),
        })
        .collect()
}

/// A link to the state `change` makes of the default one, relative to the document's base (the
/// site's subpath on GitHub Pages), with the query the app writes (`AppState::href`).
pub fn href(change: impl FnOnce(&mut UrlState)) -> String {
    let before = UrlState::default();
    let mut next = before.clone();
    change(&mut next);
    next.restart_paging_if_query_changed(&before);
    let query = render(&next);
    if query.is_empty() {
        "./".into()
    } else {
        format!("./?{}", esc(&query))
    }
}
