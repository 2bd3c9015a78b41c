//! The planted relations of `truth.json`, and which of them the analysis relates.

use parallax_core::analysis::copies::CopyIndex;
use parallax_core::model::{Corpus, Relation};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Deserialize)]
pub(crate) struct Truth {
    pub(crate) relations: Vec<TruthRelation>,
}

#[derive(Deserialize)]
pub(crate) struct TruthRelation {
    pub(crate) a: String,
    pub(crate) b: String,
    pub(crate) expected: String,
}

pub(crate) fn read_truth(dir: &Path) -> Result<Truth, String> {
    let path = dir.join("truth.json");
    let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))
}

pub(crate) fn expected_relation(name: &str) -> Option<Relation> {
    match name {
        "near_duplicate" => Some(Relation::NearDuplicate),
        "same_story" => Some(Relation::SameStory),
        "shares_quote" => Some(Relation::SharesQuote),
        _ => None,
    }
}

/// The related pairs of a corpus, copy groups included: the relation of any two reports, and how
/// many related pairs the stored ones stand for.
pub(crate) struct RelatedIndex {
    /// Each report's unit: its copy group's first member, or itself.
    pub(crate) unit: Vec<u32>,
    /// (unit of a, unit of b) of each stored related pair, a before b, and its relation: the
    /// first stored pair for those units, as `CopyIndex::pair_between` finds it.
    pub(crate) relation: HashMap<(u32, u32), Relation>,
    pub(crate) position: HashMap<String, u32>,
}

impl RelatedIndex {
    pub(crate) fn new(corpus: &Corpus) -> RelatedIndex {
        let mut unit: Vec<u32> = (0..corpus.reports.len() as u32).collect();
        for group in &corpus.copy_groups {
            for &m in group {
                unit[m as usize] = group[0];
            }
        }
        let position: HashMap<String, u32> = corpus
            .reports
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i as u32))
            .collect();
        let mut relation = HashMap::new();
        for p in &corpus.pairs {
            let (Some(&a), Some(&b)) = (position.get(&p.a), position.get(&p.b)) else {
                continue;
            };
            relation
                .entry((unit[a as usize], unit[b as usize]))
                .or_insert(p.relation);
        }
        RelatedIndex {
            unit,
            relation,
            position,
        }
    }

    /// The relation the analysis gives reports `a` and `b` (ids); `None` when it relates them
    /// not at all (or an id is not a report).
    pub(crate) fn between(&self, a: &str, b: &str) -> Option<Relation> {
        let (&i, &j) = (self.position.get(a)?, self.position.get(b)?);
        let (i, j) = (i.min(j), i.max(j));
        if i == j {
            return None;
        }
        self.relation
            .get(&(self.unit[i as usize], self.unit[j as usize]))
            .copied()
    }

    /// Related report pairs once copy groups are expanded.
    pub(crate) fn implied_pairs(&self, groups: &[Vec<u32>]) -> u64 {
        let members: HashMap<u32, &[u32]> = groups.iter().map(|g| (g[0], &g[..])).collect();
        let of = |u: u32| members.get(&u).map_or_else(|| vec![u], |m| m.to_vec());
        let mut total = 0u64;
        for &(u, v) in self.relation.keys() {
            let (mu, mv) = (of(u), of(v));
            total += if u == v {
                let n = mu.len() as u64;
                n * (n - 1) / 2
            } else {
                mu.iter()
                    .map(|&x| (mv.len() - mv.partition_point(|&y| y <= x)) as u64)
                    .sum()
            };
        }
        total
    }
}

/// [`RelatedIndex::between`] against the core's own `CopyIndex::pair_between` (which scans all
/// pairs per call) on the planted relations naming a copy-group member and the first few others,
/// as many as about 50 million pair visits allow: the count checked.
pub(crate) fn cross_check(
    corpus: &Corpus,
    related: &RelatedIndex,
    truth: &Truth,
) -> Result<usize, String> {
    let index = CopyIndex::new(corpus.reports.len(), &corpus.copy_groups);
    let position = |id: &str| related.position.get(id).copied();
    let in_group = |id: &str| position(id).is_some_and(|i| index.group(i).is_some());
    let (grouped, others): (Vec<&TruthRelation>, Vec<&TruthRelation>) = truth
        .relations
        .iter()
        .partition(|r| in_group(&r.a) || in_group(&r.b));
    let budget = 50_000_000 / corpus.pairs.len().max(1);
    let chosen: Vec<&TruthRelation> = grouped
        .into_iter()
        .chain(others.into_iter().take(300))
        .take(budget)
        .collect();
    let ids = |i: u32| corpus.reports[i as usize].id.clone();
    for r in &chosen {
        let (Some(i), Some(j)) = (position(&r.a), position(&r.b)) else {
            continue;
        };
        let core = index
            .pair_between(i, j, &corpus.pairs, &position, &ids)
            .map(|p| p.relation);
        let ours = related.between(&r.a, &r.b);
        if core != ours {
            return Err(format!(
                "{} {}: pair_between says {core:?}, the index {ours:?}",
                r.a, r.b
            ));
        }
    }
    // The implied count against the core's own expansion of every report's pairs.
    let mut by_report: Vec<Vec<u32>> = vec![Vec::new(); corpus.reports.len()];
    for (k, p) in corpus.pairs.iter().enumerate() {
        for id in [&p.a, &p.b] {
            if let Some(i) = position(id) {
                by_report[i as usize].push(k as u32);
            }
        }
    }
    let expanded: usize = (0..corpus.reports.len() as u32)
        .map(|i| {
            index
                .pairs_of(i, &corpus.pairs, &by_report, &position, &ids)
                .len()
        })
        .sum();
    let implied = related.implied_pairs(&corpus.copy_groups);
    if expanded as u64 != 2 * implied {
        return Err(format!(
            "CopyIndex::pairs_of expands to {} pairs, the index counts {implied}",
            expanded / 2
        ));
    }
    Ok(chosen.len())
}
