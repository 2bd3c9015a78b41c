//! How big a title shard should be: for typical searches on a built site, the title shards the
//! first page of ranked results touches (its results' titles and those of the two related
//! reports each links to, as the list shows them), and their bytes (gzip), for several block
//! sizes, with blocks cut by timeline rank (as the build does) and by report index; beside it,
//! the body shards the same page reads for its snippets.
//!
//! `cargo run --release -p parallax-cli --example title_blocks -- SITE_DIR [QUERY…]`
//! (SITE_DIR: what `parallax build DIR --site SITE_DIR` wrote).

use flate2::write::GzEncoder;
use flate2::Compression;
use parallax_core::analysis::copies::CopyIndex;
use parallax_core::display::related_pairs;
use parallax_core::query::{ChunkedIndex, PrefixShard, Query, QueryIndex, WordShard, PAGE_SIZE};
use parallax_core::site::{expand_pairs, put_titles, Catalogue, TitleShard};
use serde::de::DeserializeOwned;
use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::path::Path;

const BLOCKS: [usize; 7] = [8, 16, 32, 64, 128, 256, 1024];
const QUERIES: [&str; 10] = [
    "water",
    "islamabad talks",
    "border",
    "visa",
    "security",
    "iran",
    "flood relief",
    "internal matter",
    "china",
    "pakistan",
];

fn read<T: DeserializeOwned>(dir: &Path, name: &str) -> T {
    let bytes = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    postcard::from_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Each of the shards `names`.
fn read_each<T: DeserializeOwned>(dir: &Path, names: &[String]) -> Vec<T> {
    names.iter().map(|n| read(dir, n)).collect()
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(bytes).expect("gzip in memory");
    gz.finish().expect("gzip in memory").len()
}

/// Gzip bytes of each block of `block` titles, the titles taken in `order`.
fn block_bytes(titles: &[String], order: &[usize], block: usize) -> Vec<usize> {
    order
        .chunks(block)
        .map(|chunk| {
            let shard = TitleShard {
                titles: chunk.iter().map(|&i| titles[i].clone()).collect(),
            };
            gzip_len(&postcard::to_allocvec(&shard).expect("postcard"))
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(Path::new) else {
        eprintln!("usage: title_blocks SITE_DIR [QUERY…]");
        std::process::exit(2);
    };
    let queries: Vec<String> = if args.len() > 1 {
        args[1..].to_vec()
    } else {
        QUERIES.iter().map(|q| q.to_string()).collect()
    };
    let pointer = std::fs::read_to_string(dir.join("catalogue")).expect("the catalogue pointer");
    let catalogue: Catalogue = read(dir, pointer.trim());
    let title_shards: Vec<TitleShard> = read_each(dir, &catalogue.files.titles);
    let words: Vec<WordShard> = read_each(dir, &catalogue.files.search_words);
    let prefixes: Vec<PrefixShard> = read_each(dir, &catalogue.files.search_prefixes);
    let mut reports = catalogue.reports.clone();
    let pairs = expand_pairs(&catalogue.pairs, &reports);
    let index = QueryIndex::from_reports(&reports, &pairs);
    put_titles(&mut reports, index.timeline_order(), &title_shards);
    let titles: Vec<String> = reports.iter().map(|r| r.title.clone()).collect();
    let n = titles.len();
    let by_rank = index.timeline_order().to_vec();
    let by_index: Vec<usize> = (0..n).collect();
    let rank_of = index.timeline_positions();
    let source = ChunkedIndex::new(
        &catalogue.search,
        |i| words.get(i as usize),
        |i| prefixes.get(i as usize),
    );
    let duplicates = index.duplicate_set(index.default_duplicates());
    // The related reports each result links to (the first two), at the default thresholds.
    let copies = CopyIndex::new(n, &catalogue.copy_groups);
    let position: HashMap<&str, u32> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i as u32))
        .collect();
    let pos = |id: &str| position.get(id).copied();
    let mut by_report: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (k, p) in pairs.iter().enumerate() {
        for end in [&p.a, &p.b] {
            if let Some(i) = pos(end) {
                by_report[i as usize].push(k as u32);
            }
        }
    }
    let with_related = |page: &[usize]| -> Vec<usize> {
        let mut shown = page.to_vec();
        for &i in page {
            let related = related_pairs(&reports, &copies, &pairs, &by_report, &pos, i);
            for p in related.iter().take(2) {
                let other = if p.a == reports[i].id { &p.b } else { &p.a };
                shown.extend(pos(other).map(|o| o as usize));
            }
        }
        shown
    };
    let body_bytes: Vec<usize> = catalogue
        .files
        .bodies
        .iter()
        .map(|name| gzip_len(&std::fs::read(dir.join(name)).expect("a body shard")))
        .collect();
    // The first page of each query, and the default view's (no query: timeline order).
    let mut pages: Vec<(String, Vec<usize>)> = Vec::new();
    for text in std::iter::once(String::new()).chain(queries) {
        let query = Query {
            text: text.clone(),
            ..Query::default()
        };
        let Ok(result) = index.run_from(&query, &duplicates, &source, |_| None) else {
            eprintln!("{text:?} needs text to confirm: left out");
            continue;
        };
        let page: Vec<usize> = result.ranked.iter().take(PAGE_SIZE).copied().collect();
        let bodies: BTreeSet<usize> = page
            .iter()
            .map(|&i| catalogue.body_shard_of_rank(rank_of[i] as usize))
            .collect();
        let shown = with_related(&page);
        println!(
            "{text:?}: {} titles shown; its snippets read {} body shards, {:.1} KB gzip",
            shown.len(),
            bodies.len(),
            bodies.iter().map(|&b| body_bytes[b]).sum::<usize>() as f64 / 1024.0
        );
        let name = if text.is_empty() {
            "(default view)".into()
        } else {
            text
        };
        pages.push((name, shown));
    }
    let total_gzip: usize = block_bytes(&titles, &by_rank, n.max(1)).iter().sum();
    println!(
        "{n} reports; every title in one block: {:.1} KB gzip; first page: {PAGE_SIZE} results",
        total_gzip as f64 / 1024.0
    );
    println!("| titles a shard | cut by | shards | default view: shards, KB | search page (median of {}): shards, KB |", pages.len() - 1);
    println!("| --- | --- | --- | --- | --- |");
    for block in BLOCKS {
        for (cut, order, key) in [
            ("rank", &by_rank, &|i: usize| rank_of[i] as usize / block),
            ("index", &by_index, &|i: usize| i / block),
        ] as [(&str, &Vec<usize>, &dyn Fn(usize) -> usize); 2]
        {
            let bytes = block_bytes(&titles, order, block);
            let cost = |page: &[usize]| {
                let shards: BTreeSet<usize> = page.iter().map(|&i| key(i)).collect();
                (
                    shards.len(),
                    shards.iter().map(|&s| bytes[s]).sum::<usize>(),
                )
            };
            let (default_shards, default_bytes) = cost(&pages[0].1);
            let mut searches: Vec<(usize, usize)> =
                pages[1..].iter().map(|(_, p)| cost(p)).collect();
            searches.sort_unstable();
            let (s, b) = searches
                .get(searches.len() / 2)
                .copied()
                .unwrap_or_default();
            println!(
                "| {block} | {cut} | {} | {default_shards}, {:.1} | {s}, {:.1} |",
                bytes.len(),
                default_bytes as f64 / 1024.0,
                b as f64 / 1024.0
            );
        }
    }
}
