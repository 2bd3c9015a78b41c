//! The people, organisations and places one report mentions.

use super::organisations::{connected_end, organisation_in};
use super::places::{place_name, PLACE_MAX_WORDS};
use super::tokens::{cap_runs, tokens};
use super::words::{is_month_or_day, is_org_word, is_role};
use crate::ingest::normalize::fold;
use std::collections::HashSet;

const NOT_NAMES: [&str; 40] = [
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "in",
    "on",
    "at",
    "but",
    "and",
    "so",
    "if",
    "as",
    "while",
    "when",
    "after",
    "before",
    "meanwhile",
    "however",
    "earlier",
    "later",
    "also",
    "still",
    "regarding",
    "during",
    "according",
    "responding",
];

/// The person named by a run of capitalised words, roles stripped: "State Department
/// Spokesperson Matthew Miller" → "Matthew Miller". `None` when the run is not a person.
pub fn person_in_run(words: &[&str], role_before: bool) -> Option<String> {
    let last_role = words.iter().rposition(|w| is_role(w));
    let name = match last_role {
        Some(r) => &words[r + 1..],
        None if role_before => words,
        None => return None,
    };
    plausible_name(name).then(|| name.join(" "))
}

/// 2–4 capitalised words that are not places, organisations, months or acronyms.
pub fn plausible_name(name: &[&str]) -> bool {
    (2..=4).contains(&name.len())
        && place_name(name).is_none()
        && name.iter().all(|w| {
            let lower = w.to_lowercase();
            !is_org_word(w)
                && !is_role(w)
                && !is_month_or_day(w)
                && !NOT_NAMES.contains(&lower.as_str())
                && place_name(&[w]).is_none()
                && w.chars().any(|c| c.is_lowercase())
                && w.chars().next().is_some_and(|c| c.is_uppercase())
        })
}

/// What one report mentions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Mentions {
    pub people: Vec<String>,
    pub organisations: Vec<String>,
    pub places: Vec<String>,
}

/// Appends `s` unless a name that folds the same is already there. `seen` holds the folded
/// names of `v`, so each check is one lookup, not a pass over every name so far.
fn push_unique(v: &mut Vec<String>, seen: &mut HashSet<String>, s: String) {
    crate::ingest::work::add(s.len());
    if seen.insert(fold(&s)) {
        v.push(s);
    }
}

const FUNCTION_AFTER_PLACE: [&str; 20] = [
    "and", "or", "on", "for", "where", "after", "last", "to", "with", "which", "that", "but", "as",
    "in", "at", "from", "of", "is", "was", "since",
];

