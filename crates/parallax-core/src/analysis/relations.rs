//! Live relations: every relation the page shows, under the thresholds in force, in one value.
//!
//! The timeline, the result list, the reader, the story page, the coverage matrix and the footer
//! all read one [`Relations`], so they agree at every threshold: the related pairs (with each
//! report's pairs indexed), the stories (by [`build_stories_indexed`], the build's own rule,
//! so at the default thresholds they are the catalogue's stories), the story of each report,
//! the duplicate flags and how many pairs the thresholds regrouped against the defaults.
//!
//! # Cost
//!
//! [`RegroupablePairs`] is made once per corpus (the pairs the threshold control can change,
//! with their reports' indices and their relation under the defaults). [`Relations::new`] then
//! classifies each of them once, clones the related ones, sorts the story links and runs one
//! union-find: O(P log P + N) for P regroupable pairs and N reports, no id lookups and nothing
//! quadratic. The corpus stores a large group of copies or near copies with linear pairs (a
//! star, a spanning tree, see `analysis::copies` and `analysis::near_copies`), and those are
//! the pairs read here: stories and duplicate flags are the same as with every pair of the
//! group, and the pairs the build dropped are computed on demand (`pairs::live_pair`).

use super::pairs::{classify, regroupable, relation, Thresholds};
use super::stories::build_stories_indexed;
use crate::model::{Pair, PairEvidence, Relation, Report, Story};

/// Every pair whose relation the threshold control can change, in full, with its reports'
/// indices, classified (relation and reason) under the default thresholds: what
/// [`Relations::new`] regroups. Made once per corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RegroupablePairs {
    pairs: Vec<Pair>,
    /// Report indices (a, b) of each pair.
    ends: Vec<(u32, u32)>,
    /// Each pair's relation under [`Thresholds::default`].
    default_relation: Vec<Relation>,
}

impl RegroupablePairs {
    /// From the corpus's (or catalogue's) related pairs and compact evidence
    /// ([`regroupable`]). Pairs naming an unknown report are left out.
    pub fn new(reports: &[Report], related: &[Pair], evidence: &[PairEvidence]) -> Self {
        Self::from_pairs(reports, regroupable(reports, related, evidence))
    }

    /// From pairs already in full, in (a, b) corpus order (tests, or a caller that has them).
    pub fn from_pairs(reports: &[Report], pairs: Vec<Pair>) -> Self {
        let position = crate::model::report_positions(reports);
        let defaults = Thresholds::default();
        let mut out = RegroupablePairs::default();
        for mut p in pairs {
            let (Some(&a), Some(&b)) = (position.get(p.a.as_str()), position.get(p.b.as_str()))
            else {
                continue;
            };
            // Classified under the defaults here, once: at the defaults a pair is kept as is.
            (p.relation, p.why) = classify(&p, &defaults);
            out.ends.push((a, b));
            out.default_relation.push(p.relation);
            out.pairs.push(p);
        }
        out
    }

    pub fn pairs(&self) -> &[Pair] {
        &self.pairs
    }

    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

/// How many pairs moved from one relation to another, against the default thresholds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Regrouped {
    pub from: Relation,
    pub to: Relation,
    pub pairs: usize,
}

/// The relations under one set of thresholds. See the module documentation.
#[derive(Clone, Debug, Default)]
pub struct Relations {
    thresholds: Thresholds,
    /// The related pairs (relation other than `Unrelated`), in (a, b) corpus order, relation
    /// and reason as [`classify`] gives them under `thresholds`.
    pairs: Vec<Pair>,
    ends: Vec<(u32, u32)>,
    /// For each report, the indices into `pairs` of its pairs.
    by_report: Vec<Vec<u32>>,
    stories: Vec<Story>,
    /// Each story's members, ascending.
    members: Vec<Vec<u32>>,
    /// For each report, its story in `stories`.
    story_of: Vec<Option<u32>>,
    duplicates: Vec<bool>,
    regrouped: Vec<Regrouped>,
}

