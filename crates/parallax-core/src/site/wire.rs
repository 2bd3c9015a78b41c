//! The catalogue's reports as they travel: the same `Report`s without their titles (those go in
//! the title shards: `site::take_titles`), written compactly. A report's
//! id is left out when it is the one its file and index give (`ingest::report_id`: always, for
//! a parsed corpus); every name (outlet, people, speakers, organisations, places) is written
//! once for the corpus and referred to by number. Decoding gives the reports back equal.

use crate::ingest::report_id;
use crate::model::{DateBasis, NaiveDate, OutletBasis, Report, TopicScore};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
// FxHash for the corpus's own names, each looked up once per report naming it.
use rustc_hash::FxHashMap as HashMap;

#[derive(Serialize, Deserialize)]
struct Reports<'a> {
    names: Vec<Cow<'a, str>>,
    reports: Vec<Head<'a>>,
}

/// A report without its text; names as numbers into `Reports::names`. Borrowed from the
/// reports when written (no string is copied), owned when read.
#[derive(Serialize, Deserialize)]
struct Head<'a> {
    /// `None` when it is `report_id(file, index)`.
    id: Option<Cow<'a, str>>,
    file: Cow<'a, str>,
    index: u32,
    line: u32,
    kicker: Option<Cow<'a, str>>,
    byline: Option<Cow<'a, str>>,
    dateline: Option<Cow<'a, str>>,
    outlet: Option<u32>,
    outlet_basis: OutletBasis,
    url: Option<Cow<'a, str>>,
    published: Option<NaiveDate>,
    published_basis: DateBasis,
    updated: Option<NaiveDate>,
    event_date: Option<NaiveDate>,
    event_date_basis: DateBasis,
    event_date_evidence: Option<Cow<'a, str>>,
    speakers: Vec<u32>,
    people: Vec<u32>,
    organisations: Vec<u32>,
    places: Vec<u32>,
    topics: Cow<'a, [TopicScore]>,
}

/// The corpus's names, each numbered once, in order of first use.
#[derive(Default)]
struct Names<'a> {
    names: Vec<Cow<'a, str>>,
    numbers: HashMap<&'a str, u32>,
}

impl<'a> Names<'a> {
    fn number(&mut self, name: &'a str) -> u32 {
        let names = &mut self.names;
        *self.numbers.entry(name).or_insert_with(|| {
            names.push(Cow::Borrowed(name));
            (names.len() - 1) as u32
        })
    }

    fn numbers(&mut self, values: &'a [String]) -> Vec<u32> {
        values.iter().map(|v| self.number(v)).collect()
    }
}

/// `serde(with)`: writes `reports` (their text must be out: see `site::take_body`; their titles
/// are not written).
pub fn serialize<'a, S: Serializer>(
    reports: &'a [Report],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut names = Names::default();
    let mut heads = Vec::with_capacity(reports.len());
    for r in reports {
        let speakers = names.numbers(&r.speakers);
        let people = names.numbers(&r.people);
        let organisations = names.numbers(&r.organisations);
        let places = names.numbers(&r.places);
        let outlet = r.outlet.as_deref().map(|o| names.number(o));
        let text = |s: &'a Option<String>| s.as_deref().map(Cow::Borrowed);
        heads.push(Head {
            id: (r.id != report_id(&r.file, r.index)).then_some(Cow::Borrowed(r.id.as_str())),
            file: Cow::Borrowed(&r.file),
            index: r.index as u32,
            line: r.line as u32,
            kicker: text(&r.kicker),
            byline: text(&r.byline),
            dateline: text(&r.dateline),
            outlet,
            outlet_basis: r.outlet_basis,
            url: text(&r.url),
            published: r.published,
            published_basis: r.published_basis,
            updated: r.updated,
            event_date: r.event_date,
            event_date_basis: r.event_date_basis,
            event_date_evidence: text(&r.event_date_evidence),
            speakers,
            people,
            organisations,
            places,
            topics: Cow::Borrowed(&r.topics),
        });
    }
    Reports {
        names: names.names,
        reports: heads,
    }
    .serialize(serializer)
}

/// `serde(with)`: the reports [`serialize`] wrote, without titles. A name number out of range
/// is an error.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Report>, D::Error> {
    let Reports { names, reports } = Reports::deserialize(deserializer)?;
    let name = |n: u32| {
        names
            .get(n as usize)
            .map(|name| name.clone().into_owned())
            .ok_or_else(|| serde::de::Error::custom(format!("name {n} of {}", names.len())))
    };
    let list = |ns: Vec<u32>| ns.into_iter().map(name).collect::<Result<Vec<_>, _>>();
    let text = |s: Option<Cow<str>>| s.map(Cow::into_owned);
    reports
        .into_iter()
        .map(|h| {
            let file = h.file.into_owned();
            Ok(Report {
                id: h
                    .id
                    .map_or_else(|| report_id(&file, h.index as usize), Cow::into_owned),
                index: h.index as usize,
                line: h.line as usize,
                kicker: text(h.kicker),
                byline: text(h.byline),
                dateline: text(h.dateline),
                outlet: h.outlet.map(name).transpose()?,
                outlet_basis: h.outlet_basis,
                url: text(h.url),
                published: h.published,
                published_basis: h.published_basis,
                updated: h.updated,
                event_date: h.event_date,
                event_date_basis: h.event_date_basis,
                event_date_evidence: text(h.event_date_evidence),
                speakers: list(h.speakers)?,
                people: list(h.people)?,
                organisations: list(h.organisations)?,
                places: list(h.places)?,
                topics: h.topics.into_owned(),
                file,
                ..Report::default()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Holder(#[serde(with = "super")] Vec<Report>);

    #[test]
    fn reports_come_back_equal_with_ids_of_their_own_and_shared_names() {
        let parsed = Report {
            id: report_id("a b.txt", 1),
            file: "a b.txt".into(),
            index: 1,
            outlet: Some("Dawn".into()),
            people: vec!["Matthew Miller".into(), "Dawn".into()],
            places: vec!["Islamabad".into()],
            ..Report::default()
        };
        let made_by_hand = Report {
            id: "custom".into(),
            file: "x.txt".into(),
            speakers: vec!["Matthew Miller".into()],
            ..Report::default()
        };
        let holder = Holder(vec![parsed, made_by_hand]);
        let bytes = postcard::to_allocvec(&holder).unwrap();
        assert_eq!(postcard::from_bytes::<Holder>(&bytes).unwrap(), holder);
        // "Matthew Miller" and "Dawn" are written once each.
        let text = String::from_utf8_lossy(&bytes);
        assert_eq!(text.matches("Matthew Miller").count(), 1);
        assert_eq!(text.matches("Dawn").count(), 1);
    }
}
