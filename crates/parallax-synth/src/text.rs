//! Events and the sentences, quotes and titles written about them.

use crate::vocab::*;
use chrono::{Datelike, NaiveDate};
use rand::rngs::ChaCha8Rng;
use rand::RngExt;

pub type Rng = ChaCha8Rng;

pub fn pick<T: Clone>(rng: &mut Rng, items: &[T]) -> T {
    items[rng.random_range(0..items.len())].clone()
}

pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[derive(Clone, Debug)]
pub struct Speaker {
    pub first: &'static str,
    pub last: &'static str,
    pub pronoun: &'static str,
    pub role: &'static str,
    pub city: &'static str,
}

impl Speaker {
    pub fn full(&self) -> String {
        format!("{} {} {}", self.role, self.first, self.last)
    }
    pub fn name(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

/// One thing that happened: a briefing on a date, by a speaker, about a topic, with the lines
/// they said. Every report is written about one event.
#[derive(Clone, Debug)]
pub struct Event {
    pub id: usize,
    pub topic: usize,
    pub second_topic: usize,
    pub speaker: Speaker,
    pub date: NaiveDate,
    pub country: usize,
    pub other: usize,
    pub official: (String, String),
    pub numbers: [u32; 3],
    pub venue: &'static str,
    pub quotes: Vec<String>,
}

pub fn new_speaker(rng: &mut Rng) -> Speaker {
    let (first, pronoun) = pick(rng, FIRST_NAMES);
    let (role, _, city) = pick(rng, ROLES);
    Speaker {
        first,
        last: pick(rng, LAST_NAMES),
        pronoun,
        role,
        city,
    }
}

pub fn new_event(rng: &mut Rng, id: usize, speaker: Speaker) -> Event {
    let topic = rng.random_range(0..TOPICS.len());
    let second_topic = rng.random_range(0..TOPICS.len());
    let country = if rng.random_bool(0.6) {
        0
    } else {
        rng.random_range(0..COUNTRIES.len())
    };
    let mut other = rng.random_range(0..COUNTRIES.len());
    if other == country {
        other = (other + 1) % COUNTRIES.len();
    }
    let (first, _) = pick(rng, FIRST_NAMES);
    let official = (
        pick(rng, OFFICIAL_TITLES).to_string(),
        format!("{} {}", first, pick(rng, LAST_NAMES)),
    );
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid date");
    let date = start + chrono::Days::new(rng.random_range(0..350));
    let numbers = [
        rng.random_range(3..400),
        rng.random_range(2..60),
        rng.random_range(1..30) * 100,
    ];
    let mut event = Event {
        id,
        topic,
        second_topic,
        speaker,
        date,
        country,
        other,
        official,
        numbers,
        venue: pick(rng, VENUES),
        quotes: vec![],
    };
    let n_quotes = rng.random_range(4..=6);
    event.quotes = (0..n_quotes).map(|_| quote(rng, &event)).collect();
    event
}

impl Event {
    fn noun(&self, rng: &mut Rng) -> &'static str {
        let topic = if rng.random_bool(0.75) {
            self.topic
        } else {
            self.second_topic
        };
        pick(rng, TOPICS[topic].nouns)
    }
    /// A noun phrase of at most four words (quotes must not carry long fixed runs).
    fn short_noun(&self, rng: &mut Rng) -> &'static str {
        loop {
            let n = self.noun(rng);
            if n.split(' ').count() <= 4 {
                return n;
            }
        }
    }
    fn org(&self, rng: &mut Rng) -> &'static str {
        pick(rng, TOPICS[self.topic].orgs)
    }
    fn country(&self) -> &'static Country {
        &COUNTRIES[self.country]
    }
    fn other(&self) -> &'static Country {
        &COUNTRIES[self.other]
    }
    /// How a report refers to the day of the event, given when it was published.
    pub fn when(&self, rng: &mut Rng, published: NaiveDate) -> String {
        let days = (published - self.date).num_days();
        let explicit = format!("on {} {}", month_name(self.date.month()), self.date.day());
        if (0..=6).contains(&days) && rng.random_bool(0.7) {
            format!("on {}", weekday_name(self.date))
        } else if rng.random_bool(0.5) {
            explicit
        } else {
            format!("{explicit}, {}", self.date.year())
        }
    }
    fn subject(&self, rng: &mut Rng) -> String {
        match rng.random_range(0..6) {
            0 => self.country().name.to_string(),
            1 => format!("the {} government", self.country().adjective),
            2 => format!("{} {}", self.official.0, self.official.1),
            3 => self.org(rng).to_string(),
            _ => pick(rng, SUBJECTS).to_string(),
        }
    }
    fn clause(&self, rng: &mut Rng) -> String {
        format!(
            "{} {} {} {}",
            self.subject(rng),
            pick(rng, MODALS),
            pick(rng, VERBS),
            self.noun(rng)
        )
    }
}

