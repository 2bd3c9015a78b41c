//! The query engine behind the explorer: facets, date range and full-text search.
//!
//! Pure and synchronous so the page can run it on every keystroke. [`QueryIndex::new`] does the
//! expensive work once (folding every title and paragraph for search, interning facet values);
//! [`QueryIndex::run`] then costs one scan of the folded text per search term plus a pass over
//! the reports.
//!
//! Facets combine with OR inside a facet and AND across facets. Each option's count is the
//! "disjunctive" count: how many reports the selection would give if that option were added to
//! its own facet's selection while every *other* constraint stays as it is. So the options of one
//! facet never drop to 0 just because a sibling option is selected.

use crate::model::{Corpus, NaiveDate, Pair, Relation, Report};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// The facets a reader can filter by, in the order the page shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetKind {
    Topic,
    Person,
    Outlet,
    Place,
    /// "yes" / "no": whether the report has a near-duplicate (under the current thresholds).
    Duplicates,
}

impl FacetKind {
    pub const ALL: [FacetKind; 5] = [
        FacetKind::Topic,
        FacetKind::Person,
        FacetKind::Outlet,
        FacetKind::Place,
        FacetKind::Duplicates,
    ];

    /// The URL parameter name, also used as a stable DOM id part.
    pub fn key(self) -> &'static str {
        match self {
            FacetKind::Topic => "topic",
            FacetKind::Person => "person",
            FacetKind::Outlet => "outlet",
            FacetKind::Place => "place",
            FacetKind::Duplicates => "dup",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FacetKind::Topic => "Topic",
            FacetKind::Person => "Person",
            FacetKind::Outlet => "Outlet",
            FacetKind::Place => "Place",
            FacetKind::Duplicates => "Duplicates",
        }
    }

    pub fn from_key(key: &str) -> Option<FacetKind> {
        FacetKind::ALL.into_iter().find(|k| k.key() == key)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The values of the "has duplicates" facet.
pub const DUP_YES: &str = "yes";
pub const DUP_NO: &str = "no";

/// The options selected in each facet (sets, so order and repeats never matter).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetSelection {
    selected: [BTreeSet<String>; 5],
}

impl FacetSelection {
    pub fn get(&self, kind: FacetKind) -> &BTreeSet<String> {
        &self.selected[kind.index()]
    }

    pub fn get_mut(&mut self, kind: FacetKind) -> &mut BTreeSet<String> {
        &mut self.selected[kind.index()]
    }

    pub fn is_selected(&self, kind: FacetKind, value: &str) -> bool {
        self.get(kind).contains(value)
    }

    /// Adds the option if absent, removes it if present.
    pub fn toggle(&mut self, kind: FacetKind, value: &str) {
        let set = self.get_mut(kind);
        if !set.remove(value) {
            set.insert(value.to_string());
        }
    }

    pub fn is_empty(&self) -> bool {
        self.selected.iter().all(BTreeSet::is_empty)
    }

    pub fn clear(&mut self) {
        self.selected.iter_mut().for_each(BTreeSet::clear);
    }
}

/// What the reader asked for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Free text; words and "quoted phrases" must all occur (AND), at the start of a word.
    pub text: String,
    pub facets: FacetSelection,
    /// Inclusive event-date range. Undated reports do not match a range.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// One option of a facet with its disjunctive count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetOption {
    pub value: String,
    pub count: usize,
    pub selected: bool,
}

/// The answer to a [`Query`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QueryResult {
    /// Indices into `Corpus::reports` of the matching reports, in timeline order
    /// (event date, then published date, then corpus order; undated last).
    pub matches: Vec<usize>,
    /// Per facet (in [`FacetKind::ALL`] order): every option with its count, most reports first,
    /// then by value. Options with a zero count are kept only when selected.
    pub facets: Vec<(FacetKind, Vec<FacetOption>)>,
    /// The folded search terms (empty when there is no text query).
    pub terms: Vec<String>,
}

impl QueryResult {
    pub fn options(&self, kind: FacetKind) -> &[FacetOption] {
        self.facets
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, o)| o.as_slice())
            .unwrap_or(&[])
    }
}

