//! Weekdays ("on Monday", "last Tuesday") and dates ("on July 8, 2024", "on the 3rd of March")
//! mentioned in running text, each with whether its sentence speaks of the reported event.
//! `event` picks the event date among them.

use super::date_expr::{month_of, WEEKDAYS};

/// Words that make a sentence about the reported event rather than background.
const EVENT_WORDS: [&str; 16] = [
    "briefing",
    "conference",
    "meeting",
    "met ",
    "talks",
    "summit",
    "hearing",
    "session",
    "interview",
    "speech",
    "visit",
    "told reporters",
    "press",
    "statement",
    "addressed",
    "spoke",
];

/// Words before a weekday that point elsewhere than the past event.
const NOT_PAST: [&str; 7] = ["next", "coming", "until", "till", "by", "from", "before"];

pub(super) struct Mention {
    /// Byte range of the evidence in the paragraph.
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
    /// The sentence holds an event word ("briefing", "told reporters").
    pub in_event_sentence: bool,
}

pub(super) enum MentionKind {
    Weekday {
        day: chrono::Weekday,
        last: bool,
    },
    Date {
        month: u32,
        day: u32,
        year: Option<i32>,
    },
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// The sentences of a text (split at '.', '!', '?') and, computed once per sentence, whether
/// it speaks of the reported event. Words are visited in order, so a cursor finds each word's
/// sentence in amortised constant time: the text is scanned a bounded number of times, not
/// once per word (which made one long line without full stops quadratic).
struct Sentences<'a> {
    lower: &'a str,
    /// Byte offsets of the sentence-ending marks, in order.
    ends: Vec<usize>,
    /// Index into `ends` of the first end at or after the current word.
    cursor: usize,
    is_event: Vec<Option<bool>>,
}

impl<'a> Sentences<'a> {
    fn new(lower: &'a str) -> Self {
        let ends: Vec<usize> = lower
            .bytes()
            .enumerate()
            .filter(|(_, b)| matches!(b, b'.' | b'!' | b'?'))
            .map(|(i, _)| i)
            .collect();
        let is_event = vec![None; ends.len() + 1];
        Sentences {
            lower,
            ends,
            cursor: 0,
            is_event,
        }
    }

    /// Whether the sentence around byte `at` (the start of a word; `at` never decreases
    /// between calls) holds an event word.
    fn in_event_sentence(&mut self, at: usize) -> bool {
        while self.cursor < self.ends.len() && self.ends[self.cursor] < at {
            self.cursor += 1;
        }
        let k = self.cursor;
        if let Some(known) = self.is_event[k] {
            return known;
        }
        let start = if k == 0 { 0 } else { self.ends[k - 1] + 1 };
        let end = self.ends.get(k).copied().unwrap_or(self.lower.len());
        let sentence = &self.lower[start..end];
        super::work::add(sentence.len() * EVENT_WORDS.len());
        let found = EVENT_WORDS.iter().any(|w| sentence.contains(w));
        self.is_event[k] = Some(found);
        found
    }
}

fn previous_word(lower: &str, at: usize) -> &str {
    let head = lower[..at].trim_end();
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// The weekdays and "on <date>" phrases of a text, in order.
pub(super) fn mentions(text: &str) -> Vec<Mention> {
    // ASCII lower case keeps byte offsets identical to the printed text.
    super::work::add(text.len());
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut out = Vec::new();
    let mut sentences = Sentences::new(&lower);
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphabetic() || (i > 0 && is_word_byte(bytes[i - 1])) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
            j += 1;
        }
        let word = &lower[i..j];
        // Most words are none of these: look at the word itself before its context.
        let weekday = WEEKDAYS.iter().find(|(w, _)| *w == word);
        let month = if weekday.is_none() && word.len() >= 3 {
            month_of(word)
        } else {
            None
        };
        if weekday.is_none() && month.is_none() && word != "on" {
            i = j;
            continue;
        }
        let in_event_sentence = sentences.in_event_sentence(i);
        let before = previous_word(&lower, i);
        if let Some(&(_, day)) = weekday {
            if !NOT_PAST.contains(&before) {
                let start = if matches!(before, "on" | "last") {
                    lower[..i].trim_end().len() - before.len()
                } else {
                    i
                };
                out.push(Mention {
                    start,
                    end: j,
                    kind: MentionKind::Weekday {
                        day,
                        last: before == "last",
                    },
                    in_event_sentence,
                });
            }
        } else if let (Some(month), "on") = (month, before) {
            // "on July 8", "on July 8, 2024"
            let rest = &lower[j..];
            let rest_trim = rest.trim_start_matches('.').trim_start();
            let digits: String = rest_trim
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            if let Ok(day) = digits.parse::<u32>() {
                let after_day = &rest_trim[digits.len()..];
                let after_day = after_day
                    .trim_start_matches("st")
                    .trim_start_matches("nd")
                    .trim_start_matches("rd")
                    .trim_start_matches("th");
                let year_part = after_day
                    .strip_prefix(", ")
                    .or_else(|| after_day.strip_prefix(' '))
                    .unwrap_or("");
                let year_digits: String = year_part
                    .chars()
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                let year = (year_digits.len() == 4)
                    .then(|| year_digits.parse::<i32>().ok())
                    .flatten();
                let mut end = lower.len() - after_day.len();
                if year.is_some() {
                    end = lower.len() - year_part.len() + 4;
                }
                let start = lower[..i].trim_end().len() - 2;
                out.push(Mention {
                    start,
                    end,
                    kind: MentionKind::Date { month, day, year },
                    in_event_sentence,
                });
            }
        } else if word == "on" {
            // "on 8 July (2024)", "on the 8th of July"
            let rest = lower[j..].trim_start();
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            if !digits.is_empty() && digits.len() <= 2 {
                let after = rest[digits.len()..]
                    .trim_start_matches("th")
                    .trim_start_matches("st")
                    .trim_start_matches("nd")
                    .trim_start_matches("rd");
                let after = after.strip_prefix(" of ").unwrap_or(after);
                let mword: String = after
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .collect();
                if let (Some(month), Ok(day)) = (month_of(&mword), digits.parse::<u32>()) {
                    let after_month = after.trim_start()[mword.len()..].trim_start_matches(',');
                    let yd: String = after_month
                        .trim_start()
                        .chars()
                        .take_while(|c| c.is_ascii_digit())
                        .collect();
                    let year = (yd.len() == 4).then(|| yd.parse::<i32>().ok()).flatten();
                    let mut end = lower.len() - after_month.len();
                    if year.is_some() {
                        end = lower.len() - after_month.trim_start().len() + 4;
                    }
                    out.push(Mention {
                        start: i,
                        end,
                        kind: MentionKind::Date { month, day, year },
                        in_event_sentence,
                    });
                }
            }
        }
        i = j;
    }
    out
}