pub fn month_name(m: u32) -> &'static str {
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][(m as usize - 1) % 12]
}

pub fn weekday_name(d: NaiveDate) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ][d.weekday().num_days_from_monday() as usize]
}

/// A line the speaker said: one to three first-person clauses. Every few words come from a
/// wide bank, so two unrelated quotes rarely share a six-word run (what makes quotes "the same").
pub fn quote(rng: &mut Rng, ev: &Event) -> String {
    let n = [1, 1, 1, 2, 2][rng.random_range(0..5)];
    let mut parts: Vec<String> = Vec::new();
    for _ in 0..n {
        // Openers of at most three fixed words and no fixed tail: a six-word window always
        // spans several wide banks.
        let opener = if rng.random_bool(0.25) {
            format!("we expect {} {} to", ev.official.0, ev.official.1)
        } else {
            pick(rng, QUOTE_OPENERS).to_string()
        };
        parts.push(format!(
            "{opener} {} {} {} {} {} {}",
            pick(rng, VERBS),
            pick(rng, QUOTE_ADJECTIVES),
            ev.short_noun(rng),
            pick(rng, CONNECTORS),
            pick(rng, QUOTE_ADJECTIVES),
            ev.short_noun(rng).trim_start_matches("the "),
        ));
    }
    let mut out = capitalise(&parts[0]);
    for p in &parts[1..] {
        if rng.random_bool(0.5) {
            out.push_str(". ");
            out.push_str(&capitalise(p));
        } else {
            out.push_str(", and ");
            out.push_str(p);
        }
    }
    out
}

fn verb_ing(rng: &mut Rng) -> &'static str {
    pick(
        rng,
        &[
            "combating",
            "addressing",
            "resolving",
            "monitoring",
            "reducing",
            "confronting",
            "managing",
        ],
    )
}

/// The first paragraph: who said what, where and when.
pub fn lead(rng: &mut Rng, ev: &Event, when: &str) -> String {
    let s = &ev.speaker;
    match rng.random_range(0..4) {
        0 => format!(
            "{} {} that {}, at a {} {when}.",
            s.full(),
            pick(rng, SPEECH_VERBS),
            ev.clause(rng),
            ev.venue
        ),
        1 => format!(
            "{} {when} {} that {} {}.",
            s.full(),
            pick(rng, SPEECH_VERBS),
            ev.clause(rng),
            pick(rng, TAILS)
        ),
        2 => format!(
            "{} has {} with {} on {}, and an interest in {} {}, {} said {when}.",
            ev.country().capital,
            pick(
                rng,
                &[
                    "a shared interest",
                    "concerns",
                    "differences",
                    "common ground"
                ]
            ),
            ev.other().capital,
            ev.noun(rng),
            verb_ing(rng),
            ev.noun(rng),
            s.full()
        ),
        _ => format!(
            "At a {} {when}, {} {} {} and {}.",
            ev.venue,
            s.full(),
            pick(rng, QUESTION_FRAMES),
            ev.noun(rng),
            ev.clause(rng)
        ),
    }
}

