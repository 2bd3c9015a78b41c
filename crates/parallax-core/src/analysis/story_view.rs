//! The story page's model, from the catalogue alone (no report text): a story's reports in
//! publication order and grouped by outlet, who carried it first, and its related pairs with
//! the direction of copying of each near duplicate. What needs the text (what each report adds,
//! the quotes they share) is `story_text`, for the reports [`StoryView::text_reports`] names.
//!
//! # Bounded work
//!
//! A story of near copies can hold thousands of reports. Its pairs are read from each member's
//! stored pairs ([`Relations::pairs_of`]): a large group of copies or near copies keeps a star
//! or a spanning tree, so that is linear in the members; at most [`MAX_STORY_PAIRS`] are kept
//! (near duplicates first), with the total. Grouping by outlet is one hash lookup per member.

use super::direction::{copy_direction, direction_titled, own_publication_date, Direction};
use super::relations::Relations;
use crate::display;
use crate::model::{NaiveDate, Relation, Report, Story};
use std::collections::HashMap;

/// Pairs a story view lists at most; [`StoryView::pairs_total`] counts them all.
pub const MAX_STORY_PAIRS: usize = 200;

/// Reports whose text the story page compares at most (the first in publication order).
pub const MAX_TEXT_REPORTS: usize = 40;

/// The reports of one outlet in a story, or of one source file when the outlet is unknown.
#[derive(Clone, Debug, PartialEq)]
pub struct OutletGroup {
    /// The outlet's name, or the source file's when `source_file`.
    pub name: String,
    /// The reports name no outlet: grouped by the file they came from instead.
    pub source_file: bool,
    /// Report indices, in publication order.
    pub reports: Vec<u32>,
}

/// Who carried the story first.
#[derive(Clone, Debug, PartialEq)]
pub struct FirstCarrier {
    /// Report indices (several when they tie); empty when no report has its own date.
    pub reports: Vec<u32>,
    /// Their publication date.
    pub date: Option<NaiveDate>,
    /// One line saying how this was decided.
    pub why: String,
}

/// A related pair inside the story.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryPair {
    /// Index into [`Relations::pairs`].
    pub pair: u32,
    /// Report indices, `a` before `b` in corpus order.
    pub a: u32,
    pub b: u32,
    pub relation: Relation,
    /// For a near duplicate: who copied whom, or why that cannot be told.
    pub direction: Option<Direction>,
}

/// The story page's model. See the module documentation.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryView {
    /// Index into [`Relations::stories`].
    pub story: usize,
    pub id: String,
    pub label: String,
    pub date: Option<NaiveDate>,
    /// Every report, in publication order (own publication date, undated last, then corpus
    /// order).
    pub reports: Vec<u32>,
    /// By outlet (or source file), in order of each group's first report.
    pub outlets: Vec<OutletGroup>,
    /// Some reports name no outlet and are grouped by source file.
    pub by_source_file: bool,
    pub first: FirstCarrier,
    /// Near duplicates first (with their direction), then the other relations, in corpus order;
    /// at most [`MAX_STORY_PAIRS`].
    pub pairs: Vec<StoryPair>,
    pub pairs_total: usize,
}

impl StoryView {
    /// The reports whose text `story_text` compares: the first [`MAX_TEXT_REPORTS`] in
    /// publication order (the page fetches their text).
    pub fn text_reports(&self) -> &[u32] {
        &self.reports[..self.reports.len().min(MAX_TEXT_REPORTS)]
    }

    /// The direction between two reports of the story, when their pair is listed.
    pub fn direction_between(&self, x: u32, y: u32) -> Option<&Direction> {
        self.pairs
            .iter()
            .find(|p| (p.a, p.b) == (x.min(y), x.max(y)))
            .and_then(|p| p.direction.as_ref())
    }
}

/// The sort key of publication order.
pub fn publication_key(reports: &[Report], i: u32) -> (bool, Option<NaiveDate>, u32) {
    let d = reports.get(i as usize).and_then(own_publication_date);
    (d.is_none(), d, i)
}

/// The view of story `story` (an index into `relations.stories()`) of `reports` (the
/// catalogue's, text not needed); `None` when there is no such story.
pub fn story_view(relations: &Relations, reports: &[Report], story: usize) -> Option<StoryView> {
    let title = |i: u32| {
        reports
            .get(i as usize)
            .map_or_else(String::new, |r| r.title.clone())
    };
    story_view_titled(relations, reports, story, &title)
}

