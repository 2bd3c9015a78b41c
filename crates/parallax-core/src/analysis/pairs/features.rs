//! What the comparison reads of each report (its features), and stock lines: quote words
//! carried by reports of many different events.

use super::*;

/// What the comparison needs of one report, computed once per report.
///
/// Public so candidate generation (MinHash-LSH over `shingles`, an inverted index over
/// `quote_keys`) can reuse it and verify candidates with [`relate`].
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReportFeatures {
    pub id: String,
    /// Folded body words, hashed (xxh3) for fast comparison.
    #[serde(with = "crate::analysis::hash_bytes")]
    pub word_hashes: Vec<u64>,
    /// Sorted, deduplicated word-5-shingle hashes of the body.
    #[serde(with = "crate::analysis::hash_bytes")]
    pub shingles: Vec<u64>,
    /// Each sentence of the quotes with at least [`QUOTE_MIN_WORDS`] words, as folded words.
    pub quotes: Vec<Vec<String>>,
    /// For each of `quotes`, the index of the report's quote (`Report::quotes`) it is part of:
    /// sentences of one quote count as one shared quote.
    pub quote_of: Vec<usize>,
    /// For each word of each of `quotes`, whether a stock line covers it ([`mark_stock_quotes`];
    /// all false until then).
    pub quote_stock: Vec<Vec<bool>>,
    /// `quotes` with each word hashed (xxh3), for fast comparison.
    pub quote_hashes: Vec<Vec<u64>>,
    /// For each of `quotes`, its sorted [`QUOTE_MIN_WORDS`]-word shingles: two sentences can
    /// match only if these intersect, which skips most sentence pairs cheaply.
    pub quote_grams: Vec<Vec<u64>>,
    /// Sorted, deduplicated hashes of the [`QUOTE_MIN_WORDS`]-word shingles of all quotes: two
    /// reports can share a quote only if these intersect.
    #[serde(with = "crate::analysis::hash_bytes")]
    pub quote_keys: Vec<u64>,
    /// People named (speakers included): (folded key, name as printed), sorted by key.
    pub people: Vec<(String, String)>,
    pub places: Vec<(String, String)>,
    pub event_date: Option<NaiveDate>,
}

impl ReportFeatures {
    /// Hashes of every 5-word window of the body with their positions, sorted: the longest
    /// verbatim run is found through them. Made when a pair's evidence needs it, not kept: it
    /// would be twice the size of all other features (at 100,000 reports, 0.8 GB).
    pub fn window_index(&self) -> Vec<(u64, u32)> {
        text::window_index(&text::window_hashes(&self.word_hashes, SHINGLE_K))
    }

    pub fn new(report: &Report) -> Self {
        let body_words = text::words(&report.body_text());
        let word_hashes: Vec<u64> = body_words.iter().map(|w| xxh3_64(w.as_bytes())).collect();
        let shingles = text::shingles(&body_words, SHINGLE_K);
        let (quotes, quote_of): (Vec<Vec<String>>, Vec<usize>) = report
            .quotes
            .iter()
            .enumerate()
            .flat_map(|(i, q)| {
                split_sentences(&q.text)
                    .into_iter()
                    .map(move |(s, e)| (text::words(&q.text[s..e]), i))
            })
            .filter(|(w, _)| w.len() >= QUOTE_MIN_WORDS)
            .unzip();
        let quote_stock = quotes.iter().map(|q| vec![false; q.len()]).collect();
        let quote_hashes: Vec<Vec<u64>> = quotes
            .iter()
            .map(|q| q.iter().map(|w| xxh3_64(w.as_bytes())).collect())
            .collect();
        let quote_grams: Vec<Vec<u64>> = quotes
            .iter()
            .map(|q| text::shingles(q, QUOTE_MIN_WORDS))
            .collect();
        let mut quote_keys: Vec<u64> = quote_grams.iter().flatten().copied().collect();
        quote_keys.sort_unstable();
        quote_keys.dedup();
        ReportFeatures {
            id: report.id.clone(),
            word_hashes,
            shingles,
            quotes,
            quote_of,
            quote_stock,
            quote_hashes,
            quote_grams,
            quote_keys,
            people: name_keys(report.people.iter().chain(&report.speakers)),
            places: name_keys(report.places.iter()),
            event_date: report.event_date,
        }
    }
}

/// Features of every report, with stock quote sentences marked ([`mark_stock_quotes`]): what
/// every comparison of a corpus starts from.
pub fn corpus_features(reports: &[Report], thresholds: &Thresholds) -> Vec<ReportFeatures> {
    let mut features: Vec<ReportFeatures> = reports.iter().map(ReportFeatures::new).collect();
    mark_stock_quotes(&mut features, thresholds.same_story_max_days);
    features
}

