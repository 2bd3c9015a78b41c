//! Who copied whom, and the story page's model, on a corpus written for it
//! (tests/analysis_corpora/syndication, outlets and dates in its metadata.toml): a regional wire
//! story about a flooded ferry terminal printed the same day by a bulletin (cut down) and a radio
//! station (whole, with a new opening), the next day by a gazette (cut down), and reported in its
//! own words by a weekly; a library reopening one paper copied from another a day later and a
//! residents' blog rewrote without a date. Reports are found by file, never by title.

mod common;

use parallax_core::analysis::direction::{direction, Direction, DirectionBasis};
use parallax_core::analysis::relations::{RegroupablePairs, Relations};
use parallax_core::analysis::story_text::story_text;
use parallax_core::analysis::story_view::{story_view, StoryView};
use parallax_core::analysis::Thresholds;
use parallax_core::{Corpus, Relation};

fn corpus() -> Corpus {
    common::parse_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/analysis_corpora/syndication"),
    )
}

fn at(c: &Corpus, prefix: &str) -> u32 {
    c.reports
        .iter()
        .position(|r| r.file.starts_with(prefix))
        .expect(prefix) as u32
}

fn relations(c: &Corpus, t: &Thresholds) -> Relations {
    let all = RegroupablePairs::new(&c.reports, &c.pairs, &c.evidence);
    Relations::new(&c.reports, &all, t)
}

/// The direction of the related pair of two reports (by file prefix).
fn direction_of(c: &Corpus, r: &Relations, x: &str, y: &str) -> Direction {
    let (i, j) = (at(c, x), at(c, y));
    let k = r
        .pairs_of(i as usize)
        .iter()
        .copied()
        .find(|&k| r.ends(k as usize).is_some_and(|(a, b)| a == j || b == j))
        .unwrap_or_else(|| panic!("{x} and {y} are related"));
    let pair = &r.pairs()[k as usize];
    assert_eq!(
        pair.relation,
        Relation::NearDuplicate,
        "{x} {y}: {}",
        pair.why
    );
    direction(
        (i, &c.reports[i as usize]),
        (j, &c.reports[j as usize]),
        pair,
    )
}

fn known(d: &Direction) -> (u32, u32, DirectionBasis, String) {
    match d {
        Direction::Known {
            source,
            copy,
            basis,
            evidence,
        } => (*source, *copy, *basis, evidence.join(" | ")),
        Direction::Undetermined { why } => panic!("undetermined: {why}"),
    }
}

#[test]
fn the_earlier_publication_is_the_source() {
    let c = corpus();
    let r = relations(&c, &Thresholds::default());
    // The gazette printed the wire's first four paragraphs a day later.
    let (source, copy, basis, evidence) = known(&direction_of(&c, &r, "g1_", "w1_"));
    assert_eq!((source, copy), (at(&c, "w1_"), at(&c, "g1_")));
    assert_eq!(basis, DirectionBasis::PublicationDates);
    assert!(evidence.contains("13 Nov 2023 (metadata)"), "{evidence}");
    assert!(evidence.contains("1 day later"), "{evidence}");
    // The other paper's library report, a day after the gazette's.
    let (source, copy, ..) = known(&direction_of(&c, &r, "t2_", "g2_"));
    assert_eq!((source, copy), (at(&c, "g2_"), at(&c, "t2_")));
}

#[test]
fn the_same_day_a_cut_down_text_is_the_copy() {
    let c = corpus();
    let r = relations(&c, &Thresholds::default());
    // The bulletin ran the wire's first three paragraphs the same evening.
    let (source, copy, basis, evidence) = known(&direction_of(&c, &r, "b1_", "w1_"));
    assert_eq!((source, copy), (at(&c, "w1_"), at(&c, "b1_")));
    assert_eq!(basis, DirectionBasis::Containment);
    assert!(
        evidence.contains("both were published on 13 Nov 2023"),
        "{evidence}"
    );
    assert!(evidence.contains("100 %"), "{evidence}");
    assert!(evidence.contains("cut-down copy"), "{evidence}");
}

#[test]
fn the_same_day_and_an_even_overlap_or_no_date_is_undetermined() {
    let c = corpus();
    let r = relations(&c, &Thresholds::default());
    // The radio ran the whole wire text with an opening line of its own and the last line cut.
    match direction_of(&c, &r, "r1_", "w1_") {
        Direction::Undetermined { why } => {
            assert!(why.contains("both were published on 13 Nov 2023"), "{why}");
            assert!(
                why.contains("each holds about as much of the other"),
                "{why}"
            );
        }
        d => panic!("{d:?}"),
    }
    // The blog has no date of any kind, and rewrote about half of the gazette's text. Its
    // event date is inferred from the story, which says nothing about when it was published.
    assert_eq!(
        c.reports[at(&c, "l3_") as usize].event_date_basis,
        parallax_core::DateBasis::Inferred
    );
    match direction_of(&c, &r, "g2_", "l3_") {
        Direction::Undetermined { why } => {
            assert!(why.contains("has no publication date of its own"), "{why}");
            assert!(
                why.contains("neither text is mostly inside the other"),
                "{why}"
            );
        }
        d => panic!("{d:?}"),
    }
}

fn ferry(c: &Corpus, r: &Relations) -> StoryView {
    let s = r.story_index_of(at(c, "w1_") as usize).expect("in a story");
    story_view(r, &c.reports, s).expect("a story")
}

