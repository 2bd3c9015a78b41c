//! The explore view (`app.rs`'s `Explore`): the view switch, the timeline's box and the first
//! page of results (`results.rs`), as the app shows them with no search.

use super::html::{esc, href, visible_text};
use parallax_core::analysis::copies::CopyIndex;
use parallax_core::analysis::relations::{RegroupablePairs, Relations};
use parallax_core::analysis::Thresholds;
use parallax_core::display::{self, timeline};
use parallax_core::query::{snippet, FacetKind, Page, QueryResult};
use parallax_core::{Corpus, DateBasis};
use std::fmt::Write;

/// The timeline's width in the two-column layout at its widest (the layout's 80rem less the
/// sidebar, the gaps and the frame's border): the width the app measures on a desktop screen,
/// so its height is the height the app gives the timeline there.
pub const TIMELINE_WIDTH: f64 = 918.0;

const TIMELINE_HELP: &str = "Drag across the timeline to filter by event date. Arrow keys move between reports, Enter opens one; where reports crowd, bars count them and Enter zooms in. The list below holds the same reports.";

pub fn explore(out: &mut String, corpus: &Corpus, result: &QueryResult) {
    // The relations the app reads at the default thresholds: the same stories and pairs.
    let all = RegroupablePairs::new(&corpus.reports, &corpus.pairs, &corpus.evidence);
    let relations = Relations::new(&corpus.reports, &all, &Thresholds::default());
    out.push_str(r#"<div class="explore"><div class="view-switch" role="group" aria-label="Presentation"><button type="button" class="button" aria-pressed="true" data-testid="view-timeline">Timeline and list</button><button type="button" class="button" aria-pressed="false" data-testid="view-list">List only</button></div>"#);
    timeline_box(out, corpus, &relations, result);
    list(out, corpus, &relations, result);
    out.push_str("</div>");
}

/// The timeline section with an empty frame of the height the app's layout gives it.
fn timeline_box(out: &mut String, corpus: &Corpus, relations: &Relations, result: &QueryResult) {
    let letters = timeline::topic_letters(&corpus.topics);
    let layout = timeline::layout(
        &corpus.reports,
        &result.matches,
        relations,
        TIMELINE_WIDTH,
        None,
        &letters,
    );
    let _ = write!(
        out,
        r#"<section class="timeline" aria-labelledby="timeline-title" data-testid="timeline"><div class="timeline-head"><h2 id="timeline-title">Timeline by event date</h2><div class="timeline-actions"></div></div><p class="hint" id="timeline-help">{}</p><div class="timeline-frame"><svg class="timeline-svg" width="100%" height="{}" aria-hidden="true"></svg></div>"#,
        esc(TIMELINE_HELP),
        layout.height,
    );
    timeline_stories(out, relations, result);
    out.push_str(r#"<details class="legend"><summary>Legend</summary><ul class="legend-shapes"><li><svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6" class="legend-mark"></circle></svg> a report</li><li><svg width="16" height="16" aria-hidden="true"><rect x="2" y="2" width="12" height="12" class="legend-mark"></rect></svg> has a near duplicate (copy)</li><li><svg width="16" height="16" aria-hidden="true"><polygon points="8,0 16,8 8,16 0,8" class="legend-mark"></polygon></svg> same story as another report</li><li><svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6" class="legend-mark inferred"></circle></svg> dashed outline: event date inferred from its story</li><li>Lines join the reports of one story.</li></ul><ul class="legend-topics">"#);
    for (t, c) in corpus.topics.iter().zip('A'..='Z') {
        let _ = write!(out, "<li><b>{c}</b> {}</li>", esc(&t.label));
    }
    out.push_str("</ul></details></section>");
}

/// The stories the timeline shows, linked (`timeline/stories.rs`'s `TimelineStories`).
fn timeline_stories(out: &mut String, relations: &Relations, result: &QueryResult) {
    let (stories, more) =
        display::stories_among(relations, &result.matches, display::TIMELINE_STORIES);
    if stories.is_empty() {
        return;
    }
    out.push_str(r#"<p class="timeline-stories" data-testid="timeline-stories">Stories: "#);
    for (k, &(s, n)) in stories.iter().enumerate() {
        let story = &relations.stories()[s];
        let link = href(|u| u.story = Some(story.id.clone()));
        let _ = write!(
            out,
            r#"{}<a class="story-link" data-testid="timeline-story" href="{link}">{}</a> ({n})"#,
            if k > 0 { " · " } else { "" },
            esc(&display::shorten(&story.label, 40)),
        );
    }
    if more > 0 {
        let _ = write!(out, " · and {more} more");
    }
    out.push_str("</p>");
}

/// The first page of results and, when there are more, the pager.
fn list(out: &mut String, corpus: &Corpus, relations: &Relations, result: &QueryResult) {
    out.push_str(r#"<section class="results" aria-labelledby="results-title" data-testid="results"><h2 id="results-title" class="visually-hidden">Matching reports</h2>"#);
    if result.matches.is_empty() {
        out.push_str(r#"<div class="empty" data-testid="empty-results"><p>No report matches.</p><button type="button" class="button">Clear filters</button></div></section>"#);
        return;
    }
    let page = Page::of(result.matches.len(), 0);
    let related = Related::new(corpus, relations);
    let _ = write!(
        out,
        r#"<ol class="result-list" data-testid="report-list" start="{}">"#,
        page.range.start + 1
    );
    for &i in &result.ranked[page.range.clone()] {
        item(out, corpus, &related, i);
    }
    out.push_str("</ol>");
    if page.count > 1 {
        let next = page.next().map_or(String::new(), |n| {
            format!(r#" href="{}""#, href(|u| u.page = n))
        });
        let _ = write!(
            out,
            r#"<nav class="pager" aria-label="Result pages" data-testid="pager"><a class="button" data-testid="previous-page" aria-disabled="true">Previous page</a><span aria-live="polite" data-testid="page-status">Page 1 of {}</span><a class="button" data-testid="next-page"{next}>Next page</a></nav>"#,
            page.count,
        );
    }
    // The export buttons (`export.rs`'s `ExportButtons`) hold their place; without the app they
    // cannot make a file, so they are disabled until it takes over.
    out.push_str(r#"<div class="exports" role="group" aria-label="Export the reports listed"><span class="export-label">Export:</span><button type="button" class="button" data-testid="export-reports-csv" disabled>CSV</button><button type="button" class="button" data-testid="export-reports-json" disabled>JSON</button><span class="export-status" role="status" data-testid="export-status"></span></div>"#);
    out.push_str("</section>");
}

/// One result (`results.rs`'s `ResultItem`) with no search terms.
fn item(out: &mut String, corpus: &Corpus, related: &Related, index: usize) {
    let report = &corpus.reports[index];
    let id = &report.id;
    let snip = snippet(&corpus.reports[index], &[]);
    let open = href(|u| {
        u.report = Some(id.clone());
        u.paragraph = snip.paragraph;
        u.compare = None;
    });
    let _ = write!(
        out,
        r#"<li class="result" data-testid="result" data-report-id="{}"><h3 class="result-title"><a class="" data-testid="open-report" href="{open}"><span data-testid="report-title">{}</span></a></h3><p class="meta"><span class="outlet">{}</span> · event <span{}>{}</span>{}</p>"#,
        esc(id),
        visible_text(&report.title),
        esc(&display::outlet(report)),
        if report.event_date_basis == DateBasis::Inferred {
            r#" class="inferred""#
        } else {
            ""
        },
        esc(&display::date_with_basis(
            report.event_date,
            report.event_date_basis
        )),
        report
            .published
            .map(|d| esc(&format!(" · published {}", display::date(d))))
            .unwrap_or_default(),
    );
    if !snip.text.is_empty() {
        let _ = write!(
            out,
            r#"<p class="snippet" data-testid="snippet">{}{}{}</p>"#,
            if snip.cut_before { "… " } else { "" },
            visible_text(&snip.text),
            if snip.cut_after { " …" } else { "" },
        );
    }
    out.push_str(r#"<p class="tags">"#);
    for t in report.topics.iter().take(3) {
        let label = display::facet_label(&corpus.topics, FacetKind::Topic, &t.topic);
        let _ = write!(out, r#"<span class="tag">{}</span>"#, esc(&label));
    }
    if let Some(story) = related.relations.story_of(index) {
        let link = href(|u| u.story = Some(story.id.clone()));
        let _ = write!(
            out,
            r#"<a class="tag story-tag" data-testid="result-story" href="{link}">{}</a>"#,
            esc(&display::story_tag(&story.label))
        );
    }
    for p in related.of(index).into_iter().take(2) {
        let other = if p.a == *id { p.b.clone() } else { p.a.clone() };
        let other_title = related
            .position
            .get(other.as_str())
            .map(|&j| corpus.reports[j as usize].title.as_str())
            .unwrap_or_default();
        let label = format!(
            "{}: compare with “{}”",
            display::capitalise(p.relation.label()),
            display::shorten(other_title, 50)
        );
        let link = href(|u| {
            u.compare = Some((id.clone(), other.clone()));
            u.report = None;
            u.paragraph = None;
        });
        let _ = write!(
            out,
            r#"<span class="relation-link"><a class="tag relation" data-testid="compare-link" href="{link}">{}</a></span>"#,
            esc(&label)
        );
    }
    out.push_str("</p></li>");
}

/// Each report's related pairs at the default thresholds, as the app's `AppState::pairs_of`
/// finds them (the pairs of a copy group expanded).
struct Related<'a> {
    corpus: &'a Corpus,
    relations: &'a Relations,
    position: parallax_core::Positions<'a>,
    copies: CopyIndex,
}

impl<'a> Related<'a> {
    fn new(corpus: &'a Corpus, relations: &'a Relations) -> Related<'a> {
        Related {
            corpus,
            relations,
            position: parallax_core::report_positions(&corpus.reports),
            copies: CopyIndex::new(corpus.reports.len(), &corpus.copy_groups),
        }
    }

    fn of(&self, i: usize) -> Vec<parallax_core::Pair> {
        let position = |id: &str| self.position.get(id).copied();
        display::related_pairs(
            &self.corpus.reports,
            &self.copies,
            self.relations.pairs(),
            self.relations.by_report(),
            &position,
            i,
        )
    }
}
