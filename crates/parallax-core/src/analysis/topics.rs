//! Topic tagging from a lexicon given as data (corpus/topics.toml → [`TopicDef`]).
//!
//! Each paragraph gets the byte ranges of the topic phrases it contains ([`TopicHit`]), each
//! report a weight per topic ([`TopicScore`]). Matching is by whole words (Unicode word bounds),
//! follows simple inflection through [`text::stem`] ("refugee" finds "refugees", "Taliban"
//! finds "Taliban’s"), and respects case where case carries meaning: entities match only with
//! their capitals ("Predator" the spyware, not "a predator") and an all-capitals word is an
//! acronym that only matches in capitals ("TTP"); a text word in all capitals (a heading such
//! as "MAY 9 PROTESTS") matches any entity. Words of a phrase must be adjacent in the text,
//! separated by spaces or hyphens only, so a phrase never spans two sentences.

use super::text::{self, fold_quote_char};
use crate::model::{ParagraphKind, Report, TopicDef, TopicHit, TopicScore};
use std::collections::HashMap;

/// A report gets a topic when its hits (title hits count double) reach this: one passing
/// mention ("also accused India") is not what the report is about.
pub const MIN_REPORT_SCORE: usize = 2;
/// Hits in the title count this many times: a title states what the report is about.
pub const TITLE_WEIGHT: usize = 2;

/// One word of a compiled phrase.
#[derive(Clone, Debug)]
struct PhraseWord {
    stem: String,
    /// For case-sensitive words: the word as written, quote marks folded.
    cased: Option<String>,
}

#[derive(Clone, Debug)]
struct Phrase {
    topic: usize,
    words: Vec<PhraseWord>,
}

/// A word of the text being tagged.
struct TextWord {
    start: usize,
    end: usize,
    stem: String,
    /// As written, quote marks folded.
    original: String,
}

/// The lexicon compiled for matching; build once, tag many reports.
#[derive(Clone, Debug, Default)]
pub struct Tagger {
    topic_ids: Vec<String>,
    /// Phrases indexed by the stem of their first word.
    by_first: HashMap<String, Vec<Phrase>>,
}

fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

impl Tagger {
    pub fn new(topics: &[TopicDef]) -> Self {
        let mut tagger = Tagger {
            topic_ids: topics.iter().map(|t| t.id.clone()).collect(),
            ..Default::default()
        };
        for (t, topic) in topics.iter().enumerate() {
            let entries = topic
                .phrases
                .iter()
                .map(|p| (p, false))
                .chain(topic.entities.iter().map(|e| (e, true)));
            for (entry, entity) in entries {
                let words: Vec<PhraseWord> = split_words(entry)
                    .into_iter()
                    .map(|w| PhraseWord {
                        cased: (entity || is_acronym(&w.original)).then(|| w.original.clone()),
                        stem: w.stem,
                    })
                    .collect();
                if let Some(first) = words.first() {
                    tagger
                        .by_first
                        .entry(first.stem.clone())
                        .or_default()
                        .push(Phrase { topic: t, words });
                }
            }
        }
        tagger
    }

