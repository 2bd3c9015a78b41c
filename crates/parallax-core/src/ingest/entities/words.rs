//! The generic word lists that announce a person or an organisation, and the checks of a word
//! against them.

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

pub(super) fn is_month_or_day(w: &str) -> bool {
    let l = w.to_lowercase();
    crate::ingest::date_expr::month_of(&l).is_some()
        || crate::ingest::date_expr::weekday_of(&l).is_some()
}