/// People, organisations and places in the paragraphs of one report.
pub fn mentions(paragraphs: &[&str]) -> Mentions {
    let mut m = Mentions::default();
    let (mut seen_people, mut seen_orgs, mut seen_places) =
        (HashSet::new(), HashSet::new(), HashSet::new());
    for text in paragraphs {
        let toks = tokens(text);
        for (s, e) in cap_runs(&toks) {
            let words: Vec<&str> = toks[s..e].iter().map(|t| t.word).collect();
            let before = s.checked_sub(1).map(|b| toks[b].word).unwrap_or("");
            // "minister Jane Roe" and the appositive "minister, Jane Roe,"
            let role_before = is_role(before) && !toks[s - 1].sentence_end_after;
            let after_is_who =
                toks.get(e).is_some_and(|t| t.word == "who") && toks[e - 1].boundary_after;
            if let Some(p) = person_in_run(&words, role_before || after_is_who) {
                push_unique(&mut m.people, &mut seen_people, p);
            }
            // Places: whole run or its parts.
            let mut covered = vec![false; words.len()];
            for len in (1..=PLACE_MAX_WORDS).rev() {
                for (k, w) in words.windows(len).enumerate() {
                    if covered[k..k + len].iter().any(|c| *c) {
                        continue;
                    }
                    if let Some(p) = place_name(w) {
                        covered[k..k + len].iter_mut().for_each(|c| *c = true);
                        push_unique(&mut m.places, &mut seen_places, p.to_string());
                    }
                }
            }
            // "in Rawalpindi for", "in Musakhail where": a lone capitalised word after "in".
            if e - s == 1 && matches!(before, "in" | "from" | "near" | "across") {
                let next = toks.get(e).map(|t| t.word.to_lowercase());
                let next_ok = toks[s].boundary_after
                    || next
                        .as_deref()
                        .is_none_or(|n| FUNCTION_AFTER_PLACE.contains(&n));
                let w = words[0];
                if next_ok
                    && !is_month_or_day(w)
                    && !is_org_word(w)
                    && w.chars().any(|c| c.is_lowercase())
                    && w.len() > 2
                {
                    push_unique(&mut m.places, &mut seen_places, w.to_string());
                }
            }
            // Organisations: a run holding an organisation word, roles and leading "The" cut off;
            // a name joined by lower-case words ("Department of State") is read whole.
            let org_end = connected_end(&toks, s, e);
            let connected = org_end > e;
            let org_words: Vec<&str> = if connected {
                toks[s..org_end].iter().map(|t| t.word).collect()
            } else {
                words.clone()
            };
            // "State" names an organisation only as the head of a joined name ("Islamic State
            // of Iraq and Syria"), never alone ("the United States", "State of emergency").
            let org_like =
                |w: &str| is_org_word(w) || (connected && w.eq_ignore_ascii_case("state"));
            if org_words.iter().any(|w| org_like(w)) {
                if let Some(org) = organisation_in(&org_words, &org_like) {
                    push_unique(&mut m.organisations, &mut seen_orgs, org);
                }
            }
            // "Pakistan Tehreek-e-Insaf (PTI)": a run defining an acronym is an organisation
            // unless it is a place.
            if toks[e - 1].boundary_after {
                let rest = &text[toks[e - 1].start + toks[e - 1].word.len()..];
                let rest = rest
                    .trim_start_matches(['\u{2019}', '\'', 's'])
                    .trim_start();
                // Only a short "(ABC)" counts: look no further than its longest form.
                if let Some(inner) = rest
                    .strip_prefix('(')
                    .map(|r| &r[..r.char_indices().nth(8).map_or(r.len(), |(i, _)| i)])
                    .and_then(|r| r.split(')').next())
                {
                    if (2..=6).contains(&inner.len())
                        && inner.chars().all(|c| c.is_ascii_uppercase())
                        && words.len() >= 2
                    {
                        let mut org: Vec<&str> = words.clone();
                        let articles = org
                            .iter()
                            .take_while(|w| matches!(**w, "The" | "A"))
                            .count();
                        org.drain(..articles);
                        if place_name(&org).is_none()
                            && !org.iter().any(|w| is_role(w))
                            && org.len() >= 2
                        {
                            push_unique(&mut m.organisations, &mut seen_orgs, org.join(" "));
                        }
                    }
                }
            }
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_after_roles() {
        let m = mentions(&[
            "US State Department spokesperson Mathew Miller has denied it.",
            "He met Pakistan Tehreek-e-Insaf founder Imran Khan, who was jailed, and Zahir Jaffer, who was convicted.",
            "Pakistan’s Deputy Prime Minister and Foreign Minister Ishaq Dar met US Ambassador Donald Blome in Islamabad.",
        ]);
        assert_eq!(
            m.people,
            [
                "Mathew Miller",
                "Imran Khan",
                "Zahir Jaffer",
                "Ishaq Dar",
                "Donald Blome"
            ]
        );
        assert!(m.places.contains(&"Islamabad".to_string()));
        assert!(m.places.contains(&"Pakistan".to_string()));
    }

    #[test]
    fn organisations_and_places() {
        let m = mentions(&[
            "The Foreign Office rejected an Amnesty International report on Pakistan Tehreek-e-Insaf (PTI) leaders.",
            "They met at the Adiala Jail in Rawalpindi for a meeting, in Pakistani elections.",
        ]);
        assert!(
            m.organisations.contains(&"Foreign Office".to_string()),
            "{:?}",
            m.organisations
        );
        assert!(m
            .organisations
            .contains(&"Amnesty International".to_string()));
        assert!(m
            .organisations
            .contains(&"Pakistan Tehreek-e-Insaf".to_string()));
        assert!(m.places.contains(&"Rawalpindi".to_string()));
        assert!(!m.places.contains(&"Pakistani".to_string()));
    }

    #[test]
    fn organisations_joined_by_lower_case_words() {
        let m = mentions(&[
            "Fighters of the Islamic State of Iraq and Syria claimed the attack.",
            "The United States (US) Department of State Spokesperson Matthew Miller spoke.",
            "The Council on Foreign Relations and the Ministry of Foreign Affairs of Pakistan replied.",
            "A State of emergency was declared in the United States.",
        ]);
        for org in [
            "Islamic State of Iraq and Syria",
            "Department of State",
            "Council on Foreign Relations",
            "Ministry of Foreign Affairs of Pakistan",
        ] {
            assert!(
                m.organisations.contains(&org.to_string()),
                "{org} in {:?}",
                m.organisations
            );
        }
        assert!(
            !m.organisations
                .iter()
                .any(|o| o.contains("emergency") || o == "United States"),
            "{:?}",
            m.organisations
        );
        assert!(m.people.contains(&"Matthew Miller".to_string()));
    }

    #[test]
    fn role_words_end_an_organisation() {
        let m = mentions(&["US Senate Majority Leader Chuck Schumer said so, and Amnesty International Secretary General Agnes Callamard agreed."]);
        assert!(
            m.organisations.contains(&"US Senate".to_string()),
            "{:?}",
            m.organisations
        );
        assert!(
            !m.organisations.iter().any(|o| o.contains("Majority")),
            "{:?}",
            m.organisations
        );
        assert!(m
            .organisations
            .contains(&"Amnesty International".to_string()));
        assert!(
            m.people.contains(&"Chuck Schumer".to_string()),
            "{:?}",
            m.people
        );
    }
}
