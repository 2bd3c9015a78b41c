//! The quote ledger: every quote with its speaker, merged across reports, verbatim or altered,
//! and where it first appears in time.

use super::pairs::shared_quote;
use super::text;
use crate::model::{QuoteEntry, QuoteOccurrence, Report};

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Builds the ledger from every report's quotes.
///
/// Two quotes are one entry when their folded words are equal, or when they are the same quote
/// by [`shared_quote`] (a long shared run: cut, extended, reworded at the edges, or split in
/// two) and their speakers do not differ. An entry's text is its earliest printing (by event
/// date, then published date, then corpus order; undated last); an occurrence is verbatim when
/// its folded words equal that text's. Entries are ordered by first appearance.
pub fn ledger(reports: &[Report]) -> Vec<QuoteEntry> {
    struct Item<'a> {
        report: usize,
        quote: &'a crate::model::Quote,
        words: Vec<String>,
    }
    let items: Vec<Item> = reports
        .iter()
        .enumerate()
        .flat_map(|(r, rep)| rep.quotes.iter().map(move |q| (r, q)))
        .map(|(report, quote)| Item { report, quote, words: text::words(&quote.text) })
        .filter(|it| !it.words.is_empty())
        .collect();
    let mut parent: Vec<usize> = (0..items.len()).collect();
    // The speaker of each group (by its root), so an unattributed quote cannot join two
    // speakers' groups into one.
    let mut speaker: Vec<Option<&str>> = items.iter().map(|it| it.quote.speaker.as_deref()).collect();
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            let (a, b) = (&items[i], &items[j]);
            if !(a.words == b.words || shared_quote(&a.words, &b.words).is_some()) {
                continue;
            }
            let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
            let merged = match (speaker[ri], speaker[rj]) {
                (Some(x), Some(y)) if x != y => continue,
                (x, y) => x.or(y),
            };
            let (root, child) = (ri.min(rj), ri.max(rj));
            parent[child] = root;
            speaker[root] = merged;
        }
    }
    // When a report was first out: its event date, else its publication date; undated last.
    let when = |r: usize| {
        let rep = &reports[r];
        (rep.event_date.or(rep.published).is_none(), rep.event_date.or(rep.published), rep.published.is_none(), rep.published, r)
    };
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); items.len()];
    for i in 0..items.len() {
        let root = find(&mut parent, i);
        groups[root].push(i);
    }
    let mut entries: Vec<(_, QuoteEntry)> = groups
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|mut g| {
            g.sort_by_key(|&i| (when(items[i].report), i));
            let first = &items[g[0]];
            let first_report = &reports[first.report];
            let entry = QuoteEntry {
                // Stable while the first printing stays; the report id keeps two speakers'
                // identical words apart.
                id: format!("q-{:016x}", text::hash_words(&[&[first_report.id.clone()], first.words.as_slice()].concat())),
                speaker: g.iter().find_map(|&i| items[i].quote.speaker.clone()),
                text: first.quote.text.clone(),
                occurrences: g
                    .iter()
                    .map(|&i| QuoteOccurrence {
                        report: reports[items[i].report].id.clone(),
                        paragraph: items[i].quote.paragraph,
                        text: items[i].quote.text.clone(),
                        verbatim: items[i].words == first.words,
                    })
                    .collect(),
                first_report: Some(first_report.id.clone()),
                first_date: first_report.event_date.or(first_report.published),
            };
            ((when(first.report), g[0]), entry)
        })
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries.into_iter().map(|(_, e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Quote;

    fn report(id: &str, date: Option<&str>, quotes: &[(&str, Option<&str>)]) -> Report {
        Report {
            id: id.into(),
            event_date: date.map(|d| d.parse().unwrap()),
            quotes: quotes
                .iter()
                .enumerate()
                .map(|(p, (t, s))| Quote { text: (*t).into(), speaker: s.map(Into::into), paragraph: p })
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
        let shared = ledger.iter().find(|e| e.occurrences.len() == 3).expect("one merged entry");
        assert_eq!(shared.first_report.as_deref(), Some("early"));
        assert_eq!(shared.first_date, Some("2024-07-08".parse().unwrap()));
        assert_eq!(shared.speaker.as_deref(), Some("Matthew Miller"));
        assert_eq!(shared.text, "We have a shared interest in combating threats to regional security.");
        let by_report: Vec<(&str, bool)> = shared.occurrences.iter().map(|o| (o.report.as_str(), o.verbatim)).collect();
        assert_eq!(by_report, [("early", true), ("late", false), ("undated", false)]);
        // A different speaker's identical words stay apart; every quote is in the ledger once.
        assert_eq!(ledger.iter().map(|e| e.occurrences.len()).sum::<usize>(), 5);
        assert_eq!(ledger.len(), 3);
        assert!(ledger.iter().all(|e| e.id.starts_with("q-")));
        let ids: std::collections::BTreeSet<_> = ledger.iter().map(|e| &e.id).collect();
        assert_eq!(ids.len(), 3);
    }

    #[test]
    fn short_quotes_merge_only_when_equal() {
        let reports = [
            report("a", None, &[("consequences", None), ("high priority", None)]),
            report("b", None, &[("“Consequences”", None), ("top priority", None)]),
        ];
        let ledger = ledger(&reports);
        assert_eq!(ledger.len(), 3);
        assert!(ledger.iter().any(|e| e.occurrences.len() == 2 && e.occurrences.iter().all(|o| o.verbatim)));
    }
}
