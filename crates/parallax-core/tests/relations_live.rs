//! Live relations (analysis::relations) as the page builds them from its catalogue: at the
//! default thresholds the build's stories and duplicate flags exactly, at every value of the
//! threshold control what regrouping every pair gives, and the timeline's groups are its
//! stories. On the seeds, the hand-written corpora and a synthetic corpus with large groups of
//! exact copies and of near copies (stored collapsed).

mod common;

use parallax_core::analysis::copies::INLINE_UP_TO;
use parallax_core::analysis::pairs::{reclassify, regroupable};
use parallax_core::analysis::relations::{RegroupablePairs, Relations};
use parallax_core::analysis::stories::{build_stories, short_label};
use parallax_core::analysis::story_label::{story_label, StoryLabel};
use parallax_core::analysis::{classify, Thresholds};
use parallax_core::display::timeline::layout;
use parallax_core::metadata::Metadata;
use parallax_core::model::{report_positions, Story};
use parallax_core::query::duplicate_flags;
use parallax_core::site::{expand_pairs, split};
use parallax_core::url_state::THRESHOLD_PERCENT_RANGE;
use parallax_core::{build_corpus, Corpus, SourceFile};
use std::collections::HashMap;

/// Synthetic reports, with 12 exact copies of one (a copy group) and 20 near copies of another
/// (each with a line of its own: a near-copy group), spread through the corpus.
fn with_groups() -> Corpus {
    let mut files = common::synth_files(200, 11);
    let n = files.len();
    let body = |i: usize| {
        let text = String::from_utf8(files[i].bytes.clone()).unwrap();
        text.split_once('\n')
            .map_or(String::new(), |(_, b)| b.to_string())
    };
    let (copied, near) = (body(n / 3), body(n / 2));
    let mut extra: Vec<SourceFile> = (0..INLINE_UP_TO + 4)
        .map(|k| SourceFile {
            name: format!("{}~copy{k}.txt", files[(k * 7) % n].name),
            bytes: format!("Copy {k} under its own title\n{copied}").into_bytes(),
        })
        .collect();
    extra.extend((0..20).map(|k| SourceFile {
        name: format!("{}~near{k}.txt", files[(k * 5 + 3) % n].name),
        bytes: format!(
            "Near copy {k} under its own title\n{}\nThe desk numbered {k} filed this version of the report.\n",
            near.trim_end()
        )
        .into_bytes(),
    }));
    files.extend(extra);
    files.sort_by(|a, b| a.name.cmp(&b.name));
    build_corpus(&files, &Metadata::default(), &[], &common::options())
}

fn corpora() -> Vec<(&'static str, Corpus)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/analysis_corpora");
    vec![
        (
            "seeds",
            common::parse_dir(&common::repo_root().join("corpus")),
        ),
        ("syndication", common::parse_dir(&dir.join("syndication"))),
        ("briefing", common::parse_dir(&dir.join("briefing"))),
        ("stock", common::parse_dir(&dir.join("stock"))),
        ("groups", with_groups()),
    ]
}

#[test]
fn at_the_defaults_the_page_reads_the_builds_stories_from_its_catalogue() {
    for (name, corpus) in corpora() {
        let catalogue = split(corpus.clone()).catalogue;
        let pairs = expand_pairs(&catalogue.pairs, &catalogue.reports);
        // What the page reads at the default thresholds (the related pairs alone) and after
        // the first threshold move (the evidence too).
        for all in [
            RegroupablePairs::from_pairs(&catalogue.reports, pairs.clone()),
            RegroupablePairs::new(&catalogue.reports, &pairs, &catalogue.evidence),
        ] {
            let mut r = Relations::new(&catalogue.reports, &all, &Thresholds::default());
            // The catalogue has no titles: the stories are the build's, their labels read
            // from the build's stories without a title shard.
            let unlabelled: Vec<Story> = catalogue
                .stories
                .iter()
                .map(|s| Story {
                    label: String::new(),
                    ..s.clone()
                })
                .collect();
            assert_eq!(r.stories(), unlabelled, "{name}");
            let position = report_positions(&catalogue.reports);
            for (live, built) in r.stories().iter().zip(&catalogue.stories) {
                let label = story_label(live, &catalogue.stories, &catalogue.reports, |id| {
                    position.get(id).map(|&i| i as usize)
                });
                assert_eq!(label, StoryLabel::Known(&built.label), "{name}");
            }
            r.keep_built_labels(&catalogue.stories);
            assert_eq!(r.stories(), catalogue.stories, "{name}");
            assert_eq!(r.pairs().len(), corpus.pairs.len(), "{name}");
            assert_eq!(
                r.duplicates(),
                duplicate_flags(&corpus.reports, &corpus.pairs),
                "{name}"
            );
            assert!(r.regrouped().is_empty(), "{name}");
            for (s, story) in r.stories().iter().enumerate() {
                for &m in r.members(s) {
                    assert_eq!(r.story_of(m as usize), Some(story), "{name}");
                }
            }
        }
    }
}

