//! Titles, which the catalogue does not carry: each is read from its title shard (by timeline
//! rank, `parallax_core::site::TitleShard`), fetched when a view first shows it.

use super::{CorpusData, Loaded};
use parallax_core::analysis::stories::short_label;
use parallax_core::analysis::story_label::{story_label, StoryLabel};
use parallax_core::Story;

impl CorpusData {
    /// The title shard holding report `report`'s title.
    pub fn title_shard(&self, report: usize) -> u32 {
        let rank = self.rank(report);
        self.catalogue.title_shard_of(rank) as u32
    }

    fn rank(&self, report: usize) -> usize {
        self.index
            .timeline_positions()
            .get(report)
            .copied()
            .unwrap_or(0) as usize
    }

    /// Report `report`'s title (tracked; its shard is requested when not loaded).
    pub fn title(&self, report: usize) -> Loaded<&'static str> {
        let rank = self.rank(report);
        match self.titles.get(self.catalogue.title_shard_of(rank) as u32) {
            Loaded::Ready(shard) => match shard.title_at(self.catalogue, rank) {
                Some(title) => Loaded::Ready(title),
                None => Loaded::Failed(format!("report {report} is missing from its title shard")),
            },
            Loaded::Loading => Loaded::Loading,
            Loaded::Failed(e) => Loaded::Failed(e),
        }
    }

    /// Report `report`'s title if its shard has arrived: untracked, never requesting it.
    pub fn title_if_loaded(&self, report: usize) -> Option<&'static str> {
        let rank = self.rank(report);
        self.titles
            .peek(self.catalogue.title_shard_of(rank) as u32)
            .and_then(|shard| shard.title_at(self.catalogue, rank))
    }

    /// Report `report`'s title if its shard has arrived (tracked), never requesting it: for the
    /// timeline's hundreds of marks, whose titles are fetched only when pointed at or focused.
    pub fn title_when_arrived(&self, report: usize) -> Option<&'static str> {
        let rank = self.rank(report);
        self.titles
            .arrived(self.catalogue.title_shard_of(rank) as u32)
            .and_then(|shard| shard.title_at(self.catalogue, rank))
    }

    /// Starts fetching report `report`'s title (a mark hovered or focused).
    pub fn prefetch_title(&self, report: usize) {
        self.titles.request(self.title_shard(report));
    }

    /// Fetches the title shard of `report` again after it failed.
    pub fn retry_title(&self, report: usize) {
        self.titles.retry(self.title_shard(report));
    }

    /// Whether the titles of `reports` have all arrived (untracked, fetching none).
    pub fn titles_here(&self, reports: &[usize]) -> bool {
        reports.iter().all(|&r| self.title_if_loaded(r).is_some())
    }

    /// Waits for the titles of `reports` (an export writes them); a shard that fails is
    /// reported by the first title it holds.
    pub async fn load_titles(
        &self,
        reports: impl IntoIterator<Item = usize>,
    ) -> Result<(), String> {
        let mut shards: Vec<u32> = reports.into_iter().map(|r| self.title_shard(r)).collect();
        shards.sort_unstable();
        shards.dedup();
        // All asked for at once, then waited for.
        for &shard in &shards {
            self.titles.request(shard);
        }
        for shard in shards {
            if let Loaded::Failed(e) = self.titles.load(shard).await {
                return Err(e);
            }
        }
        Ok(())
    }

    /// A story's label (tracked): the build's when the thresholds left the story as built,
    /// else its namer's title, shortened (`analysis::story_label`).
    pub fn story_label(&self, story: &Story) -> Loaded<String> {
        let position = |id: &str| self.position.get(id).copied();
        match story_label(story, &self.catalogue.stories, self.reports(), position) {
            StoryLabel::Known(label) => Loaded::Ready(label.to_string()),
            StoryLabel::TitleOf(namer) => self.title(namer).map(short_label),
        }
    }
}

impl CorpusData {
    /// The reports whose titles a result list shows for `results` at the default thresholds:
    /// each result's, and those of the first two related reports it links to (the list's
    /// `pairs_of`, read from the catalogue's related pairs, which are those of the defaults).
    pub fn titles_shown_with(&self, results: &[usize]) -> Vec<usize> {
        let position = |id: &str| self.position.get(id).map(|&i| i as u32);
        let mut by_report: Vec<Vec<u32>> = vec![Vec::new(); self.reports().len()];
        for (k, p) in self.pairs.iter().enumerate() {
            for end in [&p.a, &p.b] {
                if let Some(list) = position(end).and_then(|i| by_report.get_mut(i as usize)) {
                    list.push(k as u32);
                }
            }
        }
        let mut shown = results.to_vec();
        for &i in results {
            let id = &self.reports()[i].id;
            let related = parallax_core::display::related_pairs(
                self.reports(),
                &self.copies,
                self.pairs,
                &by_report,
                &position,
                i,
            );
            for p in related.iter().take(2) {
                let other = if &p.a == id { &p.b } else { &p.a };
                shown.extend(self.position.get(other.as_str()).copied());
            }
        }
        shown
    }
}
