//! Progress of a long build, reported to the caller: which stage runs, and how far it is.
//!
//! The core reads no clock and draws nothing: it says when each stage begins (with the number of
//! units of work when it is known) and advances the count as the work is done; the CLI times the
//! stages (`--timings`) and draws bars (`parallax build`). [`NoProgress`] ignores it all.

/// A listener for the stages of [`crate::corpus_dir::load_dir_marked`],
/// [`crate::build_corpus_marked`] and [`crate::analysis::analyze_marked`].
///
/// Stages begin in order: "read" (files), "parse" (files), "topics" (reports), "features"
/// (reports), "stock quotes", "copies", then "all pairs", or "candidates" and "verification"
/// (reports, each with its candidate partners), then "pairs", "evidence", "stories", "dates", "quote ledger". A stage ends
/// when the next begins (or the call returns).
///
/// `advance` may be called from several threads at once (the `parallel` feature), in coarse
/// steps (a file, a report): implementations count with atomics.
pub trait Progress: Sync {
    /// The stage `name` begins; `total` is its number of units of work, when known.
    fn stage(&self, name: &'static str, total: Option<u64>);
    /// `n` more units of the current stage are done.
    fn advance(&self, n: u64);
}

/// Reports nowhere.
pub struct NoProgress;

impl Progress for NoProgress {
    fn stage(&self, _: &'static str, _: Option<u64>) {}
    fn advance(&self, _: u64) {}
}

#[cfg(test)]
mod tests {
    use super::Progress;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Mutex;

    /// Records each stage with its total and the sum of its advances.
    #[derive(Default)]
    struct Record {
        stages: Mutex<Vec<(&'static str, Option<u64>)>>,
        done: Mutex<Vec<u64>>,
        current: AtomicU64,
    }

    impl Progress for Record {
        fn stage(&self, name: &'static str, total: Option<u64>) {
            let mut done = self.done.lock().unwrap();
            if !self.stages.lock().unwrap().is_empty() {
                done.push(self.current.swap(0, Ordering::Relaxed));
            }
            self.stages.lock().unwrap().push((name, total));
        }
        fn advance(&self, n: u64) {
            self.current.fetch_add(n, Ordering::Relaxed);
        }
    }

    fn synthetic(n: usize) -> Vec<crate::SourceFile> {
        parallax_synth::generate(&parallax_synth::SynthConfig::new(n, 5))
            .files
            .iter()
            .map(|f| crate::SourceFile::new(f.name.as_str(), f.text.as_bytes()))
            .collect()
    }

    fn options() -> crate::ParseOptions {
        crate::ParseOptions::new(chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap())
    }

    /// The stages entered, each with its total and the sum of its advances.
    fn stages(record: Record) -> Vec<(&'static str, Option<u64>, u64)> {
        record.stage("end", None);
        let stages = record.stages.into_inner().unwrap();
        let done = record.done.into_inner().unwrap();
        stages
            .into_iter()
            .zip(done)
            .map(|((name, total), done)| (name, total, done))
            .collect()
    }

    /// Every stage with a total is advanced exactly to it (files for parse, reports for topics
    /// and features, rows for all pairs); a stage without one is not advanced.
    #[test]
    fn advances_add_up_to_the_totals() {
        let files = synthetic(40);
        let record = Record::default();
        let corpus =
            crate::build_corpus_marked(&files, &Default::default(), &[], &options(), &record);
        let stages = stages(record);
        let reports = corpus.reports.len() as u64;
        // One row per representative of exact copies: at most the reports.
        let heads = stages
            .iter()
            .find(|s| s.0 == "all pairs")
            .and_then(|s| s.1)
            .filter(|&h| (1..=reports).contains(&h));
        assert!(heads.is_some(), "all pairs counts its rows: {stages:?}");
        let expected = [
            ("parse", Some(files.len() as u64)),
            ("topics", Some(reports)),
            ("features", Some(reports)),
            ("stock quotes", None),
            ("copies", None),
            ("all pairs", heads),
            ("pairs", None),
            ("evidence", None),
            ("stories", None),
            ("dates", None),
            ("quote ledger", None),
        ];
        let got: Vec<_> = stages.iter().map(|s| (s.0, s.1)).collect();
        assert_eq!(got, expected);
        for (name, total, done) in stages {
            assert_eq!(done, total.unwrap_or(0), "stage {name}");
        }
    }

    /// Candidate verification advances report by report, to the number of reports.
    #[test]
    fn verification_advances_to_the_report_count() {
        let files = synthetic(400);
        let parsed = crate::ingest::parse_corpus(&files, &Default::default(), &options());
        let features: Vec<_> = parsed
            .reports
            .iter()
            .map(crate::analysis::pairs::ReportFeatures::new)
            .collect();
        let record = Record::default();
        let t = crate::analysis::Thresholds::default();
        crate::analysis::lsh::relate_candidates_marked(&features, &t, &record);
        let stages = stages(record);
        let got: Vec<_> = stages.iter().map(|s| s.0).collect();
        assert_eq!(got, ["candidates", "verification"]);
        assert_eq!(stages[1].1, Some(features.len() as u64));
        assert_eq!(stages[1].2, features.len() as u64);
    }
}
