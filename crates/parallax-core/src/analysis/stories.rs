//! Stories: reports joined by `near_duplicate` / `same_story` relations, with a date and a
//! label; undated members take the story's date (basis `inferred`).

use crate::model::{DateBasis, NaiveDate, Pair, Relation, Report, Story};
use std::collections::HashMap;

/// Longest story label, in characters; longer titles are cut at a word.
pub const MAX_LABEL_CHARS: usize = 72;

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Clusters of two or more reports connected by `near_duplicate` or `same_story` pairs, in
/// corpus order of their first report. Pairs naming unknown ids are ignored.
///
/// Single linkage would let one weak link chain unrelated events into one story (an undated
/// report sharing quotes with two briefings a month apart). So a story is one event: near
/// duplicates always join (the text itself is shared), then `same_story` pairs join strongest
/// first (most quotes in common, then most text) and only when the joined story's own (not
/// inferred) event dates stay within `max_days` of each other, or within the range its parts
/// already had.
///
/// A story's date is the event date most of its members state (not inferred ones), the earliest
/// on a tie; its label is the title of its earliest dated member (else its first), shortened.
pub fn build_stories(reports: &[Report], pairs: &[Pair], max_days: i64) -> Vec<Story> {
    let index = crate::model::report_positions(reports);
    let edges = pairs
        .iter()
        .filter_map(|p| Some((*index.get(p.a.as_str())?, *index.get(p.b.as_str())?, p)));
    build_stories_indexed(reports, edges, max_days)
        .into_iter()
        .map(|(story, _)| story)
        .collect()
}

/// [`build_stories`] on pairs given with their reports' indices (`(a, b, pair)`, in the order
/// [`build_stories`] would read them), with each story's members as indices, ascending: the
/// same rule without looking ids up, for regrouping on every threshold change
/// (`analysis::relations`). Indices out of range are ignored.
pub fn build_stories_indexed<'a>(
    reports: &[Report],
    edges: impl IntoIterator<Item = (u32, u32, &'a Pair)>,
    max_days: i64,
) -> Vec<(Story, Vec<u32>)> {
    let n = reports.len();
    let mut parent: Vec<usize> = (0..n).collect();
    // Each root's range of own event dates.
    let mut span: Vec<Option<(NaiveDate, NaiveDate)>> = reports
        .iter()
        .map(|r| {
            r.event_date
                .filter(|_| r.event_date_basis != DateBasis::Inferred)
                .map(|d| (d, d))
        })
        .collect();
    let days = |s: Option<(NaiveDate, NaiveDate)>| s.map_or(0, |(lo, hi)| (hi - lo).num_days());
    // Each link compactly (what the order and the rule read), so sorting tens of thousands of
    // them moves 24 bytes each rather than reading the pairs scattered in memory.
    struct Link {
        a: u32,
        b: u32,
        near: bool,
        quotes: usize,
        jaccard: f32,
    }
    let mut links: Vec<Link> = edges
        .into_iter()
        .filter(|(a, b, p)| {
            (*a as usize) < n
                && (*b as usize) < n
                && matches!(p.relation, Relation::NearDuplicate | Relation::SameStory)
        })
        .map(|(a, b, p)| Link {
            a,
            b,
            near: p.relation == Relation::NearDuplicate,
            quotes: p.shared_quotes.len().saturating_sub(p.stock_quotes.len()),
            jaccard: p.jaccard,
        })
        .collect();
    crate::ingest::work::add(links.len() + n);
    // Near duplicates first, then the strongest same-story links (stable: ties keep pair order).
    links.sort_by(|x, y| {
        (y.near, y.quotes)
            .cmp(&(x.near, x.quotes))
            .then(y.jaccard.total_cmp(&x.jaccard))
    });
    for link in links {
        let (a, b) = (link.a as usize, link.b as usize);
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra == rb {
            continue;
        }
        let joined = match (span[ra], span[rb]) {
            (Some((l1, h1)), Some((l2, h2))) => Some((l1.min(l2), h1.max(h2))),
            (x, y) => x.or(y),
        };
        if !link.near && days(joined) > max_days.max(days(span[ra])).max(days(span[rb])) {
            continue;
        }
        // The smaller index is the root, so a story is named after its first report.
        let (root, child) = (ra.min(rb), ra.max(rb));
        parent[child] = root;
        span[root] = joined;
    }
    // Members by root, without a list per report: most reports are in no story.
    let roots: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    let mut size = vec![0u32; n];
    for &r in &roots {
        size[r] += 1;
    }
    let mut slot: HashMap<usize, usize> = HashMap::new();
    let mut members: Vec<Vec<u32>> = Vec::new();
    for (i, &r) in roots.iter().enumerate() {
        if size[r] < 2 {
            continue;
        }
        let k = *slot.entry(r).or_insert_with(|| {
            members.push(Vec::with_capacity(size[r] as usize));
            members.len() - 1
        });
        members[k].push(i as u32);
    }
    members
        .into_iter()
        .map(|m| {
            let date = story_date(m.iter().map(|&i| &reports[i as usize]));
            let namer = &reports[story_namer(reports, &m) as usize];
            let story = Story {
                id: format!("story-{}", reports[m[0] as usize].id),
                label: short_label(&namer.title),
                date,
                reports: m.iter().map(|&i| reports[i as usize].id.clone()).collect(),
            };
            (story, m)
        })
        .collect()
}

