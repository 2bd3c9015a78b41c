//! Exact candidate indexes beside LSH: containment (a prefix filter), shared quotes, and the
//! same person on nearby dates.

use super::minhash::emit_groups;
use super::*;

/// Pairs whose containment (either way) can reach `t`: the prefix filter described above.
pub fn containment_pairs(shingles: &[&[u64]], t: f32, out: &mut Vec<u64>) {
    let mut df: HashMap<u64, u32> = HashMap::new();
    for s in shingles {
        for &h in s.iter() {
            *df.entry(h).or_insert(0) += 1;
        }
    }
    // Each report's probe prefix: its rarest shingles, of which only shared ones can match.
    let mut probes: Vec<Vec<u64>> = Vec::with_capacity(shingles.len());
    let mut probe_set: HashMap<u64, Vec<u32>> = HashMap::new();
    for s in shingles {
        if s.is_empty() {
            probes.push(Vec::new());
            continue;
        }
        let need = ((f64::from(t) * s.len() as f64).ceil() as usize).clamp(1, s.len());
        let prefix_len = s.len() - need + 1;
        let mut ranked: Vec<(u32, u64)> = s.iter().map(|h| (df[h], *h)).collect();
        if prefix_len < ranked.len() {
            ranked.select_nth_unstable(prefix_len - 1);
            ranked.truncate(prefix_len);
        }
        let shared: Vec<u64> = ranked
            .into_iter()
            .filter(|&(d, _)| d >= 2)
            .map(|(_, h)| h)
            .collect();
        for &h in &shared {
            probe_set.entry(h).or_default();
        }
        probes.push(shared);
    }
    for (i, s) in shingles.iter().enumerate() {
        for h in s.iter() {
            if let Some(list) = probe_set.get_mut(h) {
                list.push(i as u32);
            }
        }
    }
    for (i, prefix) in probes.iter().enumerate() {
        for h in prefix {
            for &j in &probe_set[h] {
                if j != i as u32 {
                    out.push(pair_key(i as u32, j));
                }
            }
        }
    }
}

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
