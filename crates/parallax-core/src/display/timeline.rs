//! The timeline's layout, moved here from the app so the build's prerendered first view sizes
//! the timeline exactly as the app does.
//!
//! Where the timeline draws everything: the date scale, the ticks, and each mark's place (stories
//! packed into rows, an undated lane below), or the bins the core chose where marks would pile
//! up. Pure functions of the data and the width, tested natively.

mod bins;
mod ticks;

use crate::analysis::relations::Relations;
use crate::chrono::Duration;
use crate::query::{timeline_density, TimelineAxis};
use crate::{DateBasis, NaiveDate, Report, TopicDef};
pub use bins::PlacedBin;
use bins::{place_bins, BIN_AREA_HEIGHT};
use std::collections::HashMap;
pub use ticks::ticks;

pub const MARGIN_LEFT: f64 = 16.0;
pub const MARGIN_RIGHT: f64 = 16.0;
pub const AXIS_HEIGHT: f64 = 28.0;
const ROW_HEIGHT: f64 = 22.0;
pub const MARK_RADIUS: f64 = 7.0;
/// Horizontal room a mark needs before another can share its row.
const MARK_GAP: f64 = 2.0 * MARK_RADIUS + 4.0;
const UNDATED_LABEL_HEIGHT: f64 = 20.0;

/// How a mark shows the report's strongest relation (by shape, not colour).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkShape {
    /// No copy and no other report of its story.
    Circle,
    /// Has a near duplicate (a copy).
    Square,
    /// Same story as another report, no copy.
    Diamond,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlacedMark {
    pub report: usize,
    pub x: f64,
    pub y: f64,
    pub shape: MarkShape,
    pub inferred: bool,
    /// Letter of the main topic in the legend, if any.
    pub topic_letter: Option<char>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub ticks: Vec<Tick>,
    /// Marks in keyboard order: dated by x, then undated.
    pub marks: Vec<PlacedMark>,
    /// Bins of dated reports, when marks would pile up (then no dated report has a mark).
    pub bins: Vec<PlacedBin>,
    /// How many matches the timeline stands for (marks, bins and the undated lane).
    pub reports: usize,
    /// The undated reports, when there are too many for marks (then they have none).
    pub undated_count: Option<usize>,
    /// Story connections: polylines through a story's dated marks.
    pub links: Vec<Vec<(f64, f64)>>,
    /// Top of the undated lane (None: no undated match).
    pub undated_top: Option<f64>,
    /// Bottom of the dated area.
    pub dated_bottom: f64,
}

impl Layout {
    pub fn x_of(&self, d: NaiveDate) -> f64 {
        let span = (self.end - self.start).num_days().max(1) as f64;
        MARGIN_LEFT + (d - self.start).num_days() as f64 / span * self.plot_width()
    }

    pub fn date_at(&self, x: f64) -> NaiveDate {
        let span = (self.end - self.start).num_days().max(1) as f64;
        let days = ((x - MARGIN_LEFT) / self.plot_width() * span)
            .round()
            .clamp(0.0, span) as i64;
        self.start + Duration::days(days)
    }

    pub fn plot_width(&self) -> f64 {
        (self.width - MARGIN_LEFT - MARGIN_RIGHT).max(1.0)
    }
}

/// Letters for the topics, in lexicon order, shown inside marks and in the legend.
pub fn topic_letters(topics: &[TopicDef]) -> HashMap<&str, char> {
    topics
        .iter()
        .zip('A'..='Z')
        .map(|(t, c)| (t.id.as_str(), c))
        .collect()
}

