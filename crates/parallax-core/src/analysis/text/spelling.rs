//! British and American spellings folded onto one comparison key.

/// Folds British/American spelling variants onto one form. Both forms of a pair map to the same
/// key; the key need not be a real word. Rules are suffix rules with length guards so short
/// common words ("four", "size", "fill") are left alone.
pub(crate) fn fold_spelling(w: &mut String) {
    if !w.is_ascii() || w.len() < 5 {
        return;
    }
    // Every rule below needs one of these last letters: words ending otherwise skip them all.
    if !matches!(
        w.as_bytes()[w.len() - 1],
        b'd' | b'e' | b'g' | b'l' | b'm' | b'n' | b'r' | b's' | b't' | b'y'
    ) {
        return;
    }
    // Whole-word variants that no suffix rule covers.
    const WORDS: &[(&str, &str)] = &[
        ("defence", "defense"),
        ("defences", "defenses"),
        ("offence", "offense"),
        ("offences", "offenses"),
        ("licence", "license"),
        ("licences", "licenses"),
        ("pretence", "pretense"),
        ("judgement", "judgment"),
        ("judgements", "judgments"),
        ("ageing", "aging"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("kilometre", "kilometer"),
        ("kilometres", "kilometers"),
        ("grey", "gray"),
    ];
    if let Some((_, to)) = WORDS.iter().find(|(from, _)| *from == w.as_str()) {
        w.clear();
        w.push_str(to);
        return;
    }
    // -ize/-yze → -ise/-yse ("organization" → "organisation"); at least 3 letters before
    // "iz" so "size", "prize", "seize" stay.
    const Z_TAILS: &[&str] = &[
        "ize", "izes", "ized", "izing", "izer", "izers", "ization", "izations", "yze", "yzes",
        "yzed", "yzing", "yzer", "yzers", "yzation", "yzations",
    ];
    if let Some(tail) = Z_TAILS
        .iter()
        .find(|t| w.len() >= t.len() + 3 && w.ends_with(*t))
    {
        let z = w.len() - tail.len() + 1;
        w.replace_range(z..z + 1, "s");
        return;
    }
    // -our → -or ("favour", "labour", "neighbours", "honourable"). At least 3 letters before
    // "our" so "four", "your", "hour", "flour" stay.
    const OUR_TAILS: &[&str] = &[
        "our", "ours", "oured", "ouring", "ourite", "ourites", "ourable", "ourably", "ourful",
        "ourless", "ourer", "ourers", "ourism",
    ];
    const OUR_EXCEPTIONS: &[&str] = &[
        "detour",
        "devour",
        "contour",
        "paramour",
        "troubadour",
        "velour",
    ];
    if let Some(tail) = OUR_TAILS
        .iter()
        .find(|t| w.len() >= t.len() + 3 && w.ends_with(*t))
    {
        let o = w.len() - tail.len();
        if !OUR_EXCEPTIONS.iter().any(|e| w[..o + 3].ends_with(e)) {
            w.remove(o + 1); // drop the 'u'
        }
        return;
    }
    // Doubled l/t/s before -ed/-ing/-er ("travelled", "combatting", "focussed"); at least 5
    // letters up to the doubled consonant so "filled", "setting" stay.
    for suffix in ["ed", "ing", "er", "ers"] {
        if w.len() >= suffix.len() + 5 && w.ends_with(suffix) {
            let stem = &w.as_bytes()[..w.len() - suffix.len()];
            let n = stem.len();
            if stem[n - 1] == stem[n - 2] && matches!(stem[n - 1], b'l' | b't' | b's') {
                w.remove(n - 1);
            }
            return;
        }
    }
    // -tre/-bre → -ter/-ber ("centre", "theatre", "fibre").
    for (from, to) in [
        ("tre", "ter"),
        ("tres", "ters"),
        ("bre", "ber"),
        ("bres", "bers"),
    ] {
        if w.ends_with(from) {
            let stem_len = w.len() - from.len();
            w.replace_range(stem_len.., to);
            return;
        }
    }
    // -ogue → -og ("dialogue", "catalogue"); "rogue", "vogue" are too short to qualify.
    if w.len() >= 7 && w.ends_with("ogue") {
        w.truncate(w.len() - 2);
    }
}
