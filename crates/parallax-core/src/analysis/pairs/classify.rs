//! The relation rule: a pair's evidence and the thresholds give its relation and the reason.

use super::*;

fn pct(x: f32) -> String {
    format!("{:.0} %", x * 100.0)
}

fn quotes_phrase(n: usize) -> String {
    if n == 1 {
        "1 quote".into()
    } else {
        format!("{n} quotes")
    }
}

/// The relation the evidence supports under `t`, with a one-line reason. Pure and cheap: the
/// page calls it on every stored pair when the reader moves a threshold. See the module docs.
pub fn classify(pair: &Pair, t: &Thresholds) -> (Relation, String) {
    let j = pair.jaccard;
    // Stock lines are evidence of a shared quote, never of a shared event.
    let stock = pair
        .stock_quotes
        .iter()
        .filter(|&&i| i < pair.shared_quotes.len())
        .count();
    let q = pair.shared_quotes.len() - stock;
    let (bigger_share, contained) = if pair.containment_a_in_b >= pair.containment_b_in_a {
        (pair.containment_a_in_b, "the first")
    } else {
        (pair.containment_b_in_a, "the second")
    };
    if j >= t.near_duplicate_jaccard {
        return (
            Relation::NearDuplicate,
            format!(
                "most text shared: Jaccard {:.2} ≥ {:.2} on word 5-shingles, longest verbatim run {} words",
                j, t.near_duplicate_jaccard, pair.longest_run
            ),
        );
    }
    if bigger_share >= t.near_duplicate_containment && pair.longest_run >= t.near_duplicate_min_run
    {
        return (
            Relation::NearDuplicate,
            format!(
                "a cut-down copy: {} of {contained} report is in the other (≥ {}), longest verbatim run {} words",
                pct(bigger_share),
                pct(t.near_duplicate_containment),
                pair.longest_run
            ),
        );
    }
    let dates_agree = pair
        .date_distance_days
        .is_some_and(|d| d <= t.same_story_max_days);
    let when = match pair.date_distance_days {
        Some(0) => "the same event date".to_string(),
        Some(1) => "event dates 1 day apart".to_string(),
        Some(d) => format!("event dates {d} days apart"),
        None => "one report has no event date of its own".to_string(),
    };
    let plus_stock = match stock {
        0 => String::new(),
        1 => " (and 1 stock line)".to_string(),
        n => format!(" (and {n} stock lines)"),
    };
    if dates_agree && q >= t.same_story_min_quotes.max(1) {
        return (
            Relation::SameStory,
            format!("same event in other words: {}{plus_stock} in common, {when}, only {} of shingles shared", quotes_phrase(q), pct(j)),
        );
    }
    if dates_agree && j >= t.same_story_jaccard && !pair.shared_people.is_empty() {
        return (
            Relation::SameStory,
            format!(
                "same event: {when}, {} named in both, {} of shingles shared",
                pair.shared_people.join(", "),
                pct(j)
            ),
        );
    }
    if pair.date_distance_days.is_none() && q >= t.undated_same_story_quotes.max(1) {
        return (
            Relation::SameStory,
            format!(
                "same event: {}{plus_stock} in common although {when}",
                quotes_phrase(q)
            ),
        );
    }
    if q >= 1 {
        return (
            Relation::SharesQuote,
            format!(
                "only {}{plus_stock} in common, {when}, {} of shingles shared",
                quotes_phrase(q),
                pct(j)
            ),
        );
    }
    if stock >= 1 {
        let lines = if stock == 1 {
            "a stock line".to_string()
        } else {
            format!("{stock} stock lines")
        };
        return (
            Relation::SharesQuote,
            format!(
                "only {lines} in common, {when}, {} of shingles shared",
                pct(j)
            ),
        );
    }
    (
        Relation::Unrelated,
        format!("no quote in common, {} of shingles shared, {when}", pct(j)),
    )
}