/// A piece of a report's text around the first match, with highlight ranges into `text`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
    /// The paragraph the snippet comes from (`None`: the title matched, the snippet is the lead).
    pub paragraph: Option<usize>,
    /// Whether text was cut before / after the snippet.
    pub cut_before: bool,
    pub cut_after: bool,
}

/// Per-report data precomputed for queries.
#[derive(Clone, Debug)]
struct IndexedReport {
    /// Folded title, then "\n", then each folded paragraph joined by "\n": one haystack.
    folded: String,
    /// Interned facet value ids per facet kind (not for Duplicates, which is dynamic).
    values: [Vec<u32>; 4],
    date: Option<NaiveDate>,
}

/// Precomputed, immutable search and facet data for one corpus.
#[derive(Clone, Debug)]
pub struct QueryIndex {
    reports: Vec<IndexedReport>,
    /// Report indices in timeline order.
    order: Vec<usize>,
    /// Interned values per facet kind (Topic, Person, Outlet, Place).
    values: [Vec<String>; 4],
    /// Whether each report has a near-duplicate per the corpus's own pairs.
    default_duplicates: Vec<bool>,
}

impl QueryIndex {
    pub fn new(corpus: &Corpus) -> QueryIndex {
        let mut interner: [BTreeMap<String, u32>; 4] = Default::default();
        let mut values: [Vec<String>; 4] = Default::default();
        let mut intern = |kind: usize, value: &str| -> u32 {
            if let Some(&id) = interner[kind].get(value) {
                return id;
            }
            let id = values[kind].len() as u32;
            values[kind].push(value.to_string());
            interner[kind].insert(value.to_string(), id);
            id
        };
        let reports: Vec<IndexedReport> = corpus
            .reports
            .iter()
            .map(|r| {
                let mut folded = fold(&r.title);
                for p in &r.paragraphs {
                    folded.push('\n');
                    folded.push_str(&fold(&p.text));
                }
                let mut per_kind: [Vec<u32>; 4] = Default::default();
                let topic_ids: Vec<&str> = r.topics.iter().map(|t| t.topic.as_str()).collect();
                let people: Vec<&str> = r
                    .people
                    .iter()
                    .chain(r.speakers.iter())
                    .map(String::as_str)
                    .collect();
                let outlets: Vec<&str> = r.outlet.iter().map(String::as_str).collect();
                let places: Vec<&str> = r.places.iter().map(String::as_str).collect();
                for (kind, list) in [topic_ids, people, outlets, places].into_iter().enumerate() {
                    let mut ids: Vec<u32> = list
                        .into_iter()
                        .filter(|v| !v.trim().is_empty())
                        .map(|v| intern(kind, v))
                        .collect();
                    ids.sort_unstable();
                    ids.dedup();
                    per_kind[kind] = ids;
                }
                IndexedReport {
                    folded,
                    values: per_kind,
                    date: r.event_date,
                }
            })
            .collect();
        let mut order: Vec<usize> = (0..corpus.reports.len()).collect();
        order.sort_by_key(|&i| {
            let r = &corpus.reports[i];
            (r.event_date.is_none(), r.event_date, r.published, i)
        });
        QueryIndex {
            default_duplicates: duplicate_flags(&corpus.reports, &corpus.pairs),
            reports,
            order,
            values,
        }
    }

    pub fn len(&self) -> usize {
        self.reports.len()
    }

    pub fn is_empty(&self) -> bool {
        self.reports.is_empty()
    }

    /// Report indices in timeline order.
    pub fn timeline_order(&self) -> &[usize] {
        &self.order
    }

    /// Whether each report has a near duplicate according to the corpus's own pairs.
    pub fn default_duplicates(&self) -> &[bool] {
        &self.default_duplicates
    }