/// The report a story of `members` (indices, ascending, at least one) is named after: its
/// earliest member with an own (not inferred) event date, else its first.
pub fn story_namer(reports: &[Report], members: &[u32]) -> u32 {
    members
        .iter()
        .filter(|&&i| {
            reports.get(i as usize).is_some_and(|r| {
                r.event_date.is_some() && r.event_date_basis != DateBasis::Inferred
            })
        })
        .min_by_key(|&&i| {
            (
                reports[i as usize].event_date,
                reports[i as usize].published,
            )
        })
        .or(members.first())
        .copied()
        .unwrap_or(0)
}

/// The most common own (not inferred) event date; the earliest on a tie.
fn story_date<'a>(members: impl Iterator<Item = &'a Report>) -> Option<NaiveDate> {
    // Sorted, so a story of thousands of dates costs m log m, not m × distinct dates.
    let mut dates: Vec<NaiveDate> = members
        .filter(|r| r.event_date_basis != DateBasis::Inferred)
        .filter_map(|r| r.event_date)
        .collect();
    dates.sort_unstable();
    let mut best: Option<(NaiveDate, usize)> = None;
    for run in dates.chunk_by(|a, b| a == b) {
        // Strictly more: on a tie the earlier date, met first, stays.
        if best.is_none_or(|(_, n)| run.len() > n) {
            best = Some((run[0], run.len()));
        }
    }
    best.map(|(d, _)| d)
}

/// `title` cut to [`MAX_LABEL_CHARS`] at a word boundary, with an ellipsis when cut.
pub fn short_label(title: &str) -> String {
    let title = title.trim();
    if title.chars().count() <= MAX_LABEL_CHARS {
        return title.to_string();
    }
    let cut: String = title.chars().take(MAX_LABEL_CHARS).collect();
    let at_word = cut
        .rfind(char::is_whitespace)
        .filter(|&i| i > MAX_LABEL_CHARS / 2)
        .map_or(cut.as_str(), |i| &cut[..i]);
    format!(
        "{}…",
        at_word.trim_end_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
    )
}