/// [`story_view`], the evidence of who copied whom naming each report by `title(index)` (the
/// page's catalogue has no titles: they come in shards).
pub fn story_view_titled(
    relations: &Relations,
    reports: &[Report],
    story: usize,
    title: &dyn Fn(u32) -> String,
) -> Option<StoryView> {
    // Not the member ids: a story can hold thousands.
    let Story {
        id, label, date, ..
    } = relations.stories().get(story)?;
    let (id, label, date) = (id.clone(), label.clone(), *date);
    let members = relations.members(story);
    let mut order: Vec<u32> = members
        .iter()
        .copied()
        .filter(|&i| (i as usize) < reports.len())
        .collect();
    crate::ingest::work::add(order.len() + 1);
    order.sort_by_key(|&i| publication_key(reports, i));
    // Groups by outlet, else by source file.
    let mut outlets: Vec<OutletGroup> = Vec::new();
    let mut slot: HashMap<(bool, &str), usize> = HashMap::new();
    for &i in &order {
        let r = &reports[i as usize];
        let key = display::source_of(r);
        let k = *slot.entry(key).or_insert_with(|| {
            outlets.push(OutletGroup {
                name: key.1.to_string(),
                source_file: key.0,
                reports: Vec::new(),
            });
            outlets.len() - 1
        });
        outlets[k].reports.push(i);
    }
    let by_source_file = outlets.iter().any(|g| g.source_file);
    let found = story_pair_indices(relations, story, members);
    let first = first_carrier(relations, reports, &order, &found);
    let pairs_total = found.len();
    let pairs = listed_pairs(relations, reports, found, title);
    Some(StoryView {
        story,
        id,
        label,
        date,
        reports: order,
        outlets,
        by_source_file,
        first,
        pairs,
        pairs_total,
    })
}

/// The stored related pairs between members of story `story` (indices into the relations'
/// pairs), near duplicates first, then in corpus order.
fn story_pair_indices(relations: &Relations, story: usize, members: &[u32]) -> Vec<u32> {
    let mut found: Vec<u32> = Vec::new();
    for &m in members {
        for &k in relations.pairs_of(m as usize) {
            crate::ingest::work::add(1);
            let Some((a, b)) = relations.ends(k as usize) else {
                continue;
            };
            // Each pair once: from its first report.
            let inside = relations.story_index_of(a as usize) == Some(story)
                && relations.story_index_of(b as usize) == Some(story);
            if a == m && inside {
                found.push(k);
            }
        }
    }
    let relation = |k: u32| relations.pairs()[k as usize].relation;
    found.sort_by_key(|&k| (std::cmp::Reverse(relation(k)), k));
    found
}

/// The first [`MAX_STORY_PAIRS`] of `found`, with the direction of each near duplicate.
fn listed_pairs(
    relations: &Relations,
    reports: &[Report],
    mut found: Vec<u32>,
    title: &dyn Fn(u32) -> String,
) -> Vec<StoryPair> {
    found.truncate(MAX_STORY_PAIRS);
    found
        .into_iter()
        .filter_map(|k| {
            let (a, b) = relations.ends(k as usize)?;
            let pair = &relations.pairs()[k as usize];
            let (ra, rb) = (reports.get(a as usize)?, reports.get(b as usize)?);
            Some(StoryPair {
                pair: k,
                a,
                b,
                relation: pair.relation,
                direction: (pair.relation == Relation::NearDuplicate)
                    .then(|| direction_titled((a, ra), (b, rb), pair, title)),
            })
        })
        .collect()
}

/// The reports published first. Several reports of the earliest date tie, unless the
/// direction of copying shows one of them copied another of them (the same day, one text cut
/// down from the other): the copy did not carry it first. Reads every pair of the story
/// (`found`), not only those listed.
fn first_carrier(
    relations: &Relations,
    reports: &[Report],
    order: &[u32],
    found: &[u32],
) -> FirstCarrier {
    let earliest = order
        .first()
        .and_then(|&i| own_publication_date(&reports[i as usize]));
    let Some(date) = earliest else {
        return FirstCarrier {
            reports: Vec::new(),
            date: None,
            why: "no report of this story has a publication date of its own: who carried it first cannot be told".into(),
        };
    };
    let tied: Vec<u32> = order
        .iter()
        .copied()
        .take_while(|&i| own_publication_date(&reports[i as usize]) == Some(date))
        .collect();
    crate::ingest::work::add(tied.len() + found.len());
    // Copies whose source was published the same day: the near duplicates between two of them.
    let mut sorted_tied = tied.clone();
    sorted_tied.sort_unstable();
    let is_tied = |i: u32| sorted_tied.binary_search(&i).is_ok();
    let mut copies: Vec<u32> = found
        .iter()
        .filter_map(|&k| {
            let pair = relations.pairs().get(k as usize)?;
            let (a, b) = relations.ends(k as usize)?;
            if pair.relation != Relation::NearDuplicate || !is_tied(a) || !is_tied(b) {
                return None;
            }
            let (ra, rb) = (reports.get(a as usize)?, reports.get(b as usize)?);
            copy_direction((a, ra), (b, rb), pair).map(|(_, copy, _)| copy)
        })
        .collect();
    copies.sort_unstable();
    let first: Vec<u32> = tied
        .iter()
        .copied()
        .filter(|i| copies.binary_search(i).is_err())
        .collect();
    let first = if first.is_empty() {
        tied.clone()
    } else {
        first
    };
    let on = display::date(date);
    let why = match (tied.len(), first.len()) {
        (1, _) => format!("the earliest publication date of the story's reports: {on}"),
        (t, f) if t == f => format!("{t} reports were published on {on}, the earliest date"),
        (t, f) => format!(
            "{t} reports were published on {on}, the earliest date; {} of them copied another of that day",
            t - f
        ),
    };
    FirstCarrier {
        reports: first,
        date: Some(date),
        why,
    }
}
