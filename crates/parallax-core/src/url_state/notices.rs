//! What a link held that could not be used ([`UrlNotice`]), and the few the page lists.

/// Something in a URL that could not be used, and what was done instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlNotice {
    pub parameter: String,
    pub message: String,
}

impl UrlNotice {
    pub(super) fn new(parameter: impl Into<String>, message: impl Into<String>) -> UrlNotice {
        UrlNotice {
            parameter: parameter.into(),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for UrlNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.parameter, self.message)
    }
}

/// How many notices the page lists before it sums up the rest: a link with thousands of bad
/// parameters must still give a notice a reader can take in.
pub const NOTICES_SHOWN: usize = 5;

/// The notices the page shows: the first [`NOTICES_SHOWN`], and how many more there were.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoticeSummary {
    pub shown: Vec<UrlNotice>,
    pub more: usize,
}

impl NoticeSummary {
    pub fn new(mut notices: Vec<UrlNotice>) -> NoticeSummary {
        let more = notices.len().saturating_sub(NOTICES_SHOWN);
        notices.truncate(NOTICES_SHOWN);
        NoticeSummary {
            shown: notices,
            more,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.shown.is_empty()
    }

    /// "and 3 more", when some notices are not listed.
    pub fn more_label(&self) -> Option<String> {
        (self.more > 0).then(|| format!("and {} more", self.more))
    }
}
