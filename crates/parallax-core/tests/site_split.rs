//! The site's data (`parallax_core::site`): a catalogue and shards that give the corpus back,
//! and search from the shards a query needs giving what the whole index gives.

mod common;

use parallax_core::metadata::Metadata;
use parallax_core::model::Corpus;
use parallax_core::query::{
    folded_report, search_terms, ChunkedIndex, FacetKind, Query, QueryIndex, SearchShard,
};
use parallax_core::site::{
    expand_pairs, join, split, write_site, BodyShard, Catalogue, TitleShard,
    REPORTS_PER_BODY_SHARD, TITLES_PER_SHARD,
};
use parallax_core::{build_corpus, SourceFile};
use std::collections::HashSet;

fn seeds() -> Corpus {
    common::parse_dir(&common::repo_root().join("corpus"))
}

fn crafted() -> Corpus {
    common::parse_dir(&common::repo_root().join("tests/e2e/fixtures/crafted"))
}

fn synthetic(n: usize) -> Corpus {
    let files: Vec<SourceFile> = common::synth_files(n, 2024);
    build_corpus(&files, &Metadata::default(), &[], &common::options())
}

#[test]
fn a_split_corpus_joins_back_whole() {
    for corpus in [seeds(), crafted(), synthetic(300)] {
        let parts = split(corpus.clone());
        // The catalogue holds no text, and no title.
        assert!(parts
            .catalogue
            .reports
            .iter()
            .all(|r| r.paragraphs.is_empty()
                && r.quotes.is_empty()
                && r.standfirst.is_empty()
                && r.title.is_empty()));
        // Bodies go in timeline order, a fixed number a shard.
        let order = parallax_core::query::timeline_order(&corpus.reports);
        let in_shards: Vec<usize> = parts
            .bodies
            .iter()
            .flat_map(|s| s.reports.iter().map(|&r| r as usize))
            .collect();
        assert_eq!(in_shards, order);
        assert!(parts
            .bodies
            .iter()
            .all(|s| s.reports.len() <= REPORTS_PER_BODY_SHARD));
        // Titles go in timeline order too, a fixed number a shard.
        let titles: Vec<&str> = parts
            .titles
            .iter()
            .flat_map(|s| s.titles.iter().map(String::as_str))
            .collect();
        let in_order: Vec<&str> = order
            .iter()
            .map(|&i| corpus.reports[i].title.as_str())
            .collect();
        assert_eq!(titles, in_order);
        assert!(parts
            .titles
            .iter()
            .all(|s| s.titles.len() <= TITLES_PER_SHARD));
        assert_eq!(
            join(
                &parts.catalogue,
                &parts.bodies,
                &parts.titles,
                &parts.ledger,
                &parts.pairs
            ),
            corpus
        );
    }
}

#[test]
fn the_catalogues_pairs_give_every_relation_and_reason_as_built() {
    for corpus in [seeds(), crafted(), synthetic(300)] {
        let parts = split(corpus.clone());
        let expanded = expand_pairs(&parts.catalogue.pairs, &parts.catalogue.reports);
        assert_eq!(expanded.len(), corpus.pairs.len());
        assert!(!expanded.is_empty());
        for (e, p) in expanded.iter().zip(&corpus.pairs) {
            assert_eq!(
                (&e.a, &e.b, e.relation, &e.why),
                (&p.a, &p.b, p.relation, &p.why)
            );
            assert_eq!(e.shared_quotes.len(), p.shared_quotes.len());
            assert_eq!(e.stock_quotes.len(), p.stock_quotes.len());
            assert_eq!(
                (&e.shared_people, &e.shared_places),
                (&p.shared_people, &p.shared_places)
            );
            assert_eq!(
                (e.jaccard, e.longest_run, e.date_distance_days),
                (p.jaccard, p.longest_run, p.date_distance_days)
            );
        }
    }
}

