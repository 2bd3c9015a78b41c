//! Exact candidate lists beside LSH and the prefix filter: shared quotes, and the same person
//! on nearby dates (few pairs: kept whole, sorted).

use super::minhash::emit_groups;
use super::*;

/// Pairs of reports that can share a quote (see the module docs): exact.
pub fn quote_pairs(features: &[ReportFeatures], out: &mut Vec<u64>) {
    let mut long: Vec<(u64, u32)> = Vec::new();
    let mut short: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, f) in features.iter().enumerate() {
        for q in &f.quotes {
            if q.len() >= QUOTE_MIN_RUN {
                long.extend(
                    q.windows(QUOTE_MIN_RUN)
                        .map(|w| (text::hash_words(w), i as u32)),
                );
            } else if q.len() >= QUOTE_MIN_WORDS {
                short.entry(text::hash_words(q)).or_default().push(i as u32);
            }
        }
    }
    long.sort_unstable();
    long.dedup();
    emit_groups(&long, &mut HashSet::new(), out);
    for (i, f) in features.iter().enumerate() {
        for q in &f.quotes {
            for k in QUOTE_MIN_WORDS..QUOTE_MIN_RUN {
                if q.len() < k {
                    break;
                }
                for w in q.windows(k) {
                    if let Some(list) = short.get(&text::hash_words(w)) {
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
