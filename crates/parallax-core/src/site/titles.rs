//! Titles, out of the catalogue: they are most of what grows with the corpus in it, and a
//! result list shows a page of them at a time. Title shard k holds the titles of the reports at
//! timeline ranks `k * titles_per_shard ..` (in that order), like the body shards: the default
//! view (timeline order) reads one shard for its first page.

use super::Catalogue;
use crate::model::Report;
use serde::{Deserialize, Serialize};

/// Titles per title shard. A relevance-ranked page of 25 results (and the ~30 related reports
/// it links to) is scattered over the timeline, so each shard it touches costs a request and
/// its whole block. Measured on the synthetic corpora (the CLI's `examples/title_blocks.rs`,
/// the README's table): at 64, a search page reads 26 shards (36 KB gzip) at 10k, 40 (57 KB)
/// at 100k, beside the 25 body shards (~90 KB) its snippets read; the default view 2 and 4.
/// At 32 the default view at 100k reads 8, at 256 a search page 74 KB at 10k for 6 fewer
/// requests; fewer than a dozen needs blocks of a tenth of the corpus (nearly every title).
pub const TITLES_PER_SHARD: usize = 64;

/// The titles of a run of reports in timeline order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TitleShard {
    /// `titles[j]` is the title of the report at timeline rank `k * titles_per_shard + j`.
    pub titles: Vec<String>,
}

impl TitleShard {
    /// The title at timeline rank `rank`, if this shard holds it.
    pub fn title_at(&self, catalogue: &Catalogue, rank: usize) -> Option<&str> {
        let per = catalogue.titles_per_shard();
        self.titles.get(rank % per).map(String::as_str)
    }
}

impl Catalogue {
    /// Titles per shard as the catalogue says (never 0).
    pub fn titles_per_shard(&self) -> usize {
        (self.files.titles_per_shard as usize).max(1)
    }

    /// The title shard holding the title of the report at timeline rank `rank`.
    pub fn title_shard_of(&self, rank: usize) -> usize {
        rank / self.titles_per_shard()
    }
}

/// Takes every report's title out of it, into shards of [`TITLES_PER_SHARD`] in timeline
/// `order` (rank → report).
pub fn take_titles(reports: &mut [Report], order: &[usize]) -> Vec<TitleShard> {
    order
        .chunks(TITLES_PER_SHARD)
        .map(|ranks| TitleShard {
            titles: ranks
                .iter()
                .map(|&i| std::mem::take(&mut reports[i].title))
                .collect(),
        })
        .collect()
}

/// Puts the titles of `shards`, cut by [`take_titles`] in timeline `order`, back into their
/// reports.
pub fn put_titles(reports: &mut [Report], order: &[usize], shards: &[TitleShard]) {
    let titles = shards.iter().flat_map(|s| &s.titles);
    for (&i, title) in order.iter().zip(titles) {
        if let Some(report) = reports.get_mut(i) {
            report.title = title.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(title: &str) -> Report {
        Report {
            title: title.into(),
            ..Report::default()
        }
    }

    #[test]
    fn titles_go_in_timeline_order_and_come_back() {
        let titles: Vec<String> = (0..TITLES_PER_SHARD * 2 + 3)
            .map(|i| format!("title {i}"))
            .collect();
        let mut reports: Vec<Report> = titles.iter().map(|t| report(t)).collect();
        let order: Vec<usize> = (0..reports.len()).rev().collect();
        let shards = take_titles(&mut reports, &order);
        assert!(reports.iter().all(|r| r.title.is_empty()));
        assert_eq!(shards.len(), 3);
        assert_eq!(shards[2].titles.len(), 3);
        let mut catalogue = Catalogue::default();
        catalogue.files.titles_per_shard = TITLES_PER_SHARD as u32;
        // Rank r is report len - 1 - r.
        for (rank, &i) in order.iter().enumerate() {
            let shard = &shards[catalogue.title_shard_of(rank)];
            assert_eq!(shard.title_at(&catalogue, rank), Some(titles[i].as_str()));
        }
        put_titles(&mut reports, &order, &shards);
        let back: Vec<&str> = reports.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(back, titles);
    }
}