/// Gives each undated report in a dated story the story's date, basis `Inferred`, with the
/// evidence naming the report the date was taken from.
pub fn infer_dates(reports: &mut [Report], stories: &[Story]) {
    // Each story's reports by position, in corpus order: looking each story's ids up in every
    // report was stories × reports × story size.
    let mut by_id: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (i, r) in reports.iter().enumerate() {
        by_id.entry(r.id.as_str()).or_default().push(i);
    }
    let members: Vec<Vec<usize>> = stories
        .iter()
        .map(|story| {
            let mut m: Vec<usize> = story
                .reports
                .iter()
                .filter_map(|id| by_id.get(id.as_str()))
                .flatten()
                .copied()
                .collect();
            crate::ingest::work::add(m.len() + 1);
            m.sort_unstable();
            m.dedup();
            m
        })
        .collect::<Vec<Vec<usize>>>();
    for (story, members) in stories.iter().zip(&members) {
        let Some(date) = story.date else { continue };
        let source = members
            .iter()
            .map(|&i| &reports[i])
            .find(|r| r.event_date == Some(date) && r.event_date_basis != DateBasis::Inferred)
            .map(|r| r.id.clone())
            .unwrap_or_default();
        for &i in members {
            let r = &mut reports[i];
            if r.event_date.is_none() {
                r.event_date = Some(date);
                r.event_date_basis = DateBasis::Inferred;
                r.event_date_evidence = Some(format!("same story as {source}"));
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A report with an id, a title and, when given, a stated event date (the relations' tests
    /// build theirs with it too).
    pub(crate) fn report(id: &str, date: Option<&str>) -> Report {
        Report {
            id: id.into(),
            title: format!("Title of {id}"),
            event_date: date.map(|d| d.parse().unwrap()),
            event_date_basis: if date.is_some() {
                DateBasis::Stated
            } else {
                DateBasis::Unknown
            },
            ..Default::default()
        }
    }

    fn pair(a: &str, b: &str, relation: Relation) -> Pair {
        Pair {
            a: a.into(),
            b: b.into(),
            relation,
            ..Default::default()
        }
    }

    #[test]
    fn clusters_over_duplicate_and_same_story_edges_only() {
        let reports: Vec<Report> = [
            ("a", Some("2024-07-08")),
            ("b", None),
            ("c", Some("2024-07-08")),
            ("d", Some("2024-09-03")),
            ("e", None),
        ]
        .iter()
        .map(|(id, d)| report(id, *d))
        .collect();
        let pairs = [
            pair("a", "b", Relation::NearDuplicate),
            pair("b", "c", Relation::SameStory),
            pair("a", "d", Relation::SharesQuote),
            pair("x", "e", Relation::NearDuplicate),
        ];
        let stories = build_stories(&reports, &pairs, 1);
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].id, "story-a");
        assert_eq!(stories[0].reports, ["a", "b", "c"]);
        assert_eq!(stories[0].date, Some("2024-07-08".parse().unwrap()));
        assert_eq!(stories[0].label, "Title of a");

        let mut reports = reports;
        infer_dates(&mut reports, &stories);
        assert_eq!(reports[1].event_date, Some("2024-07-08".parse().unwrap()));
        assert_eq!(reports[1].event_date_basis, DateBasis::Inferred);
        assert_eq!(
            reports[1].event_date_evidence.as_deref(),
            Some("same story as a")
        );
        assert_eq!(reports[4].event_date, None, "not in a story");
        assert_eq!(reports[0].event_date_basis, DateBasis::Stated);
    }

    #[test]
    fn same_story_links_do_not_chain_events_through_an_undated_report() {
        let reports: Vec<Report> = [
            ("a", Some("2024-07-08")),
            ("u", None),
            ("c", Some("2024-09-03")),
            ("d", Some("2024-09-03")),
            ("e", Some("2024-07-20")),
        ]
        .iter()
        .map(|(id, d)| report(id, *d))
        .collect();
        let strong = Pair {
            shared_quotes: vec!["one".into(), "two".into(), "three".into()],
            ..pair("c", "u", Relation::SameStory)
        };
        let pairs = [
            pair("a", "u", Relation::SameStory),
            strong,
            pair("c", "d", Relation::NearDuplicate),
            // Text shared across dates far apart still joins: a copy is a copy.
            pair("a", "e", Relation::NearDuplicate),
        ];
        let stories = build_stories(&reports, &pairs, 1);
        let members: Vec<&[String]> = stories.iter().map(|s| s.reports.as_slice()).collect();
        // The stronger link (three quotes) wins; the weaker one would span two months.
        assert_eq!(
            members,
            [
                &["a".to_string(), "e".into()][..],
                &["u".to_string(), "c".into(), "d".into()][..]
            ]
        );
        // Without the dates apart, both links join.
        assert_eq!(build_stories(&reports[..2], &pairs[..1], 1).len(), 1);
    }

    #[test]
    fn story_date_is_the_majority_then_earliest_and_ignores_inferred() {
        let mut rs = [
            report("a", Some("2024-07-09")),
            report("b", Some("2024-07-08")),
            report("c", Some("2024-07-09")),
        ];
        assert_eq!(story_date(rs.iter()), Some("2024-07-09".parse().unwrap()));
        rs[2].event_date_basis = DateBasis::Inferred;
        assert_eq!(story_date(rs.iter()), Some("2024-07-08".parse().unwrap()));
        assert_eq!(story_date([report("z", None)].iter()), None);
    }

    #[test]
    fn labels_are_cut_at_a_word() {
        let long = "Washington says it has a shared interest with Pakistan in combating regional threats across the border";
        let label = short_label(long);
        assert!(
            label.ends_with('…') && label.chars().count() <= MAX_LABEL_CHARS + 1,
            "{label}"
        );
        assert!(long.starts_with(label.trim_end_matches('…')));
        assert_eq!(short_label("  Short title "), "Short title");
    }
}
