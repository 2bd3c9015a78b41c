//! Story analysis: topics, duplicate reports, same-story clusters, sentence alignment, quotes.
//!
//! Everything here is pure and wasm-friendly (no regex, no threads, no clock): the build step
//! runs [`analyze`] on the bundled corpus; the page calls [`align`] for the side-by-side view
//! and builds [`relations::Relations`] for the thresholds in force, which every view reads (the
//! story page's model in [`story_view`] and [`story_text`], the coverage matrix in
//! [`coverage`], who copied whom in [`direction`]).

pub mod align;
pub mod common_run;
pub mod copies;
pub mod coverage;
pub mod direction;
mod hash_bytes;
pub mod lsh;
pub mod near_copies;
pub mod pairs;
pub mod quote_change;
mod quote_union;
pub mod quotes;
pub mod relations;
pub mod reuse;
pub mod stories;
pub mod story_label;
pub mod story_text;
pub mod story_view;
pub mod text;
pub mod topics;

pub use align::{align, Alignment};
pub use pairs::{classify, relate_all, Thresholds};

use crate::model::{Corpus, Pair, PairEvidence, Relation, Report, Story, TopicDef};
use crate::progress::Progress;

/// Analyses a parsed corpus in place: topics per paragraph and report, pair evidence and
/// relations under the default [`Thresholds`] (large groups of exact copies collapsed, see
/// [`copies`]), stories, inferred event dates, the quote ledger.
pub fn analyze(corpus: &mut Corpus, topics: &[TopicDef]) {
    analyze_marked(corpus, topics, &crate::progress::NoProgress);
}

/// [`analyze`], telling `progress` as each stage begins, in order: "topics" (reports),
/// "features" (reports), "stock quotes", "copies", "all pairs" (up to `lsh::EXACT_UP_TO`
/// reports) or "candidates" and "verification" (candidate pairs, above), "pairs" (copy groups'
/// pairs laid out), "evidence", "stories", "dates", "quote ledger"; those with a count in
/// brackets are advanced to it. The analysis stays clock-free; the caller may time the stages.
pub fn analyze_marked(corpus: &mut Corpus, topics: &[TopicDef], progress: &dyn Progress) {
    analyze_reusing(corpus, topics, progress, Reuse::default());
}

/// What [`analyze_reusing`] may take from an earlier build, and whether to keep its own work.
#[derive(Default)]
pub struct Reuse {
    /// The last build's carry ([`reuse::Carry`]; empty for none).
    pub carry: reuse::Carry,
    /// Return this build's carry for the next one.
    pub keep: bool,
    /// The reports are tagged with `topics` already ([`topics::Tagger`]): skip the stage.
    pub tagged: bool,
}

/// [`analyze_marked`], reusing the last build's features and pairs where reports did not
/// change ([`reuse`]): the result is the same. Gives the carry for the next build (empty unless
/// `reuse.keep`) and what was reused.
pub fn analyze_reusing(
    corpus: &mut Corpus,
    topics: &[TopicDef],
    progress: &dyn Progress,
    reuse: Reuse,
) -> (reuse::Carry, reuse::Reused) {
    // Topic labels are facet labels: no bidi control may reorder them.
    corpus.topics = topics
        .iter()
        .map(|t| {
            let mut t = t.clone();
            crate::text_marks::strip_in_place(&mut t.label);
            crate::text_marks::strip_in_place(&mut t.description);
            t
        })
        .collect();
    if !reuse.tagged {
        progress.stage("topics", Some(corpus.reports.len() as u64));
        let tagger = topics::Tagger::new(topics);
        crate::par::for_each_mut_counted(&mut corpus.reports, progress, |report| {
            tagger.tag(report)
        });
    }
    // The quote ledger's matching reads only the quotes, not the dates the stories infer: it
    // runs beside the pairing (whose stages leave a core idle), and only its entries wait.
    enum Half {
        Pairs(Box<(copies::Related, reuse::Carry, reuse::Reused)>),
        Quotes(
            quotes::QuoteGroups,
            rustc_hash::FxHashMap<u64, Vec<quotes::Sentence>>,
        ),
    }
    let Reuse {
        mut carry,
        keep,
        tagged: _,
    } = reuse;
    let kept_sentences = std::sync::Mutex::new(std::mem::take(&mut carry.quotes));
    let carry = std::sync::Mutex::new(Some(carry));
    let halves = crate::par::map(&[true, false], |&pairs| {
        if pairs {
            let carry = carry.lock().ok().and_then(|mut c| c.take());
            Half::Pairs(Box::new(reuse::relate_scaled_reusing(
                &corpus.reports,
                &Thresholds::default(),
                progress,
                carry.unwrap_or_default(),
                keep,
            )))
        } else {
            let kept =
                std::mem::take(&mut *kept_sentences.lock().unwrap_or_else(|e| e.into_inner()));
            let (keys, sentences) = quotes::all_sentences(&corpus.reports, kept);
            let groups = quotes::group_sentences(&corpus.reports, &keys, &sentences);
            Half::Quotes(groups, sentences)
        }
    });
    let [Half::Pairs(pairs), Half::Quotes(quote_groups, sentences)] = <[Half; 2]>::try_from(halves)
        .unwrap_or_else(|_| unreachable!("par::map gives one result per item"))
    else {
        unreachable!("par::map keeps the items' order")
    };
    let (related, mut carry, reused) = *pairs;
    if keep {
        carry.quotes = sentences;
    }
    progress.stage("evidence", None);
    corpus.copy_groups = related.copy_groups;
    corpus.near_copy_groups = related.near_copy_groups;
    corpus.stock_runs = related.stock_runs;
    let evidence = related.pairs;
    let position = crate::model::report_positions(&corpus.reports);
    // Only what the page's threshold control can regroup is kept, compactly: thousands of
    // unrelated pairs in a few hundred reports would otherwise be in the page's catalogue.
    corpus.evidence = evidence
        .iter()
        .filter(|p| p.relation == Relation::Unrelated && pairs::regroupable_by_control(p))
        .filter_map(|p| {
            Some(pairs::compact(
                p,
                *position.get(p.a.as_str())?,
                *position.get(p.b.as_str())?,
            ))
        })
        .collect();
    progress.stage("stories", None);
    corpus.pairs = evidence
        .into_iter()
        .filter(|p| p.relation != Relation::Unrelated)
        .collect();
    corpus.stories = stories::build_stories(
        &corpus.reports,
        &corpus.pairs,
        Thresholds::default().same_story_max_days,
    );
    progress.stage("dates", None);
    stories::infer_dates(&mut corpus.reports, &corpus.stories);
    progress.stage("quote ledger", None);
    corpus.quotes = quotes::entries(&corpus.reports, &quote_groups);
    (carry, reused)
}

