//! Exact candidates beside LSH and the prefix filter: shared quotes, and the same person on
//! nearby dates. Both are postings asked report by report, like the bands: a quote that a
//! thousand reports carry, or a person a thousand reports name on one day, costs a thousand
//! entries, not the half million pairs it makes.

use super::*;
use rustc_hash::FxHashSet;

/// Keys with the reports carrying them, sorted.
struct KeyPostings {
    entries: Vec<(u64, u32)>,
}

impl KeyPostings {
    /// Every entry: a short sentence pairs with another report's window even when no other
    /// report has the same sentence.
    fn all(mut entries: Vec<(u64, u32)>) -> Self {
        entries.sort_unstable();
        entries.dedup();
        entries.shrink_to_fit();
        KeyPostings { entries }
    }

    /// Only keys two reports or more carry: the others pair nothing.
    fn new(mut entries: Vec<(u64, u32)>) -> Self {
        entries.sort_unstable();
        entries.dedup();
        let mut kept = Vec::with_capacity(entries.len());
        let mut start = 0;
        while start < entries.len() {
            let end = start
                + entries[start..]
                    .iter()
                    .take_while(|e| e.0 == entries[start].0)
                    .count();
            if end - start >= 2 {
                kept.extend_from_slice(&entries[start..end]);
            }
            start = end;
        }
        kept.shrink_to_fit();
        KeyPostings { entries: kept }
    }

    /// Pushes the reports after `i` carrying `key` that `wanted` keeps; returns how many
    /// entries were read.
    fn after(&self, key: u64, i: u32, out: &mut Vec<u32>, wanted: &dyn Fn(u32) -> bool) -> usize {
        let from = self.entries.partition_point(|&e| e <= (key, i));
        let bucket = &self.entries[from..];
        let len = bucket.iter().take_while(|e| e.0 == key).count();
        out.extend(bucket[..len].iter().map(|e| e.1).filter(|&j| wanted(j)));
        len
    }

    /// Pushes every report but `i` carrying `key`.
    fn all_but(&self, key: u64, i: u32, out: &mut Vec<u32>) {
        let from = self.entries.partition_point(|e| e.0 < key);
        out.extend(
            self.entries[from..]
                .iter()
                .take_while(|e| e.0 == key)
                .map(|e| e.1)
                .filter(|&j| j != i),
        );
    }
}

/// Words are xxh3 hashes already (`quote_hashes`): a run is keyed by folding them, with its
/// length, without hashing its text again.
fn run_key(words: &[u64]) -> u64 {
    words.iter().fold(words.len() as u64, |h, &w| {
        (h.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95)
    })
}

/// The short quote lengths: a sentence this long is matched whole ([`QUOTE_MIN_WORDS`] up to
/// [`QUOTE_MIN_RUN`]).
const SHORT: std::ops::Range<usize> = QUOTE_MIN_WORDS..QUOTE_MIN_RUN;

/// Reports that can share a quote (see the module docs of `lsh`): exact. Two quote sentences
/// are the same only if they share a [`QUOTE_MIN_RUN`]-word window, or one is a short sentence
/// that is a window of the other.
pub struct QuoteIndex {
    /// Windows of [`QUOTE_MIN_RUN`] words.
    long: KeyPostings,
    /// Short sentences, whole.
    short: KeyPostings,
    /// Windows of [`SHORT`] lengths equal to some report's short sentence.
    windowed: KeyPostings,
}

impl QuoteIndex {
    pub fn new(features: &[ReportFeatures]) -> Self {
        let mut long = Vec::new();
        let mut short = Vec::new();
        for (i, f) in features.iter().enumerate() {
            for q in &f.quote_hashes {
                if q.len() >= QUOTE_MIN_RUN {
                    long.extend(q.windows(QUOTE_MIN_RUN).map(|w| (run_key(w), i as u32)));
                } else if SHORT.contains(&q.len()) {
                    short.push((run_key(q), i as u32));
                }
            }
        }
        let short_keys: HashSet<u64> = short.iter().map(|e| e.0).collect();
        let mut windowed = Vec::new();
        for (i, f) in features.iter().enumerate() {
            for_short_windows(f, |key| {
                if short_keys.contains(&key) {
                    windowed.push((key, i as u32));
                }
            });
        }
        QuoteIndex {
            long: KeyPostings::new(long),
            short: KeyPostings::all(short),
            windowed: KeyPostings::all(windowed),
        }
    }