    /// Topic hits in `text`: per topic, the longest phrase at each place, none inside another of
    /// the same topic; sorted by start.
    pub fn hits(&self, text: &str) -> Vec<TopicHit> {
        let words = split_words(text);
        let mut found: Vec<(usize, usize, usize)> = Vec::new(); // (topic, start, end)
        for i in 0..words.len() {
            let Some(candidates) = self.by_first.get(&words[i].stem) else {
                continue;
            };
            for phrase in candidates {
                if matches_at(text, &words, i, &phrase.words) {
                    let end = words[i + phrase.words.len() - 1].end;
                    found.push((phrase.topic, words[i].start, end));
                }
            }
        }
        // Longest first, so a hit inside a longer one of the same topic is dropped.
        found.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)));
        let mut kept: Vec<(usize, usize, usize)> = Vec::new();
        for hit in found {
            let inside = kept
                .iter()
                .any(|k| k.0 == hit.0 && k.1 <= hit.1 && hit.2 <= k.2);
            if !inside {
                kept.push(hit);
            }
        }
        kept.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
        kept.into_iter()
            .map(|(t, start, end)| TopicHit {
                topic: self.topic_ids[t].clone(),
                start,
                end,
            })
            .collect()
    }

    /// Tags a report: hits per text paragraph, weights per topic.
    pub fn tag(&self, report: &mut Report) {
        let mut score: HashMap<String, usize> = HashMap::new();
        for hit in self.hits(&report.title) {
            *score.entry(hit.topic).or_default() += TITLE_WEIGHT;
        }
        for para in &mut report.paragraphs {
            para.topic_hits = self.hits(&para.text);
            // Headings mark their words for the page but name a section, not evidence.
            if para.kind == ParagraphKind::Text {
                for hit in &para.topic_hits {
                    *score.entry(hit.topic.clone()).or_default() += 1;
                }
            }
        }
        let kept: Vec<(String, usize)> = score
            .into_iter()
            .filter(|(_, s)| *s >= MIN_REPORT_SCORE)
            .collect();
        let total: usize = kept.iter().map(|(_, s)| s).sum();
        let mut topics: Vec<TopicScore> = kept
            .into_iter()
            .map(|(topic, s)| TopicScore {
                topic,
                weight: s as f32 / total as f32,
            })
            .collect();
        // Strongest first; ties in lexicon order so output is deterministic.
        let order = |id: &str| {
            self.topic_ids
                .iter()
                .position(|t| t == id)
                .unwrap_or(usize::MAX)
        };
        topics.sort_by(|a, b| {
            b.weight
                .total_cmp(&a.weight)
                .then(order(&a.topic).cmp(&order(&b.topic)))
        });
        report.topics = topics;
    }
}

fn split_words(text: &str) -> Vec<TextWord> {
    text::word_spans(text)
        .into_iter()
        .map(|w| TextWord {
            start: w.start,
            end: w.end,
            stem: text::stem(&w.folded),
            original: text[w.start..w.end].chars().map(fold_quote_char).collect(),
        })
        .collect()
}

fn matches_at(text: &str, words: &[TextWord], i: usize, phrase: &[PhraseWord]) -> bool {
    if i + phrase.len() > words.len() {
        return false;
    }
    phrase.iter().enumerate().all(|(k, pw)| {
        let w = &words[i + k];
        let joined = k == 0
            || text[words[i + k - 1].end..w.start]
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}'));
        joined
            && w.stem == pw.stem
            && pw
                .cased
                .as_ref()
                .is_none_or(|cased| case_agrees(&w.original, cased))
    })
}

/// A text word agrees in case with a case-sensitive lexicon word when it starts with it as
/// written (inflections follow: "Taliban's") or is written all in capitals (a heading).
fn case_agrees(text_word: &str, cased: &str) -> bool {
    text_word.starts_with(cased)
        || (is_acronym(text_word) && text_word.starts_with(&cased.to_uppercase()))
}

