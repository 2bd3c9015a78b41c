//! What the story page says about the bundled seeds. Reports are found by file and index, never
//! by title or name.

mod common;

use parallax_core::analysis::direction::Direction;
use parallax_core::analysis::relations::{RegroupablePairs, Relations};
use parallax_core::analysis::story_text::story_text;
use parallax_core::analysis::story_view::story_view;
use parallax_core::analysis::Thresholds;
use parallax_core::url_state::THRESHOLD_PERCENT_RANGE;
use parallax_core::{Corpus, Relation};

fn at(c: &Corpus, prefix: &str, index: usize) -> u32 {
    c.reports
        .iter()
        .position(|r| r.file.starts_with(prefix) && r.index == index)
        .expect(prefix) as u32
}

#[test]
fn the_seeds_one_story_the_8_july_briefing_in_two_files() {
    let c = common::parse_dir(&common::repo_root().join("corpus"));
    let all = RegroupablePairs::new(&c.reports, &c.pairs, &c.evidence);
    let (r001, r002) = (at(&c, "001", 0), at(&c, "002", 0));
    // 001's first report and 002 share three quarters of their text each way: a near
    // duplicate by the containment rule, which the control does not move, so one story at
    // every threshold it offers.
    for percent in THRESHOLD_PERCENT_RANGE.step_by(5) {
        let r = Relations::new(
            &c.reports,
            &all,
            &Thresholds::with_near_duplicate_percent(percent),
        );
        assert_eq!(r.stories().len(), 1, "at {percent} %");
        assert_eq!(r.members(0), [r001, r002], "at {percent} %");
    }
    let r = Relations::new(&c.reports, &all, &Thresholds::default());
    let v = story_view(&r, &c.reports, 0).unwrap();
    // 001 is published 9 July 2024 (stated); 002 states no date, so it comes last.
    assert_eq!(v.reports, [r001, r002]);
    // Nothing names an outlet: one group per source file, and the view says so.
    assert!(v.by_source_file);
    let groups: Vec<(&str, bool)> = v
        .outlets
        .iter()
        .map(|g| (&g.name[..3], g.source_file))
        .collect();
    assert_eq!(groups, [("001", true), ("002", true)]);
    assert_eq!(v.first.reports, [r001]);
    assert!(v.first.why.contains("9 Jul 2024"), "{}", v.first.why);
    // The direction of 001/002: 002 has no publication date of its own and each holds about
    // as much of the other (77 % and 80 %): undetermined.
    assert_eq!(v.pairs.len(), 1);
    assert_eq!(v.pairs[0].relation, Relation::NearDuplicate);
    match v.pairs[0].direction.as_ref().unwrap() {
        Direction::Undetermined { why } => {
            assert!(why.contains("has no publication date of its own"), "{why}");
            assert!(
                why.contains("each holds about as much of the other"),
                "{why}"
            );
        }
        d => panic!("{d:?}"),
    }
    // Each adds one sentence of its own; they share four quote sentences, all attributed.
    let texts: Vec<_> = v
        .text_reports()
        .iter()
        .map(|&i| (i, &c.reports[i as usize]))
        .collect();
    let t = story_text(&texts);
    let added: Vec<usize> = t.adds.iter().map(|a| a.sentences.len()).collect();
    assert_eq!(added, [1, 1]);
    assert!(t.adds[0].sentences[0].text.contains("May 9, 2023"));
    assert_eq!(t.shared_quotes.len(), 4);
    assert!(t
        .shared_quotes
        .iter()
        .all(|q| q.reports == [r001, r002] && q.speaker.is_some()));
}
