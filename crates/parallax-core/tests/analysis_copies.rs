//! Exact copies (analysis::copies): a large group is compared once and stored collapsed, and
//! expanding what is stored gives exactly what all-pairs comparison of every report gives.

mod common;

use parallax_core::analysis::copies::{CopyIndex, INLINE_UP_TO};
use parallax_core::analysis::{self, pairs, stories, Thresholds};
use parallax_core::metadata::Metadata;
use parallax_core::query::duplicate_flags;
use parallax_core::url_state::THRESHOLD_PERCENT_RANGE;
use parallax_core::{build_corpus, Corpus, Pair, Report, SourceFile};

/// A synthetic corpus with two large groups of exact copies spread through it (each copy sorts
/// right after another file, under a title of its own), and one small group.
fn corpus_with_copies() -> Vec<SourceFile> {
    let mut files = common::synth_files(60, 3);
    let n = files.len();
    let mut extra = Vec::new();
    for (source, copies) in [
        (n / 3, INLINE_UP_TO + 4),
        (n / 2, INLINE_UP_TO + 1),
        (n / 4, 2),
    ] {
        let text = String::from_utf8(files[source].bytes.clone()).unwrap();
        let body = text.split_once('\n').map_or("", |(_, rest)| rest);
        for k in 0..copies {
            let after = &files[(source + 1 + k * 7) % n].name;
            extra.push(SourceFile {
                name: format!("{after}~copy{source}-{k}.txt"),
                bytes: format!("Copy {k} of report {source} under its own title\n{body}")
                    .into_bytes(),
            });
        }
    }
    files.extend(extra);
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

/// Every pair the stored pairs stand for, in corpus order of (a, b).
fn expand_all(c: &Corpus, stored: &[Pair]) -> Vec<Pair> {
    let position = common::positions(c);
    let mut by_report = vec![Vec::new(); c.reports.len()];
    for (k, p) in stored.iter().enumerate() {
        by_report[position[p.a.as_str()] as usize].push(k as u32);
        by_report[position[p.b.as_str()] as usize].push(k as u32);
    }
    let copies = CopyIndex::new(c.reports.len(), &c.copy_groups);
    let pos = |id: &str| position.get(id).copied();
    let ids = |i: u32| c.reports[i as usize].id.clone();
    let mut all: Vec<Pair> = Vec::new();
    for i in 0..c.reports.len() as u32 {
        let of_i = copies.pairs_of(i, stored, &by_report, &pos, &ids);
        all.extend(of_i.into_iter().filter(|p| position[p.a.as_str()] == i));
    }
    all.sort_by_key(|p| (position[p.a.as_str()], position[p.b.as_str()]));
    all
}

#[test]
fn stored_copy_groups_expand_to_the_all_pairs_answer() {
    let files = corpus_with_copies();
    let parsed =
        parallax_core::ingest::parse_corpus(&files, &Metadata::default(), &common::options());
    let full = analysis::relate_all(&parsed.reports, &Thresholds::default());
    let c = build_corpus(&files, &Metadata::default(), &[], &common::options());
    let sizes: Vec<usize> = c.copy_groups.iter().map(Vec::len).collect();
    assert!(
        sizes.len() == 2 && sizes.iter().all(|&s| s > INLINE_UP_TO),
        "{sizes:?}"
    );
    // Collapsed: far fewer pairs stored than all pairs give.
    let stored = pairs::regroupable(&c.reports, &c.pairs, &c.evidence);
    let full_kept = common::kept_by_page(&full);
    assert!(
        stored.len() + 100 < full_kept.len(),
        "{} vs {}",
        stored.len(),
        full_kept.len()
    );
    // Exactly the all-pairs answer, once expanded, at every value of the page's control; and
    // the same stories and duplicate flags from what is stored.
    for percent in THRESHOLD_PERCENT_RANGE.step_by(15).chain([30]) {
        let t = Thresholds::with_near_duplicate_percent(percent);
        let want = pairs::reclassify(&full_kept, &t);
        let got = pairs::reclassify(&stored, &t);
        assert_eq!(expand_all(&c, &got), want, "at {percent} %");
        let reports: Vec<Report> = parsed.reports.clone();
        assert_eq!(
            stories::build_stories(&reports, &got, t.same_story_max_days),
            stories::build_stories(&reports, &want, t.same_story_max_days),
            "at {percent} %"
        );
        assert_eq!(
            duplicate_flags(&reports, &got),
            duplicate_flags(&reports, &want)
        );
    }
    // Any two reports: the pair on demand is the all-pairs one.
    let copies = CopyIndex::new(c.reports.len(), &c.copy_groups);
    let position = common::positions(&c);
    let pos = |id: &str| position.get(id).copied();
    let ids = |i: u32| c.reports[i as usize].id.clone();
    for want in &full_kept {
        let (a, b) = (position[want.a.as_str()], position[want.b.as_str()]);
        assert_eq!(
            copies.pair_between(b, a, &stored, &pos, &ids).as_ref(),
            Some(want)
        );
    }
}
