//! The analysis does work linear in the corpus and in the pairs it keeps, never in the square
//! of a text or of a group of copies: counted, not timed. With the `work-count` feature (on for
//! these tests) the analysis counts what it examines (`ingest::work`): equal window pairs and
//! automaton steps of the longest run, quote sentence comparisons, candidate pairs emitted,
//! pairs verified. Quadratic behaviour shows as work growing ~64-fold when the input grows
//! 8-fold; these bounds allow ~10-fold.

use parallax_core::analysis::pairs::{evidence, ReportFeatures};
use parallax_core::ingest::work;
use parallax_core::model::{Paragraph, Quote, Report};

/// Work grows at most this much faster than the input.
const SLACK: f64 = 1.25;

fn report(id: &str, body: String, quotes: Vec<String>) -> Report {
    Report {
        id: id.into(),
        title: id.into(),
        event_date: "2024-07-09".parse().ok(),
        paragraphs: vec![Paragraph {
            text: body,
            ..Paragraph::default()
        }],
        quotes: quotes
            .into_iter()
            .map(|text| Quote {
                text,
                ..Quote::default()
            })
            .collect(),
        ..Report::default()
    }
}

/// Two reports repeating one sentence `n` times; the second has an extra closing sentence
/// when `differ`, and each repeat is a quote when `quoted`.
fn repetitive_pair(n: usize, differ: bool, quoted: bool) -> (Report, Report) {
    let sentence = if quoted {
        "“We will keep talking to them about the border,” he said. "
    } else {
        "The minister said the talks on the border went well. "
    };
    let quotes = |n: usize| {
        if quoted {
            vec!["We will keep talking to them about the border".to_string(); n]
        } else {
            Vec::new()
        }
    };
    let a = report("a", sentence.repeat(n), quotes(n));
    let mut body = sentence.repeat(n);
    if differ {
        body.push_str("An extra closing line makes this one differ.");
    }
    (a, report("b", body, quotes(n)))
}

fn evidence_work(a: &Report, b: &Report) -> (u64, usize) {
    let (fa, fb) = (ReportFeatures::new(a), ReportFeatures::new(b));
    work::take();
    let pair = evidence(&fa, &fb);
    (work::take(), pair.longest_run)
}

#[test]
fn evidence_work_is_linear_in_a_text_that_repeats_itself() {
    for (differ, quoted) in [(false, false), (true, false), (true, true)] {
        let (small, large) = (200, 1600);
        let (sa, sb) = repetitive_pair(small, differ, quoted);
        let (la, lb) = repetitive_pair(large, differ, quoted);
        let (ws, run_s) = evidence_work(&sa, &sb);
        let (wl, run_l) = evidence_work(&la, &lb);
        assert!(ws > 0, "no work counted (is the work-count feature on?)");
        // The longest run is the whole shorter text: the figures stay exact.
        let words = |r: &Report| parallax_core::analysis::text::words(&r.body_text()).len();
        assert_eq!((run_s, run_l), (words(&sa), words(&la)));
        let growth = wl as f64 / ws as f64;
        assert!(
            growth <= SLACK * (large / small) as f64,
            "differ {differ}, quoted {quoted}: 8x the repeats took {growth:.1}x the work ({ws} → {wl})"
        );
    }
}

/// [`copies_corpus`] with a sentence of its own at the end of each copy: near copies, not exact.
fn near_copies_corpus(copies: usize) -> Vec<Report> {
    let mut reports = copies_corpus(copies);
    for r in reports.iter_mut().filter(|r| r.id.starts_with("copy")) {
        let own = format!(" This copy was filed as {}.", r.id);
        r.paragraphs[0].text.push_str(&own);
    }
    reports
}

#[test]
fn relating_near_copies_is_linear_in_the_copies_on_both_paths() {
    use parallax_core::analysis::pairs::{corpus_features, Thresholds};
    use parallax_core::analysis::reuse::relate_heads_up_to;
    use parallax_core::progress::NoProgress;
    let t = Thresholds::default();
    for exact_up_to in [0, usize::MAX] {
        let run = |n: usize| {
            let features = corpus_features(&near_copies_corpus(n), &t);
            work::take();
            let found = relate_heads_up_to(&features, &t, None, &NoProgress, false, exact_up_to);
            (work::take(), found.pairs.len(), found.near_copy_groups)
        };
        let (small, large) = (50, 400);
        let (ws, ps, gs) = run(small);
        let (wl, pl, gl) = run(large);
        let growth = wl as f64 / ws as f64;
        // Candidates read the LSH buckets a group fills (cheap reads counted one per entry,
        // quadratic in the group; `bound` allows that, no more); the comparisons, counted by
        // their own work, stay linear.
        let bound = if exact_up_to == 0 {
            8.0 * 8.0
        } else {
            SLACK * 8.0
        };
        assert!(
            growth <= bound,
            "exact up to {exact_up_to}: 8x the near copies took {growth:.1}x the work ({ws} → {wl}); pairs {ps} → {pl}"
        );
        // The copies and the cut-down copy in one group, stored as a tree.
        assert_eq!(
            (gs.len(), gs[0].len(), gl[0].len()),
            (1, small + 1, large + 1)
        );
        // A tree inside the group, and each copy with the report quoting it.
        assert!(
            pl <= 2 * large + 8,
            "{pl} pairs stored for {large} near copies"
        );
    }
}

