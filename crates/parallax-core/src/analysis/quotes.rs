//! The quote ledger: every quote with its speaker, merged across reports, verbatim or altered,
//! and where it first appears in time.

mod sentences;

use super::quote_change::{compare_words, QuoteComparison};
use super::quote_union::{find, unite_in_order};
use super::text;
use crate::model::{Quote, QuoteEntry, QuoteOccurrence, Report};
use rustc_hash::FxHashMap;
pub use sentences::{all_sentences, quotes_key, sentences, Sentence};
use std::collections::HashMap;

/// One sentence of one printed quote: the unit quotes are matched by, since outlets split,
/// join and cut quotes at sentence boundaries.
struct Unit<'a> {
    report: usize,
    /// Index into the report's quotes.
    quote: usize,
    q: &'a Quote,
    /// Byte range of the sentence in the quote's text.
    start: usize,
    end: usize,
    /// The sentence's folded words, hashed, for fast comparison.
    hashes: &'a [u64],
}

/// Builds the ledger from every report's quotes.
///
/// Quotes are compared sentence by sentence ([`split_sentences`]): two sentences of different
/// printed quotes are the same when their folded words are equal or
/// [`shared_quote_run`](super::pairs::shared_quote_run) finds a
/// long common run (cut, extended or reworded at the edges), and their speakers do not differ.
/// Sentences that always travel together (consecutive in a quote, carried by exactly the same
/// printed quotes) are one entry, so a quote printed whole everywhere stays whole, while one
/// outlet joining two quotes that others print apart gives two entries.
///
/// An entry's text is its earliest printing (by event date, then published date, then corpus
/// order; undated last); an occurrence is verbatim when its folded words equal that text's, and
/// otherwise trimmed, extended or substituted, with the words that differ
/// ([`super::quote_change`]).
/// Entries are ordered by first appearance.
pub fn ledger(reports: &[Report]) -> Vec<QuoteEntry> {
    entries(reports, &group_quotes(reports))
}

/// Which quote sentences are one ledger entry: the matching half of [`ledger`]. It reads only
/// the reports' quotes (text and speaker), not their dates, so it can run while the pairs are
/// found; [`entries`] orders the entries once the dates are inferred.
pub struct QuoteGroups {
    /// Each sentence of each quote: (report, quote, byte start, byte end), in corpus order.
    sentences: Vec<(usize, usize, usize, usize)>,
    /// Each group's sentences in order, and its speaker.
    groups: Vec<(Vec<usize>, Option<String>)>,
}

/// The matching half of [`ledger`] (see there).
pub fn group_quotes(reports: &[Report]) -> QuoteGroups {
    let (keys, sentences) = all_sentences(reports, Default::default());
    group_sentences(reports, &keys, &sentences)
}

/// [`group_quotes`] from every report's [`sentences::Sentence`]s: those of report `r` are
/// `sentences[&keys[r]]` ([`all_sentences`]).
pub fn group_sentences(
    reports: &[Report],
    keys: &[u64],
    sentences: &FxHashMap<u64, Vec<Sentence>>,
) -> QuoteGroups {
    let units: Vec<Unit> = keys
        .iter()
        .enumerate()
        .flat_map(|(r, key)| {
            sentences
                .get(key)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .filter_map(move |s| {
                    Some(Unit {
                        report: r,
                        quote: s.quote as usize,
                        q: reports[r].quotes.get(s.quote as usize)?,
                        start: s.start as usize,
                        end: s.end as usize,
                        hashes: &s.hashes,
                    })
                })
        })
        .collect();
    let n = units.len();
    let mut parent: Vec<usize> = (0..n).collect();
    // The speaker of each group (by its root), so an unattributed quote cannot join two
    // speakers' groups into one.
    let mut speaker: Vec<Option<&str>> = units.iter().map(|u| u.q.speaker.as_deref()).collect();
    let union = |parent: &mut [usize], speaker: &mut Vec<Option<&str>>, i: usize, j: usize| {
        let (ri, rj) = (find(parent, i), find(parent, j));
        if ri == rj {
            return true;
        }
        let merged = match (speaker[ri], speaker[rj]) {
            (Some(x), Some(y)) if x != y => return false,
            (x, y) => x.or(y),
        };
        parent[ri.max(rj)] = ri.min(rj);
        speaker[ri.min(rj)] = merged;
        true
    };
    // Candidates share a run long enough to match (see `quote_union`); checked in (i, j) order
    // so the result does not depend on hashing (`quote_union` skips the checks that cannot
    // change the groups).
    let hashes: Vec<&[u64]> = units.iter().map(|u| u.hashes).collect();
    let mut quote_end = vec![n; n];
    for i in (0..n.saturating_sub(1)).rev() {
        let same = (units[i].report, units[i].quote) == (units[i + 1].report, units[i + 1].quote);
        quote_end[i] = if same { quote_end[i + 1] } else { i + 1 };
    }
    unite_in_order(&hashes, &quote_end, &mut parent, &mut |parent, i, j| {
        union(parent, &mut speaker, i, j);
    });
    // Rejoin consecutive sentences of a quote whose groups are carried by the same printed quotes.
    let carriers = |parent: &mut Vec<usize>| -> Vec<Vec<(usize, usize)>> {
        let mut c: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
        for (i, u) in units.iter().enumerate() {
            let root = find(parent, i);
            c[root].push((u.report, u.quote));
        }
        for v in &mut c {
            v.sort_unstable();
            v.dedup();
        }
        c
    };
    // Each group's carriers, as an id: equal lists, equal ids (comparing the lists themselves
    // would cost a group's size for each sentence of it).
    let carrier_lists = carriers(&mut parent);
    let mut list_ids: HashMap<&[(usize, usize)], usize> = HashMap::new();
    let before: Vec<usize> = carrier_lists
        .iter()
        .map(|l| {
            let next = list_ids.len();
            *list_ids.entry(l.as_slice()).or_insert(next)
        })
        .collect();
    for i in 1..n {
        let (prev, cur) = (&units[i - 1], &units[i]);
        if (prev.report, prev.quote) != (cur.report, cur.quote) {
            continue;
        }
        let (rp, rc) = (find(&mut parent, i - 1), find(&mut parent, i));
        if rp != rc && before[rp] == before[rc] {
            union(&mut parent, &mut speaker, i - 1, i);
        }
    }

    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); n];
    for i in 0..n {
        let root = find(&mut parent, i);
        groups[root].push(i);
    }
    let groups: Vec<(Vec<usize>, Option<String>)> = groups
        .into_iter()
        .enumerate()
        .filter(|(_, g)| !g.is_empty())
        .map(|(root, g)| (g, speaker[root].map(str::to_string)))
        .collect();
    QuoteGroups {
        sentences: units
            .iter()
            .map(|u| (u.report, u.quote, u.start, u.end))
            .collect(),
        groups,
    }
}

