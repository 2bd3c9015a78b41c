//! Exact candidate lists beside LSH and the prefix filter: shared quotes, and the same person
//! on nearby dates (few pairs: kept whole, sorted).

use super::minhash::emit_groups;
use super::*;

/// Pairs of reports that can share a quote (see the module docs): exact.
pub fn quote_pairs(features: &[ReportFeatures], out: &mut Vec<u64>) {
    // Words are xxh3 hashes already (`quote_hashes`): a run is keyed by folding them, with its
    // length, without hashing its text again.
    let key = |words: &[u64]| {
        words.iter().fold(words.len() as u64, |h, &w| {
            (h.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95)
        })
    };
    let mut long: Vec<(u64, u32)> = Vec::new();
    let mut short: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, f) in features.iter().enumerate() {
        for q in &f.quote_hashes {
            if q.len() >= QUOTE_MIN_RUN {
                long.extend(q.windows(QUOTE_MIN_RUN).map(|w| (key(w), i as u32)));
            } else if q.len() >= QUOTE_MIN_WORDS {
                short.entry(key(q)).or_default().push(i as u32);
            }
        }
    }
    long.sort_unstable();
    long.dedup();
    emit_groups(&long, &mut HashSet::new(), out);
    for (i, f) in features.iter().enumerate() {
        for q in &f.quote_hashes {
            for k in QUOTE_MIN_WORDS..QUOTE_MIN_RUN {
                if q.len() < k {
                    break;
                }
                for w in q.windows(k) {
                    if let Some(list) = short.get(&key(w)) {
                        out.extend(
                            list.iter()
                                .filter(|&&j| j != i as u32)
                                .map(|&j| pair_key(i as u32, j)),
                        );
                    }
                }
            }
        }
    }
}

/// Pairs naming the same person with event dates at most `max_days` apart: exact.
pub fn person_date_pairs(features: &[ReportFeatures], max_days: i64, out: &mut Vec<u64>) {
    let mut by_person: HashMap<&str, Vec<(chrono::NaiveDate, u32)>> = HashMap::new();
    for (i, f) in features.iter().enumerate() {
        let Some(date) = f.event_date else { continue };
        for (key, _) in &f.people {
            by_person
                .entry(key.as_str())
                .or_default()
                .push((date, i as u32));
        }
    }
    for list in by_person.values_mut() {
        list.sort_unstable();
        for x in 0..list.len() {
            for y in x + 1..list.len() {
                if (list[y].0 - list[x].0).num_days() > max_days {
                    break;
                }
                out.push(pair_key(list[x].1, list[y].1));
            }
        }
    }
}

/// Whether [`person_date_pairs`] pairs `a` and `b`: a person in common, event dates at most
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