/// A body sentence about the event (no quote).
pub fn fact(rng: &mut Rng, ev: &Event) -> String {
    let s = &ev.speaker;
    let c = ev.country();
    let o = ev.other();
    match rng.random_range(0..10) {
        0 => format!(
            "{} {} that {} {}.",
            s.last,
            pick(rng, SPEECH_VERBS),
            ev.clause(rng),
            pick(rng, TAILS)
        ),
        1 => format!(
            "{} {} {}.",
            capitalise(&ev.clause(rng)),
            pick(rng, TAILS),
            pick(rng, TIMES)
        ),
        2 => format!(
            "{} has suffered {} {} {}, which {} blames on {}.",
            c.name,
            ev.numbers[0],
            pick(rng, TOPICS[ev.topic].incidents),
            pick(rng, TIMES),
            c.capital,
            ev.org(rng)
        ),
        3 => format!(
            "Tensions between {} and {} {} {} after {} {} {} hinted that {}.",
            c.capital,
            o.capital,
            pick(rng, &["escalated", "eased", "resurfaced", "grew"]),
            pick(rng, TIMES),
            c.adjective,
            ev.official.0,
            ev.official.1,
            ev.clause(rng)
        ),
        4 => format!(
            "{} {} {} {}.",
            s.last,
            pick(rng, QUESTION_FRAMES),
            ev.noun(rng),
            pick(rng, TAILS)
        ),
        5 => format!(
            "The line of questions then shifted towards {}, with {} {} {}.",
            ev.noun(rng),
            ev.org(rng),
            pick(
                rng,
                &[
                    "under scrutiny",
                    "in focus",
                    "facing criticism",
                    "drawing attention"
                ]
            ),
            pick(rng, TIMES)
        ),
        6 => format!(
            "At least {} people linked to {} {}, according to {}.",
            ev.numbers[0],
            ev.noun(rng),
            pick(
                rng,
                &[
                    "have been detained",
                    "remain missing",
                    "were relocated",
                    "have been charged",
                    "were evacuated"
                ]
            ),
            ev.org(rng)
        ),
        7 => format!(
            "{} {} {} {} {} {}.",
            capitalise(ev.subject(rng).as_str()),
            pick(
                rng,
                &[
                    "regularly engages",
                    "partners with",
                    "has urged",
                    "has criticised",
                    "met"
                ]
            ),
            ev.subject(rng),
            pick(rng, &["to discuss", "on", "over", "regarding"]),
            ev.noun(rng),
            pick(rng, TAILS)
        ),
        8 => format!(
            "The {} {} {} ${} million {} {}.",
            pick(rng, &["package", "programme", "agreement", "plan"]),
            pick(rng, &["includes", "sets aside", "promises", "withholds"]),
            pick(rng, &["nearly", "about", "more than", "up to"]),
            ev.numbers[2],
            pick(rng, &["for", "towards", "linked to"]),
            ev.noun(rng)
        ),
        _ => format!(
            "{} {} {} {}, {} {} in {}.",
            s.pronoun_cap(),
            pick(
                rng,
                &[
                    "declined to comment on",
                    "refused to speculate about",
                    "would not be drawn on",
                    "sidestepped"
                ]
            ),
            ev.noun(rng),
            pick(rng, TIMES),
            pick(
                rng,
                &[
                    "saying the matter was",
                    "adding that the issue was",
                    "noting it was"
                ]
            ),
            pick(
                rng,
                &[
                    "under review",
                    "for the courts to decide",
                    "being handled privately",
                    "a bilateral matter"
                ]
            ),
            o.capital
        ),
    }
}

impl Speaker {
    pub fn pronoun_cap(&self) -> String {
        capitalise(self.pronoun)
    }
}

/// A paragraph carrying one quote, attributed in one of the ways reporters do.
pub fn quote_paragraph(
    rng: &mut Rng,
    ev: &Event,
    speaker: &Speaker,
    quote: &str,
    when: &str,
) -> String {
    let s = speaker;
    match rng.random_range(0..6) {
        0 => format!("“{quote},” {} said.", s.last),
        1 => format!("“{quote},” {} told reporters {when}.", s.pronoun),
        2 => format!("{} said: “{quote}.”", s.last),
        3 => format!(
            "When asked about {}, {} replied, “{quote}.”",
            ev.noun(rng),
            s.last
        ),
        4 => format!("“{quote},” {} added.", s.pronoun),
        _ => format!("“{quote},” {} {} said.", s.role, s.last),
    }
}

pub fn title(rng: &mut Rng, ev: &Event) -> String {
    let s = &ev.speaker;
    let c = ev.country();
    let n = ev.noun(rng);
    match rng.random_range(0..6) {
        0 => format!(
            "US {} {}: {}",
            pick(
                rng,
                &[
                    "urges",
                    "backs",
                    "questions",
                    "welcomes",
                    "rejects",
                    "vows action on"
                ]
            ),
            n,
            s.name()
        ),
        1 => format!(
            "{} says {} is {}’s internal matter",
            pick(rng, &["US", "Washington", "State Department"]),
            n,
            c.name
        ),
        2 => format!(
            "{}, {} have a shared interest in {} {}",
            c.name,
            ev.other().name,
            verb_ing(rng),
            n
        ),
        3 => format!(
            "{} {} {} amid {}",
            s.last,
            pick(
                rng,
                &[
                    "addresses",
                    "weighs in on",
                    "sidesteps",
                    "defends stance on"
                ]
            ),
            n,
            ev.noun(rng)
        ),
        4 => format!(
            "{} ‘{}’ {}",
            pick(rng, &["Washington", "US", "Islamabad"]),
            pick(rng, &["regrets", "welcomes", "rejects", "notes"]),
            n
        ),
        _ => format!(
            "{} {} {} in {}",
            c.name,
            pick(
                rng,
                &[
                    "rejects claims of",
                    "seeks help on",
                    "pushes back on",
                    "reviews"
                ]
            ),
            n,
            ev.other().name
        ),
    }
}

pub fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            if w.len() > 3 || w == s.split(' ').next().unwrap_or("") {
                capitalise(w)
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
