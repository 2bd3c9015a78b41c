//! The explorer's components: each reads the one [`crate::state::AppState`] from context.

pub mod aligned;
pub mod compare;
pub mod copy_link;
pub mod export;
pub mod facets;
pub mod format;
pub mod highlight;
pub mod ledger;
pub mod matrix;
pub mod nav;
pub mod near_copies;
pub mod notice;
pub mod reader;
pub mod report_picker;
pub mod results;
pub mod search;
pub mod story;
pub mod timeline;
pub mod title;
