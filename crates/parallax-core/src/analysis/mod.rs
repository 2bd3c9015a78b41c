//! Story analysis: topics, duplicate reports, same-story clusters, sentence alignment, quotes.
//!
//! Everything here is pure and wasm-friendly (no regex, no threads, no clock): the build step
//! runs [`analyze`] on the bundled corpus; the page calls [`align`] for the side-by-side view
//! and [`regroup`] when the reader moves a threshold.

pub mod align;
pub mod lsh;
pub mod pairs;
pub mod quotes;
pub mod stories;
pub mod text;
pub mod topics;

pub use align::{align, Alignment};
pub use pairs::{classify, relate_all, Thresholds};

use crate::model::{Corpus, Pair, Relation, Report, Story, TopicDef};

/// Analyses a parsed corpus in place: topics per paragraph and report, pair evidence and
/// relations under the default [`Thresholds`], stories, inferred event dates, the quote ledger.
pub fn analyze(corpus: &mut Corpus, topics: &[TopicDef]) {
    corpus.topics = topics.to_vec();
    let tagger = topics::Tagger::new(topics);
    for report in &mut corpus.reports {
        tagger.tag(report);
    }
    corpus.evidence = lsh::relate_scaled(&corpus.reports, &Thresholds::default());
    corpus.pairs = corpus.evidence.iter().filter(|p| p.relation != Relation::Unrelated).cloned().collect();
    corpus.stories = stories::build_stories(&corpus.reports, &corpus.pairs);
    stories::infer_dates(&mut corpus.reports, &corpus.stories);
    corpus.quotes = quotes::ledger(&corpus.reports);
}

/// Related pairs and stories under other thresholds, from the stored evidence: what the page
/// shows when the reader moves a threshold. Dates already inferred at build time are not used
/// to date stories, so regrouping never feeds on its own earlier result.
pub fn regroup(reports: &[Report], evidence: &[Pair], thresholds: &Thresholds) -> (Vec<Pair>, Vec<Story>) {
    let pairs = pairs::reclassify(evidence, thresholds);
    let stories = stories::build_stories(reports, &pairs);
    (pairs, stories)
}
