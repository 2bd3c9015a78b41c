//! Story analysis: topics, duplicate reports, same-story clusters, sentence alignment, quotes.
//!
//! Everything here is pure and wasm-friendly (no regex, no threads, no clock): the build step
//! runs [`analyze`] on the bundled corpus, and the page calls [`pairs::classify`] when the reader
//! moves a threshold.

pub mod pairs;
pub mod text;

pub use pairs::{classify, relate_all, Thresholds};

use crate::model::{Corpus, Relation, TopicDef};

/// Analyses a parsed corpus in place: pair evidence and relations.
pub fn analyze(corpus: &mut Corpus, topics: &[TopicDef]) {
    corpus.topics = topics.to_vec();
    let thresholds = Thresholds::default();
    corpus.evidence = relate_all(&corpus.reports, &thresholds);
    corpus.pairs = corpus.evidence.iter().filter(|p| p.relation != Relation::Unrelated).cloned().collect();
}
