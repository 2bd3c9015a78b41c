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

/// Which rule of the module docs decided a pair, with what the reason quotes.
#[derive(Clone, Copy)]
enum Rule {
    NearJaccard,
    NearContainment { share: f32, first: bool },
    SameStoryQuotes,
    SameStoryPeople,
    UndatedQuotes,
    SharesQuote,
    SharesStock,
    Unrelated,
}

/// Quotes in common that are not stock lines, and stock lines.
fn quote_counts(pair: &Pair) -> (usize, usize) {
    let stock = pair
        .stock_quotes
        .iter()
        .filter(|&&i| i < pair.shared_quotes.len())
        .count();
    (pair.shared_quotes.len() - stock, stock)
}

/// The rule that decides `pair` under `t`: the module docs' rules, in order.
fn decide(pair: &Pair, t: &Thresholds) -> Rule {
    let j = pair.jaccard;
    // Stock lines are evidence of a shared quote, never of a shared event.
    let (q, stock) = quote_counts(pair);
    let (share, first) = if pair.containment_a_in_b >= pair.containment_b_in_a {
        (pair.containment_a_in_b, true)
    } else {
        (pair.containment_b_in_a, false)
    };
    let dates_agree = pair
        .date_distance_days
        .is_some_and(|d| d <= t.same_story_max_days);
    if j >= t.near_duplicate_jaccard {
        Rule::NearJaccard
    } else if share >= t.near_duplicate_containment && pair.longest_run >= t.near_duplicate_min_run
    {
        Rule::NearContainment { share, first }
    } else if dates_agree && q >= t.same_story_min_quotes.max(1) {
        Rule::SameStoryQuotes
    } else if dates_agree && j >= t.same_story_jaccard && !pair.shared_people.is_empty() {
        Rule::SameStoryPeople
    } else if pair.date_distance_days.is_none() && q >= t.undated_same_story_quotes.max(1) {
        Rule::UndatedQuotes
    } else if q >= 1 {
        Rule::SharesQuote
    } else if stock >= 1 {
        Rule::SharesStock
    } else {
        Rule::Unrelated
    }
}

impl Rule {
    fn relation(self) -> Relation {
        match self {
            Rule::NearJaccard | Rule::NearContainment { .. } => Relation::NearDuplicate,
            Rule::SameStoryQuotes | Rule::SameStoryPeople | Rule::UndatedQuotes => {
                Relation::SameStory
            }
            Rule::SharesQuote | Rule::SharesStock => Relation::SharesQuote,
            Rule::Unrelated => Relation::Unrelated,
        }
    }
}

/// The relation the evidence supports under `t`: [`classify`] without writing the reason, for
/// regrouping every pair on a threshold move.
pub fn relation(pair: &Pair, t: &Thresholds) -> Relation {
    decide(pair, t).relation()
}

/// The relation the evidence supports under `t`, with a one-line reason. Pure and cheap: the
/// page calls it on every stored pair when the reader moves a threshold. See the module docs.
pub fn classify(pair: &Pair, t: &Thresholds) -> (Relation, String) {
    let rule = decide(pair, t);
    (rule.relation(), reason(pair, t, rule))
}

/// The one-line reason of `rule` deciding `pair` under `t`.
fn reason(pair: &Pair, t: &Thresholds, rule: Rule) -> String {
    let j = pair.jaccard;
    let (q, stock) = quote_counts(pair);
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
    match rule {
        Rule::NearJaccard => format!(
            "most text shared: Jaccard {:.2} ≥ {:.2} on word 5-shingles, longest verbatim run {} words",
            j, t.near_duplicate_jaccard, pair.longest_run
        ),
        Rule::NearContainment { share, first } => format!(
            "a cut-down copy: {} of {} report is in the other (≥ {}), longest verbatim run {} words",
            pct(share),
            if first { "the first" } else { "the second" },
            pct(t.near_duplicate_containment),
            pair.longest_run
        ),
        Rule::SameStoryQuotes => format!(
            "same event in other words: {}{plus_stock} in common, {when}, only {} of shingles shared",
            quotes_phrase(q),
            pct(j)
        ),
        Rule::SameStoryPeople => format!(
            "same event: {when}, {} named in both, {} of shingles shared",
            pair.shared_people.join(", "),
            pct(j)
        ),
        Rule::UndatedQuotes => format!(
            "same event: {}{plus_stock} in common although {when}",
            quotes_phrase(q)
        ),
        Rule::SharesQuote => format!(
            "only {}{plus_stock} in common, {when}, {} of shingles shared",
            quotes_phrase(q),
            pct(j)
        ),
        Rule::SharesStock => {
            let lines = if stock == 1 {
                "a stock line".to_string()
            } else {
                format!("{stock} stock lines")
            };
            format!(
                "only {lines} in common, {when}, {} of shingles shared",
                pct(j)
            )
        }
        Rule::Unrelated => format!("no quote in common, {} of shingles shared, {when}", pct(j)),
    }
}
