//! Evidence about two reports, and what it makes of them.
//!
//! Evidence ([`evidence`]) is computed once per pair and stored in [`Pair`]; the relation is a
//! pure function of that evidence and the [`Thresholds`] ([`classify`]), so the page can regroup
//! every pair live in the wasm when the reader moves a threshold, without touching text.
//!
//! The evidence of a pair is linear in the two texts whatever they repeat: the longest verbatim
//! run merges the two window indexes and, when a text repeats itself so much that equal windows
//! pair up quadratically, reads one text through a suffix automaton of the other
//! ([`text::longest_run_hashed`], [`super::common_run`]); shared quotes stop at the first matching
//! sentence. Reports that are exact copies are compared once ([`super::copies`]).
//!
//! # The rule (defaults calibrated on the seed corpus and on hand-written corpora, see tests)
//!
//! Let J be the word-5-shingle Jaccard of the two bodies, C the larger of the two containments,
//! R the longest verbatim run in words, Q the number of quotes the two carry in common that are
//! not stock lines (see below), S the number that are, and D the distance in days between their
//! event dates (unknown when either is undated). In order:
//!
//! 1. **near_duplicate** when J ≥ 0.30 (`near_duplicate_jaccard`): most text is shared. A
//!    syndicated copy with a new lead, reordered paragraphs and a few cut sentences keeps about
//!    half its 5-shingles (the seeds' two reports of the 8 July briefing: J ≈ 0.5), which the
//!    0.7 common in dedup libraries misses; a light rewrite touching one word in ten keeps
//!    about a third.
//! 2. **near_duplicate** when C ≥ 0.60 (`near_duplicate_containment`) and R ≥ 15 words
//!    (`near_duplicate_min_run`): one report is a cut-down copy of the other (the way
//!    Churnalism scored press-release reuse). The run guard keeps a short text made of common
//!    phrases from counting as contained.
//! 3. **same_story** when D ≤ 1 day (`same_story_max_days`) and Q ≥ 1
//!    (`same_story_min_quotes`): the same event in other words. A paraphrase of a briefing may
//!    share under 10 % of its shingles yet carries the briefing's quotes and date.
//! 4. **same_story** when D ≤ 1 day, J ≥ 0.10 (`same_story_jaccard`) and at least one person is
//!    named in both: a rewrite that quotes nobody but keeps much of the wording.
//! 5. **same_story** when D is unknown and Q ≥ 2 (`undated_same_story_quotes`): without a date,
//!    one shared quote is not enough (a line is reused across briefings), two are.
//! 6. **shares_quote** when Q + S ≥ 1: a quote in common, but different events (the dates are
//!    apart), too little else to say it is the same event, or only stock lines.
//! 7. **unrelated** otherwise.
//!
//! # Counting shared quotes
//!
//! Q and S count quotes, not sentences: the sentences two reports share are grouped by the
//! quote they belong to in either report, so a two-sentence quote reused whole counts once (an
//! undated report reusing one long quote of another event is not the same story by rule 5).
//!
//! # Stock lines
//!
//! Spokespeople repeat lines across briefings ("we have a shared interest in combating threats
//! to regional security"); a line that many events carry says nothing about which event a
//! report covers, and counting it chains unrelated reports into one story. So, over the whole
//! corpus ([`mark_stock_quotes`]), a word of a quote sentence is a **stock** word when it lies in
//! a run of [`QUOTE_MIN_RUN`] = 8 words (or is part of a whole quote sentence shorter than
//! that) that quotes in reports of at least [`STOCK_MIN_EVENTS`] = 3 different events carry
//! (events: the most event dates pairwise more than `same_story_max_days` apart, so reports of
//! one briefing a day apart are one event; undated reports do not count). A shared quote is
//! stock (counted in S, listed in `Pair::stock_quotes`) when every run of words the two reports
//! share in it is made of stock words in either report. Marking words rather than sentences
//! keeps a genuine quote that opens with a stock phrase: two reports sharing "we have a shared
//! interest in combating threats to regional security *and in protecting the port workers*"
//! share more than the stock words. Three events, not two: one reused quote (the seeds' 004
//! reuses a line of the 8 July briefing) is the `shares_quote` case itself, told apart by
//! dates; a line printed at three different events is boilerplate. Stock lines never make a
//! same story, so they never join stories either (see [`super::stories::build_stories`] for
//! the other guard against chaining).
//!
//! Quotes are compared sentence by sentence (outlets split, join and cut quotes at sentence
//! boundaries), after folding quote marks, case and spelling variants
//! ([`super::text::fold_word`]). Two quote sentences are "the same" when they share a run of at
//! least [`QUOTE_MIN_RUN`] = 8 words (or all of the shorter one) covering at least 75 % of the
//! shorter one, so a quote cut or extended at the edges still counts but a stock opening with
//! a different ending does not. Sentences under [`QUOTE_MIN_WORDS`] = 4 words (scare quotes like
//! “consequences”) never count.