/// Problems with a lexicon, as messages; empty when it is usable.
pub fn validate(topics: &[TopicDef]) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, t) in topics.iter().enumerate() {
        let name = if t.id.is_empty() {
            format!("topic {}", i + 1)
        } else {
            format!("topic \"{}\"", t.id)
        };
        if t.id.is_empty()
            || !t
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            problems.push(format!(
                "{name}: the id must be non-empty and use only A-Z, a-z, 0-9, '-' and '_'"
            ));
        }
        if topics[..i].iter().any(|o| o.id == t.id) {
            problems.push(format!("{name}: the id is used twice"));
        }
        if t.label.trim().is_empty() {
            problems.push(format!("{name}: the label is empty"));
        }
        if t.phrases
            .iter()
            .chain(&t.entities)
            .all(|p| text::words(p).is_empty())
        {
            problems.push(format!("{name}: no phrase or entity with a word in it"));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;

    fn topic(id: &str, phrases: &[&str], entities: &[&str]) -> TopicDef {
        TopicDef {
            id: id.into(),
            label: id.into(),
            description: String::new(),
            phrases: phrases.iter().map(|s| (*s).into()).collect(),
            entities: entities.iter().map(|s| (*s).into()).collect(),
        }
    }

    fn marked(tagger: &Tagger, text: &str) -> Vec<(String, String)> {
        tagger
            .hits(text)
            .into_iter()
            .map(|h| (h.topic, text[h.start..h.end].to_string()))
            .collect()
    }

    #[test]
    fn matches_whole_words_with_inflection() {
        let t = Tagger::new(&[topic("ref", &["refugee", "protest"], &[])]);
        assert_eq!(
            marked(
                &t,
                "Refugees protested; the refugee’s protests. Refugeehood and protestant."
            ),
            [
                ("ref".into(), "Refugees".into()),
                ("ref".into(), "protested".into()),
                ("ref".into(), "refugee’s".into()),
                ("ref".into(), "protests".into())
            ] as [(String, String); 4]
        );
    }

    #[test]
    fn entities_and_acronyms_respect_case() {
        let t = Tagger::new(&[
            topic("spy", &["spyware"], &["Predator"]),
            topic("ttp", &["TTP"], &["Taliban"]),
        ]);
        let hits = marked(&t, "Predator spyware is no predator. The TTP, not the ttp; the Taliban’s men, the taliban. MAY 9 TALIBAN");
        let texts: Vec<&str> = hits.iter().map(|h| h.1.as_str()).collect();
        assert_eq!(
            texts,
            ["Predator", "spyware", "TTP", "Taliban’s", "TALIBAN"]
        );
    }

    #[test]
    fn phrases_need_adjacent_words_and_keep_the_longest() {
        let t = Tagger::new(&[topic(
            "sec",
            &["regional security", "threats to regional security"],
            &["Imran Khan"],
        )]);
        assert_eq!(
            marked(&t, "combating threats to regional security"),
            [(
                "sec".to_string(),
                "threats to regional security".to_string()
            )]
        );
        assert!(marked(&t, "He met Imran. Khan later spoke.").is_empty());
        assert_eq!(marked(&t, "Imran-Khan").len(), 1);
    }

    #[test]
    fn reports_get_weights_strongest_first_and_ignore_passing_mentions() {
        let t = Tagger::new(&[
            topic("iran", &["Iranian"], &["Iran"]),
            topic("india", &[], &["India"]),
            topic("gaza", &[], &["Gaza"]),
        ]);
        let mut r = Report {
            title: "Iran and the pipeline".into(),
            paragraphs: vec![
                Paragraph {
                    text: "Iran warned. Iranian officials met. India was mentioned once.".into(),
                    ..Default::default()
                },
                Paragraph {
                    text: "Gaza".into(),
                    kind: ParagraphKind::Heading,
                    ..Default::default()
                },
                Paragraph {
                    text: "Gaza was discussed.".into(),
                    ..Default::default()
                },
                Paragraph {
                    text: "Gaza again.".into(),
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        t.tag(&mut r);
        let got: Vec<(&str, f32)> = r
            .topics
            .iter()
            .map(|s| (s.topic.as_str(), s.weight))
            .collect();
        assert_eq!(got, [("iran", 4.0 / 6.0), ("gaza", 2.0 / 6.0)]);
        assert_eq!(r.paragraphs[0].topic_hits.len(), 3);
        assert_eq!(r.paragraphs[1].topic_hits.len(), 1, "headings are marked");
    }

    #[test]
    fn validation_reports_bad_ids_duplicates_and_empty_topics() {
        let bad = [
            topic("ok", &["x"], &[]),
            topic("ok", &["y"], &[]),
            topic("bad id", &[], &[]),
            TopicDef::default(),
        ];
        let problems = validate(&bad);
        assert!(problems.iter().any(|p| p.contains("used twice")));
        assert!(problems
            .iter()
            .any(|p| p.contains("\"bad id\"") && p.contains("id must")));
        assert!(problems.iter().any(|p| p.contains("no phrase")));
        assert!(problems.iter().any(|p| p.starts_with("topic 4")));
        assert!(validate(&[topic("fine", &["word"], &[])]).is_empty());
    }
}
