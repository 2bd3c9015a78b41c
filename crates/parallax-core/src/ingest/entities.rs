//! People, organisations and places mentioned in a report, and alias normalisation of people
//! across the corpus ("Mathew Miller" = "Matthew Miller").
//!
//! Plain matchers: runs of capitalised words, a generic list of roles and titles
//! ("spokesperson", "minister", "Ambassador") that announce a person, a generic list of words
//! that make a name an organisation ("Department", "Office", "International"), a list of the
//! world's countries and large cities, datelines, and "in X" for other places. No list of the
//! people of any corpus.

use super::normalize::fold;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

/// Roles and titles printed before a person's name.
pub const ROLES: [&str; 72] = [
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "minister",
    "ambassador",
    "senator",
    "leader",
    "president",
    "secretary",
    "founder",
    "chief",
    "chairman",
    "chairperson",
    "chairwoman",
    "general",
    "gen",
    "envoy",
    "adviser",
    "advisor",
    "lawyer",
    "official",
    "director",
    "governor",
    "judge",
    "justice",
    "commander",
    "premier",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "sen",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "mp",
    "mna",
    "mpa",
    "deputy",
    "counsel",
    "attorney",
    "analyst",
    "researcher",
    "journalist",
    "reporter",
    "correspondent",
    "activist",
    "candidate",
    "mayor",
    "king",
    "queen",
    "prince",
    "sheikh",
    "emir",
    "captain",
    "colonel",
    "lieutenant",
    "officer",
    "diplomat",
    "negotiator",
    "coordinator",
    "commissioner",
    "economist",
    "expert",
    "editor",
    "head",
    "ceo",
    "pope",
    "chancellor",
];

/// Words that make a capitalised name an organisation.
pub const ORG_WORDS: [&str; 48] = [
    "department",
    "ministry",
    "office",
    "international",
    "council",
    "party",
    "agency",
    "committee",
    "commission",
    "bank",
    "fund",
    "court",
    "army",
    "embassy",
    "consulate",
    "organisation",
    "organization",
    "union",
    "nations",
    "institute",
    "lab",
    "group",
    "assembly",
    "senate",
    "parliament",
    "government",
    "police",
    "forces",
    "corporation",
    "company",
    "university",
    "foundation",
    "association",
    "movement",
    "front",
    "league",
    "authority",
    "bureau",
    "board",
    "network",
    "watch",
    "federation",
    "alliance",
    "coalition",
    "house",
    "pentagon",
    "tehreek",
    "insaf",
];