#[test]
fn every_file_is_named_by_its_bytes_and_the_catalogue_names_every_shard() {
    let corpus = synthetic(120);
    let corpus_again = corpus.clone();
    let site = write_site(corpus.clone()).unwrap();
    let again = write_site(corpus).unwrap();
    assert_eq!(site, again, "the same corpus gives the same files");
    let names: HashSet<&str> = site.files.iter().map(|f| f.name.as_str()).collect();
    let catalogue_file = site
        .files
        .iter()
        .find(|f| f.name == site.catalogue)
        .unwrap();
    let catalogue: Catalogue = postcard::from_bytes(&catalogue_file.bytes).unwrap();
    let files = &catalogue.files;
    for name in files
        .bodies
        .iter()
        .chain(&files.titles)
        .chain(&files.search_words)
        .chain(&files.search_prefixes)
        .chain([&files.ledger, &files.pairs])
    {
        assert!(names.contains(name.as_str()), "{name} is not written");
    }
    for f in &site.files {
        let hash = xxhash_rust::xxh3::xxh3_64(&f.bytes);
        assert!(
            f.name.ends_with(&format!("-{hash:016x}.postcard")),
            "{}",
            f.name
        );
    }
    let bodies: Vec<BodyShard> = files
        .bodies
        .iter()
        .map(|n| {
            let f = site.files.iter().find(|f| &f.name == n).unwrap();
            postcard::from_bytes(&f.bytes).unwrap()
        })
        .collect();
    assert_eq!(files.reports_per_body as usize, REPORTS_PER_BODY_SHARD);
    assert_eq!(bodies.len(), 120usize.div_ceil(REPORTS_PER_BODY_SHARD));
    // Each report's title is found where the catalogue says, by its timeline rank.
    assert_eq!(files.titles_per_shard as usize, TITLES_PER_SHARD);
    let titles: Vec<TitleShard> = files
        .titles
        .iter()
        .map(|n| {
            assert!(n.starts_with("titles-"), "{n}");
            let f = site.files.iter().find(|f| &f.name == n).unwrap();
            postcard::from_bytes(&f.bytes).unwrap()
        })
        .collect();
    assert_eq!(titles.len(), 120usize.div_ceil(TITLES_PER_SHARD));
    let order = parallax_core::query::timeline_order(&catalogue.reports);
    assert_eq!(
        order,
        parallax_core::query::timeline_order(&corpus_again.reports)
    );
    for (rank, &i) in order.iter().enumerate() {
        let shard = &titles[catalogue.title_shard_of(rank)];
        assert_eq!(
            shard.title_at(&catalogue, rank),
            Some(corpus_again.reports[i].title.as_str())
        );
        assert!(catalogue.reports[i].title.is_empty());
    }
}

/// Queries from the corpus's own words: whole words, the prefixes typed on the way to them,
/// pairs of words, phrases and words with punctuation.
fn queries(corpus: &Corpus, limit: usize) -> Vec<String> {
    let mut queries = vec![
        String::new(),
        "s".into(),
        "th".into(),
        "\"the\"".into(),
        "-".into(),
    ];
    for r in corpus.reports.iter().step_by(3) {
        let words: Vec<&str> = r.title.split_whitespace().collect();
        for (i, w) in words.iter().enumerate().take(4) {
            for end in (1..=w.len()).filter(|&e| w.is_char_boundary(e)) {
                queries.push(w[..end].to_string());
            }
            if let Some(next) = words.get(i + 1) {
                queries.push(format!("{w} {next}"));
                queries.push(format!("\"{w} {next}\""));
                queries.push(format!("{w} {}", next.chars().next().unwrap_or('a')));
            }
        }
        if let Some(p) = r.paragraphs.first() {
            let lead: Vec<&str> = p.text.split_whitespace().take(3).collect();
            queries.push(format!("\"{}\"", lead.join(" ")));
        }
    }
    queries.truncate(limit);
    queries
}

/// Every query answered from only the shards it asks for, its phrases confirmed on the text of
/// the candidates it names, equals the whole index's answer: matches, ranking, facet counts.
fn check_sharded_search(corpus: &Corpus, limit: usize) {
    let whole = QueryIndex::new(corpus);
    let parts = split(corpus.clone());
    let catalogue = &parts.catalogue;
    let pairs = expand_pairs(&catalogue.pairs, &catalogue.reports);
    let paged = QueryIndex::from_reports(&catalogue.reports, &pairs);
    let folded: Vec<String> = corpus.reports.iter().map(|r| folded_report(r).0).collect();
    let duplicates = paged.duplicate_set(paged.default_duplicates());
    let mut found = 0;
    let queries = queries(corpus, limit);
    for text in &queries {
        let mut query = Query {
            text: text.clone(),
            ..Query::default()
        };
        if text.len() % 5 == 0 {
            if let Some(topic) = corpus.reports.iter().flat_map(|r| &r.topics).next() {
                query.facets.toggle(FacetKind::Topic, &topic.topic);
            }
        }
        let needed = catalogue.search.shards_for(&search_terms(text));
        let index = ChunkedIndex::new(
            &catalogue.search,
            |i| {
                needed
                    .contains(&SearchShard::Words(i))
                    .then(|| &parts.search_words[i as usize])
            },
            |i| {
                needed
                    .contains(&SearchShard::Prefixes(i))
                    .then(|| &parts.search_prefixes[i as usize])
            },
        );
        // Without any text at hand, a phrase names the candidates it must read.
        let answer = match paged.run_from(&query, &duplicates, &index, |_| None) {
            Ok(answer) => answer,
            Err(missing) => {
                assert!(!missing.is_empty());
                let missing: HashSet<u32> = missing.into_iter().collect();
                paged
                    .run_from(&query, &duplicates, &index, |r| {
                        missing.contains(&r).then(|| folded[r as usize].as_str())
                    })
                    .expect("the text asked for is enough")
            }
        };
        let expected = whole.run(&query, whole.default_duplicates());
        assert_eq!(answer, expected, "query {text:?}");
        found += usize::from(!expected.matches.is_empty());
    }
    // The queries come from the corpus: most must find something, or the check proves little.
    assert!(found * 2 > queries.len(), "{found} of {}", queries.len());
}

#[test]
fn search_from_the_shards_a_query_needs_equals_the_whole_index() {
    check_sharded_search(&seeds(), 400);
    check_sharded_search(&crafted(), 400);
    check_sharded_search(&synthetic(400), 1500);
}
