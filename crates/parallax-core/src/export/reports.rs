//! The filtered set of reports (what the result list holds, in its order), as CSV and JSON.

use super::{CsvTable, ExportSource};
use crate::model::{DateBasis, NaiveDate, OutletBasis, Report, Story};
use serde::{Deserialize, Serialize};

/// A report as the list shows it, with what the thresholds in force relate it to.
pub struct ReportRow<'a> {
    pub report: &'a Report,
    /// Its title: the report's own, or (the page's catalogue has none) from its title shard.
    pub title: &'a str,
    /// Its story under the thresholds in force.
    pub story: Option<&'a Story>,
    /// The ids of its near duplicates under the thresholds in force.
    pub near_duplicates: Vec<String>,
}

/// A report in a JSON export: the fields of `parallax inspect --json`'s report that the list
/// knows (its text stays in the corpus), plus its relations.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExportedReport {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub outlet_basis: OutletBasis,
    pub published: Option<NaiveDate>,
    pub published_basis: DateBasis,
    pub event_date: Option<NaiveDate>,
    pub event_date_basis: DateBasis,
    pub url: Option<String>,
    pub file: String,
    pub line: usize,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    /// Topic ids, strongest first.
    pub topics: Vec<String>,
    pub speakers: Vec<String>,
    pub people: Vec<String>,
    pub organisations: Vec<String>,
    pub places: Vec<String>,
    pub story: Option<String>,
    pub story_label: Option<String>,
    pub near_duplicates: Vec<String>,
}

impl ExportedReport {
    pub fn new(row: &ReportRow) -> ExportedReport {
        let r = row.report;
        ExportedReport {
            id: r.id.clone(),
            title: row.title.to_string(),
            outlet: r.outlet.clone(),
            outlet_basis: r.outlet_basis,
            published: r.published,
            published_basis: r.published_basis,
            event_date: r.event_date,
            event_date_basis: r.event_date_basis,
            url: r.url.clone(),
            file: r.file.clone(),
            line: r.line,
            byline: r.byline.clone(),
            dateline: r.dateline.clone(),
            topics: r.topics.iter().map(|t| t.topic.clone()).collect(),
            speakers: r.speakers.clone(),
            people: r.people.clone(),
            organisations: r.organisations.clone(),
            places: r.places.clone(),
            story: row.story.map(|s| s.id.clone()),
            story_label: row.story.map(|s| s.label.clone()),
            near_duplicates: row.near_duplicates.clone(),
        }
    }
}

/// The JSON document of a filtered set.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportsExport {
    pub source: ExportSource,
    /// What the view's filters say, as the page words it ("3 of 12 reports").
    pub description: String,
    pub reports: Vec<ExportedReport>,
}

/// The filtered set as a JSON document (serialise it with any serde serialiser).
pub fn reports_json(source: &ExportSource, description: &str, rows: &[ReportRow]) -> ReportsExport {
    ReportsExport {
        source: source.clone(),
        description: description.to_string(),
        reports: rows.iter().map(ExportedReport::new).collect(),
    }
}

const COLUMNS: [&str; 18] = [
    "id",
    "title",
    "outlet",
    "outlet_basis",
    "published",
    "event_date",
    "event_date_basis",
    "url",
    "file",
    "line",
    "byline",
    "dateline",
    "topics",
    "people",
    "places",
    "story",
    "story_label",
    "near_duplicates",
];

/// The filtered set as CSV, one row per report in the list's order. Lists (topics, people,
/// places, near duplicates) are joined with "; ".
pub fn reports_csv(source: &ExportSource, description: &str, rows: &[ReportRow]) -> String {
    let mut table = CsvTable::new(&format!("reports ({description})"), source, &COLUMNS);
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    for row in rows {
        let e = ExportedReport::new(row);
        table.row([
            e.id,
            e.title,
            e.outlet.unwrap_or_default(),
            row.report.outlet_basis.label().to_string(),
            date(e.published),
            date(e.event_date),
            e.event_date_basis.label().to_string(),
            e.url.unwrap_or_default(),
            e.file,
            e.line.to_string(),
            e.byline.unwrap_or_default(),
            e.dateline.unwrap_or_default(),
            e.topics.join("; "),
            e.people.join("; "),
            e.places.join("; "),
            e.story.unwrap_or_default(),
            e.story_label.unwrap_or_default(),
            e.near_duplicates.join("; "),
        ]);
    }
    table.finish()
}

/// Report `i`'s row under `relations`: its story and its near duplicates (the members of its
/// copy group included, as the list shows them). `position` finds a report's index by id.
pub fn report_row<'a>(
    reports: &'a [Report],
    relations: &'a crate::analysis::relations::Relations,
    copies: &crate::analysis::copies::CopyIndex,
    position: &dyn Fn(&str) -> Option<u32>,
    i: usize,
) -> ReportRow<'a> {
    let report = &reports[i];
    let mut near_duplicates: Vec<String> = crate::display::related_pairs(
        reports,
        copies,
        relations.pairs(),
        relations.by_report(),
        position,
        i,
    )
    .into_iter()
    .filter(|p| p.relation == crate::model::Relation::NearDuplicate)
    .map(|p| if p.a == report.id { p.b } else { p.a })
    .collect();
    near_duplicates.sort_unstable();
    near_duplicates.dedup();
    ReportRow {
        report,
        title: &report.title,
        story: relations.story_of(i),
        near_duplicates,
    }
}
