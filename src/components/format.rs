//! Small text formatting shared by the views.

use parallax_core::{DateBasis, NaiveDate, Report};

/// "8 Jul 2024".
pub fn date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

/// "8 Jul 2024 (stated)", or "no date".
pub fn date_with_basis(d: Option<NaiveDate>, basis: DateBasis) -> String {
    match d {
        Some(d) => format!("{} ({})", date(d), basis.label()),
        None => "no date".into(),
    }
}

/// The outlet with where it comes from ("Dawn (stated in the text)"), for the reader's facts.
pub fn outlet_with_basis(r: &Report) -> String {
    match &r.outlet {
        Some(outlet) => format!("{outlet} ({})", r.outlet_basis.label()),
        None => "outlet unknown".into(),
    }
}

/// The outlet, or a plain word saying it is unknown.
pub fn outlet(r: &Report) -> String {
    r.outlet.clone().unwrap_or_else(|| "outlet unknown".into())
}

/// "1 report" / "3 reports".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
