//! Measures what the build embeds and how good the relations are (a measurement aid).
//!
//! `cargo run --release -p parallax-core --example evidence_report -- DIR`
//!
//! Prints the postcard size of the analysed corpus (what `parallax build` writes and the wasm
//! embeds) and of its parts, the story size distribution, and, when DIR holds a synthetic corpus's
//! `truth.json` (parallax-synth), precision and recall per relation against it:
//! * recall: planted relations (a derived from b) found with the relation expected of them;
//! * precision: pairs given a relation that the truth supports. A near duplicate is right when
//!   both reports descend from one text (copies, rewrites, excerpts of the same original), a
//!   same story when both report the same event, a shared quote when they report different
//!   events.

use parallax_core::{corpus_dir, Corpus, Relation};
use std::collections::{BTreeMap, HashMap};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: evidence_report DIR");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(&dir);
    let corpus = match corpus_dir::load_dir(dir) {
        Ok(c) => c,
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            std::process::exit(1);
        }
    };
    sizes(&corpus);
    story_sizes(&corpus);
    if let Ok(text) = std::fs::read_to_string(dir.join("truth.json")) {
        let truth: serde_json::Value = serde_json::from_str(&text).expect("truth.json is JSON");
        against_truth(&corpus, &truth);
    }
}

fn len<T: serde::Serialize>(value: &T) -> usize {
    postcard::to_allocvec(value).expect("serialises").len()
}

fn sizes(c: &Corpus) {
    println!(
        "reports {}, related pairs {}, evidence entries {}",
        c.reports.len(),
        c.pairs.len(),
        c.evidence.len()
    );
    println!(
        "postcard bytes: corpus {} (reports {}, pairs {}, evidence {}, stories {}, quotes {})",
        len(c),
        len(&c.reports),
        len(&c.pairs),
        len(&c.evidence),
        len(&c.stories),
        len(&c.quotes)
    );
}

fn story_sizes(c: &Corpus) {
    let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
    for s in &c.stories {
        *sizes.entry(s.reports.len()).or_default() += 1;
    }
    let hist: Vec<String> = sizes
        .iter()
        .map(|(size, n)| format!("{size}:{n}"))
        .collect();
    println!(
        "stories {} (size:count) {}",
        c.stories.len(),
        hist.join(" ")
    );
}

fn against_truth(c: &Corpus, truth: &serde_json::Value) {
    let str_of = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or_default().to_string();
    let reports = truth["reports"].as_array().expect("truth reports");
    let event: HashMap<String, u64> = reports
        .iter()
        .map(|r| (str_of(r, "id"), r["event"].as_u64().unwrap_or(u64::MAX)))
        .collect();
    let source: HashMap<String, (String, Option<String>)> = reports
        .iter()
        .map(|r| {
            (
                str_of(r, "id"),
                (str_of(r, "kind"), r["source"].as_str().map(String::from)),
            )
        })
        .collect();
    // The original a report's text descends from (itself unless it is a copy of something).
    let family = |id: &str| -> String {
        let mut id = id.to_string();
        while let Some((kind, Some(src))) = source.get(&id) {
            if !matches!(kind.as_str(), "exact_copy" | "light_rewrite" | "excerpt") {
                break;
            }
            id = src.clone();
        }
        id
    };
    let found: HashMap<(String, String), Relation> = c
        .pairs
        .iter()
        .flat_map(|p| {
            [
                ((p.a.clone(), p.b.clone()), p.relation),
                ((p.b.clone(), p.a.clone()), p.relation),
            ]
        })
        .collect();

    println!("relation        precision            recall (planted)");
    for (rel, name, kinds) in [
        (
            Relation::NearDuplicate,
            "near_duplicate",
            &["exact_copy", "light_rewrite", "excerpt"][..],
        ),
        (Relation::SameStory, "same_story", &["paraphrase"][..]),
        (Relation::SharesQuote, "shares_quote", &["stock_quote"][..]),
    ] {
        let given: Vec<_> = c.pairs.iter().filter(|p| p.relation == rel).collect();
        let right = given
            .iter()
            .filter(|p| {
                let same_event = event.get(&p.a).is_some_and(|e| Some(e) == event.get(&p.b));
                match rel {
                    Relation::NearDuplicate => family(&p.a) == family(&p.b),
                    Relation::SameStory => same_event,
                    _ => !same_event,
                }
            })
            .count();
        let planted: Vec<_> = truth["relations"]
            .as_array()
            .expect("truth relations")
            .iter()
            .filter(|r| kinds.contains(&r["kind"].as_str().unwrap_or("")))
            .collect();
        let hit = planted
            .iter()
            .filter(|r| found.get(&(str_of(r, "a"), str_of(r, "b"))) == Some(&rel))
            .count();
        println!(
            "{name:15} {:5.3} ({right:4}/{:4})   {:5.3} ({hit:3}/{:3})",
            ratio(right, given.len()),
            given.len(),
            ratio(hit, planted.len()),
            planted.len()
        );
    }
    // Stories against the truth's events: how many mix events, and how many same-event pairs a
    // story keeps together.
    let mixed = c
        .stories
        .iter()
        .filter(|s| {
            s.reports
                .iter()
                .map(|r| event.get(r))
                .collect::<std::collections::HashSet<_>>()
                .len()
                > 1
        })
        .count();
    let story_of: HashMap<&str, usize> = c
        .stories
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.reports.iter().map(move |r| (r.as_str(), i)))
        .collect();
    let ids: Vec<String> = reports.iter().map(|r| str_of(r, "id")).collect();
    let (mut same_event_pairs, mut together) = (0usize, 0usize);
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i + 1..] {
            if event.get(a) == event.get(b) {
                same_event_pairs += 1;
                if story_of
                    .get(a.as_str())
                    .is_some_and(|s| story_of.get(b.as_str()) == Some(s))
                {
                    together += 1;
                }
            }
        }
    }
    println!(
        "stories mixing events: {mixed} of {}; same-event report pairs in one story: {together}/{same_event_pairs} ({:.3})",
        c.stories.len(),
        ratio(together, same_event_pairs)
    );
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}