    /// Runs a query. `duplicates[i]` says whether report `i` has a near duplicate under the
    /// thresholds in force (pass [`QueryIndex::default_duplicates`] when they are the defaults).
    pub fn run(&self, query: &Query, duplicates: &[bool]) -> QueryResult {
        let terms = search_terms(&query.text);
        // Which facet values are selected, by interned id (unknown values select nothing).
        let selected_ids: Vec<BTreeSet<u32>> = (0..4)
            .map(|k| {
                let kind = FacetKind::ALL[k];
                query
                    .facets
                    .get(kind)
                    .iter()
                    .filter_map(|v| self.values[k].iter().position(|x| x == v).map(|i| i as u32))
                    .collect()
            })
            .collect();
        let dup_selected = query.facets.get(FacetKind::Duplicates);
        let dup_active = !dup_selected.is_empty();

        // For every report: does it pass the non-facet constraints, and each facet?
        let mut counts: Vec<Vec<usize>> = self.values.iter().map(|v| vec![0; v.len()]).collect();
        let (mut dup_yes, mut dup_no) = (0usize, 0usize);
        let mut matches = Vec::new();
        for &i in &self.order {
            let report = &self.reports[i];
            if !self.passes_date(report, query)
                || !terms
                    .iter()
                    .all(|t| find_word_start(&report.folded, t).is_some())
            {
                continue;
            }
            let has_dup = duplicates.get(i).copied().unwrap_or(false);
            let mut pass = [true; 5];
            for k in 0..4 {
                // A facet with selections filters even when none of them is known (nothing passes).
                pass[k] = query.facets.get(FacetKind::ALL[k]).is_empty()
                    || report.values[k].iter().any(|v| selected_ids[k].contains(v));
            }
            pass[4] = !dup_active || dup_selected.contains(if has_dup { DUP_YES } else { DUP_NO });
            let failing = pass.iter().filter(|p| !**p).count();
            if failing == 0 {
                matches.push(i);
            }
            // A report counts towards facet k's options when every other facet passes.
            for k in 0..5 {
                let others_pass = failing == 0 || (failing == 1 && !pass[k]);
                if !others_pass {
                    continue;
                }
                if k < 4 {
                    for &v in &report.values[k] {
                        counts[k][v as usize] += 1;
                    }
                } else if has_dup {
                    dup_yes += 1;
                } else {
                    dup_no += 1;
                }
            }
        }

        let mut facets = Vec::with_capacity(5);
        for (k, kind) in FacetKind::ALL.into_iter().enumerate() {
            let mut options: Vec<FacetOption> = if k < 4 {
                self.values[k]
                    .iter()
                    .zip(&counts[k])
                    .map(|(value, &count)| FacetOption {
                        value: value.clone(),
                        count,
                        selected: query.facets.is_selected(kind, value),
                    })
                    .collect()
            } else {
                vec![
                    FacetOption {
                        value: DUP_YES.into(),
                        count: dup_yes,
                        selected: dup_selected.contains(DUP_YES),
                    },
                    FacetOption {
                        value: DUP_NO.into(),
                        count: dup_no,
                        selected: dup_selected.contains(DUP_NO),
                    },
                ]
            };
            // Selected values the corpus does not know still show (with 0), so they can be cleared.
            for value in query.facets.get(kind) {
                if !options.iter().any(|o| &o.value == value) {
                    options.push(FacetOption {
                        value: value.clone(),
                        count: 0,
                        selected: true,
                    });
                }
            }
            options.retain(|o| o.count > 0 || o.selected);
            if k < 4 {
                options.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            }
            facets.push((kind, options));
        }
        QueryResult {
            matches,
            facets,
            terms,
        }
    }

    fn passes_date(&self, report: &IndexedReport, query: &Query) -> bool {
        if query.from.is_none() && query.to.is_none() {
            return true;
        }
        match report.date {
            None => false,
            Some(d) => query.from.is_none_or(|f| d >= f) && query.to.is_none_or(|t| d <= t),
        }
    }
}

/// Which reports have a near duplicate among `pairs` (the corpus's own, or pairs reclassified
/// under other thresholds).
pub fn duplicate_flags(reports: &[Report], pairs: &[Pair]) -> Vec<bool> {
    let position: BTreeMap<&str, usize> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut flags = vec![false; reports.len()];
    for pair in pairs
        .iter()
        .filter(|p| p.relation == Relation::NearDuplicate)
    {
        for id in [&pair.a, &pair.b] {
            if let Some(&i) = position.get(id.as_str()) {
                flags[i] = true;
            }
        }
    }
    flags
}