use super::align::split_sentences;
use super::text::{self, SHINGLE_K};
use crate::model::{NaiveDate, Pair, PairEvidence, Relation, Report};
use crate::url_state::THRESHOLD_PERCENT_RANGE;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

/// A quote shorter than this (in words) is a scare quote or a phrase, not evidence.
pub const QUOTE_MIN_WORDS: usize = 4;
/// Two quote sentences are the same when they share a verbatim run this long (or all of the
/// shorter one): long enough that a stock opening ("I am not going to get into …", "we have a
/// shared interest in …", 6–7 words) followed by different words does not count...
pub const QUOTE_MIN_RUN: usize = 8;
/// ...and the run covers at least this share (numerator, denominator) of the shorter sentence.
pub const QUOTE_MIN_SHARE: (usize, usize) = (3, 4);

/// A quote sentence is a stock line when the reports carrying it report at least this many
/// different events (event dates pairwise more than `same_story_max_days` apart).
pub const STOCK_MIN_EVENTS: usize = 3;

/// Evidence is kept for a pair (in `Corpus::evidence`, for the page to reclassify) when it shares
/// a quote, or at least this Jaccard...
pub const EVIDENCE_FLOOR_JACCARD: f32 = 0.02;
/// ...or at least this containment in either direction. Below both floors and with no shared
/// quote a pair is unrelated under any thresholds at or above the floors, which is where the
/// page's controls stay; skipping such pairs keeps all-pairs fast on hundreds of reports.
pub const EVIDENCE_FLOOR_CONTAINMENT: f32 = 0.10;

/// The thresholds of [`classify`]. `Default` holds the calibrated values (see the module docs).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Thresholds {
    /// Word-5-shingle Jaccard at or above which two reports are near duplicates.
    pub near_duplicate_jaccard: f32,
    /// Containment (either direction) at or above which the contained report is a cut-down copy.
    pub near_duplicate_containment: f32,
    /// Longest verbatim run (words) the containment rule also needs.
    pub near_duplicate_min_run: usize,
    /// Event dates at most this many days apart count as the same event.
    pub same_story_max_days: i64,
    /// Shared quotes that, with agreeing dates, make the same story.
    pub same_story_min_quotes: usize,
    /// Jaccard that, with agreeing dates and a shared person, makes the same story without quotes.
    pub same_story_jaccard: f32,
    /// Shared quotes that make the same story when an event date is unknown.
    pub undated_same_story_quotes: usize,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            near_duplicate_jaccard: 0.30,
            near_duplicate_containment: 0.60,
            near_duplicate_min_run: 15,
            same_story_max_days: 1,
            same_story_min_quotes: 1,
            same_story_jaccard: 0.10,
            undated_same_story_quotes: 2,
        }
    }
}

impl Thresholds {
    /// The defaults with the near-duplicate Jaccard at `percent` / 100: what the page's
    /// threshold control sets (the URL's `threshold`).
    pub fn with_near_duplicate_percent(percent: u8) -> Thresholds {
        Thresholds {
            near_duplicate_jaccard: f32::from(percent) / 100.0,
            ..Thresholds::default()
        }
    }
}

/// What the comparison needs of one report, computed once per report.
///
/// Public so candidate generation (MinHash-LSH over `shingles`, an inverted index over
/// `quote_keys`) can reuse it and verify candidates with [`relate`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportFeatures {
    pub id: String,
    /// Folded body words, hashed (xxh3) for fast comparison.
    pub word_hashes: Vec<u64>,
    /// Hashes of every 5-word window of the body with their positions, sorted: the longest
    /// verbatim run is found through them.
    pub window_index: Vec<(u64, u32)>,
    /// Sorted, deduplicated word-5-shingle hashes of the body.
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
    pub quote_keys: Vec<u64>,
    /// People named (speakers included): (folded key, name as printed), sorted by key.
    pub people: Vec<(String, String)>,
    pub places: Vec<(String, String)>,
    pub event_date: Option<NaiveDate>,
}

