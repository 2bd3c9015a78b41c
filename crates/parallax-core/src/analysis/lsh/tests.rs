use super::*;
use crate::analysis::text;
use crate::model::Relation;
use crate::SourceFile;
use proptest::prelude::*;
use std::collections::{BTreeSet, HashSet};

/// `n` synthetic reports (seed `seed`), parsed at the tests' date, with what the generator planted.
pub(crate) fn synthetic(n: usize, seed: u64) -> (Vec<Report>, parallax_synth::SynthCorpus) {
    let synth = parallax_synth::generate(&parallax_synth::SynthConfig::new(n, seed));
    let files: Vec<SourceFile> = synth
        .files
        .iter()
        .map(|f| SourceFile::new(f.name.as_str(), f.text.as_bytes()))
        .collect();
    let parsed = crate::ingest::parse_corpus(
        &files,
        &crate::metadata::Metadata::default(),
        &crate::ParseOptions::new(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()),
    );
    (parsed.reports, synth)
}

fn related(pairs: &[Pair]) -> BTreeSet<(String, String, Relation)> {
    pairs
        .iter()
        .filter(|p| p.relation != Relation::Unrelated)
        .map(|p| (p.a.clone(), p.b.clone(), p.relation))
        .collect()
}

#[test]
fn candidates_give_the_exact_all_pairs_answer_on_a_synthetic_corpus() {
    // Small: the exact baseline is quadratic and tests run unoptimised.
    let (reports, synth) = synthetic(170, 21);
    let features: Vec<ReportFeatures> = reports.iter().map(ReportFeatures::new).collect();
    let t = Thresholds::default();
    let exact = related(&relate_all_features(&features, &t));
    let (found, stats) = relate_candidates_with_stats(&features, &t);
    let found = related(&found);
    let missed: Vec<_> = exact.difference(&found).collect();
    assert!(
        missed.is_empty(),
        "missed {} of {}: {:?}",
        missed.len(),
        exact.len(),
        &missed[..missed.len().min(5)]
    );
    assert_eq!(found, exact);
    // The corpus exercises it: most planted duplicates are found as near duplicates, and
    // candidates are far fewer than all pairs.
    let planted: Vec<(&str, &str)> = synth
        .relations
        .iter()
        .filter(|r| r.kind.is_duplicate())
        .map(|r| (r.a.as_str(), r.b.as_str()))
        .collect();
    let dup: HashSet<(&str, &str)> = exact
        .iter()
        .filter(|p| p.2 == Relation::NearDuplicate)
        .flat_map(|p| [(p.0.as_str(), p.1.as_str()), (p.1.as_str(), p.0.as_str())])
        .collect();
    let hit = planted.iter().filter(|p| dup.contains(*p)).count();
    assert!(
        planted.len() >= 20 && hit * 10 >= planted.len() * 9,
        "{hit} of {} planted duplicates",
        planted.len()
    );
    let n = features.len();
    eprintln!(
        "{n} reports, {} related pairs, {hit}/{} planted duplicates, {stats:?}",
        exact.len(),
        planted.len()
    );
    assert!(stats.distinct < n * (n - 1) / 10, "{stats:?}");
}