/// Folds text for matching: canonical decomposition, combining marks dropped, lower case,
/// typographic quotes and apostrophes made plain. "Café" and "CAFE" fold alike.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, |c, _| out.push(c));
    out
}

/// Folds `text`, calling `emit(folded_char, original_byte_offset)` for each output char.
fn fold_into(text: &str, mut emit: impl FnMut(char, usize)) {
    for (offset, c) in text.char_indices() {
        if c.is_ascii() {
            emit(c.to_ascii_lowercase(), offset);
            continue;
        }
        unicode_normalization::char::decompose_canonical(c, |d| {
            if unicode_normalization::char::is_combining_mark(d) {
                return;
            }
            for l in d.to_lowercase() {
                emit(plain_punctuation(l), offset);
            }
        });
    }
}

fn plain_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' => ' ',
        other => other,
    }
}

/// Splits a query into folded terms: words, or "quoted phrases" kept whole. Repeats dropped.
pub fn search_terms(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut terms: Vec<String> = Vec::new();
    let mut push = |t: &str| {
        let t = t.trim_matches(|c: char| c.is_whitespace() || c == '"');
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() && !terms.contains(&t) {
            terms.push(t);
        }
    };
    for (i, part) in folded.split('"').enumerate() {
        if i % 2 == 1 {
            push(part);
        } else {
            part.split_whitespace().for_each(&mut push);
        }
    }
    terms
}