impl ReportFeatures {
    pub fn new(report: &Report) -> Self {
        let body_words = text::words(&report.body_text());
        let word_hashes: Vec<u64> = body_words.iter().map(|w| xxh3_64(w.as_bytes())).collect();
        let window_index = text::window_index(&text::window_hashes(&word_hashes, SHINGLE_K));
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
            window_index,
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
    use std::collections::HashMap;
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
    // Runs of QUOTE_MIN_RUN words, and the shorter sentences (which another sentence carries
    // when it contains them whole), keyed by their words.
    let mut runs: HashMap<u64, Option<Vec<NaiveDate>>> = HashMap::new();
    let mut short: HashMap<(usize, u64), Option<Vec<NaiveDate>>> = HashMap::new();
    for f in features.iter() {
        for q in f.quote_hashes.iter().filter(|q| q.len() < QUOTE_MIN_RUN) {
            short
                .entry((q.len(), key(q)))
                .or_insert_with(|| Some(Vec::new()));
        }
    }
    let short_lengths: std::collections::BTreeSet<usize> =
        short.keys().map(|(len, _)| *len).collect();
    for f in features.iter() {
        let Some(date) = f.event_date else { continue };
        for q in &f.quote_hashes {
            for w in q.windows(QUOTE_MIN_RUN) {
                add(
                    runs.entry(key(w)).or_insert_with(|| Some(Vec::new())),
                    date,
                    max_days,
                );
            }
            for &len in short_lengths.iter().filter(|&&len| len <= q.len()) {
                for w in q.windows(len) {
                    if let Some(seen) = short.get_mut(&(len, key(w))) {
                        add(seen, date, max_days);
                    }
                }
            }
        }
    }
    for f in features.iter_mut() {
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
    }
}

/// The most of `dates` that are pairwise more than `max_days` apart (greedy from the earliest,
/// which is optimal on a line). Sorts `dates`.
fn distinct_events(dates: &mut [NaiveDate], max_days: i64) -> usize {
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

fn name_keys<'a>(names: impl Iterator<Item = &'a String>) -> Vec<(String, String)> {
    let mut keys: Vec<(String, String)> = names
        .map(|n| (text::words(n).join(" "), n.clone()))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    keys.sort();
    keys.dedup_by(|a, b| a.0 == b.0);
    keys
}

/// The names of `x` (as `x` prints them) whose keys `y` also has; both sorted by key.
fn shared_names(x: &[(String, String)], y: &[(String, String)]) -> Vec<String> {
    x.iter()
        .filter(|(k, _)| y.binary_search_by(|(ky, _)| ky.cmp(k)).is_ok())
        .map(|(_, n)| n.clone())
        .collect()
}

/// True when two reports share any shingle or any quote key: only such pairs can be related
/// under thresholds above zero, so all-pairs and candidate paths may skip the others.
pub fn may_share_evidence(a: &ReportFeatures, b: &ReportFeatures) -> bool {
    text::intersection_size(&a.shingles, &b.shingles) > 0
        || text::intersection_size(&a.quote_keys, &b.quote_keys) > 0
}

/// The words two quote sentences share, when they are the same quote (see [`QUOTE_MIN_RUN`],
/// [`QUOTE_MIN_SHARE`]).
pub fn shared_quote(a: &[String], b: &[String]) -> Option<String> {
    shared_quote_run(a, b).map(|(start, len)| a[start..start + len].join(" "))
}

/// [`shared_quote`] on any comparable words (hashes are faster): the start in `a` and the
/// length of the shared run, when the sentences are the same quote.
pub fn shared_quote_run<T: Ord>(a: &[T], b: &[T]) -> Option<(usize, usize)> {
    shared_quote_runs(a, b).map(|(start, _, len)| (start, len))
}

/// [`shared_quote_run`] with the start of the run in `b` too: (start in a, start in b, length).
pub fn shared_quote_runs<T: Ord>(a: &[T], b: &[T]) -> Option<(usize, usize, usize)> {
    let shorter = a.len().min(b.len());
    if shorter < QUOTE_MIN_WORDS {
        return None;
    }
    let (len, start_a, start_b) = text::longest_common_run(a, b);
    let enough =
        len >= QUOTE_MIN_RUN.min(shorter) && len * QUOTE_MIN_SHARE.1 >= shorter * QUOTE_MIN_SHARE.0;
    enough.then_some((start_a, start_b, len))
}

/// A quote two reports share: the words of each sentence they share, and whether it is only
/// stock lines.
struct SharedQuote {
    runs: Vec<String>,
    stock: bool,
}

/// The quotes `a` and `b` share, in `a`'s order. Sentences are matched one by one (outlets
/// split, join and cut quotes at sentence boundaries); matched sentences belonging to one quote
/// of either report make one shared quote, so a two-sentence quote reused whole counts once.
/// A shared quote is stock when each run of words the two share is all stock words in either
/// report.
fn shared_quotes(a: &ReportFeatures, b: &ReportFeatures) -> Vec<SharedQuote> {
    // (sentence of a, sentence of b, start of the run in a, in b, its length)
    let mut matches: Vec<(usize, usize, usize, usize, usize)> = Vec::new();
    for (i, (ha, ga)) in a.quote_hashes.iter().zip(&a.quote_grams).enumerate() {
        let found = b
            .quote_hashes
            .iter()
            .zip(&b.quote_grams)
            .enumerate()
            .filter(|(_, (_, gb))| {
                crate::ingest::work::add(1);
                text::intersection_size(ga, gb) > 0
            })
            .find_map(|(j, (hb, _))| {
                shared_quote_runs(ha, hb).map(|(sa, sb, len)| (i, j, sa, sb, len))
            });
        matches.extend(found);
    }
    if matches.is_empty() {
        return Vec::new();
    }
    // Union-find over the quotes of both reports (a's first, then b's).
    let na = a.quote_of.iter().max().map_or(0, |m| m + 1);
    let nb = b.quote_of.iter().max().map_or(0, |m| m + 1);
    let mut parent: Vec<usize> = (0..na + nb).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &(i, j, _, _, _) in &matches {
        let (x, y) = (
            root(&mut parent, a.quote_of[i]),
            root(&mut parent, na + b.quote_of[j]),
        );
        parent[x.max(y)] = x.min(y);
    }
    let mut groups: Vec<(usize, SharedQuote)> = Vec::new();
    for &(i, j, start, start_b, len) in &matches {
        let r = root(&mut parent, a.quote_of[i]);
        let run = a.quotes[i][start..start + len].join(" ");
        let all_stock = |mask: &[bool], from: usize| {
            mask.get(from..from + len)
                .is_some_and(|m| m.iter().all(|&x| x))
        };
        let stock = all_stock(&a.quote_stock[i], start) || all_stock(&b.quote_stock[j], start_b);
        match groups.iter_mut().find(|(g, _)| *g == r) {
            Some((_, q)) => {
                q.stock &= stock;
                if !q.runs.contains(&run) {
                    q.runs.push(run);
                }
            }
            None => groups.push((
                r,
                SharedQuote {
                    runs: vec![run],
                    stock,
                },
            )),
        }
    }
    let mut out: Vec<SharedQuote> = Vec::new();
    for (_, q) in groups {
        // The same words in two quotes of one report are still one shared quote.
        if !out.iter().any(|o| o.runs == q.runs) {
            out.push(q);
        }
    }
    out
}

/// The evidence about two reports; `relation` is left `Unrelated` and `why` empty ([`relate`]
/// fills them). `a` should come before `b` in corpus order.
pub fn evidence(a: &ReportFeatures, b: &ReportFeatures) -> Pair {
    let shared = text::intersection_size(&a.shingles, &b.shingles);
    let union = a.shingles.len() + b.shingles.len() - shared;
    let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f32 / d as f32 };
    let quotes = if text::intersection_size(&a.quote_keys, &b.quote_keys) > 0 {
        shared_quotes(a, b)
    } else {
        Vec::new()
    };
    let text_of = |q: &SharedQuote| q.runs.join(" … ");
    let common = shared_names;
    Pair {
        a: a.id.clone(),
        b: b.id.clone(),
        relation: Relation::Unrelated,
        jaccard: ratio(shared, union),
        containment_a_in_b: ratio(shared, a.shingles.len()),
        containment_b_in_a: ratio(shared, b.shingles.len()),
        longest_run: text::longest_run_hashed(
            &a.word_hashes,
            &a.window_index,
            &b.word_hashes,
            &b.window_index,
            SHINGLE_K,
        ),
        shared_quotes: quotes.iter().map(text_of).collect(),
        stock_quotes: quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.stock)
            .map(|(i, _)| i)
            .collect(),
        shared_people: common(&a.people, &b.people),
        shared_places: common(&a.places, &b.places),
        date_distance_days: match (a.event_date, b.event_date) {
            (Some(x), Some(y)) => Some((x - y).num_days().abs()),
            _ => None,
        },
        why: String::new(),
    }
}