    /// The index holding only what [`QuoteIndex::partners_all`] reads for the reports `owners`,
    /// which gives them the same partners: a pass over the corpus's quotes that keeps the few
    /// entries under the owners' keys instead of sorting all of them (a rebuild asks for its
    /// changed reports only).
    pub fn for_reports(features: &[ReportFeatures], owners: &[u32]) -> Self {
        // What the owners look up: their long windows in `long`, their short sentences in
        // `windowed`, their short windows in `short`.
        let (mut long_keys, mut sentence_keys, mut window_keys) = (
            FxHashSet::default(),
            FxHashSet::default(),
            FxHashSet::default(),
        );
        for f in owners.iter().filter_map(|&o| features.get(o as usize)) {
            for q in &f.quote_hashes {
                if q.len() >= QUOTE_MIN_RUN {
                    long_keys.extend(q.windows(QUOTE_MIN_RUN).map(run_key));
                } else if SHORT.contains(&q.len()) {
                    sentence_keys.insert(run_key(q));
                }
            }
            for_short_windows(f, |key| {
                window_keys.insert(key);
            });
        }
        let (mut long, mut short, mut windowed) = (Vec::new(), Vec::new(), Vec::new());
        for (i, f) in features.iter().enumerate() {
            let i = i as u32;
            for q in &f.quote_hashes {
                if q.len() >= QUOTE_MIN_RUN {
                    let keys = q.windows(QUOTE_MIN_RUN).map(run_key);
                    long.extend(keys.filter(|k| long_keys.contains(k)).map(|k| (k, i)));
                } else if SHORT.contains(&q.len()) && window_keys.contains(&run_key(q)) {
                    short.push((run_key(q), i));
                }
            }
            for_short_windows(f, |key| {
                if sentence_keys.contains(&key) {
                    windowed.push((key, i));
                }
            });
        }
        QuoteIndex {
            long: KeyPostings::new(long),
            short: KeyPostings::all(short),
            windowed: KeyPostings::all(windowed),
        }
    }

    /// Entries held: the index's size grows with this.
    pub fn len(&self) -> usize {
        self.long.entries.len() + self.short.entries.len() + self.windowed.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Pushes report `i`'s partners `j > i` that `wanted` keeps (with repeats); returns how
    /// many entries were read.
    pub(super) fn partners(
        &self,
        f: &ReportFeatures,
        i: u32,
        out: &mut Vec<u32>,
        wanted: &dyn Fn(u32) -> bool,
    ) -> usize {
        let mut read = 0;
        for q in &f.quote_hashes {
            if q.len() >= QUOTE_MIN_RUN {
                for w in q.windows(QUOTE_MIN_RUN) {
                    read += self.long.after(run_key(w), i, out, wanted);
                }
            } else if SHORT.contains(&q.len()) {
                read += self.windowed.after(run_key(q), i, out, wanted);
            }
        }
        for_short_windows(f, |key| {
            read += self.short.after(key, i, out, wanted);
        });
        read
    }

    /// Every report that can share a quote with report `i`, before or after it (with repeats).
    pub fn partners_all(&self, f: &ReportFeatures, i: u32, out: &mut Vec<u32>) {
        for q in &f.quote_hashes {
            if q.len() >= QUOTE_MIN_RUN {
                for w in q.windows(QUOTE_MIN_RUN) {
                    self.long.all_but(run_key(w), i, out);
                }
            } else if SHORT.contains(&q.len()) {
                self.windowed.all_but(run_key(q), i, out);
            }
        }
        for_short_windows(f, |key| self.short.all_but(key, i, out));
    }
}

/// Calls `each` with the key of every window of [`SHORT`] lengths in `f`'s quote sentences.
fn for_short_windows(f: &ReportFeatures, mut each: impl FnMut(u64)) {
    for q in &f.quote_hashes {
        for k in SHORT {
            if q.len() < k {
                break;
            }
            q.windows(k).for_each(|w| each(run_key(w)));
        }
    }
}

/// Reports naming one person, by event date: a report's partners are those naming one of its
/// people with event dates at most `max_days` apart (exact).
pub struct PersonDateIndex {
    /// (person, event date, report), sorted.
    entries: Vec<(u64, chrono::NaiveDate, u32)>,
    max_days: i64,
}

impl PersonDateIndex {
    pub fn new(features: &[ReportFeatures], max_days: i64) -> Self {
        let mut entries = Vec::new();
        for (i, f) in features.iter().enumerate() {
            let Some(date) = f.event_date else { continue };
            for (key, _) in &f.people {
                entries.push((person_key(key), date, i as u32));
            }
        }
        entries.sort_unstable();
        entries.dedup();
        PersonDateIndex { entries, max_days }
    }

    /// Entries held: the index's size grows with this.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Pushes report `i`'s partners `j > i` that `wanted` keeps (with repeats); returns how
    /// many entries were read.
    pub(super) fn partners(
        &self,
        f: &ReportFeatures,
        i: u32,
        out: &mut Vec<u32>,
        wanted: &dyn Fn(u32) -> bool,
    ) -> usize {
        let Some(date) = f.event_date else { return 0 };
        let Some(earliest) = date.checked_sub_signed(chrono::Duration::days(self.max_days)) else {
            return 0;
        };
        let mut read = 0;
        for (key, _) in &f.people {
            let person = person_key(key);
            let from = self
                .entries
                .partition_point(|e| (e.0, e.1) < (person, earliest));
            for e in self.entries[from..].iter().take_while(|e| e.0 == person) {
                if (e.1 - date).num_days() > self.max_days {
                    break;
                }
                read += 1;
                if e.2 > i && wanted(e.2) {
                    out.push(e.2);
                }
            }
        }
        read
    }
}

fn person_key(key: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(key.as_bytes())
}

/// Whether [`PersonDateIndex`] pairs `a` and `b`: a person in common, event dates at most
/// `same_story_max_days` apart.
pub fn same_person_near(a: &ReportFeatures, b: &ReportFeatures, t: &Thresholds) -> bool {
    let (Some(x), Some(y)) = (a.event_date, b.event_date) else {
        return false;
    };
    (x - y).num_days().abs() <= t.same_story_max_days
        && a.people.iter().any(|(k, _)| {
            b.people
                .binary_search_by(|(other, _)| other.as_str().cmp(k.as_str()))
                .is_ok()
        })
}
