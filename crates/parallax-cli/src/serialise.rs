//! The corpus postcard-serialised on all cores, byte for byte what `postcard::to_allocvec`
//! gives: postcard writes a struct as its fields one after the other and a sequence as its
//! length (a varint) then its items, with no other framing, so pieces serialised apart can be
//! written one after the other.

use parallax_core::Corpus;
use serde::Serialize;

/// Items per piece of a long sequence: large enough that a piece's buffer is worth its job.
const ITEMS_PER_PIECE: usize = 256;

type Job<'a> = Box<dyn Fn() -> postcard::Result<Vec<u8>> + Send + Sync + 'a>;

/// The serialised corpus as pieces to write in order.
pub fn corpus_pieces(corpus: &Corpus) -> postcard::Result<Vec<Vec<u8>>> {
    // Spelled out, so a new field of `Corpus` cannot be left out silently.
    let Corpus {
        reports,
        pairs,
        evidence,
        stories,
        copy_groups,
        near_copy_groups,
        stock_runs,
        quotes,
        topics,
        diagnostics,
    } = corpus;
    let mut jobs: Vec<Job> = Vec::new();
    sequence(reports, &mut jobs);
    sequence(pairs, &mut jobs);
    sequence(evidence, &mut jobs);
    sequence(stories, &mut jobs);
    sequence(copy_groups, &mut jobs);
    sequence(near_copy_groups, &mut jobs);
    sequence(stock_runs, &mut jobs);
    sequence(quotes, &mut jobs);
    sequence(topics, &mut jobs);
    sequence(diagnostics, &mut jobs);
    parallax_core::par::map(&jobs, |job| job())
        .into_iter()
        .collect()
}

/// A sequence's length, then its items in pieces.
fn sequence<'a, T: Serialize + Sync>(items: &'a [T], jobs: &mut Vec<Job<'a>>) {
    jobs.push(Box::new(move || {
        postcard::to_allocvec(&(items.len() as u64))
    }));
    for piece in items.chunks(ITEMS_PER_PIECE) {
        jobs.push(Box::new(move || {
            piece
                .iter()
                .try_fold(Vec::new(), |out, item| postcard::to_extend(item, out))
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::model::{Diagnostic, Level, Report};

    #[test]
    fn the_pieces_are_the_whole_corpus_serialised() {
        let report = |i: usize| Report {
            id: format!("r{i}"),
            title: "é".repeat(i % 7),
            ..Default::default()
        };
        for n in [
            0,
            1,
            ITEMS_PER_PIECE,
            ITEMS_PER_PIECE + 1,
            3 * ITEMS_PER_PIECE + 5,
        ] {
            let corpus = Corpus {
                reports: (0..n).map(report).collect(),
                copy_groups: vec![vec![0, 300], vec![]],
                near_copy_groups: vec![vec![1, 2, 9]],
                stock_runs: vec![parallax_core::StockRun {
                    report: 3,
                    sentence: 1,
                    start: 2,
                    len: 8,
                }],
                diagnostics: vec![Diagnostic {
                    file: "a.txt".into(),
                    line: 2,
                    level: Level::Warning,
                    message: "m".into(),
                    report: None,
                }],
                ..Default::default()
            };
            let pieces = corpus_pieces(&corpus).unwrap();
            assert_eq!(
                pieces.concat(),
                postcard::to_allocvec(&corpus).unwrap(),
                "{n}"
            );
        }
    }
}