/// `count` reports of one day in words of their own, all naming one person and carrying one
/// quote: every pair is a candidate.
fn one_quote_corpus(count: usize) -> Vec<Report> {
    let quote = "We have a shared interest in combating threats to regional security".to_string();
    (0..count)
        .map(|i| Report {
            people: vec!["Matthew Miller".into()],
            event_date: Some("2024-07-08".parse().unwrap()),
            ..report(
                &format!("r{i}"),
                format!("Report {i} in words of its own. “{quote},” Matthew Miller said."),
                vec![quote.clone()],
            )
        })
        .collect()
}

#[test]
fn candidate_indexes_grow_with_the_reports_not_the_pairs_they_make() {
    use parallax_core::analysis::lsh::{PersonDateIndex, QuoteIndex};
    use parallax_core::analysis::pairs::{corpus_features, Thresholds};
    let t = Thresholds::default();
    let sizes = |n: usize| {
        let features = corpus_features(&one_quote_corpus(n), &t);
        (
            QuoteIndex::new(&features).len(),
            PersonDateIndex::new(&features, t.same_story_max_days).len(),
        )
    };
    let (small, large) = (50, 400);
    let ((qs, ps), (ql, pl)) = (sizes(small), sizes(large));
    assert!(qs > 0 && ps > 0);
    let growth = (large / small) as f64;
    assert!(
        ql as f64 <= SLACK * growth * qs as f64,
        "quotes {qs} → {ql}"
    );
    assert!(
        pl as f64 <= SLACK * growth * ps as f64,
        "people {ps} → {pl}"
    );
}

/// `copies` exact copies of a report that quotes and names people, plus a cut-down copy and a
/// report sharing one quote.
fn copies_corpus(copies: usize) -> Vec<Report> {
    let body = "The spokesperson said on Monday that the two countries share an interest in fighting terrorism in the region. \
                “We have a shared interest in combating threats to regional security,” Matthew Miller told reporters. \
                He added that decisions about the government were for the people of the country to make.";
    let quote = "We have a shared interest in combating threats to regional security".to_string();
    let mut reports: Vec<Report> = (0..copies)
        .map(|i| Report {
            people: vec!["Matthew Miller".into()],
            ..report(&format!("copy{i}"), body.into(), vec![quote.clone()])
        })
        .collect();
    let cut = body.split(". ").take(2).collect::<Vec<_>>().join(". ");
    reports.insert(copies / 2, report("cut", cut, vec![quote.clone()]));
    reports.push(report(
        "quoting",
        format!("An unrelated report on another day. “{quote},” he said again."),
        vec![quote],
    ));
    reports
}

#[test]
fn relating_copies_is_linear_in_the_copies() {
    use parallax_core::analysis::{lsh, Thresholds};
    let t = Thresholds::default();
    let run = |n: usize| {
        let reports = copies_corpus(n);
        work::take();
        let related = lsh::relate_scaled(&reports, &t);
        (work::take(), related.pairs.len(), related.copy_groups)
    };
    let (small, large) = (50, 400);
    let (ws, ps, gs) = run(small);
    let (wl, pl, gl) = run(large);
    let growth = wl as f64 / ws as f64;
    assert!(
        growth <= SLACK * (large / small) as f64,
        "8x the copies took {growth:.1}x the work ({ws} → {wl}); pairs {ps} → {pl}"
    );
    assert_eq!((gs.len(), gs[0].len(), gl[0].len()), (1, small, large));
    // A star inside the group, and a few pairs with each other report.
    assert!(pl <= large + 8, "{pl} pairs stored for {large} copies");
}