/// [`relate`], or `None` without computing the longest run when the pair is below the evidence
/// floors ([`EVIDENCE_FLOOR_JACCARD`], [`EVIDENCE_FLOOR_CONTAINMENT`]) and shares no quote.
pub fn relate_if_evidence(
    a: &ReportFeatures,
    b: &ReportFeatures,
    thresholds: &Thresholds,
) -> Option<Pair> {
    let shared = text::intersection_size(&a.shingles, &b.shingles);
    let union = a.shingles.len() + b.shingles.len() - shared;
    let above_floor = shared > 0
        && (shared as f32 >= EVIDENCE_FLOOR_JACCARD * union as f32
            || shared as f32
                >= EVIDENCE_FLOOR_CONTAINMENT * a.shingles.len().min(b.shingles.len()) as f32);
    let may_share_quote = || {
        text::intersection_size(&a.quote_keys, &b.quote_keys) > 0 && !shared_quotes(a, b).is_empty()
    };
    (above_floor || may_share_quote()).then(|| relate(a, b, thresholds))
}

/// Evidence and its classification: the per-pair function every path (all pairs, LSH
/// candidates) uses, so they agree on every pair they both see.
pub fn relate(a: &ReportFeatures, b: &ReportFeatures, thresholds: &Thresholds) -> Pair {
    let mut pair = evidence(a, b);
    let (relation, why) = classify(&pair, thresholds);
    pair.relation = relation;
    pair.why = why;
    pair
}