/// Places the matching reports. `domain` fixes the x range (zoom); otherwise it spans every dated
/// report of the corpus so the axis stays put while filters change. Marks are grouped by the
/// stories of `relations` (the live ones, so the timeline agrees with the story page, the reader
/// and the footer at every threshold): the matching members of one story share rows and a link.
pub fn layout(
    reports: &[Report],
    matches: &[usize],
    relations: &Relations,
    width: f64,
    domain: Option<(NaiveDate, NaiveDate)>,
    topic_letters: &HashMap<&str, char>,
) -> Layout {
    let width = width.max(200.0);
    let (start, end) = domain.unwrap_or_else(|| {
        let dates = reports.iter().filter_map(|r| r.event_date);
        let min = dates.clone().min();
        let max = dates.max();
        match (min, max) {
            (Some(a), Some(b)) => (a, b),
            _ => {
                let today = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
                (today, today)
            }
        }
    });
    // Padding so marks at the ends are not cut, and a single day still has a span.
    let pad = ((end - start).num_days() / 30).max(1);
    let (start, end) = (start - Duration::days(pad), end + Duration::days(pad));
    let mut out = Layout {
        width,
        height: 0.0,
        start,
        end,
        ticks: Vec::new(),
        marks: Vec::new(),
        bins: Vec::new(),
        reports: matches.len(),
        undated_count: None,
        links: Vec::new(),
        undated_top: None,
        dated_bottom: AXIS_HEIGHT,
    };
    out.ticks = ticks(start, end, out.plot_width())
        .into_iter()
        .map(|(d, label)| Tick {
            x: out.x_of(d),
            label,
        })
        .collect();

    // Marks or bins, as the core decides from the dates and the width.
    let axis = TimelineAxis {
        start,
        end,
        plot_width: out.plot_width(),
        mark_width: MARK_GAP,
    };
    let dates = matches.iter().filter_map(|&i| reports[i].event_date);
    let undated_total = matches.len() - dates.clone().count();
    let density = timeline_density(dates, undated_total, &axis);
    if let Some(bins) = &density.bins {
        out.bins = place_bins(bins, &out);
    }

    // A report's shape: a near duplicate anywhere in the corpus (so a copy outside the filter
    // still shows), else a member of a story.
    let shape = |i: usize| {
        if relations.is_duplicate(i) {
            MarkShape::Square
        } else if relations.story_index_of(i).is_some() {
            MarkShape::Diamond
        } else {
            MarkShape::Circle
        }
    };

    // Groups of matching, dated reports (one per story, one per report in none), in order of
    // their first match.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of_story: HashMap<usize, usize> = HashMap::new();
    let mut undated = Vec::new();
    for &i in matches {
        let r = &reports[i];
        let Some(d) = r.event_date else {
            undated.push(i);
            continue;
        };
        if density.bins.is_some() || (domain.is_some() && (d < start || d > end)) {
            continue;
        }
        let g = match relations.story_index_of(i) {
            Some(s) => *group_of_story.entry(s).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            }),
            None => {
                groups.push(Vec::new());
                groups.len() - 1
            }
        };
        groups[g].push(i);
    }
    let make = |i: usize, x: f64, y: f64| {
        let r = &reports[i];
        PlacedMark {
            report: i,
            x,
            y,
            shape: shape(i),
            inferred: r.event_date_basis == DateBasis::Inferred,
            topic_letter: r
                .topics
                .first()
                .and_then(|t| topic_letters.get(t.topic.as_str()).copied()),
        }
    };
    // Skyline packing: each group takes the lowest rows where it fits whole.
    let mut row_ends: Vec<f64> = Vec::new();
    for group in &groups {
        let mut members: Vec<(f64, usize)> = group
            .iter()
            .map(|&i| (out.x_of(reports[i].event_date.unwrap_or(start)), i))
            .collect();
        members.sort_by(|a, b| a.0.total_cmp(&b.0));
        // Within the group, stack marks that would overlap.
        let mut sub_rows: Vec<f64> = Vec::new();
        let mut placed: Vec<(f64, usize, usize)> = Vec::new();
        for &(x, i) in &members {
            let row = sub_rows
                .iter()
                .position(|&end| end + MARK_GAP <= x)
                .unwrap_or_else(|| {
                    sub_rows.push(f64::NEG_INFINITY);
                    sub_rows.len() - 1
                });
            sub_rows[row] = x;
            placed.push((x, row, i));
        }
        let left = members.first().map_or(0.0, |m| m.0) - MARK_RADIUS;
        let right = members.last().map_or(0.0, |m| m.0) + MARK_RADIUS;
        let k = sub_rows.len();
        let top = (0..)
            .find(|&r| (r..r + k).all(|rr| row_ends.get(rr).is_none_or(|&end| end + 4.0 <= left)))
            .unwrap_or(row_ends.len());
        if row_ends.len() < top + k {
            row_ends.resize(top + k, f64::NEG_INFINITY);
        }
        for end in &mut row_ends[top..top + k] {
            *end = right;
        }
        let mut link = Vec::new();
        for (x, row, i) in placed {
            let y = AXIS_HEIGHT + ROW_HEIGHT * (top + row) as f64 + ROW_HEIGHT / 2.0;
            out.marks.push(make(i, x, y));
            link.push((x, y));
        }
        if link.len() > 1 {
            out.links.push(link);
        }
    }
    out.dated_bottom = if out.bins.is_empty() {
        AXIS_HEIGHT + ROW_HEIGHT * row_ends.len().max(1) as f64
    } else {
        AXIS_HEIGHT + BIN_AREA_HEIGHT
    };
    out.marks
        .sort_by(|a, b| a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y)));
    let mut height = out.dated_bottom + 8.0;
    if !undated.is_empty() && !density.undated_marks {
        out.undated_top = Some(height);
        out.undated_count = Some(undated.len());
        height += UNDATED_LABEL_HEIGHT + 4.0;
    } else if !undated.is_empty() {
        let top = height;
        out.undated_top = Some(top);
        let per_row = ((out.plot_width() / MARK_GAP).floor() as usize).max(1);
        for (n, &i) in undated.iter().enumerate() {
            let x = MARGIN_LEFT + MARK_RADIUS + (n % per_row) as f64 * MARK_GAP;
            let y =
                top + UNDATED_LABEL_HEIGHT + ROW_HEIGHT * (n / per_row) as f64 + ROW_HEIGHT / 2.0;
            out.marks.push(make(i, x, y));
        }
        height =
            top + UNDATED_LABEL_HEIGHT + ROW_HEIGHT * undated.len().div_ceil(per_row) as f64 + 4.0;
    }
    out.height = height;
    out
}

#[cfg(test)]
mod tests;
