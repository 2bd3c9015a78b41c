//! The analysed corpus as a static site's data: a compact catalogue, fetched first, and
//! content-hashed shards fetched when the page needs them.
//!
//! - The [`Catalogue`] holds what the first view, the facets, the timeline, the stories and the
//!   threshold control need: every report without its text or title (dates, outlet, names,
//!   topics), the pairs and their evidence, the stories, the topic lexicon, the diagnostics, the
//!   search index's [`SearchMeta`] and the names of every shard.
//! - Body shards hold the reports' text (standfirst, paragraphs with their topic hits, quotes,
//!   related links) and their stock quote runs (what a comparison computed on the page needs),
//!   [`REPORTS_PER_BODY_SHARD`] reports each in timeline order, so the default first page of
//!   results reads one or two.
//! - Title shards ([`TitleShard`]), [`TITLES_PER_SHARD`] titles each in timeline order: a
//!   result list reads those of the page it shows.
//! - Search shards: the inverted index cut by word range and by short prefix
//!   (`query::search_shards`).
//! - The quote ledger, and the pairs in full (with their quotes' text), each in a shard of its
//!   own: the page needs neither (a comparison computes its pair from the two reports' text).
//!
//! [`split`] makes the parts from a [`Corpus`] and [`join`] puts them back together (tested to
//! give the corpus back); `write` (with the `sidecar` feature) serialises them with postcard
//! and names each file by a hash of its bytes, so a browser may cache it for ever.

use crate::analysis::pairs::{classify, Thresholds};
use crate::model::{report_positions, RelatedLink, Relation, Report, StockRun, Story, TopicDef};
use crate::model::{Corpus, Diagnostic, Pair, PairEvidence, Paragraph, Quote, QuoteEntry};
use crate::query::{
    folded_report, timeline_order, PrefixShard, SearchIndex, SearchMeta, WordShard,
};
use serde::{Deserialize, Serialize};

mod reuse;
mod titles;
mod wire;
#[cfg(feature = "sidecar")]
mod write;
pub use reuse::{
    search_index_reusing, split_reusing, split_with, IndexReused, PreviousIndex, Reused, SearchMemo,
};
pub use titles::{put_titles, take_titles, TitleShard, TITLES_PER_SHARD};
#[cfg(feature = "sidecar")]
pub use write::{
    file_name, read_memo, write_parts, write_site, Keep, NamedFile, SiteFile, SiteFiles, SiteIndex,
};

/// Reports per body shard. Search results come in relevance order, scattered over the shards,
/// and each shown result's snippet reads its report's shard: measured typing "water sharing" on
/// the 10k synthetic corpus, shards of 16 reports (about 10 KB gzip each) made the page fetch
/// 712 KB of text for 25 snippets a keystroke. Four reports a shard cut that to about a
/// quarter, for 7 requests instead of 2 on the default first page (timeline order). The
/// catalogue says the number, so the page does not assume it.
pub const REPORTS_PER_BODY_SHARD: usize = 4;

/// Bytes of postings per search shard, about (before gzip).
pub const SEARCH_SHARD_BYTES: usize = 16 * 1024;

/// What the page fetches first. See the module documentation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    /// Every report without its text ([`ReportBody`]'s fields are empty here) or its title (in
    /// the title shards); written
    /// compactly (`wire`: ids their file gives left out, names numbered).
    #[serde(with = "wire")]
    pub reports: Vec<Report>,
    /// The related pairs without their quotes' text ([`expand_pairs`] makes them pairs again).
    pub pairs: Vec<PairHead>,
    pub evidence: Vec<PairEvidence>,
    pub stories: Vec<Story>,
    pub copy_groups: Vec<Vec<u32>>,
    pub near_copy_groups: Vec<Vec<u32>>,
    pub topics: Vec<TopicDef>,
    /// The diagnostics naming no report (those of a report go with its text), each with its
    /// place among all of them.
    pub diagnostics: Vec<(u32, Diagnostic)>,
    pub search: SearchMeta,
    /// Shard files, relative to the catalogue's folder.
    pub files: ShardFiles,
}

/// The file of every shard, in shard order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardFiles {
    /// Body shard k holds the reports of timeline ranks `k * reports_per_body ..`.
    pub bodies: Vec<String>,
    pub reports_per_body: u32,
    /// Title shard k holds the titles of timeline ranks `k * titles_per_shard ..`.
    pub titles: Vec<String>,
    pub titles_per_shard: u32,
    pub search_words: Vec<String>,
    pub search_prefixes: Vec<String>,
    pub ledger: String,
    /// `Corpus::pairs` in full.
    pub pairs: String,
}