/// Countries, alternative country names and large cities: generic world knowledge, not a list
/// of any corpus's places.
pub const PLACES: &[&str] = &[
    "Afghanistan",
    "Albania",
    "Algeria",
    "Angola",
    "Argentina",
    "Armenia",
    "Australia",
    "Austria",
    "Azerbaijan",
    "Bahrain",
    "Bangladesh",
    "Belarus",
    "Belgium",
    "Bhutan",
    "Bolivia",
    "Bosnia",
    "Brazil",
    "Britain",
    "Bulgaria",
    "Cambodia",
    "Cameroon",
    "Canada",
    "Chad",
    "Chile",
    "China",
    "Colombia",
    "Congo",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Czechia",
    "Denmark",
    "Egypt",
    "Eritrea",
    "Estonia",
    "Ethiopia",
    "Finland",
    "France",
    "Gaza",
    "Georgia",
    "Germany",
    "Ghana",
    "Greece",
    "Guatemala",
    "Haiti",
    "Hungary",
    "Iceland",
    "India",
    "Indonesia",
    "Iran",
    "Iraq",
    "Ireland",
    "Israel",
    "Italy",
    "Japan",
    "Jordan",
    "Kazakhstan",
    "Kenya",
    "Kosovo",
    "Kuwait",
    "Kyrgyzstan",
    "Laos",
    "Latvia",
    "Lebanon",
    "Libya",
    "Lithuania",
    "Malaysia",
    "Maldives",
    "Mali",
    "Mexico",
    "Moldova",
    "Mongolia",
    "Morocco",
    "Mozambique",
    "Myanmar",
    "Nepal",
    "Netherlands",
    "Niger",
    "Nigeria",
    "Norway",
    "Oman",
    "Pakistan",
    "Palestine",
    "Panama",
    "Peru",
    "Philippines",
    "Poland",
    "Portugal",
    "Qatar",
    "Romania",
    "Russia",
    "Rwanda",
    "Serbia",
    "Singapore",
    "Slovakia",
    "Somalia",
    "Spain",
    "Sudan",
    "Sweden",
    "Switzerland",
    "Syria",
    "Taiwan",
    "Tajikistan",
    "Tanzania",
    "Thailand",
    "Tunisia",
    "Turkey",
    "Turkiye",
    "Turkmenistan",
    "Uganda",
    "Ukraine",
    "Uzbekistan",
    "Venezuela",
    "Vietnam",
    "Yemen",
    "Zambia",
    "Zimbabwe",
    "US",
    "USA",
    "UK",
    "UAE",
    "EU",
    "United States",
    "United Kingdom",
    "United Arab Emirates",
    "Saudi Arabia",
    "South Africa",
    "South Korea",
    "North Korea",
    "Sri Lanka",
    "New Zealand",
    "West Bank",
    "Hong Kong",
    "America",
    "Europe",
    "Asia",
    "Africa",
    "Kabul",
    "Islamabad",
    "Karachi",
    "Lahore",
    "Peshawar",
    "Quetta",
    "Rawalpindi",
    "New Delhi",
    "Delhi",
    "Mumbai",
    "Dhaka",
    "Kathmandu",
    "Colombo",
    "Beijing",
    "Shanghai",
    "Tokyo",
    "Seoul",
    "Moscow",
    "Kyiv",
    "Kiev",
    "Tehran",
    "Baghdad",
    "Damascus",
    "Beirut",
    "Amman",
    "Cairo",
    "Riyadh",
    "Doha",
    "Dubai",
    "Abu Dhabi",
    "Ankara",
    "Istanbul",
    "Jerusalem",
    "Tel Aviv",
    "London",
    "Paris",
    "Berlin",
    "Brussels",
    "Geneva",
    "Rome",
    "Madrid",
    "Vienna",
    "Warsaw",
    "Washington",
    "New York",
    "Chicago",
    "Los Angeles",
    "Ottawa",
    "Toronto",
    "Sydney",
    "Canberra",
    "Jakarta",
    "Bangkok",
    "Manila",
    "Nairobi",
    "Lagos",
    "Addis Ababa",
    "Khartoum",
    "Tripoli",
    "Tashkent",
    "Dushanbe",
    "Ashgabat",
    "Baku",
    "Tbilisi",
    "Yerevan",
    "Balochistan",
    "Punjab",
    "Sindh",
    "Kashmir",
    "Khyber Pakhtunkhwa",
];

/// Words that qualify a role ("Majority Leader", "Acting Director"): they belong to the role,
/// not to the organisation before it ("US Senate Majority Leader Chuck Schumer").
const ROLE_MODIFIERS: [&str; 12] = [
    "majority",
    "minority",
    "senior",
    "acting",
    "assistant",
    "vice",
    "principal",
    "former",
    "executive",
    "associate",
    "interim",
    "foreign",
];

/// Organisation words that take a complement joined by lower-case words: "Department of
/// State", "Ministry of Foreign Affairs", "Council on Foreign Relations", "Islamic State of
/// Iraq and Syria".
const TAKES_COMPLEMENT: [&str; 22] = [
    "department",
    "ministry",
    "office",
    "council",
    "committee",
    "commission",
    "bank",
    "institute",
    "university",
    "bureau",
    "board",
    "organisation",
    "organization",
    "league",
    "federation",
    "union",
    "court",
    "agency",
    "authority",
    "association",
    "foundation",
    "state",
];

/// Lower-case words that join the parts of one organisation's name.
const CONNECTORS: [&str; 5] = ["of", "and", "for", "on", "the"];

