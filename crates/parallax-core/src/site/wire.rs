//! The catalogue's reports as they travel: the same `Report`s, written compactly. A report's
//! id is left out when it is the one its file and index give (`ingest::report_id`: always, for
//! a parsed corpus); every name (outlet, people, speakers, organisations, places) is written
//! once for the corpus and referred to by number. Decoding gives the reports back equal.

use crate::ingest::report_id;
use crate::model::{DateBasis, NaiveDate, OutletBasis, Report, TopicScore};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashMap;

#[derive(Serialize, Deserialize)]
struct Reports {
    names: Vec<String>,
    reports: Vec<Head>,
}

/// A report without its text; names as numbers into `Reports::names`.
#[derive(Serialize, Deserialize)]
struct Head {
    /// `None` when it is `report_id(file, index)`.
    id: Option<String>,
    file: String,
    index: u32,
    line: u32,
    title: String,
    kicker: Option<String>,
    byline: Option<String>,
    dateline: Option<String>,
    outlet: Option<u32>,
    outlet_basis: OutletBasis,
    url: Option<String>,
    published: Option<NaiveDate>,
    published_basis: DateBasis,
    updated: Option<NaiveDate>,
    event_date: Option<NaiveDate>,
    event_date_basis: DateBasis,
    event_date_evidence: Option<String>,
    speakers: Vec<u32>,
    people: Vec<u32>,
    organisations: Vec<u32>,
    places: Vec<u32>,
    topics: Vec<TopicScore>,
}

/// The corpus's names, each numbered once, in order of first use.
#[derive(Default)]
struct Names<'a> {
    names: Vec<String>,
    numbers: HashMap<&'a str, u32>,
}

impl<'a> Names<'a> {
    fn number(&mut self, name: &'a str) -> u32 {
        let names = &mut self.names;
        *self.numbers.entry(name).or_insert_with(|| {
            names.push(name.to_string());
            (names.len() - 1) as u32
        })
    }

    fn numbers(&mut self, values: &'a [String]) -> Vec<u32> {
        values.iter().map(|v| self.number(v)).collect()
    }
}

/// `serde(with)`: writes `reports` (their text must be out: see `site::take_body`).
pub fn serialize<S: Serializer>(reports: &[Report], serializer: S) -> Result<S::Ok, S::Error> {
    let mut names = Names::default();
    let mut heads = Vec::with_capacity(reports.len());
    for r in reports {
        let speakers = names.numbers(&r.speakers);
        let people = names.numbers(&r.people);
        let organisations = names.numbers(&r.organisations);
        let places = names.numbers(&r.places);
        let outlet = r.outlet.as_deref().map(|o| names.number(o));
        heads.push(Head {
            id: (r.id != report_id(&r.file, r.index)).then(|| r.id.clone()),
            file: r.file.clone(),
            index: r.index as u32,
            line: r.line as u32,
            title: r.title.clone(),
            kicker: r.kicker.clone(),
            byline: r.byline.clone(),
            dateline: r.dateline.clone(),
            outlet,
            outlet_basis: r.outlet_basis,
            url: r.url.clone(),
            published: r.published,
            published_basis: r.published_basis,
            updated: r.updated,
            event_date: r.event_date,
            event_date_basis: r.event_date_basis,
            event_date_evidence: r.event_date_evidence.clone(),
            speakers,
            people,
            organisations,
            places,
            topics: r.topics.clone(),
        });
    }
    Reports {
        names: names.names,
        reports: heads,
    }
    .serialize(serializer)
}

/// `serde(with)`: the reports [`serialize`] wrote. A name number out of range is an error.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Report>, D::Error> {
    let Reports { names, reports } = Reports::deserialize(deserializer)?;
    let name = |n: u32| {
        names
            .get(n as usize)
            .cloned()
            .ok_or_else(|| serde::de::Error::custom(format!("name {n} of {}", names.len())))
    };
    let list = |ns: Vec<u32>| ns.into_iter().map(name).collect::<Result<Vec<_>, _>>();
    reports
        .into_iter()
        .map(|h| {
            Ok(Report {
                id: h.id.unwrap_or_else(|| report_id(&h.file, h.index as usize)),
                index: h.index as usize,
                line: h.line as usize,
                title: h.title,
                kicker: h.kicker,
                byline: h.byline,
                dateline: h.dateline,
                outlet: h.outlet.map(name).transpose()?,
                outlet_basis: h.outlet_basis,
                url: h.url,
                published: h.published,
                published_basis: h.published_basis,
                updated: h.updated,
                event_date: h.event_date,
                event_date_basis: h.event_date_basis,
                event_date_evidence: h.event_date_evidence,
                speakers: list(h.speakers)?,
                people: list(h.people)?,
                organisations: list(h.organisations)?,
                places: list(h.places)?,
                topics: h.topics,
                file: h.file,
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