/// A related pair as the catalogue holds it: the figures its relation is decided on, the
/// number of quotes the reports share rather than their text, reports by index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PairHead {
    pub a: u32,
    pub b: u32,
    pub relation: Relation,
    pub jaccard: f32,
    pub containment_a_in_b: f32,
    pub containment_b_in_a: f32,
    pub longest_run: u32,
    /// How many quotes both carry, and how many of those are stock lines.
    pub shared_quotes: u32,
    pub stock_quotes: u32,
    pub shared_people: Vec<String>,
    pub shared_places: Vec<String>,
    pub date_distance_days: Option<i64>,
}

impl PairHead {
    fn of(pair: &Pair, position: &crate::model::Positions) -> PairHead {
        let index = |id: &str| position.get(id).copied().unwrap_or(u32::MAX);
        PairHead {
            a: index(&pair.a),
            b: index(&pair.b),
            relation: pair.relation,
            jaccard: pair.jaccard,
            containment_a_in_b: pair.containment_a_in_b,
            containment_b_in_a: pair.containment_b_in_a,
            longest_run: u32::try_from(pair.longest_run).unwrap_or(u32::MAX),
            shared_quotes: pair.shared_quotes.len() as u32,
            stock_quotes: pair
                .stock_quotes
                .iter()
                .filter(|&&i| i < pair.shared_quotes.len())
                .count() as u32,
            shared_people: pair.shared_people.clone(),
            shared_places: pair.shared_places.clone(),
            date_distance_days: pair.date_distance_days,
        }
    }
}

/// The catalogue's pairs as [`Pair`]s for the page's rules (relations at any threshold, stories,
/// duplicates): figures, people, places and the reason as the build gave them; the shared
/// quotes are counted, not quoted (`shared_quotes` holds one empty text per quote, the stock
/// ones last). What a reader sees of a pair's quotes comes from the two reports' text.
pub fn expand_pairs(heads: &[PairHead], reports: &[Report]) -> Vec<Pair> {
    let id = |i: u32| {
        reports
            .get(i as usize)
            .map(|r| r.id.clone())
            .unwrap_or_default()
    };
    heads
        .iter()
        .map(|h| {
            let quotes = h.shared_quotes as usize;
            let stock = (h.stock_quotes as usize).min(quotes);
            let mut pair = Pair {
                a: id(h.a),
                b: id(h.b),
                relation: h.relation,
                jaccard: h.jaccard,
                containment_a_in_b: h.containment_a_in_b,
                containment_b_in_a: h.containment_b_in_a,
                longest_run: h.longest_run as usize,
                shared_quotes: vec![String::new(); quotes],
                stock_quotes: (quotes - stock..quotes).collect(),
                shared_people: h.shared_people.clone(),
                shared_places: h.shared_places.clone(),
                date_distance_days: h.date_distance_days,
                why: String::new(),
            };
            // The reason is the defaults' classification of these figures, as at build time.
            pair.why = classify(&pair, &Thresholds::default()).1;
            pair
        })
        .collect()
}

/// A report's text: what the catalogue leaves out.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportBody {
    pub standfirst: Vec<String>,
    pub paragraphs: Vec<Paragraph>,
    pub quotes: Vec<Quote>,
    pub related: Vec<RelatedLink>,
    /// The report's stock quote runs (`Corpus::stock_runs`), for comparisons made on the page.
    pub stock_runs: Vec<StockRun>,
    /// What the parser was unsure of in this report (`Corpus::diagnostics` naming it), each
    /// with its place among all of them.
    pub diagnostics: Vec<(u32, Diagnostic)>,
}

/// The bodies of a run of reports in timeline order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BodyShard {
    /// Indices into `Catalogue::reports`, in timeline order.
    pub reports: Vec<u32>,
    pub bodies: Vec<ReportBody>,
}

/// Everything [`split`] makes, before serialising.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SiteParts {
    /// `files` still empty: the writer names the shards.
    pub catalogue: Catalogue,
    pub bodies: Vec<BodyShard>,
    pub titles: Vec<TitleShard>,
    pub search_words: Vec<WordShard>,
    pub search_prefixes: Vec<PrefixShard>,
    pub ledger: Vec<QuoteEntry>,
    pub pairs: Vec<Pair>,
}

impl Catalogue {
    /// The body shard holding the report at timeline rank `rank`.
    pub fn body_shard_of_rank(&self, rank: usize) -> usize {
        rank / (self.files.reports_per_body.max(1) as usize)
    }
}

/// Takes a report's text out of it.
pub fn take_body(report: &mut Report) -> ReportBody {
    ReportBody {
        standfirst: std::mem::take(&mut report.standfirst),
        paragraphs: std::mem::take(&mut report.paragraphs),
        quotes: std::mem::take(&mut report.quotes),
        related: std::mem::take(&mut report.related),
        stock_runs: Vec::new(),
        diagnostics: Vec::new(),
    }
}

