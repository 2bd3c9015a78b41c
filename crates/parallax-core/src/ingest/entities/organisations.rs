//! Organisation names: where a name joined by lower-case words ends ("Department of State"),
//! and the organisation in a run of words once roles are cut off.

use super::tokens::Token;
use super::words::{in_lower_list, is_org_word, is_role};

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
pub(super) fn connected_end(toks: &[Token], s: usize, e: usize) -> usize {
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
        crate::ingest::work::add(end - k);
    }
}

/// The organisation in a run of words (roles, and the words qualifying them, cut off; leading
/// articles dropped), when it has one.
pub(super) fn organisation_in(words: &[&str], org_like: &dyn Fn(&str) -> bool) -> Option<String> {
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
