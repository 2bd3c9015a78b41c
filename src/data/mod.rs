//! The corpus as the page holds it: the catalogue (fetched before the app starts) with what is
//! derived from it once, and the shards fetched when a view needs them (`store`).
//!
//! Every rule lives in the core (`parallax_core::site` says what is where; the query index and
//! the search shards answer queries); this module only fetches and keeps.

pub mod fetch;
pub mod store;
mod titles;

use fetch::Source;
use parallax_core::analysis::copies::CopyIndex;
use parallax_core::analysis::pairs::{live_pair_of, Thresholds};
use parallax_core::analysis::relations::RegroupablePairs;
use parallax_core::local_files::LocalSite;
use parallax_core::query::{
    folded_report, FacetKind, LedgerIndex, PickerIndex, PrefixShard, QueryIndex, SearchShard,
    WordShard,
};
use parallax_core::site::{expand_pairs, with_body, BodyShard, Catalogue, TitleShard};
use parallax_core::{Diagnostic, Pair, QuoteEntry, Report, StockRun};
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::OnceLock;
pub use store::{Loaded, ShardStore};

/// One report of a body shard as the page keeps it.
pub struct LoadedReport {
    /// The catalogue's entry and the body together, without the title (in its own shard).
    untitled: Report,
    /// The report whole, made once its title has arrived too.
    whole: OnceLock<Report>,
    pub stock_runs: Vec<StockRun>,
    /// What search confirms phrases on (`query::folded_report`), made with the title.
    folded: OnceLock<String>,
    /// What the parser was unsure of in the report.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadedReport {
    /// The report whole, given its title.
    fn whole(&self, title: &str) -> &Report {
        self.whole.get_or_init(|| Report {
            title: title.to_string(),
            ..self.untitled.clone()
        })
    }
}

/// A body shard as the page keeps it, by report index.
pub struct LoadedBodies {
    reports: HashMap<u32, LoadedReport>,
}

impl LoadedBodies {
    fn new(catalogue: &Catalogue, shard: BodyShard) -> LoadedBodies {
        let reports = shard
            .reports
            .into_iter()
            .zip(shard.bodies)
            .filter_map(|(i, body)| {
                let head = catalogue.reports.get(i as usize)?;
                let loaded = LoadedReport {
                    untitled: with_body(head, &body),
                    whole: OnceLock::new(),
                    stock_runs: body.stock_runs,
                    folded: OnceLock::new(),
                    diagnostics: body.diagnostics.into_iter().map(|(_, d)| d).collect(),
                };
                Some((i, loaded))
            })
            .collect();
        LoadedBodies { reports }
    }
}

/// The quote ledger as the page keeps it: its entries, folded once for the ledger's search.
pub struct LoadedLedger {
    pub entries: Vec<QuoteEntry>,
    pub index: LedgerIndex,
}

/// Decodes a search shard.
fn decode_search<T: serde::de::DeserializeOwned>(bytes: Vec<u8>) -> Result<T, String> {
    postcard::from_bytes(&bytes).map_err(|e| format!("a search shard could not be read ({e})"))
}

/// Everything derived from the catalogue once, and the shard stores.
pub struct CorpusData {
    pub catalogue: &'static Catalogue,
    /// The catalogue's file name: it holds the hash of its bytes, so it names the corpus build.
    pub catalogue_name: &'static str,
    /// The related pairs under the default thresholds (`site::expand_pairs`: counted quotes).
    pub pairs: &'static [Pair],
    pub index: QueryIndex,
    pub position: HashMap<&'static str, usize>,
    /// The corpus's copy groups, to expand the pairs stored for them.
    pub copies: CopyIndex,
    pub bodies: ShardStore<LoadedBodies>,
    pub titles: ShardStore<TitleShard>,
    pub words: ShardStore<WordShard>,
    pub prefixes: ShardStore<PrefixShard>,
    /// One shard: fetched when the ledger page (or its export) first needs it.
    pub ledger: ShardStore<LoadedLedger>,
    /// What the relations regroup, made once per corpus (`state::pairs_to_regroup`): the
    /// related pairs (default thresholds), and every pair the control can change.
    pub regroup_related: OnceLock<RegroupablePairs>,
    pub regroup_all: OnceLock<RegroupablePairs>,
    /// The report picker's folded fields, made the first time a picker opens.
    pub picker: OnceLock<PickerIndex>,
    /// For files the reader opened: what became of them (the site's data is in the shards'
    /// source). `None` for the published corpus.
    pub local: Option<LocalSummary>,
}

/// What became of the files a reader opened: how many loaded, and each one's problem.
pub struct LocalSummary {
    pub files_given: u32,
    pub files_loaded: u32,
    pub problems: Vec<Diagnostic>,
}

thread_local! {
    /// The corpus the page shows, and the published one (kept while the reader's files are
    /// shown, to go back to). Each is derived once and lives as long as the page.
    static CURRENT: Cell<Option<&'static CorpusData>> = const { Cell::new(None) };
    static PUBLISHED: Cell<Option<&'static CorpusData>> = const { Cell::new(None) };
}