/// The end (token index) of an organisation name that runs on past the capitalised run
/// `s..e` through connecting words: "Department" + "of" + "State …". `e` when it does not.
fn connected_end(toks: &[Token], s: usize, e: usize) -> usize {
    let mut end = e;
    loop {
        let head_last = toks[end - 1].word;
        // "State" takes a complement only as part of a longer name ("Islamic State of …"),
        // not alone ("State of emergency").
        let takes = in_lower_list(&TAKES_COMPLEMENT, head_last)
            && !(head_last.eq_ignore_ascii_case("state") && end - s < 2);
        let continues = end > e && !toks[end - 1].boundary_after;
        if (!takes && !continues) || toks[end - 1].boundary_after {
            return end;
        }
        // One or two connectors ("of", "of the"), then a capitalised word.
        let mut k = end;
        while k < toks.len()
            && k < end + 2
            && CONNECTORS.contains(&toks[k].word)
            && !toks[k].boundary_after
        {
            k += 1;
        }
        if k == end || k >= toks.len() || !toks[k].cap {
            return end;
        }
        // The capitalised run after the connectors.
        let mut j = k;
        while j < toks.len() && toks[j].cap {
            j += 1;
            if toks[j - 1].boundary_after {
                break;
            }
        }
        // "… and the Ministry of …" starts another organisation.
        if toks[end..k].iter().any(|t| t.word == "and")
            && toks[k..j].iter().any(|t| is_org_word(t.word))
        {
            return end;
        }
        end = j;
        super::work::add(end - k);
    }
}

/// The organisation in a run of words (roles, and the words qualifying them, cut off; leading
/// articles dropped), when it has one.
fn organisation_in(words: &[&str], org_like: &dyn Fn(&str) -> bool) -> Option<String> {
    let mut org: Vec<&str> = words.to_vec();
    let articles = org
        .iter()
        .take_while(|w| matches!(**w, "The" | "A"))
        .count();
    org.drain(..articles);
    if let Some(r) = org.iter().position(|w| is_role(w)) {
        org.truncate(r);
        while org
            .last()
            .is_some_and(|w| in_lower_list(&ROLE_MODIFIERS, w))
        {
            org.pop();
        }
    }
    (org.len() >= 2 && org.iter().any(|w| org_like(w))).then(|| org.join(" "))
}

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

/// Whether `word`, lower-cased, is in `list` (of lower-case ASCII words). ASCII words are
/// compared without allocating; others are lower-cased first, as a few non-ASCII letters
/// lower-case to ASCII ones.
pub(crate) fn in_lower_list(list: &[&str], word: &str) -> bool {
    if word.is_ascii() {
        list.iter().any(|w| w.eq_ignore_ascii_case(word))
    } else {
        let lower = word.to_lowercase();
        list.contains(&lower.as_str())
    }
}

pub fn is_role(word: &str) -> bool {
    in_lower_list(&ROLES, word.trim_end_matches('.'))
}

pub fn is_org_word(word: &str) -> bool {
    in_lower_list(&ORG_WORDS, word)
}

fn place_set() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| PLACES.iter().copied().collect())
}

/// The longest place name has this many words: longer runs are never one place.
const PLACE_MAX_WORDS: usize = 3;

pub fn place_name(words: &[&str]) -> Option<&'static str> {
    if words.is_empty() || words.len() > PLACE_MAX_WORDS {
        return None;
    }
    let joined = words.join(" ");
    super::work::add(joined.len());
    place_set().get(joined.as_str()).copied()
}

fn is_month_or_day(w: &str) -> bool {
    let l = w.to_lowercase();
    super::date_expr::month_of(&l).is_some() || super::date_expr::weekday_of(&l).is_some()
}

/// A word token of a paragraph: its bare text and what surrounds it.
#[derive(Clone, Debug)]
pub struct Token<'a> {
    pub word: &'a str,
    pub start: usize,
    /// Punctuation right after the word (clause or sentence boundary).
    pub boundary_after: bool,
    pub sentence_end_after: bool,
    pub cap: bool,
}

/// Splits a paragraph into word tokens, keeping where clauses end.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    TokenStream::new(text).collect()
}

/// The tokens of a text, one at a time: callers that need only the first few words of a long
/// text (an attribution after a quote) do not tokenise all of it. A token is yielded once the
/// next piece of text has settled whether punctuation follows it.
pub struct TokenStream<'a> {
    pieces: std::str::Split<'a, char>,
    offset: usize,
    pending: Option<Token<'a>>,
}

