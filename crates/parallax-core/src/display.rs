//! Text the pages show, as pure functions: the app's views and the build's prerendered first
//! view (`parallax build --site`) format dates, outlets, counts and labels with the same code, so
//! the static markup says exactly what the app then renders.

pub mod marks;
pub mod timeline;

use crate::analysis::copies::CopyIndex;
use crate::query::{FacetKind, DUP_YES};
use crate::{DateBasis, NaiveDate, Pair, Report, TopicDef};

/// "8 Jul 2024".
pub fn date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// "8 Jul 2024 (stated)", or "no date".
pub fn date_with_basis(d: Option<NaiveDate>, basis: DateBasis) -> String {
    match d {
        Some(d) => format!("{} ({})", date(d), basis.label()),
        None => "no date".into(),
    }
}

/// The outlet with where it comes from ("Dawn (stated in the text)"), for the reader's facts.
pub fn outlet_with_basis(r: &Report) -> String {
    match &r.outlet {
        Some(outlet) => format!("{outlet} ({})", r.outlet_basis.label()),
        None => "outlet unknown".into(),
    }
}

/// Where a report comes from, as the story page and the matrix group reports: its outlet, else
/// the file it came from (`true`: where outlets are unknown, the file is what tells two reports'
/// sources apart).
pub fn source_of(r: &Report) -> (bool, &str) {
    match &r.outlet {
        Some(o) => (false, o.as_str()),
        None => (true, r.file.as_str()),
    }
}

/// [`source_of`]'s name: the outlet, else the file the report came from.
pub fn outlet_or_file(r: &Report) -> String {
    source_of(r).1.to_string()
}

/// The outlet, or a plain word saying it is unknown.
pub fn outlet(r: &Report) -> String {
    r.outlet.clone().unwrap_or_else(|| "outlet unknown".into())
}

/// "1 report" / "3 reports".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The result count: "12 reports" when nothing is filtered out, else "3 of 12 reports".
pub fn result_count(matches: usize, total: usize) -> String {
    if matches == total {
        count(total, "report", "reports")
    } else {
        format!("{matches} of {}", count(total, "report", "reports"))
    }
}

/// The first letter upper-cased.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// At most `max` characters, "…" marking a cut.
pub fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", s[..cut].trim_end()),
        None => s.to_string(),
    }
}

/// The footer's line: "6 reports · 3 related pairs · 1 story".
pub fn corpus_counts(reports: usize, pairs: usize, stories: usize) -> String {
    format!(
        "{} · {} · {}",
        count(reports, "report", "reports"),
        count(pairs, "related pair", "related pairs"),
        count(stories, "story", "stories")
    )
}

/// What became of the files a reader opened: "6 reports from 5 files", or "6 reports from 5
/// of 8 files" when some were left out.
pub fn local_files_summary(reports: usize, files_loaded: usize, files_given: usize) -> String {
    let files = if files_loaded == files_given {
        count(files_given, "file", "files")
    } else {
        format!("{files_loaded} of {}", count(files_given, "file", "files"))
    };
    format!("{} from {files}", count(reports, "report", "reports"))
}

/// A stage of the local analysis with how far it is: "Comparing the reports: 120 of 1,000"
/// (no count when the stage has no total).
pub fn local_progress(label: &str, done: u64, total: Option<u64>) -> String {
    match total {
        Some(total) => format!("{label}: {} of {total}", done.min(total)),
        None => format!("{label}…"),
    }
}

/// The tag a result carries for its story: "Story: " and the story's label, cut short.
pub fn story_tag(label: &str) -> String {
    format!("Story: {}", shorten(label, 40))
}

/// The stories among `matches` (report indices) under `relations`: (story index, matching
/// reports), most matching reports first, then in the stories' order; at most `max`, with the
/// number left out. What the timeline links to under its frame. One pass over the matches.
pub fn stories_among(
    relations: &crate::analysis::relations::Relations,
    matches: &[usize],
    max: usize,
) -> (Vec<(usize, usize)>, usize) {
    let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for &i in matches {
        if let Some(s) = relations.story_index_of(i) {
            *counts.entry(s).or_default() += 1;
        }
    }
    let mut stories: Vec<(usize, usize)> = counts.into_iter().collect();
    stories.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let more = stories.len().saturating_sub(max);
    stories.truncate(max);
    (stories, more)
}

/// How many stories the timeline names under its frame.
pub const TIMELINE_STORIES: usize = 6;

/// The display label of a facet option (topic ids become their labels).
pub fn facet_label(topics: &[TopicDef], kind: FacetKind, value: &str) -> String {
    match kind {
        FacetKind::Topic => topics
            .iter()
            .find(|t| t.id == value)
            .map(|t| t.label.clone())
            .unwrap_or_else(|| value.to_string()),
        FacetKind::Duplicates if value == DUP_YES => "has a near duplicate".into(),
        FacetKind::Duplicates => "no near duplicate".into(),
        _ => value.to_string(),
    }
}

/// A DOM-id-safe form of a facet value (the id of its checkbox).
pub fn facet_dom_id(kind: FacetKind, value: &str) -> String {
    let hash = value
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    let safe: String = value
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("f-{}-{safe}-{hash:x}", kind.key())
}

/// The related pairs of report `i` among `pairs` (those of a copy group expanded), strongest
/// relation first: what a result item and the reader list. `by_report` holds, per report, the
/// indices of its pairs in `pairs`.
pub fn related_pairs(
    reports: &[Report],
    copies: &CopyIndex,
    pairs: &[Pair],
    by_report: &[Vec<u32>],
    position: &dyn Fn(&str) -> Option<u32>,
    i: usize,
) -> Vec<Pair> {
    let ids = |i: u32| reports[i as usize].id.clone();
    let mut found = copies.pairs_of(i as u32, pairs, by_report, position, &ids);
    found.sort_by(|x, y| {
        y.relation
            .cmp(&x.relation)
            .then(y.jaccard.total_cmp(&x.jaccard))
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_labels_and_ids_read_as_the_pages_show_them() {
        assert_eq!(count(1, "report", "reports"), "1 report");
        assert_eq!(result_count(3, 3), "3 reports");
        assert_eq!(result_count(1, 3), "1 of 3 reports");
        assert_eq!(shorten("abcdef", 3), "abc…");
        assert_eq!(capitalise("near duplicate"), "Near duplicate");
        let id = facet_dom_id(FacetKind::Outlet, "Dawn <x>");
        assert!(id.starts_with("f-outlet-Dawn--x--"), "{id}");
        assert!(id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    }

    #[test]
    fn local_files_read_as_the_banner_and_the_progress_show_them() {
        assert_eq!(local_files_summary(6, 5, 5), "6 reports from 5 files");
        assert_eq!(local_files_summary(1, 1, 3), "1 report from 1 of 3 files");
        assert_eq!(
            local_progress("Parsing the files", 3, Some(40)),
            "Parsing the files: 3 of 40"
        );
        assert_eq!(
            local_progress("Parsing the files", 41, Some(40)),
            "Parsing the files: 40 of 40"
        );
        assert_eq!(
            local_progress("Preparing the views", 0, None),
            "Preparing the views…"
        );
    }
}
