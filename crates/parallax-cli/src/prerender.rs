//! The prerendered first view: what the app shows at the default URL (no query string), written
//! by the build as static markup (`OUTDIR/first-view.html`), which the site's index.html carries
//! in place of its loading line. The first paint then needs no wasm, a reader without JavaScript
//! sees the list, and the app (`src/prerender.rs`) replaces it, same markup in the same place.
//!
//! Everything the fragment says comes from the core's own computations (the default query, its
//! page and facet counts, `display`'s formatting and the timeline's layout), so it is what the
//! app renders; every text is escaped; no inline style or script (the page's CSP forbids them).

// Paths spelled out: the CLI's tests include this file by path (the crate is a binary).
#[path = "prerender/html.rs"]
mod html;
#[path = "prerender/results.rs"]
mod results;

use html::{esc, href};
use parallax_core::display::{self, facet_dom_id, facet_label};
use parallax_core::query::{FacetKind, Query, QueryIndex, QueryResult};
use parallax_core::Corpus;
use std::fmt::Write;

/// The id of the fragment's root: the app finds the prerendered view by it and removes it.
pub const ROOT_ID: &str = "prerendered";

/// Facet options shown before "show all" (the app's `facets::SHOWN_OPTIONS`).
const SHOWN_OPTIONS: usize = 8;

/// The default view's HTML: an element (no `<html>`/`<head>`) for the site's index.html.
pub fn first_view_html(corpus: &Corpus) -> String {
    // The default view has no text query: the index of the reports without their text.
    let index = QueryIndex::from_reports(&corpus.reports, &corpus.pairs);
    let result = index.run(&Query::default(), index.default_duplicates());
    let mut out = String::new();
    // The app's root (`app.rs`), marked as prerendered. No `data-testid="app"`: that names the
    // live app, which the browser tests (and anything else) wait for.
    let _ = write!(
        out,
        r##"<div class="app" id="{ROOT_ID}" data-prerendered="true"><a class="skip-link" href="#main">Skip to content</a><header class="site-header"><div class="brand"><h1><a class="home" data-testid="home" href="{home}">Parallax</a></h1><p class="tagline">How news outlets report the same events</p></div><div class="copy-link"><button type="button" class="button" data-testid="copy-link">Copy link</button><span class="copy-status" role="status" data-testid="copy-status"></span></div></header><section class="open-files-region" aria-label="Your own files"><details class="open-files" data-testid="open-files"><summary>Open your own files</summary><div class="open-files-body"><p>Your own reports are analysed in this browser, with every view of this site, once the page has loaded. Nothing is uploaded.</p></div></details></section><div class="layout"><aside class="sidebar" aria-label="Search and filters">"##,
        home = href(|_| {}),
    );
    sidebar(&mut out, corpus, &result);
    out.push_str(r#"</aside><main id="main" class="main" tabindex="-1">"#);
    if corpus.reports.is_empty() {
        out.push_str(r#"<p class="empty" data-testid="empty-corpus">The corpus holds no report. Add text files to the corpus folder and build again.</p>"#);
    } else {
        results::explore(&mut out, corpus, &result);
    }
    let _ = write!(
        out,
        r#"</main></div><footer class="site-footer"><p data-testid="footer-counts">{}</p></footer></div>"#,
        esc(&display::corpus_counts(
            corpus.reports.len(),
            corpus.pairs.len(),
            corpus.stories.len()
        )),
    );
    out
}

/// The search box, the result count and the filters (`search.rs`, `results.rs`, `facets.rs`).
fn sidebar(out: &mut String, corpus: &Corpus, result: &QueryResult) {
    let _ = write!(
        out,
        r#"<form class="search" role="search" aria-label="Search the reports"><label for="search-input">Search titles and text</label><input id="search-input" type="search" autocomplete="off" spellcheck="false" aria-describedby="search-hint" data-testid="search-input"><p id="search-hint" class="search-hint">{}</p></form><p class="result-count" role="status" aria-live="polite" data-testid="result-count">{}</p>"#,
        esc("e.g. Miller sanctions, \"press briefing\""),
        esc(&display::result_count(
            result.matches.len(),
            corpus.reports.len()
        )),
    );
    // Open, as the app opens it on a wide screen; the app keeps whatever the reader sees.
    out.push_str(r#"<details class="filters-panel" open=""><summary>Filters</summary><section class="facets" aria-labelledby="facets-title" data-testid="facets"><div class="facets-head"><h2 id="facets-title">Filters</h2></div>"#);
    out.push_str(r#"<fieldset class="facet date-range" data-testid="date-range"><legend>Event date</legend><div class="date-inputs"><label>From<input type="date" data-testid="date-from"></label><label>To<input type="date" data-testid="date-to"></label></div></fieldset>"#);
    for kind in FacetKind::ALL {
        facet_group(out, corpus, kind, result.options(kind));
    }
    out.push_str("</section></details>");
}

/// One facet's options with their counts (no option is selected on the default view).
fn facet_group(
    out: &mut String,
    corpus: &Corpus,
    kind: FacetKind,
    options: &[parallax_core::query::FacetOption],
) {
    if options.is_empty() {
        return;
    }
    let key = kind.key();
    let _ = write!(
        out,
        r#"<fieldset class="facet" data-testid="facet-{key}"><legend id="facet-{key}">{}</legend><ul class="facet-options">"#,
        esc(kind.label()),
    );
    for option in options
        .iter()
        .enumerate()
        .filter(|(i, o)| *i < SHOWN_OPTIONS || o.selected)
        .map(|(_, o)| o)
    {
        let id = esc(&facet_dom_id(kind, &option.value));
        let _ = write!(
            out,
            r#"<li><input type="checkbox" id="{id}" data-testid="facet-option" data-facet="{key}" data-value="{}"{}><label for="{id}"><span class="facet-label">{}</span><span class="facet-count" data-testid="facet-count">{}</span></label></li>"#,
            esc(&option.value),
            if option.selected { " checked" } else { "" },
            esc(&facet_label(&corpus.topics, kind, &option.value)),
            option.count,
        );
    }
    out.push_str(r#"</ul><div class="facet-actions">"#);
    if options.len() > SHOWN_OPTIONS {
        let _ = write!(
            out,
            r#"<button type="button" class="button link-button">Show all {}</button>"#,
            options.len()
        );
    }
    out.push_str("</div></fieldset>");
}
