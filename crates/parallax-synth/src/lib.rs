//! A deterministic synthetic corpus of scraped news reports, with planted relations.
//!
//! The reports look like the bundled seeds (titles printed twice, kickers, varied date lines,
//! datelines, "Also read:" links, comment-box boilerplate, quotes with speakers, "on Monday"),
//! and some of them are planted copies of others:
//!
//! | kind            | what                                                   | expected relation |
//! |-----------------|--------------------------------------------------------|-------------------|
//! | `exact_copy`    | the same body, sometimes the same page scraped twice   | near_duplicate    |
//! | `light_rewrite` | reworded, reordered, cut and padded; Jaccard 0.4–0.8   | near_duplicate    |
//! | `excerpt`       | the first paragraphs only (a cut-down copy)            | near_duplicate    |
//! | `paraphrase`    | the same event in new words: same quotes and date      | same_story        |
//! | `stock_quote`   | another event that reuses one quote verbatim           | shares_quote      |
//!
//! Everything else is unrelated. The ground truth ([`SynthCorpus::truth_json`]) lists each
//! report (file, index, lines) and each planted relation with its measured word-5-shingle
//! Jaccard and containments. Same seed and size → the same bytes.
//!
//! This file holds the configuration, the planted kinds, the overlap measure and [`generate`];
//! `generator` writes originals and derives the planted copies, `draft` is a report before
//! rendering, `render` prints it in an outlet's style, `assemble` lays the reports out in files
//! and measures the relations, `corpus` is the result (files, ground truth, writing a folder).

mod assemble;
mod corpus;
mod draft;
mod generator;
mod render;
mod text;
pub mod vocab;

pub use corpus::{SynthCorpus, SynthFile, TruthRelation, TruthReport};

use assemble::assemble;
use generator::Generator;
use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use serde::Serialize;
use std::collections::HashSet;
use text::*;

/// What to generate.
#[derive(Clone, Debug)]
pub struct SynthConfig {
    pub reports: usize,
    pub seed: u64,
    pub mix: Mix,
}

impl SynthConfig {
    pub fn new(reports: usize, seed: u64) -> Self {
        SynthConfig {
            reports,
            seed,
            mix: Mix::default(),
        }
    }
}

/// Shares of the reports that are planted derivatives; the rest are original reports of their
/// own event. `two_report_pages` is the share of files that carry a second report.
#[derive(Clone, Debug)]
pub struct Mix {
    pub exact_copy: f64,
    pub light_rewrite: f64,
    pub excerpt: f64,
    pub paraphrase: f64,
    pub stock_quote: f64,
    pub two_report_pages: f64,
}

impl Default for Mix {
    fn default() -> Self {
        Mix {
            exact_copy: 0.05,
            light_rewrite: 0.14,
            excerpt: 0.05,
            paraphrase: 0.10,
            stock_quote: 0.07,
            two_report_pages: 0.03,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Planted {
    Original,
    ExactCopy,
    LightRewrite,
    Excerpt,
    Paraphrase,
    StockQuote,
}

impl Planted {
    /// The relation the analysis should find between a planted report and its source.
    pub fn expected_relation(self) -> &'static str {
        match self {
            Planted::Original => "unrelated",
            Planted::ExactCopy | Planted::LightRewrite | Planted::Excerpt => "near_duplicate",
            Planted::Paraphrase => "same_story",
            Planted::StockQuote => "shares_quote",
        }
    }
    pub fn is_duplicate(self) -> bool {
        self.expected_relation() == "near_duplicate"
    }
}

/// Word-5-shingle hashes of a text: lowercase alphanumeric words (apostrophes dropped).
pub fn shingles(text: &str) -> HashSet<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 5 {
        return words
            .is_empty()
            .then(HashSet::new)
            .unwrap_or_else(|| [xxhash_rust::xxh3::xxh3_64(words.join(" ").as_bytes())].into());
    }
    words
        .windows(5)
        .map(|w| xxhash_rust::xxh3::xxh3_64(w.join(" ").as_bytes()))
        .collect()
}

/// (Jaccard, containment of a in b, containment of b in a).
pub fn overlap(a: &HashSet<u64>, b: &HashSet<u64>) -> (f32, f32, f32) {
    let inter = a.intersection(b).count() as f32;
    let union = (a.len() + b.len()) as f32 - inter;
    let ratio = |x: f32, y: usize| if y == 0 { 0.0 } else { x / y as f32 };
    (
        if union == 0.0 { 0.0 } else { inter / union },
        ratio(inter, a.len()),
        ratio(inter, b.len()),
    )
}

/// Generates the corpus. Deterministic in `cfg`.
pub fn generate(cfg: &SynthConfig) -> SynthCorpus {
    let mut g = Generator {
        rng: ChaCha8Rng::seed_from_u64(cfg.seed),
        events: vec![],
        drafts: vec![],
        kinds: vec![],
        sources: vec![],
        event_of: vec![],
        originals: vec![],
    };
    let m = &cfg.mix;
    let thresholds = [
        (Planted::ExactCopy, m.exact_copy),
        (Planted::LightRewrite, m.light_rewrite),
        (Planted::Excerpt, m.excerpt),
        (Planted::Paraphrase, m.paraphrase),
        (Planted::StockQuote, m.stock_quote),
    ];
    for i in 0..cfg.reports {
        let roll: f64 = g.rng.random();
        let mut acc = 0.0;
        let mut kind = Planted::Original;
        for (k, share) in thresholds {
            acc += share;
            if roll < acc {
                kind = k;
                break;
            }
        }
        if g.originals.is_empty() {
            kind = Planted::Original;
        }
        let src = (kind != Planted::Original).then(|| pick(&mut g.rng, &g.originals));
        let draft = match (kind, src) {
            (Planted::ExactCopy, Some(s)) => g.exact_copy(&g.drafts[s].clone()),
            (Planted::LightRewrite, Some(s)) => {
                g.light_rewrite(&g.drafts[s].clone(), &g.events[g.event_of[s]].clone())
            }
            (Planted::Excerpt, Some(s)) => g.excerpt(&g.drafts[s].clone()),
            (Planted::Paraphrase, Some(s)) => {
                g.paraphrase(&g.drafts[s].clone(), &g.events[g.event_of[s]].clone())
            }
            (Planted::StockQuote, Some(s)) => {
                g.stock_quote(g.event_of[s], &g.drafts[s].quotes.clone())
            }
            _ => g.original(),
        };
        let event = match kind {
            Planted::Original | Planted::StockQuote => g.events.len() - 1,
            _ => g.event_of[src.expect("derived reports have a source")],
        };
        if kind == Planted::Original {
            g.originals.push(i);
        }
        g.drafts.push(draft);
        g.kinds.push(kind);
        g.sources.push(src);
        g.event_of.push(event);
    }
    assemble(g, cfg)
}

#[cfg(test)]
mod tests;