#[test]
fn the_story_page_lists_reports_by_outlet_and_who_carried_it_first() {
    let c = corpus();
    let r = relations(&c, &Thresholds::default());
    let v = ferry(&c, &r);
    let files = |ids: &[u32]| -> Vec<&str> {
        ids.iter()
            .map(|&i| &c.reports[i as usize].file[..3])
            .collect()
    };
    // Publication order: the three of 13 November in corpus order, then the two of the 14th.
    assert_eq!(files(&v.reports), ["b1_", "r1_", "w1_", "g1_", "t1_"]);
    let outlets: Vec<(&str, usize)> = v
        .outlets
        .iter()
        .map(|g| (g.name.as_str(), g.reports.len()))
        .collect();
    assert_eq!(
        outlets,
        [
            ("Evening Bulletin", 1),
            ("Bay Radio News", 1),
            ("Coastline Press Agency", 1),
            ("Northport Gazette", 1),
            ("Harbour Times", 1)
        ]
    );
    assert!(!v.by_source_file);
    // Three reports the first day; the bulletin cut its text from the wire's that day. The radio
    // cannot be told apart from the wire.
    assert_eq!(files(&v.first.reports), ["r1_", "w1_"]);
    assert!(v.first.why.contains("1 of them copied"), "{}", v.first.why);
    // Every near duplicate has a direction or says why not; the weekly's own report is a same
    // story with no direction.
    let near: Vec<_> = v
        .pairs
        .iter()
        .filter(|p| p.relation == Relation::NearDuplicate)
        .collect();
    assert_eq!(near.len(), 6);
    assert!(near.iter().all(|p| p.direction.is_some()));
    assert!(v
        .pairs
        .iter()
        .filter(|p| p.relation == Relation::SameStory)
        .all(|p| p.direction.is_none()));
    assert_eq!(v.pairs_total, v.pairs.len());
    let d = v
        .direction_between(at(&c, "w1_"), at(&c, "g1_"))
        .expect("listed");
    assert_eq!(d.copy(), Some(at(&c, "g1_")));
}

#[test]
fn what_each_report_adds_and_the_quotes_they_share() {
    let c = corpus();
    let r = relations(&c, &Thresholds::default());
    let v = ferry(&c, &r);
    let texts: Vec<(u32, &parallax_core::Report)> = v
        .text_reports()
        .iter()
        .map(|&i| (i, &c.reports[i as usize]))
        .collect();
    let t = story_text(&texts);
    let adds = |prefix: &str| -> Vec<String> {
        let i = at(&c, prefix);
        t.adds
            .iter()
            .find(|a| a.report == i)
            .expect(prefix)
            .sentences
            .iter()
            .map(|s| s.text.clone())
            .collect()
    };
    // The copies add nothing; the radio its opening line; the wire the line the radio cut.
    assert!(adds("b1_").is_empty(), "{:?}", adds("b1_"));
    assert!(adds("g1_").is_empty(), "{:?}", adds("g1_"));
    assert_eq!(
        adds("r1_"),
        ["Listeners on the outer islands should not travel to the mainland quay until further notice."]
    );
    assert_eq!(
        adds("w1_"),
        [
            "Crossings to the islands suspended until engineers inspect the damaged quay",
            "The authority said it would publish a timetable for a partial service once the inspection was complete."
        ]
    );
    // The weekly's own reporting: everything but the two quotes it shares.
    let weekly = adds("t1_");
    assert_eq!(weekly.len(), 6, "{weekly:?}");
    assert!(weekly.iter().all(|s| !s.contains("The ramps cannot carry")));
    assert!(weekly
        .iter()
        .any(|s| s.contains("a fisherman") || s.contains("A fisherman")));
    // The quotes: the harbourmaster's in all five, the council leader's two sentences in three.
    let quotes: Vec<(usize, &str, Option<&str>)> = t
        .shared_quotes
        .iter()
        .map(|q| (q.reports.len(), q.folded.as_str(), q.speaker.as_deref()))
        .collect();
    assert_eq!(quotes.len(), 3, "{quotes:?}");
    assert_eq!(quotes[0].0, 5);
    assert!(
        quotes[0].1.starts_with("the ramps cannot carry"),
        "{quotes:?}"
    );
    assert_eq!(quotes[0].2, Some("Ingrid Solberg"));
    assert_eq!((quotes[1].0, quotes[2].0), (3, 3));
    assert_eq!(quotes[2].1, "it could not wait");
    assert!(t.left_out.is_empty());
}

#[test]
fn the_threshold_moves_a_report_out_of_its_story_and_the_page_follows() {
    let c = corpus();
    let blog = at(&c, "l3_") as usize;
    let default = relations(&c, &Thresholds::default());
    let library = default.story_index_of(blog).expect("in the library story");
    assert_eq!(default.members(library).len(), 3);
    // At 40 % the blog's rewrites (Jaccard 0.31 and 0.35, no quote) are unrelated.
    let strict = relations(&c, &Thresholds::with_near_duplicate_percent(40));
    assert_eq!(strict.story_of(blog), None);
    let s = strict
        .story_index_of(at(&c, "g2_") as usize)
        .expect("still a story");
    let v = story_view(&strict, &c.reports, s).unwrap();
    assert_eq!(v.reports.len(), 2);
    assert_eq!(strict.regrouped_total(), 2);
    assert_eq!(strict.stories().len(), default.stories().len());
    // The story's id is its first report's: a link made at the default still finds it.
    let position = |id: &str| c.reports.iter().position(|r| r.id == id);
    assert_eq!(
        strict.resolve_story(&default.stories()[library].id, position),
        Some(s)
    );
}
