//! A pair's evidence computed on demand from two reports, exactly as the build computed it: for
//! the pairs the build did not store (near copies inside a large group, pairs sharing nothing).

use super::*;
use crate::model::StockRun;

/// The stock words of every report's quotes ([`mark_stock_quotes`] must have run), ordered by
/// report: `features[i]` is report `i`'s.
pub fn stock_runs(features: &[ReportFeatures]) -> Vec<StockRun> {
    let mut runs = Vec::new();
    for (report, f) in features.iter().enumerate() {
        for (sentence, mask) in f.quote_stock.iter().enumerate() {
            let mut start = 0;
            while start < mask.len() {
                let len = mask[start..].iter().take_while(|&&m| m).count();
                if len > 0 {
                    runs.push(StockRun {
                        report: report as u32,
                        sentence: sentence as u32,
                        start: start as u32,
                        len: len as u32,
                    });
                }
                start += len.max(1);
            }
        }
    }
    runs
}

/// Report `index`'s features as the build compared them: its stock words marked from `stock`
/// (ordered by report), and no event date when the date was inferred from its story after the
/// comparison.
pub fn marked_features(report: &Report, index: u32, stock: &[StockRun]) -> ReportFeatures {
    let mut f = ReportFeatures::new(report);
    if report.event_date_basis == crate::model::DateBasis::Inferred {
        f.event_date = None;
    }
    let from = stock.partition_point(|s| s.report < index);
    for run in stock[from..].iter().take_while(|s| s.report == index) {
        if let Some(mask) = f.quote_stock.get_mut(run.sentence as usize) {
            mask.iter_mut()
                .skip(run.start as usize)
                .take(run.len as usize)
                .for_each(|m| *m = true);
        }
    }
    f
}

/// The pair of reports `i` and `j` (indices into `reports`, either order) under `thresholds`,
/// as [`relate`] gave it at build time; `None` for one report or an index out of range.
/// `stock` is `Corpus::stock_runs`.
pub fn live_pair(
    reports: &[Report],
    stock: &[StockRun],
    i: usize,
    j: usize,
    thresholds: &Thresholds,
) -> Option<Pair> {
    let (a, b) = (i.min(j), i.max(j));
    if a == b {
        return None;
    }
    live_pair_of(
        (a, reports.get(a)?),
        (b, reports.get(b)?),
        stock,
        thresholds,
    )
}

/// [`live_pair`] of two reports given with their indices in the corpus (a page holding only
/// some reports' text); `stock` holds at least their stock runs, ordered by report.
pub fn live_pair_of(
    a: (usize, &Report),
    b: (usize, &Report),
    stock: &[StockRun],
    thresholds: &Thresholds,
) -> Option<Pair> {
    let ((ia, ra), (ib, rb)) = if a.0 <= b.0 { (a, b) } else { (b, a) };
    if ia == ib {
        return None;
    }
    Some(relate(
        &marked_features(ra, ia as u32, stock),
        &marked_features(rb, ib as u32, stock),
        thresholds,
    ))
}
