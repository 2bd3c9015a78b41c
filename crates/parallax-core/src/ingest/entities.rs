//! People, organisations and places mentioned in a report, and alias normalisation of people
//! across the corpus ("Mathew Miller" = "Matthew Miller").
//!
//! Plain matchers: runs of capitalised words, a generic list of roles and titles
//! ("spokesperson", "minister", "Ambassador") that announce a person, a generic list of words
//! that make a name an organisation ("Department", "Office", "International"), a list of the
//! world's countries and large cities, datelines, and "in X" for other places. No list of the
//! people of any corpus.
//!
//! One file per job: `tokens` (word tokens, capitalised runs), `words` (roles, organisation
//! words), `places`, `organisations` (names joined by "of", "and": "Department of State"),
//! `mentions` (what one report mentions) and `aliases` (one person's spellings across the corpus).

mod aliases;
mod mentions;
mod organisations;
mod places;
mod tokens;
mod words;

pub use aliases::{alias_map, count_names, spelling_variants};
pub use mentions::{mentions, person_in_run, plausible_name, Mentions};
pub use places::{place_name, PLACES};
pub use tokens::{cap_runs, tokens, Token, TokenStream};
pub(crate) use words::in_lower_list;
pub use words::{is_org_word, is_role, ORG_WORDS, ROLES};
