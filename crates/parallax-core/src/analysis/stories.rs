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
    let index: HashMap<&str, usize> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut parent: Vec<usize> = (0..reports.len()).collect();
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
    let mut edges: Vec<&Pair> = pairs
        .iter()
        .filter(|p| matches!(p.relation, Relation::NearDuplicate | Relation::SameStory))
        .collect();
    // Near duplicates first, then the strongest same-story links (stable: ties keep pair order).
    edges.sort_by(|x, y| {
        let strength = |p: &Pair| {
            (
                p.relation == Relation::NearDuplicate,
                p.shared_quotes.len().saturating_sub(p.stock_quotes.len()),
            )
        };
        strength(y)
            .cmp(&strength(x))
            .then(y.jaccard.total_cmp(&x.jaccard))
    });
    for p in edges {
        let (Some(&a), Some(&b)) = (index.get(p.a.as_str()), index.get(p.b.as_str())) else {
            continue;
        };
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra == rb {
            continue;
        }
        let joined = match (span[ra], span[rb]) {
            (Some((l1, h1)), Some((l2, h2))) => Some((l1.min(l2), h1.max(h2))),
            (x, y) => x.or(y),
        };
        if p.relation == Relation::SameStory
            && days(joined) > max_days.max(days(span[ra])).max(days(span[rb]))
        {
            continue;
        }
        // The smaller index is the root, so a story is named after its first report.
        let (root, child) = (ra.min(rb), ra.max(rb));
        parent[child] = root;
        span[root] = joined;
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); reports.len()];
    for i in 0..reports.len() {
        let root = find(&mut parent, i);
        members[root].push(i);
    }
    members
        .into_iter()
        .filter(|m| m.len() >= 2)
        .map(|m| {
            let date = story_date(m.iter().map(|&i| &reports[i]));
            let namer = m
                .iter()
                .map(|&i| &reports[i])
                .filter(|r| r.event_date.is_some() && r.event_date_basis != DateBasis::Inferred)
                .min_by_key(|r| (r.event_date, r.published))
                .unwrap_or(&reports[m[0]]);
            Story {
                id: format!("story-{}", reports[m[0]].id),
                label: short_label(&namer.title),
                date,
                reports: m.iter().map(|&i| reports[i].id.clone()).collect(),
            }
        })
        .collect()
}

/// The most common own (not inferred) event date; the earliest on a tie.
fn story_date<'a>(members: impl Iterator<Item = &'a Report>) -> Option<NaiveDate> {
    let mut counts: Vec<(NaiveDate, usize)> = Vec::new();
    for r in members.filter(|r| r.event_date_basis != DateBasis::Inferred) {
        if let Some(d) = r.event_date {
            match counts.iter_mut().find(|(x, _)| *x == d) {
                Some(c) => c.1 += 1,
                None => counts.push((d, 1)),
            }
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(d, _)| d)
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
mod tests {
    use super::*;

    fn report(id: &str, date: Option<&str>) -> Report {
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