/// Marks the words of quote sentences that are stock lines: words inside a run of
/// [`QUOTE_MIN_RUN`] words (or a whole quote sentence shorter than that), the length that makes
/// two quotes the same ([`shared_quote_run`]), that quote sentences of reports of at least
/// [`STOCK_MIN_EVENTS`] different events carry. Events are told apart by the reports' own event
/// dates: the most dates pairwise more than `max_days` apart; undated reports do not count.
/// Marking words rather than whole sentences matters: a genuine quote that opens with a stock
/// phrase ("the people have suffered greatly because of …") shares its opening with other
/// events, but the whole sentence only with reports of its own event.
///
/// Linear in the quote words of the corpus: every run is hashed once and each hash keeps only
/// the few dates needed to count [`STOCK_MIN_EVENTS`] events.
pub fn mark_stock_quotes(features: &mut [ReportFeatures], max_days: i64) {
    // The keys are hashes already: FxHash, not SipHash, to look them up.
    use rustc_hash::FxHashMap as HashMap;
    // The event dates seen for a run, until they make enough events (`None` from then on).
    fn add(seen: &mut Option<Vec<NaiveDate>>, date: NaiveDate, max_days: i64) {
        if let Some(dates) = seen {
            if !dates.contains(&date) {
                dates.push(date);
                if distinct_events(dates, max_days) >= STOCK_MIN_EVENTS {
                    *seen = None;
                }
            }
        }
    }
    // Words are xxh3 hashes already: a multiplicative fold keys a run without allocating.
    let key = |words: &[u64]| {
        words.iter().fold(0u64, |h, &w| {
            (h.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95)
        })
    };
    // Shorter sentences (which another sentence carries when it contains them whole), keyed by
    // their words.
    let mut short: HashMap<(usize, u64), Option<Vec<NaiveDate>>> = HashMap::default();
    for f in features.iter() {
        for q in f.quote_hashes.iter().filter(|q| q.len() < QUOTE_MIN_RUN) {
            short
                .entry((q.len(), key(q)))
                .or_insert_with(|| Some(Vec::new()));
        }
    }
    let short_lengths: std::collections::BTreeSet<usize> =
        short.keys().map(|(len, _)| *len).collect();
    // The runs of QUOTE_MIN_RUN words and the short sentences each dated report carries, found
    // on all cores; its date is added to them after, in corpus order.
    let carried = crate::par::filter_map(features, |f| {
        let date = f.event_date?;
        let mut runs: Vec<u64> = Vec::new();
        let mut shorts: Vec<(usize, u64)> = Vec::new();
        for q in &f.quote_hashes {
            runs.extend(q.windows(QUOTE_MIN_RUN).map(key));
            for &len in short_lengths.iter().filter(|&&len| len <= q.len()) {
                shorts.extend(
                    q.windows(len)
                        .map(|w| (len, key(w)))
                        .filter(|k| short.contains_key(k)),
                );
            }
        }
        Some((date, runs, shorts))
    });
    let mut runs: HashMap<u64, Option<Vec<NaiveDate>>> = HashMap::default();
    for (date, run_keys, short_keys) in carried {
        for k in run_keys {
            add(
                runs.entry(k).or_insert_with(|| Some(Vec::new())),
                date,
                max_days,
            );
        }
        for k in short_keys {
            if let Some(seen) = short.get_mut(&k) {
                add(seen, date, max_days);
            }
        }
    }
    // Marking only reads the two maps: per report, on all cores.
    crate::par::for_each_mut(features, |f| {
        for (q, mask) in f.quote_hashes.iter().zip(f.quote_stock.iter_mut()) {
            if q.len() < QUOTE_MIN_RUN {
                if matches!(short.get(&(q.len(), key(q))), Some(None)) {
                    mask.iter_mut().for_each(|m| *m = true);
                }
                continue;
            }
            for (start, w) in q.windows(QUOTE_MIN_RUN).enumerate() {
                if matches!(runs.get(&key(w)), Some(None)) {
                    mask[start..start + QUOTE_MIN_RUN]
                        .iter_mut()
                        .for_each(|m| *m = true);
                }
            }
        }
    });
}

/// The most of `dates` that are pairwise more than `max_days` apart (greedy from the earliest,
/// which is optimal on a line). Sorts `dates`.
pub(super) fn distinct_events(dates: &mut [NaiveDate], max_days: i64) -> usize {
    dates.sort_unstable();
    let mut count = 0;
    let mut last: Option<NaiveDate> = None;
    for &d in dates.iter() {
        if last.is_none_or(|l| (d - l).num_days() > max_days) {
            count += 1;
            last = Some(d);
        }
    }
    count
}