/// The ledger's entries from [`group_quotes`] of the same reports (their quotes unchanged since;
/// their dates may have been inferred meanwhile), ordered by first appearance.
pub fn entries(reports: &[Report], quote_groups: &QuoteGroups) -> Vec<QuoteEntry> {
    let QuoteGroups { sentences, groups } = quote_groups;
    let quote_of = |i: usize| &reports[sentences[i].0].quotes[sentences[i].1];
    // When a report was first out: its event date, else its publication date; undated last.
    let when = |r: usize| {
        let rep = &reports[r];
        (
            rep.event_date.or(rep.published).is_none(),
            rep.event_date.or(rep.published),
            rep.published.is_none(),
            rep.published,
            r,
        )
    };
    // Each entry folds its occurrences' words again: per group, on all cores.
    let mut entries: Vec<(_, QuoteEntry)> = crate::par::map(groups, |(g, group_speaker)| {
        // One occurrence per printed quote: the span of its sentences in this group.
        // A group's sentences are in corpus order, so those of one printed quote are together.
        let mut occ: Vec<(usize, usize, usize, usize)> = Vec::new(); // (first sentence, report, start, end)
        for &i in g {
            let (report, quote, start, end) = sentences[i];
            match occ.last_mut() {
                Some(o) if (o.1, sentences[o.0].1) == (report, quote) => {
                    o.2 = o.2.min(start);
                    o.3 = o.3.max(end);
                }
                _ => occ.push((i, report, start, end)),
            }
        }
        occ.sort_by_key(|o| (when(o.1), o.0));
        let text_of = |o: &(usize, usize, usize, usize)| &quote_of(o.0).text[o.2..o.3];
        let first = &occ[0];
        let first_text = text_of(first);
        let first_report = &reports[first.1];
        let first_spans = text::word_spans(first_text);
        // The id hashes the report id and the first printing's words.
        let mut id_words = vec![first_report.id.clone()];
        id_words.extend(first_spans.iter().map(|w| w.folded.clone()));
        let entry = QuoteEntry {
            // Stable while the first printing stays; the report id keeps two speakers'
            // identical words apart.
            id: format!("q-{:016x}", text::hash_words(&id_words)),
            speaker: group_speaker.clone(),
            text: first_text.to_string(),
            occurrences: occ
                .iter()
                .map(|o| {
                    let t = text_of(o);
                    // The same characters are the same words: compared only when they differ.
                    let compared = if t == first_text {
                        QuoteComparison::default()
                    } else {
                        compare_words(&first_spans, &text::word_spans(t))
                    };
                    QuoteOccurrence {
                        report: reports[o.1].id.clone(),
                        paragraph: quote_of(o.0).paragraph,
                        verbatim: compared.change.is_none(),
                        text: t.to_string(),
                        quote: sentences[o.0].1,
                        start: o.2,
                        end: o.3,
                        change: compared.change,
                        changed: compared.changed,
                        entry_changed: compared.first_changed,
                    }
                })
                .collect(),
            first_report: Some(first_report.id.clone()),
            first_date: first_report.event_date.or(first_report.published),
        };
        ((when(first.1), first.0), entry)
    });
    entries.sort_by_key(|e| e.0);
    entries.into_iter().map(|(_, e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Quote, QuoteChange};

    fn report(id: &str, date: Option<&str>, quotes: &[(&str, Option<&str>)]) -> Report {
        Report {
            id: id.into(),
            event_date: date.map(|d| d.parse().unwrap()),
            quotes: quotes
                .iter()
                .enumerate()
                .map(|(p, (t, s))| Quote {
                    text: (*t).into(),
                    speaker: s.map(Into::into),
                    paragraph: p,
                    ..Quote::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn merges_verbatim_and_altered_quotes_and_finds_the_first() {
        let miller = Some("Matthew Miller");
        let reports = [
            report("late", Some("2024-09-03"), &[("The United States and Pakistan have a shared interest in combatting threats to regional security, and we will stand with them", miller)]),
            report("undated", None, &[("So the Pakistani people have suffered greatly. We have a shared interest in combating threats to regional security", None)]),
            report("early", Some("2024-07-08"), &[("We have a shared interest in combating threats to regional security.", miller), ("Our hearts go out to the families", miller)]),
            report("other", Some("2024-07-08"), &[("We have a shared interest in combating threats to regional security", Some("Someone Else"))]),
        ];
        let ledger = ledger(&reports);
        let shared = ledger
            .iter()
            .find(|e| e.occurrences.len() == 3)
            .expect("one merged entry");
        assert_eq!(shared.first_report.as_deref(), Some("early"));
        assert_eq!(shared.first_date, Some("2024-07-08".parse().unwrap()));
        assert_eq!(shared.speaker.as_deref(), Some("Matthew Miller"));
        assert_eq!(
            shared.text,
            "We have a shared interest in combating threats to regional security."
        );
        let by_report: Vec<(&str, bool, &str)> = shared
            .occurrences
            .iter()
            .map(|o| (o.report.as_str(), o.verbatim, o.text.as_str()))
            .collect();
        assert_eq!(
            by_report,
            [
                ("early", true, "We have a shared interest in combating threats to regional security."),
                ("late", false, "The United States and Pakistan have a shared interest in combatting threats to regional security, and we will stand with them"),
                // The undated report joined two sentences into one quote: only the matching one is here.
                ("undated", true, "We have a shared interest in combating threats to regional security"),
            ]
        );
        let changes: Vec<Option<QuoteChange>> =
            shared.occurrences.iter().map(|o| o.change).collect();
        assert_eq!(changes, [None, Some(QuoteChange::Substituted), None]);
        let late = &shared.occurrences[1];
        let marked: Vec<&str> = late.changed.iter().map(|r| &late.text[r.range()]).collect();
        assert_eq!(
            marked,
            [
                "The United States and Pakistan",
                "and we will stand with them"
            ]
        );
        let replaced: Vec<&str> = late
            .entry_changed
            .iter()
            .map(|r| &shared.text[r.range()])
            .collect();
        assert_eq!(replaced, ["We"]);
        // Each occurrence says where it is in its printed quote.
        let undated = &shared.occurrences[2];
        let printed = &reports[1].quotes[undated.quote].text;
        assert_eq!(reports[1].id, undated.report);
        assert_eq!(&printed[undated.start..undated.end], undated.text);
        assert!(undated.start > 0, "the second sentence of a joined quote");
        // The other sentence of the joined quote is its own entry; a different speaker's
        // identical words stay apart; every sentence is in the ledger once.
        assert!(ledger.iter().any(
            |e| e.text == "So the Pakistani people have suffered greatly."
                && e.occurrences.len() == 1
        ));
        assert_eq!(ledger.len(), 4);
        assert!(ledger.iter().all(|e| e.id.starts_with("q-")));
        let ids: std::collections::BTreeSet<_> = ledger.iter().map(|e| &e.id).collect();
        assert_eq!(ids.len(), 4);
    }

    #[test]
    fn sentences_travelling_together_stay_one_entry() {
        let whole = "We oppose vandalism. We support free speech everywhere in the world.";
        let reports = [
            report("a", Some("2024-07-08"), &[(whole, Some("M"))]),
            report(
                "b",
                Some("2024-07-09"),
                &[(
                    "We oppose vandalism. We support free speech everywhere in the world",
                    Some("M"),
                )],
            ),
        ];
        let ledger = ledger(&reports);
        assert_eq!(ledger.len(), 1, "{ledger:?}");
        assert_eq!(ledger[0].text, whole);
        assert!(ledger[0].occurrences.iter().all(|o| o.verbatim));
    }

    #[test]
    fn short_quotes_merge_only_when_equal() {
        let reports = [
            report(
                "a",
                None,
                &[("consequences", None), ("high priority", None)],
            ),
            report(
                "b",
                None,
                &[("“Consequences”", None), ("top priority", None)],
            ),
        ];
        let ledger = ledger(&reports);
        assert_eq!(ledger.len(), 3);
        assert!(ledger
            .iter()
            .any(|e| e.occurrences.len() == 2 && e.occurrences.iter().all(|o| o.verbatim)));
    }
}