impl<'a> TokenStream<'a> {
    pub fn new(text: &'a str) -> Self {
        TokenStream {
            pieces: text.split(' '),
            offset: 0,
            pending: None,
        }
    }
}

impl<'a> Iterator for TokenStream<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        for raw in self.pieces.by_ref() {
            super::work::add(raw.len() + 1);
            let start = self.offset;
            self.offset += raw.len() + 1;
            let lead = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
            let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if core.is_empty() {
                if let Some(last) = self.pending.as_mut() {
                    last.boundary_after = true;
                }
                continue;
            }
            let trail = &raw[lead + core.len()..];
            // "Pakistan’s" → "Pakistan"
            let bare = core
                .strip_suffix("\u{2019}s")
                .or_else(|| core.strip_suffix("'s"));
            let word = bare.unwrap_or(core);
            if lead > 0 {
                if let Some(last) = self.pending.as_mut() {
                    last.boundary_after = true;
                }
            }
            let token = Token {
                word,
                start: start + lead,
                // A possessive ends a name: "Khan’s Pakistan Tehreek-e-Insaf" is two names.
                boundary_after: !trail.is_empty() || bare.is_some(),
                sentence_end_after: trail.contains(['.', '!', '?']),
                cap: word.chars().next().is_some_and(|c| c.is_uppercase()),
            };
            if let Some(done) = self.pending.replace(token) {
                return Some(done);
            }
        }
        self.pending.take()
    }
}

/// Runs of capitalised tokens not broken by punctuation: index ranges into `toks`.
pub fn cap_runs(toks: &[Token]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].cap {
            i += 1;
            continue;
        }
        let start = i;
        while i < toks.len() && toks[i].cap {
            i += 1;
            if toks[i - 1].boundary_after {
                break;
            }
        }
        runs.push((start, i));
    }
    runs
}

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
    super::work::add(s.len());
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

/// Given names that are spellings of one another: one letter inserted or dropped
/// ("Mathew"/"Matthew"), or one vowel for another in longer names ("Mohammad"/"Mohammed").
/// Consonant swaps ("Sara"/"Sana") are different people.
pub fn spelling_variants(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (
        a.to_lowercase().chars().collect(),
        b.to_lowercase().chars().collect(),
    );
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() == short.len() + 1 && short.len() >= 4 {
        let i = short
            .iter()
            .zip(long.iter())
            .position(|(x, y)| x != y)
            .unwrap_or(short.len());
        return short[i..] == long[i + 1..];
    }
    if a.len() == b.len() && a.len() >= 5 {
        let diffs: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        let vowel = |c: char| "aeiou".contains(c);
        return diffs.len() == 1 && vowel(a[diffs[0]]) && vowel(b[diffs[0]]);
    }
    false
}

