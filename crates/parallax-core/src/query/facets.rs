//! The facets a reader filters by, what is selected in each, an option with its count, and which
//! reports have a near duplicate (the "has duplicates" facet).

use crate::model::{Pair, Relation, Report};
use std::collections::{BTreeMap, BTreeSet};

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

/// One option of a facet with its disjunctive count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetOption {
    pub value: String,
    pub count: usize,
    pub selected: bool,
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
