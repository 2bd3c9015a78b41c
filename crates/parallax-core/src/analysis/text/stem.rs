//! A light stemmer: the inflections of a word ("refugees", "protested") mapped onto one key.

/// A light stemmer for matching topic phrases across inflections ("refugees" → "refugee",
/// "protested"/"protesting" → "protest", "Taliban’s" → "taliban"). Input is a folded word.
/// Not a linguistic stemmer: it only has to map the forms of one word onto one key.
pub fn stem(folded: &str) -> String {
    let mut w = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix('\''))
        .unwrap_or(folded)
        .to_string();
    if !w.is_ascii() || w.len() <= 3 {
        return w;
    }
    if w.len() > 4 && w.ends_with("ies") && !w.ends_with("eies") && !w.ends_with("aies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.len() > 4
        && (w.ends_with("sses") || w.ends_with("shes") || w.ends_with("ches") || w.ends_with("xes"))
    {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    for suffix in ["ing", "ed"] {
        if w.len() >= suffix.len() + 4 && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            let b = w.as_bytes();
            let n = b.len();
            // "stopped" → "stop", "planning" → "plan"; keep "ll"/"ss" ("killed" → "kill").
            if b[n - 1] == b[n - 2]
                && !matches!(b[n - 1], b'l' | b's' | b'z' | b'f')
                && !is_vowel(b[n - 1])
            {
                w.pop();
            }
            return w;
        }
    }
    // "escalate"/"escalated" → "escalat"; keep "ee" ("refugee").
    if w.len() > 4 && w.ends_with('e') && !w.ends_with("ee") {
        w.pop();
    }
    w
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn stems_map_inflections_together() {
        for (a, b) in [
            ("refugees", "refugee"),
            ("protests", "protested"),
            ("protesting", "protest"),
            ("taliban's", "taliban"),
            ("escalated", "escalate"),
            ("escalating", "escalates"),
            ("elections", "election"),
            ("militancies", "militancy"),
            ("attacks", "attacked"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_ne!(stem("iran"), stem("iraq"));
        assert_eq!(stem("isis"), "isis");
    }
}