/// Strings that two spelling variants of a given name always share (the name itself, the name
/// with one letter dropped, the name with one vowel masked), so that candidates are found by
/// lookup; `spelling_variants` then decides.
fn variant_keys(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.to_lowercase().chars().collect();
    let mut keys = vec![chars.iter().collect::<String>()];
    for i in 0..chars.len() {
        keys.push(chars[..i].iter().chain(&chars[i + 1..]).collect());
        if "aeiou".contains(chars[i]) {
            keys.push(
                chars[..i]
                    .iter()
                    .chain(std::iter::once(&'*'))
                    .chain(&chars[i + 1..])
                    .collect(),
            );
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Maps every spelling of a person's name to one canonical spelling: names with the same
/// surname and given names that are spelling variants are one person; the spelling used in
/// most reports wins, then the longer one. `counts`: name → number of reports naming it.
///
/// Candidates are looked up by surname and a variant key of the first given name, so the work
/// grows with the number of names, not with its square.
pub fn alias_map(counts: &BTreeMap<String, usize>) -> HashMap<String, String> {
    type Key = (String, usize, String);
    let mut buckets: HashMap<Key, Vec<&String>> = HashMap::new();
    let split = |name: &str| -> Option<(String, Vec<String>)> {
        let parts: Vec<&str> = name.split(' ').collect();
        let (surname, given) = parts.split_last()?;
        Some((
            surname.to_lowercase(),
            given.iter().map(|g| g.to_string()).collect(),
        ))
    };
    for name in counts.keys() {
        let Some((surname, given)) = split(name) else {
            continue;
        };
        let Some(first) = given.first() else { continue };
        for k in variant_keys(first) {
            buckets
                .entry((surname.clone(), given.len(), k))
                .or_default()
                .push(name);
        }
    }
    let mut map = HashMap::new();
    for (name, &count) in counts {
        let mut best: (&String, usize) = (name, count);
        if let Some((surname, given)) = split(name) {
            if let Some(first) = given.first() {
                let mut candidates: Vec<&String> = variant_keys(first)
                    .into_iter()
                    .filter_map(|k| buckets.get(&(surname.clone(), given.len(), k)))
                    .flatten()
                    .copied()
                    .collect();
                candidates.sort();
                candidates.dedup();
                super::work::add(candidates.len());
                for other in candidates {
                    let Some((_, og)) = split(other) else {
                        continue;
                    };
                    if !given
                        .iter()
                        .zip(og.iter())
                        .all(|(x, y)| spelling_variants(x, y))
                    {
                        continue;
                    }
                    let c = counts[other];
                    if (c, other.len(), std::cmp::Reverse(other.as_str()))
                        > (best.1, best.0.len(), std::cmp::Reverse(best.0.as_str()))
                    {
                        best = (other, c);
                    }
                }
            }
        }
        map.insert(name.clone(), best.0.clone());
    }
    map
}

/// How often each name is printed in the texts, as whole words (a name followed by a
/// possessive counts; "Jane Roe" is not counted inside "Jane Roebuck"). One pass over the
/// words of the texts, whatever the number of names. Names are counted at least once.
pub fn count_names(texts: &[&str], names: &[&str]) -> HashMap<String, usize> {
    let wanted: HashSet<&str> = names.iter().copied().collect();
    let most_words = names
        .iter()
        .map(|n| n.split(' ').count())
        .max()
        .unwrap_or(0);
    let mut counts: HashMap<String, usize> = HashMap::new();
    let alnum_edge = |c: char| !c.is_alphanumeric();
    for text in texts {
        // Byte offsets of the pieces between single spaces.
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut at = 0;
        for piece in text.split(' ') {
            pieces.push((at, at + piece.len()));
            at += piece.len() + 1;
        }
        for i in 0..pieces.len() {
            let (s0, e0) = pieces[i];
            let first = &text[s0..e0];
            let start = s0 + (first.len() - first.trim_start_matches(alnum_edge).len());
            super::work::add(most_words);
            for k in 2..=most_words.min(pieces.len() - i) {
                let end = pieces[i + k - 1].1;
                let span = text[start..end].trim_end_matches(alnum_edge);
                let bare = span
                    .strip_suffix("\u{2019}s")
                    .or_else(|| span.strip_suffix("'s"));
                for candidate in [Some(span), bare].into_iter().flatten() {
                    if let Some(name) = wanted.get(candidate) {
                        *counts.entry(name.to_string()).or_default() += 1;
                        break;
                    }
                }
            }
        }
    }
    for n in names {
        let c = counts.entry(n.to_string()).or_default();
        *c = (*c).max(1);
    }
    counts
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

    #[test]
    fn aliases() {
        assert!(spelling_variants("Mathew", "Matthew"));
        assert!(spelling_variants("Mohammad", "Mohammed"));
        assert!(!spelling_variants("Sara", "Sana"));
        assert!(!spelling_variants("Ali", "Alia"));
        let counts = BTreeMap::from([
            ("Mathew Miller".to_string(), 1),
            ("Matthew Miller".to_string(), 4),
            ("Sara Khan".to_string(), 2),
            ("Sana Khan".to_string(), 2),
        ]);
        let map = alias_map(&counts);
        assert_eq!(map["Mathew Miller"], "Matthew Miller");
        assert_eq!(map["Matthew Miller"], "Matthew Miller");
        assert_eq!(map["Sara Khan"], "Sara Khan");
    }
}