/// The first occurrence of `term` in `haystack` that starts a word.
fn find_word_start(haystack: &str, term: &str) -> Option<usize> {
    let needs_boundary = term.chars().next().is_some_and(char::is_alphanumeric);
    let mut from = 0;
    while let Some(pos) = haystack[from..].find(term) {
        let at = from + pos;
        if !needs_boundary
            || !haystack[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            return Some(at);
        }
        from = at + haystack[at..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Byte ranges of `text` where any of the (folded) `terms` occurs at a word start; sorted,
/// merged where they overlap. What the page wraps in `<mark>`.
pub fn highlight_ranges(text: &str, terms: &[String]) -> Vec<Range<usize>> {
    if terms.is_empty() || text.is_empty() {
        return Vec::new();
    }
    // Fold once, remembering for each folded byte which original char produced it.
    let mut folded = String::with_capacity(text.len());
    let mut origin: Vec<usize> = Vec::with_capacity(text.len());
    fold_into(text, |c, offset| {
        folded.push(c);
        origin.extend(std::iter::repeat_n(offset, c.len_utf8()));
    });
    let original_end = |folded_end: usize| -> usize {
        // The end of the original char that produced the last folded byte.
        let start = origin[folded_end - 1];
        start + text[start..].chars().next().map_or(0, char::len_utf8)
    };
    let mut ranges = Vec::new();
    for term in terms {
        let mut from = 0;
        while from < folded.len() {
            let Some(at) = find_word_start(&folded[from..], term).map(|p| p + from) else {
                break;
            };
            let end = at + term.len();
            ranges.push(origin[at]..original_end(end));
            from = end;
        }
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Characters of context a snippet keeps around its first match.
const SNIPPET_CONTEXT: usize = 80;
const SNIPPET_LEAD: usize = 180;

/// A snippet for one report: the first paragraph with a match, cut around the first match, with
/// its highlights. With no terms, or when only the title matches, the lead of the first paragraph.
pub fn snippet(corpus: &Corpus, report: usize, terms: &[String]) -> Snippet {
    let Some(r) = corpus.reports.get(report) else {
        return Snippet::default();
    };
    let text_paragraphs = || {
        r.paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.kind == crate::model::ParagraphKind::Text)
    };
    for (index, p) in text_paragraphs() {
        let ranges = highlight_ranges(&p.text, terms);
        if let Some(first) = ranges.first() {
            let start = floor_boundary(&p.text, first.start.saturating_sub(SNIPPET_CONTEXT));
            let start = word_start_after(&p.text, start, first.start);
            let end = ceil_boundary(&p.text, (first.end + SNIPPET_CONTEXT * 2).min(p.text.len()));
            let end = word_end_before(&p.text, end, first.end);
            let highlights = ranges
                .iter()
                .filter(|h| h.start >= start && h.end <= end)
                .map(|h| h.start - start..h.end - start)
                .collect();
            return Snippet {
                text: p.text[start..end].to_string(),
                highlights,
                paragraph: Some(index),
                cut_before: start > 0,
                cut_after: end < p.text.len(),
            };
        }
    }
    match text_paragraphs().next() {
        Some((_, p)) => {
            let end = ceil_boundary(&p.text, SNIPPET_LEAD.min(p.text.len()));
            let end = word_end_before(&p.text, end, 0);
            let text = p.text[..end].to_string();
            Snippet {
                highlights: highlight_ranges(&text, terms),
                text,
                paragraph: None,
                cut_before: false,
                cut_after: end < p.text.len(),
            }
        }
        None => Snippet::default(),
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Moves a cut forward to the next word start, but never past `limit`.
fn word_start_after(s: &str, start: usize, limit: usize) -> usize {
    if start == 0 {
        return 0;
    }
    match s[start..limit].find(char::is_whitespace) {
        Some(p) => {
            let after = start + p;
            after
                + s[after..limit]
                    .chars()
                    .take_while(|c| c.is_whitespace())
                    .map(char::len_utf8)
                    .sum::<usize>()
        }
        None => start,
    }
}

/// Moves a cut back to the end of the previous whole word, but never before `limit`.
fn word_end_before(s: &str, end: usize, limit: usize) -> usize {
    if end >= s.len() {
        return s.len();
    }
    match s[limit..end].rfind(char::is_whitespace) {
        Some(p) if limit + p > limit => limit + p,
        _ => end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, ParagraphKind, TopicScore};
    use proptest::prelude::*;

    fn report(id: &str, title: &str, paras: &[&str], date: Option<(i32, u32, u32)>) -> Report {
        Report {
            id: id.into(),
            title: title.into(),
            paragraphs: paras
                .iter()
                .map(|t| Paragraph {
                    kind: ParagraphKind::Text,
                    text: t.to_string(),
                    ..Default::default()
                })
                .collect(),
            event_date: date.map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap()),
            ..Default::default()
        }
    }

    fn with(mut r: Report, topics: &[&str], outlet: Option<&str>, people: &[&str]) -> Report {
        r.topics = topics
            .iter()
            .map(|t| TopicScore {
                topic: t.to_string(),
                weight: 1.0,
            })
            .collect();
        r.outlet = outlet.map(str::to_string);
        r.people = people.iter().map(|p| p.to_string()).collect();
        r
    }

    fn corpus() -> Corpus {
        Corpus {
            reports: vec![
                with(
                    report(
                        "a",
                        "US urges Pakistan on Iran pipeline",
                        &["Miller said sanctions apply."],
                        Some((2024, 7, 8)),
                    ),
                    &["iran", "economy"],
                    Some("Dawn"),
                    &["Matthew Miller"],
                ),
                with(
                    report(
                        "b",
                        "Spokesperson on Imran Khan",
                        &["The PTI founder remains jailed."],
                        Some((2024, 3, 1)),
                    ),
                    &["imran-khan"],
                    Some("Dawn"),
                    &["Imran Khan"],
                ),
                with(
                    report(
                        "c",
                        "Café diplomacy in Islamabad",
                        &["A crème brûlée summit; “Khan’s” allies met."],
                        None,
                    ),
                    &["imran-khan", "iran"],
                    Some("Tribune"),
                    &[],
                ),
                with(
                    report(
                        "d",
                        "Copy of the Iran story",
                        &["Miller said sanctions apply to the pipeline."],
                        Some((2024, 7, 9)),
                    ),
                    &["iran"],
                    Some("Geo"),
                    &["Matthew Miller"],
                ),
            ],
            pairs: vec![Pair {
                a: "a".into(),
                b: "d".into(),
                relation: Relation::NearDuplicate,
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    fn run(c: &Corpus, q: &Query) -> QueryResult {
        let index = QueryIndex::new(c);
        index.run(q, index.default_duplicates())
    }

    fn ids(c: &Corpus, r: &QueryResult) -> Vec<String> {
        r.matches.iter().map(|&i| c.reports[i].id.clone()).collect()
    }

    fn count(r: &QueryResult, kind: FacetKind, value: &str) -> Option<usize> {
        r.options(kind)
            .iter()
            .find(|o| o.value == value)
            .map(|o| o.count)
    }

    #[test]
    fn empty_query_lists_everything_in_timeline_order_undated_last() {
        let c = corpus();
        let r = run(&c, &Query::default());
        assert_eq!(ids(&c, &r), ["b", "a", "d", "c"]);
        assert_eq!(count(&r, FacetKind::Topic, "iran"), Some(3));
        assert_eq!(count(&r, FacetKind::Outlet, "Dawn"), Some(2));
        assert_eq!(count(&r, FacetKind::Duplicates, DUP_YES), Some(2));
        assert_eq!(count(&r, FacetKind::Duplicates, DUP_NO), Some(2));
    }

    #[test]
    fn or_within_a_facet_and_across_facets_with_disjunctive_counts() {
        let c = corpus();
        let mut q = Query::default();
        q.facets.toggle(FacetKind::Outlet, "Dawn");
        let r = run(&c, &q);
        assert_eq!(ids(&c, &r), ["b", "a"]);
        // Sibling outlets keep their own counts (what adding them would add), not 0.
        assert_eq!(count(&r, FacetKind::Outlet, "Geo"), Some(1));
        assert_eq!(count(&r, FacetKind::Outlet, "Tribune"), Some(1));
        // Other facets count within the selection.
        assert_eq!(count(&r, FacetKind::Topic, "iran"), Some(1));
        assert_eq!(count(&r, FacetKind::Topic, "imran-khan"), Some(1));

        q.facets.toggle(FacetKind::Outlet, "Geo");
        assert_eq!(ids(&c, &run(&c, &q)), ["b", "a", "d"]);

        q.facets.toggle(FacetKind::Topic, "iran");
        let r = run(&c, &q);
        assert_eq!(ids(&c, &r), ["a", "d"]);
        // Tribune would add c (iran) → 1; the Dawn count only counts Dawn ∧ iran.
        assert_eq!(count(&r, FacetKind::Outlet, "Tribune"), Some(1));
        assert_eq!(count(&r, FacetKind::Outlet, "Dawn"), Some(1));
        assert_eq!(count(&r, FacetKind::Topic, "imran-khan"), Some(1));
    }

    #[test]
    fn duplicates_facet_follows_the_flags_given() {
        let c = corpus();
        let index = QueryIndex::new(&c);
        let mut q = Query::default();
        q.facets.toggle(FacetKind::Duplicates, DUP_YES);
        assert_eq!(
            ids(&c, &index.run(&q, index.default_duplicates())),
            ["a", "d"]
        );
        assert!(ids(&c, &index.run(&q, &[false; 4])).is_empty());
    }

    #[test]
    fn date_range_is_inclusive_and_excludes_undated() {
        let c = corpus();
        let q = Query {
            from: NaiveDate::from_ymd_opt(2024, 7, 8),
            to: NaiveDate::from_ymd_opt(2024, 7, 8),
            ..Default::default()
        };
        assert_eq!(ids(&c, &run(&c, &q)), ["a"]);
        let q = Query {
            from: NaiveDate::from_ymd_opt(2024, 4, 1),
            ..Default::default()
        };
        assert_eq!(ids(&c, &run(&c, &q)), ["a", "d"]);
    }

    #[test]
    fn search_is_case_and_diacritic_insensitive_word_start_and_all_terms() {
        let c = corpus();
        let q = |t: &str| Query {
            text: t.into(),
            ..Default::default()
        };
        assert_eq!(ids(&c, &run(&c, &q("CAFE creme"))), ["c"]);
        assert_eq!(ids(&c, &run(&c, &q("brûlée"))), ["c"]);
        assert_eq!(ids(&c, &run(&c, &q("khan's"))), ["c"]);
        assert_eq!(ids(&c, &run(&c, &q("iran"))), ["a", "d"]);
        // Word start: "ran" is inside "Iran" only.
        assert!(ids(&c, &run(&c, &q("ran"))).is_empty());
        assert_eq!(ids(&c, &run(&c, &q("\"sanctions apply to\""))), ["d"]);
        assert_eq!(ids(&c, &run(&c, &q("miller pipeline"))), ["a", "d"]);
        assert_eq!(run(&c, &q("  ")).matches.len(), 4);
    }

    #[test]
    fn facet_counts_respect_the_search() {
        let c = corpus();
        let r = run(
            &c,
            &Query {
                text: "miller".into(),
                ..Default::default()
            },
        );
        assert_eq!(count(&r, FacetKind::Person, "Matthew Miller"), Some(2));
        assert_eq!(count(&r, FacetKind::Person, "Imran Khan"), None);
    }

    #[test]
    fn unknown_selected_values_stay_visible_with_zero() {
        let c = corpus();
        let mut q = Query::default();
        q.facets.toggle(FacetKind::Topic, "nowhere");
        let r = run(&c, &q);
        assert!(r.matches.is_empty());
        assert_eq!(count(&r, FacetKind::Topic, "nowhere"), Some(0));
        assert_eq!(count(&r, FacetKind::Topic, "iran"), Some(3));
    }

    #[test]
    fn highlights_map_back_to_original_bytes() {
        let text = "A crème brûlée summit; “Khan’s” allies met. CREME again";
        let terms = search_terms("creme khan's");
        let ranges = highlight_ranges(text, &terms);
        let got: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(got, ["crème", "Khan’s", "CREME"]);
    }

    #[test]
    fn snippet_centres_on_the_first_match() {
        let long = format!(
            "{} Miller said the pipeline faces sanctions. {}",
            "word ".repeat(60),
            "tail ".repeat(80)
        );
        let c = Corpus {
            reports: vec![report("x", "T", &["Lead paragraph.", &long], None)],
            ..Default::default()
        };
        let s = snippet(&c, 0, &search_terms("pipeline"));
        assert_eq!(s.paragraph, Some(1));
        assert!(s.cut_before && s.cut_after);
        assert_eq!(s.highlights.len(), 1);
        assert_eq!(&s.text[s.highlights[0].clone()], "pipeline");
        let lead = snippet(&c, 0, &[]);
        assert_eq!(lead.text, "Lead paragraph.");
    }

    proptest! {
        #[test]
        fn highlights_are_valid_sorted_ranges(text in "\\PC{0,80}", query in "\\PC{0,12}") {
            let terms = search_terms(&query);
            let ranges = highlight_ranges(&text, &terms);
            let mut last_end = 0;
            for r in &ranges {
                prop_assert!(r.start < r.end && r.end <= text.len());
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                prop_assert!(r.start >= last_end);
                last_end = r.end;
            }
        }

        #[test]
        fn a_report_is_found_by_any_word_of_its_title(words in proptest::collection::vec("[A-Za-zÀ-ÖØ-Þà-öø-þ]{1,8}", 1..6), pick in 0usize..6) {
            let title = words.join(" ");
            let c = Corpus { reports: vec![report("x", &title, &[], None)], ..Default::default() };
            let word = &words[pick % words.len()];
            let r = run(&c, &Query { text: word.to_uppercase(), ..Default::default() });
            prop_assert_eq!(r.matches.len(), 1);
        }

        #[test]
        fn snippets_never_panic(paras in proptest::collection::vec("\\PC{0,300}", 0..4), query in "\\PC{0,10}") {
            let refs: Vec<&str> = paras.iter().map(String::as_str).collect();
            let c = Corpus { reports: vec![report("x", "t", &refs, None)], ..Default::default() };
            let s = snippet(&c, 0, &search_terms(&query));
            for h in &s.highlights {
                prop_assert!(h.end <= s.text.len() && s.text.is_char_boundary(h.start) && s.text.is_char_boundary(h.end));
            }
        }
    }
}
