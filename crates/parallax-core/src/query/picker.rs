//! The report picker's rule (the compare view's two comboboxes): which reports match what the
//! reader typed, and in which order, so the page renders a handful of options, never the corpus.
//!
//! A report matches when every typed term (search's terms, [`search_terms`]: words, or "quoted
//! phrases" kept whole, folded by the one text fold) starts a word of its folded outlet, file
//! name or id ([`find_word_start`], search's rule), or is in its title. Titles are not in the
//! page's catalogue (they come in shards, a page of them at a time), so the title is read from
//! the search index's postings, which count each word's occurrences in the title: a term is in a
//! report's title when each of its runs of letters and digits starts a word of the title
//! (`TermSource::prefix`, `in_title`). A phrase's words need not be adjacent there. So case,
//! accents and typographic apostrophes never matter: "pakistanʼs" finds "Pakistan’s", "elysee"
//! finds "Élysée".
//!
//! Order: reports whose title holds every term first, then the other matches; inside each
//! group, **timeline order** (event date, then published date, then corpus order; undated
//! last), the order of the result list and the timeline without a query, so the picker lists
//! reports as the reader sees them elsewhere. With nothing typed the picker offers the report
//! chosen now, then the first reports in timeline order.
//!
//! [`PickerIndex::new`] folds each report's other fields once; [`PickerIndex::pick`] reads the
//! postings of each term's runs once (from the search shards [`picker_words`] names: the page
//! loads them first) and each report's folded fields at most once a term (stopping at the first
//! term that fails, and as soon as `limit` title matches are found): linear in the reports and
//! the postings read per keystroke, and never reading a paragraph.

use super::matching::{find_word_start, fold, search_terms};
use super::search::term_runs;
use super::term_source::TermSource;
use crate::ingest::work;
use crate::model::Report;

/// The folded fields of every report, and the timeline order, made once per corpus.
#[derive(Clone, Debug, Default)]
pub struct PickerIndex {
    /// Per report: folded outlet, file name and id (whitespace runs made one space), each on
    /// its own line so no phrase matches across two fields.
    haystacks: Vec<String>,
    /// Report indices in timeline order (as [`super::QueryIndex::timeline_order`]).
    order: Vec<usize>,
}