/// A whole report again: a catalogue's report with its body.
pub fn with_body(head: &Report, body: &ReportBody) -> Report {
    Report {
        standfirst: body.standfirst.clone(),
        paragraphs: body.paragraphs.clone(),
        quotes: body.quotes.clone(),
        related: body.related.clone(),
        ..head.clone()
    }
}

/// The inverted index of the reports' folded text (`query::folded_report`).
pub fn search_index(reports: &[Report]) -> SearchIndex {
    let folded: Vec<(String, usize)> = crate::par::map(reports, folded_report);
    SearchIndex::build(
        folded
            .iter()
            .map(|(text, title_end)| text.split_at(*title_end)),
    )
}

/// Cuts an analysed corpus into a catalogue and shards.
pub fn split(corpus: Corpus) -> SiteParts {
    let index = search_index(&corpus.reports);
    split_indexed(corpus, index)
}

/// [`split`], with the corpus's search index at hand ([`search_index`], or a rebuild's: see
/// [`split_reusing`]).
pub fn split_indexed(corpus: Corpus, index: SearchIndex) -> SiteParts {
    let (search, search_words, search_prefixes) = index.into_shards(SEARCH_SHARD_BYTES);
    let order = timeline_order(&corpus.reports);
    let Corpus {
        mut reports,
        pairs,
        evidence,
        stories,
        copy_groups,
        near_copy_groups,
        stock_runs,
        quotes,
        topics,
        diagnostics,
    } = corpus;
    let position = report_positions(&reports);
    let pair_heads: Vec<PairHead> = pairs.iter().map(|p| PairHead::of(p, &position)).collect();
    // A report's diagnostics go with its text, the others stay in the catalogue; each
    // remembers its place among all of them, for `join`.
    let diagnostic_reports: Vec<Option<u32>> = diagnostics
        .iter()
        .map(|d| d.report.as_deref().and_then(|id| position.get(id).copied()))
        .collect();
    drop(position);
    let mut bodies: Vec<ReportBody> = reports.iter_mut().map(take_body).collect();
    let titles = take_titles(&mut reports, &order);
    for run in stock_runs {
        if let Some(body) = bodies.get_mut(run.report as usize) {
            body.stock_runs.push(run);
        }
    }
    let mut corpus_diagnostics = Vec::new();
    for (place, (d, report)) in diagnostics.into_iter().zip(diagnostic_reports).enumerate() {
        let place = place as u32;
        match report {
            Some(i) => bodies[i as usize].diagnostics.push((place, d)),
            None => corpus_diagnostics.push((place, d)),
        }
    }
    let mut bodies: Vec<Option<ReportBody>> = bodies.into_iter().map(Some).collect();
    let shards = order
        .chunks(REPORTS_PER_BODY_SHARD)
        .map(|ranks| BodyShard {
            reports: ranks.iter().map(|&i| i as u32).collect(),
            bodies: ranks
                .iter()
                .map(|&i| bodies[i].take().unwrap_or_default())
                .collect(),
        })
        .collect();
    SiteParts {
        catalogue: Catalogue {
            reports,
            pairs: pair_heads,
            evidence,
            stories,
            copy_groups,
            near_copy_groups,
            topics,
            diagnostics: corpus_diagnostics,
            search,
            files: ShardFiles::default(),
        },
        bodies: shards,
        titles,
        search_words,
        search_prefixes,
        ledger: quotes,
        pairs,
    }
}

/// The corpus a catalogue, all its body and title shards, its ledger and its pairs were cut
/// from.
pub fn join(
    catalogue: &Catalogue,
    bodies: &[BodyShard],
    titles: &[TitleShard],
    ledger: &[QuoteEntry],
    pairs: &[Pair],
) -> Corpus {
    let mut reports = catalogue.reports.clone();
    let order = timeline_order(&reports);
    put_titles(&mut reports, &order, titles);
    let mut stock_runs = Vec::new();
    let mut diagnostics = catalogue.diagnostics.clone();
    for shard in bodies {
        for (&i, body) in shard.reports.iter().zip(&shard.bodies) {
            if let Some(report) = reports.get_mut(i as usize) {
                *report = with_body(report, body);
                stock_runs.extend(body.stock_runs.iter().cloned());
                diagnostics.extend(body.diagnostics.iter().cloned());
            }
        }
    }
    stock_runs.sort_by_key(|r| r.report);
    diagnostics.sort_by_key(|(place, _)| *place);
    Corpus {
        reports,
        pairs: pairs.to_vec(),
        evidence: catalogue.evidence.clone(),
        stories: catalogue.stories.clone(),
        copy_groups: catalogue.copy_groups.clone(),
        near_copy_groups: catalogue.near_copy_groups.clone(),
        stock_runs,
        quotes: ledger.to_vec(),
        topics: catalogue.topics.clone(),
        diagnostics: diagnostics.into_iter().map(|(_, d)| d).collect(),
    }
}