#[test]
fn the_groups_corpus_has_both_kinds_of_large_group() {
    let c = with_groups();
    assert_eq!(c.copy_groups.len(), 1, "{:?}", c.copy_groups);
    assert_eq!(c.near_copy_groups.len(), 1, "{:?}", c.near_copy_groups);
}

#[test]
fn at_every_threshold_the_stories_are_those_of_every_pair_regrouped() {
    for (name, c) in corpora() {
        let all = RegroupablePairs::new(&c.reports, &c.pairs, &c.evidence);
        let every = regroupable(&c.reports, &c.pairs, &c.evidence);
        for percent in THRESHOLD_PERCENT_RANGE.step_by(5) {
            let t = Thresholds::with_near_duplicate_percent(percent);
            let r = Relations::new(&c.reports, &all, &t);
            let want = reclassify(&every, &t);
            assert_eq!(r.pairs(), want, "{name} at {percent} %");
            assert_eq!(
                r.stories(),
                build_stories(&c.reports, &want, t.same_story_max_days),
                "{name} at {percent} %"
            );
            assert_eq!(
                r.duplicates(),
                duplicate_flags(&c.reports, &want),
                "{name} at {percent} %"
            );
            let moved = every
                .iter()
                .filter(|p| classify(p, &t).0 != classify(p, &Thresholds::default()).0)
                .count();
            assert_eq!(r.regrouped_total(), moved, "{name} at {percent} %");
        }
    }
}

#[test]
fn at_every_threshold_a_storys_label_is_its_namers_title_on_a_catalogue_without_titles() {
    // Stories whose label needed their namer's title (made anew by a threshold).
    let mut fetched = 0;
    for (name, c) in corpora() {
        let catalogue = split(c.clone()).catalogue;
        let position = report_positions(&catalogue.reports);
        let all = RegroupablePairs::new(&c.reports, &c.pairs, &c.evidence);
        let paged = RegroupablePairs::new(
            &catalogue.reports,
            &expand_pairs(&catalogue.pairs, &catalogue.reports),
            &catalogue.evidence,
        );
        for percent in THRESHOLD_PERCENT_RANGE.step_by(5) {
            let t = Thresholds::with_near_duplicate_percent(percent);
            let whole = Relations::new(&c.reports, &all, &t);
            let mut live = Relations::new(&catalogue.reports, &paged, &t);
            live.keep_built_labels(&catalogue.stories);
            assert_eq!(whole.stories().len(), live.stories().len(), "{name}");
            for (w, l) in whole.stories().iter().zip(live.stories()) {
                assert_eq!((&w.id, &w.reports), (&l.id, &l.reports), "{name}");
                let label = match story_label(l, &catalogue.stories, &catalogue.reports, |id| {
                    position.get(id).map(|&i| i as usize)
                }) {
                    StoryLabel::Known(label) => label.to_string(),
                    StoryLabel::TitleOf(namer) => {
                        fetched += 1;
                        short_label(&c.reports[namer].title)
                    }
                };
                assert_eq!(label, w.label, "{name} at {percent} %");
            }
        }
    }
    assert!(fetched > 0, "some threshold makes a story anew");
}

#[test]
fn the_timelines_groups_are_the_stories_at_every_threshold() {
    for (name, c) in corpora() {
        let all = RegroupablePairs::new(&c.reports, &c.pairs, &c.evidence);
        let matches: Vec<usize> = (0..c.reports.len()).collect();
        // Wide enough that marks never pile into bins.
        let width = 40_000.0;
        for percent in [5u8, 30, 60, 95] {
            let r = Relations::new(
                &c.reports,
                &all,
                &Thresholds::with_near_duplicate_percent(percent),
            );
            let l = layout(&c.reports, &matches, &r, width, None, &HashMap::new());
            assert!(l.bins.is_empty(), "{name}");
            let at: HashMap<(u64, u64), usize> = l
                .marks
                .iter()
                .map(|m| ((m.x.to_bits(), m.y.to_bits()), m.report))
                .collect();
            // Each link joins the dated members of one story, all of them.
            let mut linked: Vec<usize> = l
                .links
                .iter()
                .map(|link| {
                    let members: Vec<usize> = link
                        .iter()
                        .map(|&(x, y)| at[&(x.to_bits(), y.to_bits())])
                        .collect();
                    let s = r.story_index_of(members[0]).expect("a story");
                    assert!(
                        members.iter().all(|&m| r.story_index_of(m) == Some(s)),
                        "{name}"
                    );
                    let dated = r
                        .members(s)
                        .iter()
                        .filter(|&&m| c.reports[m as usize].event_date.is_some())
                        .count();
                    assert_eq!(members.len(), dated, "{name} at {percent} %");
                    s
                })
                .collect();
            let before = linked.len();
            linked.sort_unstable();
            linked.dedup();
            assert_eq!(linked.len(), before, "one link per story");
            let with_two_dated = (0..r.stories().len())
                .filter(|&s| {
                    r.members(s)
                        .iter()
                        .filter(|&&m| c.reports[m as usize].event_date.is_some())
                        .count()
                        >= 2
                })
                .count();
            assert_eq!(linked.len(), with_two_dated, "{name} at {percent} %");
        }
    }
}