#[test]
fn the_quote_ledger_is_linear_in_repeated_quotes() {
    use parallax_core::analysis::quotes::ledger;
    let copies = |n: usize| {
        let reports = copies_corpus(n);
        work::take();
        let entries = ledger(&reports);
        (work::take(), entries)
    };
    let repeats = |n: usize| {
        let (a, b) = repetitive_pair(n, true, true);
        work::take();
        let entries = ledger(&[a, b]);
        (work::take(), entries)
    };
    let (small, large) = (50, 400);
    for (name, run) in [
        ("copies", &copies as &dyn Fn(usize) -> _),
        ("repeats", &repeats),
    ] {
        let (ws, es) = run(small);
        let (wl, el) = run(large);
        assert!(ws > 0, "{name}: no work counted");
        let growth = wl as f64 / ws as f64;
        assert!(
            growth <= SLACK * (large / small) as f64,
            "{name}: 8x the repeats took {growth:.1}x the work ({ws} → {wl})"
        );
        // One entry for the repeated line, with every printing.
        let printings =
            |e: &[parallax_core::model::QuoteEntry]| e.iter().map(|e| e.occurrences.len()).max();
        assert_eq!(es.len(), el.len(), "{name}");
        assert!(printings(&el) >= Some(large), "{name}");
    }
}

#[test]
fn reading_metadata_is_linear_in_the_files() {
    use parallax_core::metadata::parse_toml;
    let run = |n: usize| {
        let names: Vec<String> = (0..n).map(|i| format!("{i:04}_report.txt")).collect();
        let text: String = names
            .iter()
            .map(|name| {
                format!("[files.\"{name}\"]\noutlet = \"Daily\"\n\n[files.\"{name}\".reports.1]\ntitle = \"Second\"\n\n")
            })
            .collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        work::take();
        let (meta, diags) = parse_toml(&text, "metadata.toml", &refs);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(meta.files.len(), n);
        work::take()
    };
    let (small, large) = (50, 400);
    let (ws, wl) = (run(small), run(large));
    assert!(ws > 0, "no work counted");
    let growth = wl as f64 / ws as f64;
    assert!(
        growth <= SLACK * (large / small) as f64,
        "8x the files took {growth:.1}x the work ({ws} → {wl})"
    );
}

#[test]
fn the_quote_ledger_is_linear_in_distinct_quotes_sharing_a_stock_phrase() {
    use parallax_core::analysis::quotes::ledger;
    // Every report quotes its own sentence, all opening with one stock phrase shorter than a
    // matching run (QUOTE_MIN_RUN): no two match. (A stock opening of a matching run's length
    // still pairs every two sentences: they are candidates, rejected by the share rule.)
    let run = |n: usize| {
        let reports: Vec<Report> = (0..n)
            .map(|i| {
                let quote = format!(
                    "The people of this country saw decision {i} made by officials in the capital"
                );
                report(
                    &format!("r{i}"),
                    format!("“{quote},” he said."),
                    vec![quote],
                )
            })
            .collect();
        work::take();
        let entries = ledger(&reports);
        (work::take(), entries.len())
    };
    let (small, large) = (50, 400);
    let ((ws, es), (wl, el)) = (run(small), run(large));
    assert_eq!((es, el), (small, large));
    let growth = wl as f64 / ws as f64;
    assert!(
        growth <= SLACK * (large / small) as f64,
        "8x the quotes took {growth:.1}x the work ({ws} → {wl})"
    );
}

#[test]
fn inferring_dates_is_linear_in_the_stories() {
    use parallax_core::analysis::stories::infer_dates;
    use parallax_core::model::Story;
    // Stories of two reports, one dated and one not.
    let run = |n: usize| {
        let mut reports: Vec<Report> = (0..2 * n)
            .map(|i| {
                let mut r = report(&format!("r{i}"), String::new(), Vec::new());
                if i % 2 == 1 {
                    r.event_date = None;
                }
                r
            })
            .collect();
        let stories: Vec<Story> = (0..n)
            .map(|s| Story {
                id: format!("s{s}"),
                date: "2024-07-09".parse().ok(),
                reports: vec![format!("r{}", 2 * s), format!("r{}", 2 * s + 1)],
                ..Story::default()
            })
            .collect();
        work::take();
        infer_dates(&mut reports, &stories);
        assert!(reports.iter().all(|r| r.event_date.is_some()));
        work::take()
    };
    let (small, large) = (50, 400);
    let (ws, wl) = (run(small), run(large));
    assert!(ws > 0, "no work counted");
    let growth = wl as f64 / ws as f64;
    assert!(
        growth <= SLACK * (large / small) as f64,
        "8x the stories took {growth:.1}x the work ({ws} → {wl})"
    );
}
