use super::*;
use std::collections::HashMap;

fn corpus(n: usize, seed: u64) -> SynthCorpus {
    generate(&SynthConfig::new(n, seed))
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let a = corpus(120, 7);
    let b = corpus(120, 7);
    let c = corpus(120, 8);
    assert_eq!(a.files.len(), b.files.len());
    for (x, y) in a.files.iter().zip(&b.files) {
        assert_eq!(x.name, y.name);
        assert_eq!(x.text, y.text);
    }
    assert_eq!(a.truth_json(), b.truth_json());
    assert_ne!(a.files[0].text, c.files[0].text);
}

#[test]
fn every_planted_kind_is_present_with_its_signature() {
    let c = corpus(400, 3);
    assert_eq!(c.reports.len(), 400);
    let by_id: HashMap<&str, &TruthReport> = c.reports.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut seen: HashMap<Planted, usize> = HashMap::new();
    for rel in &c.relations {
        *seen.entry(rel.kind).or_default() += 1;
        let (a, b) = (by_id[rel.a.as_str()], by_id[rel.b.as_str()]);
        match rel.kind {
            Planted::ExactCopy => {
                assert_eq!(a.body, b.body);
                assert_eq!(rel.jaccard, 1.0);
            }
            Planted::LightRewrite => {
                assert!(
                    (0.3..=0.8).contains(&rel.jaccard),
                    "rewrite {} ~ {}: jaccard {}",
                    rel.a,
                    rel.b,
                    rel.jaccard
                );
                assert_eq!(a.event, b.event);
                assert_ne!(a.body, b.body);
            }
            Planted::Excerpt => {
                assert!(
                    rel.containment_a_in_b > 0.9,
                    "excerpt {}: containment {}",
                    rel.a,
                    rel.containment_a_in_b
                );
                assert!(a.body.len() < b.body.len());
            }
            Planted::Paraphrase => {
                assert!(
                    rel.jaccard < 0.15,
                    "paraphrase {} ~ {}: jaccard {}",
                    rel.a,
                    rel.b,
                    rel.jaccard
                );
                assert!(rel.shared_quotes.len() >= 2);
                assert_eq!(a.event_date, b.event_date);
                assert_eq!(a.speaker, b.speaker);
            }
            Planted::StockQuote => {
                assert_eq!(rel.shared_quotes.len(), 1, "{} ~ {}", rel.a, rel.b);
                assert_ne!(a.event, b.event);
                assert_ne!(a.event_date, b.event_date);
                assert!(rel.jaccard < 0.1);
            }
            Planted::Original => unreachable!("originals have no source"),
        }
        assert_eq!(a.source.as_deref(), Some(rel.b.as_str()));
    }
    for k in [
        Planted::ExactCopy,
        Planted::LightRewrite,
        Planted::Excerpt,
        Planted::Paraphrase,
        Planted::StockQuote,
    ] {
        assert!(seen.get(&k).copied().unwrap_or(0) >= 5, "{k:?}: {seen:?}");
    }
}

#[test]
fn unrelated_reports_share_little_text() {
    let c = corpus(150, 11);
    let originals: Vec<&TruthReport> = c
        .reports
        .iter()
        .filter(|r| r.kind == Planted::Original)
        .collect();
    let sets: Vec<_> = originals.iter().map(|r| shingles(&r.body)).collect();
    let mut worst = 0.0f32;
    for i in 0..sets.len() {
        for j in i + 1..sets.len() {
            if originals[i].event != originals[j].event {
                worst = worst.max(overlap(&sets[i], &sets[j]).0);
            }
        }
    }
    assert!(
        worst < 0.1,
        "two unrelated originals share {worst} of their shingles"
    );
}

#[test]
fn line_ranges_locate_each_report_and_its_title() {
    let c = corpus(300, 5);
    let two = c.reports.iter().filter(|r| r.index == 1).count();
    assert!(two > 0, "some pages carry two reports");
    // Some styles print the title in title case with straight quotes.
    let fold = |s: &str| {
        s.replace(['“', '”'], "\"")
            .replace(['‘', '’'], "'")
            .to_lowercase()
    };
    for r in &c.reports {
        let text = c.report_text(r);
        let title = fold(&r.title);
        assert!(text.lines().any(|l| fold(l).contains(&title)), "{}", r.id);
        let first_words: String = r
            .body
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join(" ");
        let flat = text.replace(['"', '“', '”'], "").replace('\'', "’");
        let probe = first_words.replace(['"', '“', '”'], "").replace('\'', "’");
        assert!(
            flat.contains(probe.as_str())
                || flat.contains(probe.split_once(' ').map_or("", |p| p.1)),
            "{}: body not in its lines",
            r.id
        );
        assert!(r.id.starts_with(r.file.trim_end_matches(".txt")));
    }
    let names: HashSet<&str> = c.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names.len(), c.files.len());
}

#[test]
fn write_dir_refuses_foreign_txt_and_replaces_its_own() {
    let dir = std::env::temp_dir().join(format!("parallax-synth-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("mine.txt"), "a report").unwrap();
    assert!(corpus(10, 1).write_dir(&dir).is_err());
    std::fs::remove_file(dir.join("mine.txt")).unwrap();
    corpus(30, 1).write_dir(&dir).unwrap();
    corpus(12, 1).write_dir(&dir).unwrap();
    let txt = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .count();
    assert_eq!(txt, corpus(12, 1).files.len());
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("truth.json")).unwrap()).unwrap();
    assert_eq!(truth["reports"].as_array().unwrap().len(), 12);
    std::fs::remove_dir_all(&dir).unwrap();
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(12))]
    #[test]
    fn any_seed_gives_the_asked_number_of_reports_and_valid_relations(seed in 0u64..10_000, n in 1usize..60) {
        let c = corpus(n, seed);
        proptest::prop_assert_eq!(c.reports.len(), n);
        let ids: HashSet<&str> = c.reports.iter().map(|r| r.id.as_str()).collect();
        proptest::prop_assert_eq!(ids.len(), n);
        for rel in &c.relations {
            proptest::prop_assert!(ids.contains(rel.a.as_str()) && ids.contains(rel.b.as_str()));
            proptest::prop_assert!(rel.a != rel.b);
        }
        for f in &c.files {
            proptest::prop_assert!(!f.text.trim().is_empty());
        }
    }
}