/// Quotes, people and dates drawn from small pools, so that shared quotes (whole, cut, or
/// short), same-day people and stock lines on other days all occur.
fn quoted_report(id: usize, picks: &[usize], day: Option<u32>, person: usize) -> Report {
    const QUOTES: &[&str] = &[
        "We have a shared interest in combating threats to regional security",
        "So our thoughts are the same anywhere in the world",
        "decisions about the government are for the people to make",
        "We oppose violent actions and vandalism",
        "This is a fundamental entitlement for every individual and every detainee",
        "Our position remains consistent as we do not take sides",
    ];
    let quotes: Vec<String> = picks
        .iter()
        .map(|&k| {
            let q = QUOTES[k % QUOTES.len()];
            // Odd picks cut the quote short: a cut quote is still the same quote.
            if k >= QUOTES.len() {
                q.split(' ').skip(2).collect::<Vec<_>>().join(" ")
            } else {
                q.to_string()
            }
        })
        .collect();
    let body: Vec<String> = quotes
        .iter()
        .map(|q| format!("“{q},” the spokesperson said in report {id}."))
        .collect();
    Report {
        id: format!("r{id:03}"),
        paragraphs: body
            .iter()
            .map(|t| crate::model::Paragraph {
                text: t.clone(),
                ..Default::default()
            })
            .collect(),
        quotes: quotes
            .iter()
            .map(|q| crate::model::Quote {
                text: q.clone(),
                ..Default::default()
            })
            .collect(),
        people: vec![["Matthew Miller", "Tahir Andrabi", "Donald Blome"][person % 3].to_string()],
        event_date: day.map(|d| chrono::NaiveDate::from_ymd_opt(2024, 7, d).expect("valid day")),
        ..Report::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn quote_and_person_candidates_give_the_exact_answer(
        specs in proptest::collection::vec((proptest::collection::vec(0usize..12, 0..3), proptest::option::of(1u32..6), 0usize..3), 2..14),
    ) {
        let reports: Vec<Report> = specs.iter().enumerate().map(|(i, (q, d, p))| quoted_report(i, q, *d, *p)).collect();
        let features: Vec<ReportFeatures> = reports.iter().map(ReportFeatures::new).collect();
        let t = Thresholds::default();
        prop_assert_eq!(related(&relate_candidates(&features, &t)), related(&relate_all_features(&features, &t)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// The index for a few reports gives them the partners the whole index gives.
    #[test]
    fn an_index_for_some_reports_gives_them_the_whole_indexs_partners(
        specs in proptest::collection::vec((proptest::collection::vec(0usize..12, 0..3), proptest::option::of(1u32..6), 0usize..3), 2..14),
        owners in proptest::collection::vec(0u32..14, 1..4),
    ) {
        let reports: Vec<Report> = specs.iter().enumerate().map(|(i, (q, d, p))| quoted_report(i, q, *d, *p)).collect();
        let features: Vec<ReportFeatures> = reports.iter().map(ReportFeatures::new).collect();
        let owners: Vec<u32> = owners.into_iter().filter(|&o| (o as usize) < features.len()).collect();
        let (whole, some) = (QuoteIndex::new(&features), QuoteIndex::for_reports(&features, &owners));
        for &o in &owners {
            let partners = |index: &QuoteIndex| {
                let mut out = Vec::new();
                index.partners_all(&features[o as usize], o, &mut out);
                out.sort_unstable();
                out.dedup();
                out
            };
            prop_assert_eq!(partners(&some), partners(&whole));
        }
    }
}

#[test]
fn lsh_params_meet_the_miss_bound_and_use_most_rows() {
    for t in [0.2f32, 0.3, 0.5, 0.7, 0.9] {
        let p = LshParams::for_threshold(t, NUM_PERM);
        assert!(p.bands * p.rows <= NUM_PERM);
        assert!(
            p.miss_probability(f64::from(t)) <= MAX_MISS_AT_THRESHOLD,
            "{t}: {p:?}"
        );
        let more = LshParams {
            bands: NUM_PERM / (p.rows + 1),
            rows: p.rows + 1,
        };
        assert!(
            more.miss_probability(f64::from(t)) > MAX_MISS_AT_THRESHOLD,
            "{t}: {more:?} would do"
        );
    }
    assert_eq!(
        LshParams::for_threshold(0.3, 128),
        LshParams { bands: 64, rows: 2 }
    );
}

#[test]
fn copies_sharing_every_band_list_each_later_partner_once() {
    // 40 copies agree in all 64 bands: each lists its later copies, 780 pairs in all, once each.
    let h = MinHasher::new(NUM_PERM, 1);
    let set: Vec<u64> = (0..50u64)
        .map(|x| x.wrapping_mul(0x9E37_79B9_7F4A_7C15))
        .collect();
    let mut signatures = vec![h.signature(&set); 40];
    signatures.push(h.signature(&[]));
    let index = BandIndex::new(&signatures, LshParams::for_threshold(0.3, NUM_PERM));
    let mut pairs = Vec::new();
    let mut row = Vec::new();
    for i in 0..signatures.len() as u32 {
        row.clear();
        index.partners(i, &mut row, &|_| true);
        row.sort_unstable();
        row.dedup();
        assert!(row.iter().all(|&j| j > i && j < 40), "{i}: {row:?}");
        pairs.extend(row.iter().map(|&j| pair_key(i, j)));
    }
    assert_eq!(pairs.len(), 780);
}

/// Every pair the prefix filter gives, from each report's partners.
fn prefix_pairs(shingles: &[&[u64]], t: f32) -> HashSet<u64> {
    let index = PrefixIndex::new(shingles, t);
    let mut out = HashSet::new();
    let mut row = Vec::new();
    for (i, s) in shingles.iter().enumerate() {
        row.clear();
        index.partners(i as u32, s, &mut row);
        assert!(row.iter().all(|&j| j > i as u32));
        out.extend(row.iter().map(|&j| pair_key(i as u32, j)));
    }
    out
}

#[test]
fn index_query_finds_copies_and_not_strangers() {
    let h = MinHasher::new(NUM_PERM, 1);
    let a: Vec<u64> = (0..400u64)
        .map(|x| x.wrapping_mul(0x9E37_79B9_7F4A_7C15))
        .collect();
    let mut b = a[..300].to_vec();
    b.extend((1000..1100u64).map(|x| x.wrapping_mul(0x9E37_79B9_7F4A_7C15)));
    b.sort_unstable();
    let c: Vec<u64> = (5000..5400u64)
        .map(|x| x.wrapping_mul(0x9E37_79B9_7F4A_7C15))
        .collect();
    let mut index = LshIndex::new(LshParams::for_threshold(0.5, NUM_PERM));
    for (i, s) in [&a, &b, &c].iter().enumerate() {
        index.insert(i as u32, &h.signature(s));
    }
    assert_eq!(index.query(&h.signature(&a)), vec![0, 1]);
    assert_eq!(index.query(&h.signature(&c)), vec![2]);
}

#[test]
fn containment_prefix_filter_finds_a_small_excerpt_of_a_large_report() {
    let big: Vec<u64> = (0..2000u64).map(|x| x * 7 + 1).collect();
    let small: Vec<u64> = big[100..160].to_vec();
    let other: Vec<u64> = (0..500u64).map(|x| x * 7 + 3).collect();
    let found = prefix_pairs(&[&big, &other, &small], 0.6);
    assert_eq!(found, HashSet::from([pair_key(0, 2)]));
    // Either order: the small report first.
    let found = prefix_pairs(&[&small, &other, &big], 0.6);
    assert_eq!(found, HashSet::from([pair_key(0, 2)]));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn signature_agreement_estimates_jaccard(shared in 0usize..300, only_a in 0usize..300, only_b in 0usize..300) {
        prop_assume!(shared + only_a + only_b > 0);
        let mix = |x: u64| x.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (x >> 7);
        let a: Vec<u64> = (0..shared + only_a).map(|x| mix(x as u64)).collect();
        let b: Vec<u64> = (0..shared).chain(10_000..10_000 + only_b).map(|x| mix(x as u64)).collect();
        let h = MinHasher::new(512, 9);
        let est = estimate_jaccard(&h.signature(&a), &h.signature(&b));
        let truth = shared as f32 / (shared + only_a + only_b) as f32;
        // 512 permutations: standard error ≤ 0.022; five of them.
        prop_assert!((est - truth).abs() <= 0.11, "estimate {} for Jaccard {}", est, truth);
    }

    #[test]
    fn containment_candidates_cover_every_pair_over_the_threshold(
        sets in proptest::collection::vec(proptest::collection::btree_set(0u64..60, 1..30), 2..8),
        t in 0.2f32..1.0,
    ) {
        let sets: Vec<Vec<u64>> = sets.into_iter().map(|s| s.into_iter().collect()).collect();
        let refs: Vec<&[u64]> = sets.iter().map(|s| s.as_slice()).collect();
        let out = prefix_pairs(&refs, t);
        for i in 0..sets.len() {
            for j in i + 1..sets.len() {
                let inter = text::intersection_size(&sets[i], &sets[j]) as f32;
                let c = (inter / sets[i].len() as f32).max(inter / sets[j].len() as f32);
                if c >= t {
                    prop_assert!(out.contains(&pair_key(i as u32, j as u32)), "{} {} containment {} >= {}", i, j, c, t);
                }
            }
        }
    }
}