impl Relations {
    /// The relations of `reports` under `thresholds`, from the pairs the control can regroup
    /// (made from the same reports).
    pub fn new(reports: &[Report], all: &RegroupablePairs, thresholds: &Thresholds) -> Relations {
        let n = reports.len();
        let at_defaults = *thresholds == Thresholds::default();
        let mut moved = [[0usize; 4]; 4];
        let mut pairs = Vec::new();
        let mut ends = Vec::new();
        for ((p, &(a, b)), &before) in all.pairs.iter().zip(&all.ends).zip(&all.default_relation) {
            crate::ingest::work::add(1);
            if (a as usize) >= n || (b as usize) >= n {
                continue;
            }
            if at_defaults {
                // Classified under the defaults when made.
                if before != Relation::Unrelated {
                    pairs.push(p.clone());
                    ends.push((a, b));
                }
                continue;
            }
            // The reason is written only for the pairs kept.
            let relation = relation(p, thresholds);
            if relation != before {
                moved[before as usize][relation as usize] += 1;
            }
            if relation != Relation::Unrelated {
                pairs.push(Pair {
                    relation,
                    why: classify(p, thresholds).1,
                    ..p.clone()
                });
                ends.push((a, b));
            }
        }
        let mut by_report: Vec<Vec<u32>> = vec![Vec::new(); n];
        let mut duplicates = vec![false; n];
        for (k, (&(a, b), p)) in ends.iter().zip(&pairs).enumerate() {
            by_report[a as usize].push(k as u32);
            by_report[b as usize].push(k as u32);
            if p.relation == Relation::NearDuplicate {
                duplicates[a as usize] = true;
                duplicates[b as usize] = true;
            }
        }
        let edges = ends.iter().zip(&pairs).map(|(&(a, b), p)| (a, b, p));
        let (stories, members): (Vec<Story>, Vec<Vec<u32>>) =
            build_stories_indexed(reports, edges, thresholds.same_story_max_days)
                .into_iter()
                .unzip();
        let mut story_of = vec![None; n];
        for (s, m) in members.iter().enumerate() {
            for &i in m {
                story_of[i as usize] = Some(s as u32);
            }
        }
        const ORDER: [Relation; 4] = [
            Relation::Unrelated,
            Relation::SharesQuote,
            Relation::SameStory,
            Relation::NearDuplicate,
        ];
        let regrouped = ORDER
            .iter()
            .flat_map(|&from| ORDER.iter().map(move |&to| (from, to)))
            .filter_map(|(from, to)| {
                let count = moved[from as usize][to as usize];
                (count > 0).then_some(Regrouped {
                    from,
                    to,
                    pairs: count,
                })
            })
            .collect();
        Relations {
            thresholds: thresholds.clone(),
            pairs,
            ends,
            by_report,
            stories,
            members,
            story_of,
            duplicates,
            regrouped,
        }
    }

    pub fn thresholds(&self) -> &Thresholds {
        &self.thresholds
    }

    /// The related pairs, in (a, b) corpus order.
    pub fn pairs(&self) -> &[Pair] {
        &self.pairs
    }

    /// The report indices (a, b) of `pairs()[k]`.
    pub fn ends(&self, k: usize) -> Option<(u32, u32)> {
        self.ends.get(k).copied()
    }

    /// For each report, the indices into [`Relations::pairs`] of its stored pairs (a copy
    /// group's are stored collapsed: `analysis::copies::CopyIndex` expands them).
    pub fn by_report(&self) -> &[Vec<u32>] {
        &self.by_report
    }

    /// The indices into [`Relations::pairs`] of report `i`'s stored pairs.
    pub fn pairs_of(&self, i: usize) -> &[u32] {
        self.by_report.get(i).map_or(&[], Vec::as_slice)
    }

    /// The stories, in corpus order of their first report.
    pub fn stories(&self) -> &[Story] {
        &self.stories
    }

    /// Gives each story without a label (reports without titles: the page's catalogue) the
    /// label of the `built` story it is (same id and members), if any: at the default
    /// thresholds, every story. The others are named by their namer's title
    /// (`story_label::story_label`).
    pub fn keep_built_labels(&mut self, built: &[Story]) {
        let by_id: std::collections::HashMap<&str, &Story> =
            built.iter().map(|s| (s.id.as_str(), s)).collect();
        for story in self.stories.iter_mut().filter(|s| s.label.is_empty()) {
            if let Some(same) = by_id
                .get(story.id.as_str())
                .filter(|b| b.reports == story.reports)
            {
                story.label = same.label.clone();
            }
        }
    }

    /// The members of story `s` (indices into the reports), ascending.
    pub fn members(&self, s: usize) -> &[u32] {
        self.members.get(s).map_or(&[], Vec::as_slice)
    }

    /// The index of report `i`'s story, if it is in one.
    pub fn story_index_of(&self, i: usize) -> Option<usize> {
        self.story_of.get(i).copied().flatten().map(|s| s as usize)
    }

    /// Report `i`'s story, if it is in one.
    pub fn story_of(&self, i: usize) -> Option<&Story> {
        self.story_index_of(i).and_then(|s| self.stories.get(s))
    }

    /// The story a link names: the story with this id, else (thresholds moved since the link
    /// was made, and the story's first report changed) the story holding the report the id was
    /// made from (`story-<report id>`). `position` finds a report's index by id.
    pub fn resolve_story(
        &self,
        id: &str,
        position: impl Fn(&str) -> Option<usize>,
    ) -> Option<usize> {
        if let Some(s) = self.stories.iter().position(|s| s.id == id) {
            return Some(s);
        }
        let report = id.strip_prefix("story-")?;
        self.story_index_of(position(report)?)
    }

    /// Which reports have a near duplicate.
    pub fn duplicates(&self) -> &[bool] {
        &self.duplicates
    }

    /// Whether report `i` has a near duplicate.
    pub fn is_duplicate(&self, i: usize) -> bool {
        self.duplicates.get(i).copied().unwrap_or(false)
    }

    /// How many pairs the thresholds moved from their default relation, by (from, to) in
    /// relation order; empty at the defaults.
    pub fn regrouped(&self) -> &[Regrouped] {
        &self.regrouped
    }

    /// The number of pairs the thresholds moved from their default relation.
    pub fn regrouped_total(&self) -> usize {
        self.regrouped.iter().map(|r| r.pairs).sum()
    }
}

#[cfg(test)]
mod tests;
