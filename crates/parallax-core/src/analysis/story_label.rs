//! A story's label where the reports at hand have no titles (the page's catalogue: titles are in
//! shards). At the default thresholds the live stories are the build's, which carry their
//! labels; a story the thresholds made anew is named after its namer's title, which the page
//! fetches (`stories::story_namer`, the build's own rule).

use super::stories::story_namer;
use crate::model::{Report, Story};

/// Where a story's label comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoryLabel<'a> {
    /// The label, known without a title.
    Known(&'a str),
    /// `stories::short_label` of the title of this report.
    TitleOf(usize),
}

/// `story`'s label: its own when it has one (reports with titles), else that of the built
/// story with the same id and members, else the title of its namer. `position` finds a
/// report's index by id.
pub fn story_label<'a>(
    story: &'a Story,
    built: &'a [Story],
    reports: &[Report],
    position: impl Fn(&str) -> Option<usize>,
) -> StoryLabel<'a> {
    if !story.label.is_empty() {
        return StoryLabel::Known(&story.label);
    }
    // (`Relations::keep_built_labels` does this for every story at once.)
    if let Some(same) = built
        .iter()
        .find(|b| b.id == story.id && b.reports == story.reports)
    {
        return StoryLabel::Known(&same.label);
    }
    let mut members: Vec<u32> = story
        .reports
        .iter()
        .filter_map(|id| position(id).map(|i| i as u32))
        .collect();
    members.sort_unstable();
    StoryLabel::TitleOf(story_namer(reports, &members) as usize)
}
