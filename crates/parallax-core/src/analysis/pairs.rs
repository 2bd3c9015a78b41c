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

mod classify;
mod features;
mod live;
mod regroup;
mod relate;

pub use classify::{classify, relation};
pub use features::{corpus_features, mark_stock_quotes, ReportFeatures};
pub use live::{live_pair, live_pair_of, marked_features, stock_runs};
pub use regroup::{compact, expand, reclassify, regroupable, regroupable_by_control};
pub(crate) use relate::relate_if_evidence_with;
pub use relate::{relate, relate_all, relate_all_features, relate_if_evidence, WindowIndexes};

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
    evidence_with(a, b, &a.window_index(), &b.window_index())
}

/// [`evidence`] given the two reports' window indexes ([`ReportFeatures::window_index`]), which
/// a comparison of one report with many makes once ([`WindowIndexes`]).
pub fn evidence_with(
    a: &ReportFeatures,
    b: &ReportFeatures,
    a_windows: &[(u64, u32)],
    b_windows: &[(u64, u32)],
) -> Pair {
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
            a_windows,
            &b.word_hashes,
            b_windows,
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

#[cfg(test)]
mod tests;