/// Appends the fold of `text` to `out` with every run of whitespace made one space.
fn push_folded(out: &mut String, text: &str) {
    for (i, word) in fold(text).split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// The words whose postings [`PickerIndex::pick`] reads for `typed` (each term's runs, each a
/// prefix): pass them to `SearchMeta::shards_for` for the shards to load first.
pub fn picker_words(typed: &str) -> Vec<String> {
    let terms = search_terms(typed);
    let mut words: Vec<String> = terms
        .iter()
        .flat_map(|t| term_runs(t).into_iter().map(|(run, _)| run.to_string()))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

impl PickerIndex {
    /// Folds the fields the picker matches besides the title. `timeline_order` lists every
    /// report index once, in timeline order: pass [`super::QueryIndex::timeline_order`].
    pub fn new(reports: &[Report], timeline_order: &[usize]) -> PickerIndex {
        let haystacks = reports
            .iter()
            .map(|r| {
                let mut h = String::with_capacity(r.file.len() + r.id.len() + 24);
                for (i, field) in [r.outlet.as_deref().unwrap_or(""), &r.file, &r.id]
                    .into_iter()
                    .enumerate()
                {
                    if i > 0 {
                        h.push('\n');
                    }
                    push_folded(&mut h, field);
                }
                h
            })
            .collect();
        debug_assert_eq!(timeline_order.len(), reports.len());
        PickerIndex {
            haystacks,
            order: timeline_order.to_vec(),
        }
    }

    pub fn len(&self) -> usize {
        self.haystacks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.haystacks.is_empty()
    }

    /// Whether each report's title holds `term` (each of its runs starts a word of the title),
    /// from the postings of `titles`.
    fn in_titles(&self, term: &str, titles: &dyn TermSource) -> Vec<bool> {
        let mut found: Option<Vec<bool>> = None;
        for (run, _) in term_runs(term) {
            let mut here = vec![false; self.len()];
            for p in titles.prefix(run).iter().filter(|p| p.in_title > 0) {
                if let Some(h) = here.get_mut(p.report as usize) {
                    *h = true;
                }
            }
            found = Some(match found {
                None => here,
                Some(f) => f.iter().zip(&here).map(|(a, b)| *a && *b).collect(),
            });
        }
        found.unwrap_or_else(|| vec![false; self.len()])
    }

    /// At most `limit` report indices (into the reports given to [`PickerIndex::new`]) matching
    /// `typed`, best first (see the module documentation); titles are read from the postings of
    /// `titles` (the whole index, or the shards `picker_words` names, loaded). With nothing
    /// typed (only spaces or quotes): `current` (the report chosen now, if any) first, then the
    /// first reports in timeline order.
    pub fn pick(
        &self,
        typed: &str,
        limit: usize,
        current: Option<usize>,
        titles: &dyn TermSource,
    ) -> Vec<usize> {
        if limit == 0 {
            return Vec::new();
        }
        let terms = search_terms(typed);
        if terms.is_empty() {
            let current = current.filter(|&c| c < self.len());
            work::add(limit);
            return current
                .into_iter()
                .chain(self.order.iter().copied().filter(|&i| Some(i) != current))
                .take(limit)
                .collect();
        }
        let in_titles: Vec<Vec<bool>> = terms.iter().map(|t| self.in_titles(t, titles)).collect();
        let mut title_first: Vec<usize> = Vec::with_capacity(limit);
        let mut others: Vec<usize> = Vec::with_capacity(limit);
        for &i in &self.order {
            let haystack = &self.haystacks[i];
            let mut all_in_title = true;
            let matches = terms.iter().zip(&in_titles).all(|(t, in_title)| {
                if in_title[i] {
                    return true;
                }
                all_in_title = false;
                work::add(haystack.len());
                find_word_start(haystack, t).is_some()
            });
            if !matches {
                continue;
            }
            if all_in_title {
                title_first.push(i);
                if title_first.len() == limit {
                    break;
                }
            } else if others.len() < limit {
                others.push(i);
            }
        }
        title_first.extend(others);
        title_first.truncate(limit);
        title_first
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NaiveDate, Paragraph, ParagraphKind};
    use crate::query::{QueryIndex, SearchIndex};
    use crate::Corpus;

    fn report(id: &str, title: &str, outlet: Option<&str>, day: Option<u32>) -> Report {
        Report {
            id: id.into(),
            file: format!("{id}.txt"),
            title: title.into(),
            outlet: outlet.map(str::to_string),
            event_date: day.map(|d| NaiveDate::from_ymd_opt(2024, 7, d).unwrap()),
            ..Default::default()
        }
    }

    fn corpus() -> Corpus {
        Corpus {
            reports: vec![
                // Corpus order is not timeline order: r0 is undated, r3 the earliest.
                report("r0", "Talks on water sharing resume", Some("Dawn"), None),
                report(
                    "r1",
                    "Pakistan’s envoy meets Élysée staff",
                    Some("Geo News"),
                    Some(9),
                ),
                report(
                    "r2",
                    "Water talks: Pakistanʼs view",
                    Some("Tribune"),
                    Some(8),
                ),
                report("r3", "Floods in Sindh", Some("Dawn"), Some(2)),
                report("r4", "talks  on the border", None, Some(5)),
            ],
            ..Default::default()
        }
    }

    /// The picker of a corpus, and the search index its titles are read from.
    struct Picker {
        index: PickerIndex,
        titles: SearchIndex,
    }

    impl Picker {
        fn pick(&self, typed: &str, limit: usize, current: Option<usize>) -> Vec<usize> {
            self.index.pick(typed, limit, current, &self.titles)
        }
    }

    fn index(c: &Corpus) -> Picker {
        // The picker sees reports without titles, as the page's catalogue holds them.
        let untitled: Vec<Report> = c
            .reports
            .iter()
            .map(|r| Report {
                title: String::new(),
                ..r.clone()
            })
            .collect();
        Picker {
            index: PickerIndex::new(&untitled, QueryIndex::new(c).timeline_order()),
            titles: crate::site::search_index(&c.reports),
        }
    }

    fn ids(c: &Corpus, picked: &[usize]) -> Vec<String> {
        picked.iter().map(|&i| c.reports[i].id.clone()).collect()
    }

    #[test]
    fn empty_input_offers_the_current_report_then_timeline_order() {
        let c = corpus();
        let p = index(&c);
        assert_eq!(
            ids(&c, &p.pick("", 10, None)),
            ["r3", "r4", "r2", "r1", "r0"]
        );
        assert_eq!(ids(&c, &p.pick("  \" ", 3, None)), ["r3", "r4", "r2"]);
        assert_eq!(ids(&c, &p.pick("", 3, Some(0))), ["r0", "r3", "r4"]);
        // The current report among the first is not listed twice.
        assert_eq!(ids(&c, &p.pick("", 3, Some(4))), ["r4", "r3", "r2"]);
        assert_eq!(ids(&c, &p.pick("", 3, Some(99))), ["r3", "r4", "r2"]);
        assert!(p.pick("", 0, Some(1)).is_empty());
    }

    #[test]
    fn every_term_must_start_a_word_of_some_field() {
        let c = corpus();
        let p = index(&c);
        assert_eq!(ids(&c, &p.pick("dawn", 10, None)), ["r3", "r0"]);
        assert_eq!(ids(&c, &p.pick("geo", 10, None)), ["r1"]);
        // File name and id.
        assert_eq!(ids(&c, &p.pick("r2.txt", 10, None)), ["r2"]);
        assert_eq!(ids(&c, &p.pick("R3", 10, None)), ["r3"]);
        // All terms, each in any field.
        assert_eq!(ids(&c, &p.pick("floods dawn", 10, None)), ["r3"]);
        assert!(p.pick("floods geo", 10, None).is_empty());
        // Word starts only: "ater" is inside "water".
        assert!(p.pick("ater", 10, None).is_empty());
        // A phrase never spans two fields (title "… resume", outlet "Dawn").
        assert!(p.pick("\"resume dawn\"", 10, None).is_empty());
        assert_eq!(ids(&c, &p.pick("\"water sharing\"", 10, None)), ["r0"]);
    }

    #[test]
    fn apostrophes_and_accents_fold_as_search_does() {
        let c = corpus();
        let p = index(&c);
        // ’ (U+2019) in r1, ʼ (U+02BC) in r2; typed with either, or a plain one.
        for typed in ["pakistan's", "Pakistanʼs", "PAKISTAN’S", "pakistan`s"] {
            assert_eq!(ids(&c, &p.pick(typed, 10, None)), ["r2", "r1"], "{typed}");
        }
        for typed in ["elysee", "ÉLYSÉE", "e\u{301}lyse\u{301}e"] {
            assert_eq!(ids(&c, &p.pick(typed, 10, None)), ["r1"], "{typed}");
        }
    }

    #[test]
    fn titles_holding_every_term_come_first_then_timeline_order() {
        let c = corpus();
        let p = index(&c);
        // Three titles say "talks": 5 July (r4, with two spaces), 8 July (r2), undated (r0).
        assert_eq!(ids(&c, &p.pick("talks", 10, None)), ["r4", "r2", "r0"]);
        assert_eq!(ids(&c, &p.pick("talks on", 10, None)), ["r4", "r0"]);
        assert_eq!(ids(&c, &p.pick("  Talks   ON the ", 10, None)), ["r4"]);
        assert_eq!(ids(&c, &p.pick("water", 10, None)), ["r2", "r0"]);
        // Terms may match in different fields: "talks" in r0's title, "dawn" in its outlet.
        assert_eq!(ids(&c, &p.pick("talks dawn", 10, None)), ["r0"]);
        // A title match comes before an earlier report matching by its outlet alone.
        let mut later = c.clone();
        later.reports[3].title = "Dawn over Sindh".into();
        later.reports[3].outlet = None;
        later.reports[0].event_date = NaiveDate::from_ymd_opt(2024, 7, 1);
        let q = index(&later);
        assert_eq!(ids(&later, &q.pick("dawn", 10, None)), ["r3", "r0"]);
        // The limit keeps the best.
        assert_eq!(ids(&c, &p.pick("talks", 2, None)), ["r4", "r2"]);
        assert_eq!(ids(&c, &p.pick("talks", 1, None)), ["r4"]);
        // The current report gets no place of its own once something is typed.
        assert_eq!(ids(&c, &p.pick("talks", 1, Some(2))), ["r4"]);
    }

    #[test]
    fn the_words_to_load_are_every_terms_runs() {
        assert_eq!(
            picker_words("Pakistanʼs  \"water talks\""),
            ["pakistan", "s", "talks", "water"]
        );
        assert!(picker_words(" \" ").is_empty());
    }

    /// `n` reports, each with `paragraphs` paragraphs of body text the picker must never read.
    fn large(n: usize, paragraphs: usize) -> Corpus {
        Corpus {
            reports: (0..n)
                .map(|i| Report {
                    paragraphs: (0..paragraphs)
                        .map(|p| Paragraph {
                            kind: ParagraphKind::Text,
                            text: format!("Paragraph {p}: the talks on water sharing went on."),
                            ..Default::default()
                        })
                        .collect(),
                    ..report(
                        &format!("r{i}"),
                        &format!("Report {i} on water sharing"),
                        Some(["Dawn", "Geo", "Tribune"][i % 3]),
                        Some(1 + (i % 28) as u32),
                    )
                })
                .collect(),
            ..Default::default()
        }
    }

    fn work_of(p: &Picker, typed: &str) -> (u64, usize) {
        work::take();
        let picked = p.pick(typed, 20, None);
        (work::take(), picked.len())
    }

    #[test]
    fn a_keystroke_is_linear_in_the_reports_and_never_reads_their_text() {
        let (small, long, double) = (large(5_000, 1), large(5_000, 40), large(10_000, 1));
        let (small, long, double) = (index(&small), index(&long), index(&double));
        // A rare term (only a few reports, so no early stop): every report's fields read once,
        // besides the term's postings.
        let (w, found) = work_of(&small, "4999");
        assert!(w > 0, "no work counted (is the work-count feature on?)");
        assert_eq!(found, 1);
        let bytes: usize = small.index.haystacks.iter().map(String::len).sum();
        assert!(
            w as usize >= bytes - 100 && (w as usize) <= bytes + 100,
            "one pass: {w} for {bytes}"
        );
        // Forty times the body text: the same work. Twice the reports: twice the work, about.
        assert_eq!(work_of(&long, "4999").0, w);
        let (w2, _) = work_of(&double, "4999");
        assert!(w2 > 2 * w - w / 10 && w2 < 2 * w + w / 5, "{w} → {w2}");
        // Two terms: at most one pass a term.
        let (w3, _) = work_of(&double, "4999 dawn");
        assert!(w3 <= 2 * w2, "{w2} → {w3}");
        // Nothing typed: the work of the options listed, not of the corpus.
        assert!(work_of(&double, "").0 <= 20);
        // Many title matches: no field is read, only the postings (one per report).
        let (early, found) = work_of(&double, "report");
        assert_eq!(found, 20);
        assert!(early <= 10_000 + 100, "{early} units for a common prefix");
    }
}
