//! The analysis on a synthetic corpus (parallax-synth) parsed by the real parser: the compact
//! evidence the build embeds regroups exactly like the full evidence, at every threshold the
//! page's control offers.

mod common;

use parallax_core::analysis::{self, pairs, Thresholds};
use parallax_core::url_state::THRESHOLD_PERCENT_RANGE;
use parallax_core::{build_corpus, metadata::Metadata, Corpus, Pair, Relation, SourceFile};

fn synthetic(n: usize, seed: u64) -> (Vec<SourceFile>, parallax_synth::SynthCorpus) {
    let synth = parallax_synth::generate(&parallax_synth::SynthConfig::new(n, seed));
    let files = synth
        .files
        .iter()
        .map(|f| SourceFile::new(f.name.as_str(), f.text.as_bytes()))
        .collect();
    (files, synth)
}

fn related(pairs: &[Pair]) -> Vec<(String, String, Relation, String)> {
    pairs
        .iter()
        .map(|p| (p.a.clone(), p.b.clone(), p.relation, p.why.clone()))
        .collect()
}

#[test]
fn compact_evidence_regroups_like_the_full_evidence_at_every_control_value() {
    let (files, _) = synthetic(120, 7);
    let parsed =
        parallax_core::ingest::parse_corpus(&files, &Metadata::default(), &common::options());
    // The full evidence, on the reports as parsed (before analysis infers any date).
    let full = analysis::relate_all(&parsed.reports, &Thresholds::default());
    let corpus: Corpus = build_corpus(&files, &Metadata::default(), &[], &common::options());
    assert!(
        corpus.evidence.len() < full.len() / 4,
        "{} of {}",
        corpus.evidence.len(),
        full.len()
    );
    let stored = pairs::regroupable(&corpus.reports, &corpus.pairs, &corpus.evidence);
    let mut promoted = 0;
    for percent in THRESHOLD_PERCENT_RANGE {
        let t = Thresholds::with_near_duplicate_percent(percent);
        let want = pairs::reclassify(&full, &t);
        let got = pairs::reclassify(&stored, &t);
        assert_eq!(related(&got), related(&want), "at {percent} %");
        assert_eq!(got, want, "at {percent} %");
        promoted = promoted.max(got.len() - corpus.pairs.len().min(got.len()));
    }
    assert!(
        promoted > 0,
        "the low end of the control promotes some pairs kept only compactly"
    );
}

#[test]
fn planted_relations_are_found_and_stories_hold_one_event_each() {
    use parallax_synth::Planted;
    use std::collections::{HashMap, HashSet};
    let (files, synth) = synthetic(200, 1);
    let c = build_corpus(&files, &Metadata::default(), &[], &common::options());
    let found: HashMap<(&str, &str), Relation> = c
        .pairs
        .iter()
        .flat_map(|p| {
            [
                ((p.a.as_str(), p.b.as_str()), p.relation),
                ((p.b.as_str(), p.a.as_str()), p.relation),
            ]
        })
        .collect();
    let recall = |kinds: &[Planted], want: Relation| {
        let planted: Vec<_> = synth
            .relations
            .iter()
            .filter(|r| kinds.contains(&r.kind))
            .collect();
        let hit = planted
            .iter()
            .filter(|r| found.get(&(r.a.as_str(), r.b.as_str())) == Some(&want))
            .count();
        (hit, planted.len())
    };
    let (hit, n) = recall(
        &[Planted::ExactCopy, Planted::LightRewrite, Planted::Excerpt],
        Relation::NearDuplicate,
    );
    assert!(n >= 30 && hit * 100 >= n * 95, "near duplicates {hit}/{n}");
    let (hit, n) = recall(&[Planted::Paraphrase], Relation::SameStory);
    assert!(n >= 10 && hit * 100 >= n * 95, "paraphrases {hit}/{n}");
    let (hit, n) = recall(&[Planted::StockQuote], Relation::SharesQuote);
    assert!(n >= 5 && hit * 100 >= n * 90, "reused quotes {hit}/{n}");
    // A same story is the same event; a story never mixes events.
    let event: HashMap<&str, usize> = synth
        .reports
        .iter()
        .map(|r| (r.id.as_str(), r.event))
        .collect();
    for p in c.pairs.iter().filter(|p| p.relation == Relation::SameStory) {
        assert_eq!(
            event[p.a.as_str()],
            event[p.b.as_str()],
            "{} {}: {}",
            p.a,
            p.b,
            p.why
        );
    }
    for s in &c.stories {
        let events: HashSet<usize> = s.reports.iter().map(|r| event[r.as_str()]).collect();
        assert_eq!(events.len(), 1, "{:?}", s.reports);
    }
}
