//! The prerendered first view against the core's own answers: the count, the first page's order,
//! the facet counts, escaping, and well-formed markup with no inline style or script.

#[allow(dead_code)]
#[path = "../src/prerender.rs"]
mod prerender;

use parallax_core::query::{FacetKind, Page, Query, QueryIndex};
use parallax_core::Corpus;
use std::path::Path;

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus");
const CRAFTED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/e2e/fixtures/crafted"
);

fn load(dir: &str) -> Corpus {
    parallax_core::corpus_dir::load_dir(Path::new(dir)).expect("the corpus loads")
}

/// Every value of `attribute="…"` in document order.
fn attribute_values(html: &str, attribute: &str) -> Vec<String> {
    let needle = format!(" {attribute}=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

/// The text of the first element whose opening tag contains `marker`, up to its next tag.
fn text_after<'a>(html: &'a str, marker: &str) -> &'a str {
    let start = html.find(marker).expect("marker present");
    let rest = &html[start..];
    let rest = &rest[rest.find('>').unwrap() + 1..];
    &rest[..rest.find('<').unwrap()]
}

fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Checks that every element is closed in order (void elements excepted): an unescaped `<` in a
/// text would break this.
fn assert_well_formed(html: &str) {
    const VOID: [&str; 2] = ["input", "br"];
    let mut open: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        let gt = rest[lt..].find('>').expect("tag closes") + lt;
        let tag = &rest[lt + 1..gt];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if let Some(closing) = tag.strip_prefix('/') {
            assert_eq!(open.pop().as_deref(), Some(closing), "closing </{closing}>");
        } else if !VOID.contains(&name.as_str()) {
            open.push(name);
        }
        rest = &rest[gt + 1..];
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
}

#[test]
fn the_count_the_first_page_and_the_facet_counts_are_the_cores() {
    let corpus = load(SEEDS);
    let html = prerender::first_view_html(&corpus);
    assert_well_formed(&html);
    let index = QueryIndex::new(&corpus);
    let result = index.run(&Query::default(), index.default_duplicates());

    let count = text_after(&html, "data-testid=\"result-count\"");
    assert_eq!(count, format!("{} reports", corpus.reports.len()));

    let page = Page::of(result.ranked.len(), 0);
    let expected: Vec<String> = result.ranked[page.range]
        .iter()
        .map(|&i| escaped(&corpus.reports[i].id))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(attribute_values(&html, "data-report-id"), expected);

    for kind in FacetKind::ALL {
        for option in result.options(kind).iter().take(8) {
            let marker = format!(
                "data-facet=\"{}\" data-value=\"{}\"",
                kind.key(),
                escaped(&option.value)
            );
            let at = html.find(&marker).unwrap_or_else(|| panic!("{marker}"));
            let shown = text_after(&html[at..], "data-testid=\"facet-count\"");
            assert_eq!(shown, option.count.to_string(), "{marker}");
        }
    }
    assert!(html.starts_with(&format!(r#"<div class="app" id="{}""#, prerender::ROOT_ID)));
}

#[test]
fn crafted_titles_and_texts_are_escaped_and_nothing_is_inline() {
    let corpus = load(CRAFTED);
    let html = prerender::first_view_html(&corpus);
    assert_well_formed(&html);
    // (The crafted texts' own `onerror=` and `javascript:` stay, escaped, as text.)
    for forbidden in [
        "<script",
        "<img",
        "<b>",
        "<i>",
        "<a href=\"javascript",
        " style=",
    ] {
        assert!(!html.contains(forbidden), "{forbidden} in the fragment");
    }
    assert!(html.contains("&lt;script&gt;window.__pwned = 1&lt;/script&gt; Pakistan &amp; US"));
    // Bidirectional controls are shown by name, never written raw.
    assert!(!html.chars().any(parallax_core::text_marks::is_bidi_control));
    // Links are relative to the document's base (the site's subpath).
    for link in attribute_values(&html, "href") {
        assert!(link == "#main" || link.starts_with("./"), "{link}");
    }
}

#[test]
fn an_empty_corpus_says_so() {
    let html = prerender::first_view_html(&Corpus::default());
    assert_well_formed(&html);
    assert!(html.contains("data-testid=\"empty-corpus\""));
    assert_eq!(
        text_after(&html, "data-testid=\"result-count\""),
        "0 reports"
    );
}