impl CorpusData {
    /// The corpus the page shows; [`CorpusData::install`] must have run (the app starts after).
    pub fn get() -> &'static CorpusData {
        CURRENT
            .get()
            .expect("the catalogue is loaded before the app starts")
    }

    /// The published corpus, once loaded.
    pub fn published() -> Option<&'static CorpusData> {
        PUBLISHED.get()
    }

    /// Makes `data` the corpus the page shows (the app is then mounted again).
    pub fn show(data: &'static CorpusData) {
        CURRENT.set(Some(data));
    }

    /// Derives the page's data from the published catalogue and shows it.
    pub fn install(catalogue: Catalogue, catalogue_name: String) -> &'static CorpusData {
        let data = CorpusData::derive(catalogue, catalogue_name, Source::Site, None);
        PUBLISHED.set(Some(data));
        CorpusData::show(data);
        data
    }

    /// Derives the page's data from files the reader opened, analysed in the page (the data
    /// is not shown until [`CorpusData::show`]).
    pub fn from_local(site: LocalSite) -> Result<&'static CorpusData, String> {
        let files = site.files;
        let at = files
            .binary_search_by(|f| f.name.cmp(&site.catalogue))
            .map_err(|_| "the analysis gave no catalogue")?;
        let catalogue = fetch::decode_catalogue(&site.catalogue, &files[at].bytes)?;
        let summary = LocalSummary {
            files_given: site.files_given,
            files_loaded: site.files_loaded,
            problems: site.problems,
        };
        let source = Source::Local(std::sync::Arc::new(files));
        Ok(CorpusData::derive(
            catalogue,
            site.catalogue,
            source,
            Some(summary),
        ))
    }

    fn derive(
        catalogue: Catalogue,
        catalogue_name: String,
        source: Source,
        local: Option<LocalSummary>,
    ) -> &'static CorpusData {
        {
            let catalogue: &'static Catalogue = Box::leak(Box::new(catalogue));
            let decode_bodies = move |bytes: Vec<u8>| {
                postcard::from_bytes::<BodyShard>(&bytes)
                    .map(|shard| LoadedBodies::new(catalogue, shard))
                    .map_err(|e| format!("a body shard could not be read ({e})"))
            };
            let pairs: &'static [Pair] =
                Box::leak(expand_pairs(&catalogue.pairs, &catalogue.reports).into_boxed_slice());
            let data = CorpusData {
                index: QueryIndex::from_reports(&catalogue.reports, pairs),
                pairs,
                position: catalogue
                    .reports
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (r.id.as_str(), i))
                    .collect(),
                copies: CopyIndex::new(catalogue.reports.len(), &catalogue.copy_groups),
                bodies: ShardStore::new(&catalogue.files.bodies, source.clone(), decode_bodies),
                titles: ShardStore::new(&catalogue.files.titles, source.clone(), |bytes| {
                    postcard::from_bytes::<TitleShard>(&bytes)
                        .map_err(|e| format!("a title shard could not be read ({e})"))
                }),
                words: ShardStore::new(
                    &catalogue.files.search_words,
                    source.clone(),
                    decode_search,
                ),
                prefixes: ShardStore::new(
                    &catalogue.files.search_prefixes,
                    source.clone(),
                    decode_search,
                ),
                ledger: ShardStore::new(
                    std::slice::from_ref(&catalogue.files.ledger),
                    source,
                    |bytes| {
                        postcard::from_bytes::<Vec<QuoteEntry>>(&bytes)
                            .map(|entries| LoadedLedger {
                                index: LedgerIndex::new(&entries),
                                entries,
                            })
                            .map_err(|e| format!("the quote ledger could not be read ({e})"))
                    },
                ),
                catalogue,
                catalogue_name: Box::leak(catalogue_name.into_boxed_str()),
                local,
                regroup_related: OnceLock::new(),
                regroup_all: OnceLock::new(),
                picker: OnceLock::new(),
            };
            Box::leak(Box::new(data))
        }
    }

    /// The catalogue's reports (without their text or titles: see [`CorpusData::title`]).
    pub fn reports(&self) -> &'static [Report] {
        &self.catalogue.reports
    }

    /// The body shard holding report `report`.
    pub fn body_shard(&self, report: usize) -> u32 {
        let rank = self
            .index
            .timeline_positions()
            .get(report)
            .copied()
            .unwrap_or(0);
        self.catalogue.body_shard_of_rank(rank as usize) as u32
    }

    /// Report `report` whole, with its text and title (tracked; both fetched when not loaded).
    pub fn full_report(&self, report: usize) -> Loaded<&'static Report> {
        let title = self.title(report);
        match (self.body_entry(report), title) {
            (Loaded::Ready(entry), Loaded::Ready(title)) => Loaded::Ready(entry.whole(title)),
            (Loaded::Failed(e), _) | (_, Loaded::Failed(e)) => Loaded::Failed(e),
            _ => Loaded::Loading,
        }
    }

    /// What the parser was unsure of in report `report`, once its text has arrived (tracked).
    pub fn diagnostics_of(&self, report: usize) -> &'static [Diagnostic] {
        self.body_entry(report)
            .ready()
            .map_or(&[], |e| e.diagnostics.as_slice())
    }

    fn body_entry(&self, report: usize) -> Loaded<&'static LoadedReport> {
        match self.bodies.get(self.body_shard(report)) {
            Loaded::Ready(shard) => match shard.reports.get(&(report as u32)) {
                Some(entry) => Loaded::Ready(entry),
                None => Loaded::Failed(format!("report {report} is missing from its shard")),
            },
            Loaded::Loading => Loaded::Loading,
            Loaded::Failed(e) => Loaded::Failed(e),
        }
    }

    /// Report `report`'s folded text when its text and title have arrived (tracked; fetched
    /// when not).
    pub fn folded(&self, report: u32) -> Option<&'static str> {
        let whole = self.full_report(report as usize).ready()?;
        let entry = self.body_entry(report as usize).ready()?;
        Some(entry.folded.get_or_init(|| folded_report(whole).0).as_str())
    }

    /// Starts fetching report `report`'s text and title (hover, focus: it is likely to be
    /// opened next).
    pub fn prefetch(&self, report: usize) {
        self.bodies.request(self.body_shard(report));
        self.titles.request(self.title_shard(report));
    }

    /// Whether every search shard of `shards` has arrived (tracked; each is requested when it
    /// was not): `Loading` while any is on its way, the first failure if one failed.
    pub fn search_shards(&self, shards: impl IntoIterator<Item = SearchShard>) -> Loaded<()> {
        let mut waiting = false;
        for shard in shards {
            let loaded = match shard {
                SearchShard::Words(i) => self.words.get(i).map(|_| ()),
                SearchShard::Prefixes(i) => self.prefixes.get(i).map(|_| ()),
            };
            match loaded {
                Loaded::Ready(()) => {}
                Loaded::Loading => waiting = true,
                Loaded::Failed(e) => return Loaded::Failed(e),
            }
        }
        if waiting {
            Loaded::Loading
        } else {
            Loaded::Ready(())
        }
    }

    /// Retries the body and title shards of `report` (whichever failed).
    pub fn retry(&self, report: usize) {
        self.bodies.retry(self.body_shard(report));
        self.titles.retry(self.title_shard(report));
    }

    /// The stored pair of two reports among `pairs` (either order; a pair of a copy group's
    /// member expanded from what is stored for its group).
    pub fn pair_between(&self, pairs: &[Pair], a: &str, b: &str) -> Option<Pair> {
        let (&i, &j) = (self.position.get(a)?, self.position.get(b)?);
        let pos = |id: &str| self.position.get(id).map(|&i| i as u32);
        let ids = |i: u32| self.catalogue.reports[i as usize].id.clone();
        self.copies
            .pair_between(i as u32, j as u32, pairs, &pos, &ids)
    }

    /// The pair of two reports (either order) as the build computed it, quotes and all: computed
    /// from the two reports' text (exactly as the build did: `live_pair_of`), which must have
    /// arrived; `None` until then. Under the default thresholds; the caller reclassifies.
    pub fn live_pair(&self, a: &str, b: &str) -> Option<Pair> {
        let (&i, &j) = (self.position.get(a)?, self.position.get(b)?);
        let (left_report, right_report) =
            (self.full_report(i).ready()?, self.full_report(j).ready()?);
        let left = self.body_entry(i).ready()?;
        let right = self.body_entry(j).ready()?;
        let mut stock: Vec<StockRun> = left
            .stock_runs
            .iter()
            .chain(&right.stock_runs)
            .cloned()
            .collect();
        stock.sort_by_key(|s| s.report);
        live_pair_of(
            (i, left_report),
            (j, right_report),
            &stock,
            &Thresholds::default(),
        )
    }

    /// A report of the catalogue by id (without its text or title).
    pub fn report(&self, id: &str) -> Option<(usize, &'static Report)> {
        self.position
            .get(id)
            .map(|&i| (i, &self.catalogue.reports[i]))
    }

    /// Whether a facet option exists anywhere in the corpus.
    pub fn facet_value_exists(&self, kind: FacetKind, value: &str) -> bool {
        let reports = self.reports();
        match kind {
            FacetKind::Topic => reports
                .iter()
                .any(|r| r.topics.iter().any(|t| t.topic == value)),
            FacetKind::Person => reports
                .iter()
                .any(|r| r.people.iter().chain(&r.speakers).any(|p| p == value)),
            FacetKind::Outlet => reports.iter().any(|r| r.outlet.as_deref() == Some(value)),
            FacetKind::Place => reports.iter().any(|r| r.places.iter().any(|p| p == value)),
            FacetKind::Duplicates => {
                value == parallax_core::query::DUP_YES || value == parallax_core::query::DUP_NO
            }
        }
    }

    /// The display label of a facet option (topic ids become their labels).
    pub fn facet_label(&self, kind: FacetKind, value: &str) -> String {
        parallax_core::display::facet_label(&self.catalogue.topics, kind, value)
    }
}
