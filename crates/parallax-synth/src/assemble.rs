//! The reports laid out in files (shuffled, a few pages with two reports), rendered, and the
//! planted relations measured.

use crate::corpus::{SynthCorpus, SynthFile, TruthRelation, TruthReport};
use crate::generator::Generator;
use crate::render::render;
use crate::vocab::OUTLETS;
use crate::{overlap, shingles, Planted, SynthConfig};
use rand::seq::SliceRandom;
use rand::RngExt;

/// Lays the reports out in files (shuffled, so copies are not neighbours) and measures the
/// planted relations.
pub(crate) fn assemble(mut g: Generator, cfg: &SynthConfig) -> SynthCorpus {
    let n = g.drafts.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut g.rng);
    // Pages: most carry one report, a few a second one.
    let mut pages: Vec<Vec<usize>> = Vec::new();
    let mut k = 0;
    while k < n {
        if k + 1 < n && g.rng.random_bool(cfg.mix.two_report_pages) {
            pages.push(vec![order[k], order[k + 1]]);
            k += 2;
        } else {
            pages.push(vec![order[k]]);
            k += 1;
        }
    }
    let width = pages.len().saturating_sub(1).to_string().len().max(3);
    let mut index_on_page = vec![0usize; n];
    for page in &pages {
        for (i, &r) in page.iter().enumerate() {
            index_on_page[r] = i;
        }
    }
    // Render in generation order, so a source is rendered before its copies: the same page
    // scraped twice is byte-identical.
    let mut rendered: Vec<Vec<String>> = Vec::with_capacity(n);
    for r in 0..n {
        let d = &g.drafts[r];
        let same_page = g.kinds[r] == Planted::ExactCopy
            && index_on_page[r] == 0
            && g.sources[r]
                .is_some_and(|s| g.drafts[s].outlet == d.outlet && index_on_page[s] == 0);
        let lines = match g.sources[r] {
            Some(s) if same_page => rendered[s].clone(),
            _ => render(
                &mut g.rng,
                d,
                &g.events[g.event_of[r]],
                index_on_page[r] > 0,
            ),
        };
        rendered.push(lines);
    }
    let mut files = Vec::with_capacity(pages.len());
    let mut outlets = Vec::with_capacity(pages.len());
    let mut slots: Vec<Option<TruthReport>> = vec![None; n];
    for (page_no, page) in pages.iter().enumerate() {
        let name = format!("{:0width$}_{:016x}.txt", page_no, g.rng.random::<u64>());
        let stem = name.trim_end_matches(".txt").to_string();
        let mut lines: Vec<String> = Vec::new();
        for (index, &r) in page.iter().enumerate() {
            if index > 0 {
                lines.push(String::new());
                lines.push(String::new());
            }
            let d = &g.drafts[r];
            let ev = &g.events[g.event_of[r]];
            let line_start = lines.len() + 1;
            lines.extend(rendered[r].iter().cloned());
            slots[r] = Some(TruthReport {
                id: format!("{stem}-{index}"),
                file: name.clone(),
                index,
                line_start,
                line_end: lines.len(),
                title: d.title.clone(),
                outlet: OUTLETS[d.outlet].to_string(),
                event: ev.id,
                event_date: ev.date.to_string(),
                published: d.published.to_string(),
                speaker: ev.speaker.name(),
                kind: g.kinds[r],
                source: None,
                quotes: d.quotes.clone(),
                body: d.body(),
            });
        }
        outlets.push(OUTLETS[g.drafts[page[0]].outlet].to_string());
        let mut text = lines.join("\n");
        text.push('\n');
        files.push(SynthFile { name, text });
    }
    let mut reports: Vec<TruthReport> = slots
        .into_iter()
        .map(|s| s.expect("every report is on a page"))
        .collect();
    for r in 0..n {
        reports[r].source = g.sources[r].map(|s| reports[s].id.clone());
    }
    let relations = (0..n)
        .filter_map(|r| {
            let s = g.sources[r]?;
            let (a, b) = (&reports[r], &reports[s]);
            let (jaccard, containment_a_in_b, containment_b_in_a) =
                overlap(&shingles(&a.body), &shingles(&b.body));
            Some(TruthRelation {
                a: a.id.clone(),
                b: b.id.clone(),
                kind: g.kinds[r],
                expected: g.kinds[r].expected_relation(),
                jaccard,
                containment_a_in_b,
                containment_b_in_a,
                shared_quotes: a
                    .quotes
                    .iter()
                    .filter(|q| b.quotes.contains(q))
                    .cloned()
                    .collect(),
            })
        })
        .collect();
    // Reports in file order, as a reader of the folder sees them.
    reports.sort_by(|a, b| (&a.file, a.index).cmp(&(&b.file, b.index)));
    SynthCorpus {
        seed: cfg.seed,
        files,
        reports,
        relations,
        outlets,
    }
}