fn pct(x: f32) -> String {
    format!("{:.0} %", x * 100.0)
}

fn quotes_phrase(n: usize) -> String {
    if n == 1 {
        "1 quote".into()
    } else {
        format!("{n} quotes")
    }
}

/// The relation the evidence supports under `t`, with a one-line reason. Pure and cheap: the
/// page calls it on every stored pair when the reader moves a threshold. See the module docs.
pub fn classify(pair: &Pair, t: &Thresholds) -> (Relation, String) {
    let j = pair.jaccard;
    // Stock lines are evidence of a shared quote, never of a shared event.
    let stock = pair
        .stock_quotes
        .iter()
        .filter(|&&i| i < pair.shared_quotes.len())
        .count();
    let q = pair.shared_quotes.len() - stock;
    let (bigger_share, contained) = if pair.containment_a_in_b >= pair.containment_b_in_a {
        (pair.containment_a_in_b, "the first")
    } else {
        (pair.containment_b_in_a, "the second")
    };
    if j >= t.near_duplicate_jaccard {
        return (
            Relation::NearDuplicate,
            format!(
                "most text shared: Jaccard {:.2} ≥ {:.2} on word 5-shingles, longest verbatim run {} words",
                j, t.near_duplicate_jaccard, pair.longest_run
            ),
        );
    }
    if bigger_share >= t.near_duplicate_containment && pair.longest_run >= t.near_duplicate_min_run
    {
        return (
            Relation::NearDuplicate,
            format!(
                "a cut-down copy: {} of {contained} report is in the other (≥ {}), longest verbatim run {} words",
                pct(bigger_share),
                pct(t.near_duplicate_containment),
                pair.longest_run
            ),
        );
    }
    let dates_agree = pair
        .date_distance_days
        .is_some_and(|d| d <= t.same_story_max_days);
    let when = match pair.date_distance_days {
        Some(0) => "the same event date".to_string(),
        Some(1) => "event dates 1 day apart".to_string(),
        Some(d) => format!("event dates {d} days apart"),
        None => "one report has no event date of its own".to_string(),
    };
    let plus_stock = match stock {
        0 => String::new(),
        1 => " (and 1 stock line)".to_string(),
        n => format!(" (and {n} stock lines)"),
    };
    if dates_agree && q >= t.same_story_min_quotes.max(1) {
        return (
            Relation::SameStory,
            format!("same event in other words: {}{plus_stock} in common, {when}, only {} of shingles shared", quotes_phrase(q), pct(j)),
        );
    }
    if dates_agree && j >= t.same_story_jaccard && !pair.shared_people.is_empty() {
        return (
            Relation::SameStory,
            format!(
                "same event: {when}, {} named in both, {} of shingles shared",
                pair.shared_people.join(", "),
                pct(j)
            ),
        );
    }
    if pair.date_distance_days.is_none() && q >= t.undated_same_story_quotes.max(1) {
        return (
            Relation::SameStory,
            format!(
                "same event: {}{plus_stock} in common although {when}",
                quotes_phrase(q)
            ),
        );
    }
    if q >= 1 {
        return (
            Relation::SharesQuote,
            format!(
                "only {}{plus_stock} in common, {when}, {} of shingles shared",
                quotes_phrase(q),
                pct(j)
            ),
        );
    }
    if stock >= 1 {
        let lines = if stock == 1 {
            "a stock line".to_string()
        } else {
            format!("{stock} stock lines")
        };
        return (
            Relation::SharesQuote,
            format!(
                "only {lines} in common, {when}, {} of shingles shared",
                pct(j)
            ),
        );
    }
    (
        Relation::Unrelated,
        format!("no quote in common, {} of shingles shared, {when}", pct(j)),
    )
}

/// Exact all-pairs comparison: every pair of reports with evidence above the floors (see
/// [`relate_if_evidence`]), classified under `thresholds`, in corpus order of (a, b). The pairs
/// left out are unrelated under any thresholds at or above the floors.
pub fn relate_all(reports: &[Report], thresholds: &Thresholds) -> Vec<Pair> {
    let features = corpus_features(reports, thresholds);
    relate_all_features(&features, thresholds)
}