/// Related pairs and stories under other thresholds, from the related pairs and the compact
/// evidence stored by [`analyze`]: what the page shows when the reader moves a threshold.
/// Complete for every threshold the page's control offers (above `lsh::EXACT_UP_TO` reports,
/// up to the candidates found at the default threshold). Dates already inferred at build time
/// are not used to date stories, so regrouping never feeds on its own earlier result. The page
/// keeps the whole [`relations::Relations`] (pairs by report, story of each report, duplicate
/// flags, what was regrouped); this is its pairs and stories.
pub fn regroup(
    reports: &[Report],
    related: &[Pair],
    evidence: &[PairEvidence],
    thresholds: &Thresholds,
) -> (Vec<Pair>, Vec<Story>) {
    let all = relations::RegroupablePairs::new(reports, related, evidence);
    let r = relations::Relations::new(reports, &all, thresholds);
    (r.pairs().to_vec(), r.stories().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, Quote};

    #[test]
    fn analyze_then_regroup_under_a_stricter_threshold() {
        let body = "The spokesperson said on Monday that the two countries share an interest in fighting terrorism. \
                    He added that decisions about the government were for the people of the country to make. \
                    The briefing also touched on the energy crisis and the gas pipeline project.";
        let report = |id: &str, date: Option<&str>, text: &str| Report {
            id: id.into(),
            title: format!("Report {id}"),
            event_date: date.map(|d| d.parse().unwrap()),
            event_date_basis: if date.is_some() {
                crate::DateBasis::Stated
            } else {
                crate::DateBasis::Unknown
            },
            paragraphs: vec![Paragraph {
                text: text.into(),
                ..Default::default()
            }],
            quotes: vec![Quote {
                speaker: None,
                text: "decisions about the government were for the people of the country to make"
                    .into(),
                paragraph: 0,
                ..Quote::default()
            }],
            ..Default::default()
        };
        let mut corpus = Corpus {
            reports: vec![
                report("a", Some("2024-07-08"), body),
                report("b", None, &body.replace("energy crisis", "power shortage")),
            ],
            ..Default::default()
        };
        let topics = [TopicDef {
            id: "energy".into(),
            label: "Energy".into(),
            phrases: vec!["energy crisis".into()],
            ..Default::default()
        }];
        analyze(&mut corpus, &topics);
        assert_eq!(corpus.pairs.len(), 1);
        assert_eq!(corpus.pairs[0].relation, Relation::NearDuplicate);
        assert_eq!(corpus.stories.len(), 1);
        assert_eq!(
            corpus.reports[1].event_date_basis,
            crate::DateBasis::Inferred
        );
        assert_eq!(corpus.quotes.len(), 1);
        assert_eq!(corpus.topics.len(), 1);
        assert_eq!(corpus.reports[0].paragraphs[0].topic_hits.len(), 1);

        let strict = Thresholds {
            near_duplicate_jaccard: 0.99,
            near_duplicate_containment: 1.01,
            ..Thresholds::default()
        };
        let (pairs, stories) = regroup(&corpus.reports, &corpus.pairs, &corpus.evidence, &strict);
        // Undated on its own, one shared quote: no longer a story.
        assert_eq!(pairs[0].relation, Relation::SharesQuote, "{}", pairs[0].why);
        assert!(stories.is_empty());
    }

    #[test]
    fn topic_labels_lose_bidi_controls() {
        let topics = [TopicDef {
            id: "energy".into(),
            label: "\u{202e}Energy\u{202c}".into(),
            description: "Power \u{200f}cuts".into(),
            phrases: vec!["energy crisis".into()],
            ..Default::default()
        }];
        let mut corpus = Corpus::default();
        analyze(&mut corpus, &topics);
        assert_eq!(
            (
                corpus.topics[0].label.as_str(),
                corpus.topics[0].description.as_str()
            ),
            ("Energy", "Power cuts")
        );
    }
}
