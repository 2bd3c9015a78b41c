//! People, organisations, places, quotes and speakers of one report, and one spelling per
//! person across the corpus.

use super::{entities, quotes, work, Diagnostics};
use crate::model::{ParagraphKind, Report};
use crate::text_marks::strip_controls;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// People, organisations, places, quotes and speakers of one report.
pub(super) fn find_people_and_quotes(report: &mut Report, diags: &mut Diagnostics) {
    let mut texts: Vec<&str> = report.standfirst.iter().map(|s| s.as_str()).collect();
    texts.extend(
        report
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Text)
            .map(|p| p.text.as_str()),
    );
    // Names are read without bidi controls, which would split or hide them.
    let plain: Vec<Cow<str>> = texts.iter().map(|t| strip_controls(t)).collect();
    let plain: Vec<&str> = plain.iter().map(|t| t.as_ref()).collect();
    let m = entities::mentions(&plain);
    let mut people = m.people;
    report.organisations = m.organisations;
    report.places = m.places;
    if let Some(place) = &report.dateline {
        // "ISLAMABAD" → "Islamabad" when the text names it that way too.
        let known = report
            .places
            .iter()
            .find(|p| p.eq_ignore_ascii_case(place))
            .cloned();
        if known.is_none() {
            let mut chars = place.to_lowercase().chars().collect::<Vec<_>>();
            let mut up = true;
            for c in chars.iter_mut() {
                if up {
                    *c = c.to_uppercase().next().unwrap_or(*c);
                }
                up = *c == ' ' || *c == '-';
            }
            report.places.insert(0, chars.into_iter().collect());
        }
    }
    // A surname alone means the one person of the report with that surname.
    let mut by_surname: HashMap<String, Vec<String>> = HashMap::new();
    for p in &people {
        if let Some(surname) = p.rsplit(' ').next() {
            by_surname
                .entry(surname.to_string())
                .or_default()
                .push(p.clone());
        }
    }
    let resolve = |name: &str| -> String {
        if name.contains(' ') {
            return name.to_string();
        }
        match by_surname.get(name).map(|v| v.as_slice()) {
            Some([one]) => one.clone(),
            _ => name.to_string(),
        }
    };
    let paragraphs: Vec<Option<&str>> = report
        .paragraphs
        .iter()
        .map(|p| (p.kind == ParagraphKind::Text).then_some(p.text.as_str()))
        .collect();
    let (found, speakers) = quotes::find_quotes(&paragraphs, &resolve);
    // A set of the names so far: a report can name thousands of speakers.
    let mut known: HashSet<String> = people.iter().cloned().collect();
    for s in &speakers {
        work::add(1);
        if known.insert(s.clone()) {
            people.push(s.clone());
        }
    }
    for q in found {
        let line = report
            .paragraphs
            .get(q.paragraph)
            .map_or(report.line, |p| p.line);
        if q.speaker.is_none() {
            diags.warn(line, "a quote with no speaker");
        }
        if q.unterminated {
            diags.warn(line, "a quote is opened but never closed");
        }
        report.quotes.push(crate::model::Quote {
            speaker: q.speaker,
            text: q.text,
            paragraph: q.paragraph,
            start: q.start,
            end: q.end,
            continued: q
                .continued
                .into_iter()
                .map(|(paragraph, start, end)| crate::model::QuotePart {
                    paragraph,
                    start,
                    end,
                })
                .collect(),
        });
    }
    report.people = people;
    report.speakers = speakers;
}

/// How often each of a report's names of more than one word is printed in it, by name: what
/// [`normalise_people`] sums over the corpus. It depends on the report alone, so a build cache
/// keeps it with the parse.
pub type NameCounts = Vec<(String, usize)>;

/// The [`NameCounts`] of one report (parsed, names not yet normalised).
pub fn name_counts(r: &Report) -> NameCounts {
    let texts: Vec<&str> = r
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .chain(r.standfirst.iter().map(|s| s.as_str()))
        .collect();
    let mut names: Vec<&str> = r
        .people
        .iter()
        .chain(r.speakers.iter())
        .filter(|n| n.contains(' '))
        .map(|n| n.as_str())
        .collect();
    names.sort();
    names.dedup();
    let mut counts: NameCounts = entities::count_names(&texts, &names).into_iter().collect();
    counts.sort_unstable();
    counts
}

/// One spelling per person across the corpus: spelling variants of a name merge into the
/// spelling most reports use ("Mathew Miller" → "Matthew Miller"), and a surname alone
/// becomes the one full name in the corpus with that surname.
pub fn normalise_people(reports: &mut [Report]) {
    // Counting is per report (on all cores), the sum over the corpus.
    let per_report = crate::par::map(reports, name_counts);
    normalise_people_counted(reports, &per_report);
}

/// [`normalise_people`] with each report's [`name_counts`] already known (`per_report`, in
/// the reports' order).
pub fn normalise_people_counted(reports: &mut [Report], per_report: &[NameCounts]) {
    // How often each spelling is printed in the whole corpus: the majority spelling wins.
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    for (n, c) in per_report.iter().flatten() {
        match counts.get_mut(n.as_str()) {
            Some(sum) => *sum += c,
            None => {
                counts.insert(n.clone(), *c);
            }
        }
    }
    let map = entities::alias_map(&counts);
    let mut canon: Vec<String> = map.values().cloned().collect();
    canon.sort();
    canon.dedup();
    // A surname alone stands for the one canonical name with that surname, if there is one.
    let mut by_surname: HashMap<&str, Vec<&String>> = HashMap::new();
    for c in &canon {
        if let Some(surname) = c.rsplit(' ').next() {
            by_surname.entry(surname).or_default().push(c);
        }
    }
    let fix = |n: &str| -> String {
        if let Some(c) = map.get(n) {
            return c.clone();
        }
        if !n.contains(' ') {
            if let Some([one]) = by_surname.get(n).map(|v| v.as_slice()) {
                return (*one).clone();
            }
        }
        n.to_string()
    };
    let dedup = |v: &mut Vec<String>| {
        let mut seen = HashSet::new();
        v.retain(|x| seen.insert(x.clone()));
    };
    crate::par::for_each_mut(reports, |r| {
        r.people = r.people.iter().map(|n| fix(n)).collect();
        dedup(&mut r.people);
        r.speakers = r.speakers.iter().map(|n| fix(n)).collect();
        dedup(&mut r.speakers);
        for q in &mut r.quotes {
            q.speaker = q.speaker.as_deref().map(fix);
        }
    });
}