/// [`relate_all`] over precomputed features.
pub fn relate_all_features(features: &[ReportFeatures], thresholds: &Thresholds) -> Vec<Pair> {
    // One row per report (on all cores with the `parallel` feature), joined in order.
    let rows: Vec<usize> = (0..features.len()).collect();
    crate::par::map(&rows, |&i| {
        features[i + 1..]
            .iter()
            .filter_map(|b| relate_if_evidence(&features[i], b, thresholds))
            .collect::<Vec<Pair>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// Could the page's threshold control make this pair, unrelated under the default thresholds,
/// related? The control only moves the near-duplicate Jaccard within
/// [`THRESHOLD_PERCENT_RANGE`], and lowering it only promotes pairs, so the answer is the
/// relation at the range's lowest value.
pub fn regroupable_by_control(pair: &Pair) -> bool {
    let lowest = Thresholds::with_near_duplicate_percent(*THRESHOLD_PERCENT_RANGE.start());
    classify(pair, &lowest).0 != Relation::Unrelated
}

/// `pair` compactly, with `a` and `b` as indices into the reports. Only for pairs sharing no
/// quote (unrelated under the defaults): the quote texts are not kept.
pub fn compact(pair: &Pair, a: u32, b: u32) -> PairEvidence {
    debug_assert!(
        pair.shared_quotes.is_empty(),
        "a pair sharing a quote is always related"
    );
    PairEvidence {
        a,
        b,
        jaccard: pair.jaccard,
        containment_a_in_b: pair.containment_a_in_b,
        containment_b_in_a: pair.containment_b_in_a,
        longest_run: u16::try_from(pair.longest_run).unwrap_or(u16::MAX),
        date_distance_days: pair
            .date_distance_days
            .map(|d| i32::try_from(d).unwrap_or(i32::MAX)),
    }
}

/// The full [`Pair`] back from compact evidence (see [`compact`]), classified under `thresholds`:
/// shared people and places are recomputed from the reports, exactly as [`evidence`] does.
/// `None` when an index is out of range.
pub fn expand(e: &PairEvidence, reports: &[Report], thresholds: &Thresholds) -> Option<Pair> {
    let (ra, rb) = (reports.get(e.a as usize)?, reports.get(e.b as usize)?);
    let people = |r: &Report| name_keys(r.people.iter().chain(&r.speakers));
    let places = |r: &Report| name_keys(r.places.iter());
    let mut pair = Pair {
        a: ra.id.clone(),
        b: rb.id.clone(),
        relation: Relation::Unrelated,
        jaccard: e.jaccard,
        containment_a_in_b: e.containment_a_in_b,
        containment_b_in_a: e.containment_b_in_a,
        longest_run: usize::from(e.longest_run),
        shared_quotes: Vec::new(),
        stock_quotes: Vec::new(),
        shared_people: shared_names(&people(ra), &people(rb)),
        shared_places: shared_names(&places(ra), &places(rb)),
        date_distance_days: e.date_distance_days.map(i64::from),
        why: String::new(),
    };
    (pair.relation, pair.why) = classify(&pair, thresholds);
    Some(pair)
}

/// Every pair whose relation the page's threshold control can change, in full, classified
/// under the default thresholds, in corpus order of (a, b): the related `pairs` and the
/// expanded compact `evidence`. The page builds this once and [`reclassify`]s it.
pub fn regroupable(reports: &[Report], pairs: &[Pair], evidence: &[PairEvidence]) -> Vec<Pair> {
    let defaults = Thresholds::default();
    let position: std::collections::HashMap<&str, usize> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let order = |p: &Pair| {
        (
            position.get(p.a.as_str()).copied(),
            position.get(p.b.as_str()).copied(),
        )
    };
    let mut all: Vec<Pair> = pairs
        .iter()
        .cloned()
        .chain(
            evidence
                .iter()
                .filter_map(|e| expand(e, reports, &defaults)),
        )
        .collect();
    all.sort_by_key(order);
    all
}

/// Reclassifies stored evidence under new thresholds and keeps the related pairs: what the page
/// does when the reader moves a threshold.
pub fn reclassify(evidence: &[Pair], thresholds: &Thresholds) -> Vec<Pair> {
    evidence
        .iter()
        .filter_map(|p| {
            let (relation, why) = classify(p, thresholds);
            (relation != Relation::Unrelated).then(|| Pair {
                relation,
                why,
                ..p.clone()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, Quote};

    pub(crate) fn report(
        id: &str,
        date: Option<&str>,
        paragraphs: &[&str],
        quotes: &[&str],
        people: &[&str],
    ) -> Report {
        Report {
            id: id.into(),
            title: id.into(),
            event_date: date.map(|d| d.parse().unwrap()),
            paragraphs: paragraphs
                .iter()
                .map(|t| Paragraph {
                    text: (*t).into(),
                    ..Paragraph::default()
                })
                .collect(),
            quotes: quotes
                .iter()
                .map(|t| Quote {
                    speaker: Some("Matthew Miller".into()),
                    text: (*t).into(),
                    paragraph: 0,
                })
                .collect(),
            people: people.iter().map(|p| (*p).into()).collect(),
            ..Report::default()
        }
    }

    fn pair(a: &Report, b: &Report) -> Pair {
        relate(
            &ReportFeatures::new(a),
            &ReportFeatures::new(b),
            &Thresholds::default(),
        )
    }

    const BRIEFING: &[&str] = &[
        "The State Department spokesperson said on Monday that the two countries share an interest in fighting terrorism in the region.",
        "“We have a shared interest in combating threats to regional security,” the spokesperson told reporters at the regular briefing.",
        "Asked about the arrest of opposition leaders, he said the decisions about the government were for the people of the country to make.",
        "“We support the right to peaceful assembly and we oppose violence in all its forms,” he added, calling for restraint on every side.",
        "The briefing also touched on the energy crisis, the gas pipeline project and the possibility of sanctions over the deal.",
    ];
    const QUOTES: &[&str] = &[
        "We have a shared interest in combating threats to regional security",
        "We support the right to peaceful assembly and we oppose violence in all its forms",
    ];

    #[test]
    fn identical_reports_are_near_duplicates() {
        let a = report(
            "a",
            Some("2024-07-08"),
            BRIEFING,
            QUOTES,
            &["Matthew Miller"],
        );
        let p = pair(&a, &a.clone());
        assert_eq!(p.relation, Relation::NearDuplicate);
        assert!((p.jaccard - 1.0).abs() < 1e-6);
        assert_eq!(p.longest_run, text::words(&a.body_text()).len());
        assert_eq!(p.shared_quotes.len(), 2);
        assert_eq!(p.shared_people, ["Matthew Miller"]);
        assert_eq!(p.date_distance_days, Some(0));
    }

    #[test]
    fn cut_down_copy_is_near_duplicate_by_containment() {
        let a = report("a", Some("2024-07-08"), BRIEFING, QUOTES, &[]);
        let b = report("b", None, &BRIEFING[2..3], &[], &[]);
        let p = pair(&a, &b);
        assert!(p.jaccard < 0.5, "{}", p.jaccard);
        assert!((p.containment_b_in_a - 1.0).abs() < 1e-6);
        assert_eq!(p.relation, Relation::NearDuplicate);
        assert!(p.why.contains("cut-down copy"), "{}", p.why);
    }

    #[test]
    fn paraphrase_with_shared_quotes_and_date_is_same_story() {
        let a = report(
            "a",
            Some("2024-07-08"),
            BRIEFING,
            QUOTES,
            &["Matthew Miller"],
        );
        let b = report(
            "b",
            Some("2024-07-08"),
            &[
                "Washington on Monday said it stood with Islamabad against militancy.",
                "“We have a shared interest in combatting threats to regional security,” Miller said.",
                "He declined to comment on the detention of opposition figures, saying it was a domestic matter.",
                "“We support the right to peaceful assembly and we oppose violence in all its forms,” Miller said.",
                "Relations between the neighbours have been strained since militants stepped up cross-border raids last year.",
                "Officials in the capital welcomed the remarks but asked for more help with training and equipment for police.",
                "Analysts said the statement signalled continuity rather than a shift in policy toward the region.",
            ],
            QUOTES,
            &["Matthew Miller"],
        );
        let p = pair(&a, &b);
        assert!(p.jaccard < 0.10, "{}", p.jaccard);
        assert_eq!(p.shared_quotes.len(), 2);
        assert_eq!(p.relation, Relation::SameStory, "{}", p.why);
    }

    #[test]
    fn one_stock_quote_on_another_date_is_shares_quote() {
        let a = report("a", Some("2024-07-08"), BRIEFING, QUOTES, &[]);
        let b = report(
            "b",
            Some("2024-09-03"),
            &[
                "The ambassador met the foreign minister on Tuesday after a series of attacks in the province.",
                "“The two countries have a shared interest in combatting threats to regional security, and we will stand with them,” the spokesperson said.",
            ],
            &["The two countries have a shared interest in combatting threats to regional security, and we will stand with them"],
            &[],
        );
        let p = pair(&a, &b);
        assert_eq!(
            p.shared_quotes,
            ["have a shared interest in combating threats to regional security"]
        );
        assert_eq!(p.relation, Relation::SharesQuote, "{}", p.why);
        assert!(p.why.contains("57 days apart"), "{}", p.why);
        // Undated, one quote is still not the same story.
        let b_undated = Report {
            event_date: None,
            ..b
        };
        assert_eq!(pair(&a, &b_undated).relation, Relation::SharesQuote);
    }

    #[test]
    fn the_sentences_of_one_quote_count_as_one_quote() {
        // An undated report reusing one two-sentence quote of another event: one quote, so not
        // the same story (undated needs two).
        let two = "We will stand with the people of the province in this hour. We have asked every partner to send relief without delay";
        let a = report("a", Some("2024-07-08"), BRIEFING, &[two, QUOTES[0]], &[]);
        let b = report(
            "b",
            None,
            &["An undated report on the floods, quoting the spokesperson at length."],
            &[two],
            &[],
        );
        let p = pair(&a, &b);
        assert_eq!(p.shared_quotes.len(), 1, "{:?}", p.shared_quotes);
        assert!(p.shared_quotes[0].contains(" … "), "{:?}", p.shared_quotes);
        assert_eq!(p.relation, Relation::SharesQuote, "{}", p.why);
    }

    #[test]
    fn events_are_dates_more_than_the_window_apart() {
        let mut d: Vec<NaiveDate> = [
            "2024-07-08",
            "2024-07-09",
            "2024-07-10",
            "2024-07-11",
            "2024-09-03",
        ]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
        assert_eq!(distinct_events(&mut d, 1), 3, "8, 10 and 3 September");
        assert_eq!(distinct_events(&mut d, 0), 5);
        assert_eq!(distinct_events(&mut [], 1), 0);
    }

    #[test]
    fn stock_words_are_marked_where_several_events_print_them() {
        let stock = "We have a shared interest in combating threats to regional security";
        let longer = "We have a shared interest in combating threats to regional security and in protecting the port workers";
        let reports = [
            report("a", Some("2024-07-08"), BRIEFING, &[longer], &[]),
            report(
                "b",
                Some("2024-07-08"),
                &["Another outlet on the same briefing."],
                &[longer],
                &[],
            ),
            report(
                "c",
                Some("2024-09-03"),
                &["A report of another event."],
                &[stock],
                &[],
            ),
            report(
                "d",
                Some("2024-10-15"),
                &["A report of a third event."],
                &[stock],
                &[],
            ),
        ];
        let f = corpus_features(&reports, &Thresholds::default());
        let stock_words = stock.split(' ').count();
        // The opening is stock in the longer quote; its ending is not.
        assert!(
            f[0].quote_stock[0][..stock_words].iter().all(|&x| x),
            "{:?}",
            f[0].quote_stock[0]
        );
        assert!(
            f[0].quote_stock[0][stock_words..].iter().all(|&x| !x),
            "{:?}",
            f[0].quote_stock[0]
        );
        assert!(f[2].quote_stock[0].iter().all(|&x| x));
        let t = Thresholds::default();
        let ab = relate(&f[0], &f[1], &t);
        assert_eq!(
            (ab.relation, ab.stock_quotes.len()),
            (Relation::SameStory, 0),
            "{}",
            ab.why
        );
        let ac = relate(&f[0], &f[2], &t);
        assert_eq!(
            (ac.relation, ac.stock_quotes.len()),
            (Relation::SharesQuote, 1),
            "{}",
            ac.why
        );
        // Two events only: not stock.
        let f = corpus_features(&reports[..3], &t);
        assert!(f
            .iter()
            .all(|r| r.quote_stock.iter().flatten().all(|&x| !x)));
    }

    #[test]
    fn scare_quotes_and_unrelated_text_are_unrelated() {
        let a = report("a", Some("2024-07-08"), BRIEFING, &["consequences"], &[]);
        let b = report(
            "b",
            Some("2024-07-08"),
            &["The foreign office rejected a report on spyware, calling it “consequences” of disinformation and speculation."],
            &["consequences"],
            &[],
        );
        let p = pair(&a, &b);
        assert!(p.shared_quotes.is_empty());
        assert_eq!(p.relation, Relation::Unrelated, "{}", p.why);
    }

    #[test]
    fn classify_is_monotone_in_the_jaccard_threshold() {
        let a = report("a", Some("2024-07-08"), BRIEFING, QUOTES, &[]);
        let b = report("b", Some("2024-07-08"), &BRIEFING[1..4], &QUOTES[..1], &[]);
        let p = pair(&a, &b);
        let strict = Thresholds {
            near_duplicate_jaccard: 0.99,
            near_duplicate_containment: 1.01,
            ..Thresholds::default()
        };
        assert_eq!(classify(&p, &strict).0, Relation::SameStory);
        let loose = Thresholds {
            near_duplicate_jaccard: 0.01,
            ..Thresholds::default()
        };
        assert_eq!(classify(&p, &loose).0, Relation::NearDuplicate);
        assert_eq!(
            reclassify(std::slice::from_ref(&p), &loose)[0].relation,
            Relation::NearDuplicate
        );
    }

    #[test]
    fn relate_all_keeps_only_pairs_with_evidence_in_order() {
        let a = report("a", Some("2024-07-08"), BRIEFING, QUOTES, &[]);
        let b = report("b", Some("2024-07-08"), &BRIEFING[..3], &QUOTES[..1], &[]);
        let c = report(
            "c",
            None,
            &["Nothing in common with anything else here at all, not one bit of it."],
            &[],
            &[],
        );
        let pairs = relate_all(&[a, b, c], &Thresholds::default());
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].a.as_str(), pairs[0].b.as_str()), ("a", "b"));
    }

    #[test]
    fn thresholds_deserialise_with_defaults_for_missing_fields() {
        let t: Thresholds = serde_json::from_str(r#"{"near_duplicate_jaccard": 0.5}"#).unwrap();
        assert_eq!(t.near_duplicate_jaccard, 0.5);
        assert_eq!(
            t.same_story_max_days,
            Thresholds::default().same_story_max_days
        );
    }
}
