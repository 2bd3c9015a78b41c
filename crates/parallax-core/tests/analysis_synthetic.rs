//! The analysis on a synthetic corpus (parallax-synth) parsed by the real parser: the compact
//! evidence the build embeds regroups exactly like the full evidence, at every threshold the
//! page's control offers.

use parallax_core::analysis::{self, pairs, Thresholds};
use parallax_core::url_state::THRESHOLD_PERCENT_RANGE;
use parallax_core::{build_corpus, metadata::Metadata, Corpus, Pair, Relation, SourceFile};

fn synthetic(n: usize, seed: u64) -> (Vec<SourceFile>, parallax_synth::SynthCorpus) {
    let synth = parallax_synth::generate(&parallax_synth::SynthConfig::new(n, seed));
    let files = synth.files.iter().map(|f| SourceFile { name: f.name.clone(), bytes: f.text.clone().into_bytes() }).collect();
    (files, synth)
}

fn related(pairs: &[Pair]) -> Vec<(String, String, Relation, String)> {
    pairs.iter().map(|p| (p.a.clone(), p.b.clone(), p.relation, p.why.clone())).collect()
}

#[test]
fn compact_evidence_regroups_like_the_full_evidence_at_every_control_value() {
    let (files, _) = synthetic(120, 7);
    let parsed = parallax_core::ingest::parse_corpus(&files, &Metadata::default());
    // The full evidence, on the reports as parsed (before analysis infers any date).
    let full = analysis::relate_all(&parsed.reports, &Thresholds::default());
    let corpus: Corpus = build_corpus(&files, &Metadata::default(), &[]);
    assert!(corpus.evidence.len() < full.len() / 4, "{} of {}", corpus.evidence.len(), full.len());
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
    assert!(promoted > 0, "the low end of the control promotes some pairs kept only compactly");
}
