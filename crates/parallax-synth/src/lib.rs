//! A deterministic synthetic corpus of scraped news reports, with planted relations.
//!
//! The reports look like the bundled seeds (titles printed twice, kickers, varied date lines,
//! datelines, "Also read:" links, comment-box boilerplate, quotes with speakers, "on Monday"),
//! and some of them are planted copies of others:
//!
//! | kind            | what                                                   | expected relation |
//! |-----------------|--------------------------------------------------------|-------------------|
//! | `exact_copy`    | the same body, sometimes the same page scraped twice   | near_duplicate    |
//! | `light_rewrite` | reworded, reordered, cut and padded; Jaccard 0.4–0.8   | near_duplicate    |
//! | `excerpt`       | the first paragraphs only (a cut-down copy)            | near_duplicate    |
//! | `paraphrase`    | the same event in new words: same quotes and date      | same_story        |
//! | `stock_quote`   | another event that reuses one quote verbatim           | shares_quote      |
//!
//! Everything else is unrelated. The ground truth ([`SynthCorpus::truth_json`]) lists each
//! report (file, index, lines) and each planted relation with its measured word-5-shingle
//! Jaccard and containments. Same seed and size → the same bytes.

mod text;
pub mod vocab;

use chrono::{Datelike, NaiveDate};
use rand::rngs::ChaCha8Rng;
use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use serde::Serialize;
use std::collections::HashSet;
use std::path::Path;
use text::*;
use vocab::*;

/// What to generate.
#[derive(Clone, Debug)]
pub struct SynthConfig {
    pub reports: usize,
    pub seed: u64,
    pub mix: Mix,
}

impl SynthConfig {
    pub fn new(reports: usize, seed: u64) -> Self {
        SynthConfig {
            reports,
            seed,
            mix: Mix::default(),
        }
    }
}

/// Shares of the reports that are planted derivatives; the rest are original reports of their
/// own event. `two_report_pages` is the share of files that carry a second report.
#[derive(Clone, Debug)]
pub struct Mix {
    pub exact_copy: f64,
    pub light_rewrite: f64,
    pub excerpt: f64,
    pub paraphrase: f64,
    pub stock_quote: f64,
    pub two_report_pages: f64,
}

impl Default for Mix {
    fn default() -> Self {
        Mix {
            exact_copy: 0.05,
            light_rewrite: 0.14,
            excerpt: 0.05,
            paraphrase: 0.10,
            stock_quote: 0.07,
            two_report_pages: 0.03,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Planted {
    Original,
    ExactCopy,
    LightRewrite,
    Excerpt,
    Paraphrase,
    StockQuote,
}

impl Planted {
    /// The relation the analysis should find between a planted report and its source.
    pub fn expected_relation(self) -> &'static str {
        match self {
            Planted::Original => "unrelated",
            Planted::ExactCopy | Planted::LightRewrite | Planted::Excerpt => "near_duplicate",
            Planted::Paraphrase => "same_story",
            Planted::StockQuote => "shares_quote",
        }
    }
    pub fn is_duplicate(self) -> bool {
        self.expected_relation() == "near_duplicate"
    }
}

/// One generated report and where it is.
#[derive(Clone, Debug, Serialize)]
pub struct TruthReport {
    /// The id the core gives it: file stem, '-', index in the file.
    pub id: String,
    pub file: String,
    pub index: usize,
    /// 1-based, inclusive line range of the report in its file.
    pub line_start: usize,
    pub line_end: usize,
    pub title: String,
    pub outlet: String,
    pub event: usize,
    pub event_date: String,
    pub published: String,
    pub speaker: String,
    pub kind: Planted,
    /// The id of the report this one was derived from.
    pub source: Option<String>,
    /// Quotes printed in the report, as printed.
    pub quotes: Vec<String>,
    /// The report's body text (the paragraphs after its header), as the texts API returns it.
    #[serde(skip)]
    pub body: String,
}

/// A planted relation: `a` was derived from `b`.
#[derive(Clone, Debug, Serialize)]
pub struct TruthRelation {
    pub a: String,
    pub b: String,
    pub kind: Planted,
    pub expected: &'static str,
    /// Measured on the bodies with lowercase alphanumeric words, 5-shingles.
    pub jaccard: f32,
    pub containment_a_in_b: f32,
    pub containment_b_in_a: f32,
    pub shared_quotes: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct SynthFile {
    pub name: String,
    pub text: String,
}

#[derive(Clone, Debug)]
pub struct SynthCorpus {
    pub seed: u64,
    pub files: Vec<SynthFile>,
    pub reports: Vec<TruthReport>,
    pub relations: Vec<TruthRelation>,
    /// Outlet per file, for the sidecar metadata (text alone does not name the outlet).
    pub outlets: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// Title, kicker, "April 12, 2024", comment box at the end.
    Ledger,
    /// Caption, "Short Url", "Updated 09 July 2024", "Follow", title again, bullets.
    Wire,
    /// Title, then "CITY: (Web Desk) …", no date line.
    WebDesk,
    /// Title, blank lines, "CITY: …", "Read more:" links, "You May Also Like".
    ReadMore,
    /// KICKER, Title Case title, standfirst, ISO date, title again, NBSP spacer lines.
    Magazine,
}

const STYLES: [Style; 5] = [
    Style::Ledger,
    Style::Wire,
    Style::WebDesk,
    Style::ReadMore,
    Style::Magazine,
];

#[derive(Clone, Debug, PartialEq)]
enum Para {
    Text(String),
    Heading(String),
    Link(&'static str, String),
}

/// A report before rendering: the header parts and the body paragraphs.
#[derive(Clone, Debug)]
struct Draft {
    title: String,
    standfirst: Vec<String>,
    kicker: &'static str,
    dateline: &'static str,
    published: NaiveDate,
    paras: Vec<Para>,
    outlet: usize,
    quotes: Vec<String>,
}

impl Draft {
    fn style(&self) -> Style {
        STYLES[self.outlet % STYLES.len()]
    }
    fn body(&self) -> String {
        self.paras
            .iter()
            .filter_map(|p| match p {
                Para::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// Word-5-shingle hashes of a text: lowercase alphanumeric words (apostrophes dropped).
pub fn shingles(text: &str) -> HashSet<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 5 {
        return words
            .is_empty()
            .then(HashSet::new)
            .unwrap_or_else(|| [xxhash_rust::xxh3::xxh3_64(words.join(" ").as_bytes())].into());
    }
    words
        .windows(5)
        .map(|w| xxhash_rust::xxh3::xxh3_64(w.join(" ").as_bytes()))
        .collect()
}

/// (Jaccard, containment of a in b, containment of b in a).
pub fn overlap(a: &HashSet<u64>, b: &HashSet<u64>) -> (f32, f32, f32) {
    let inter = a.intersection(b).count() as f32;
    let union = (a.len() + b.len()) as f32 - inter;
    let ratio = |x: f32, y: usize| if y == 0 { 0.0 } else { x / y as f32 };
    (
        if union == 0.0 { 0.0 } else { inter / union },
        ratio(inter, a.len()),
        ratio(inter, b.len()),
    )
}

struct Generator {
    rng: Rng,
    events: Vec<Event>,
    drafts: Vec<Draft>,
    kinds: Vec<Planted>,
    sources: Vec<Option<usize>>,
    event_of: Vec<usize>,
    originals: Vec<usize>,
}

impl Generator {
    fn pick_outlet(&mut self) -> usize {
        self.rng.random_range(0..OUTLETS.len())
    }

    fn write_report(
        &mut self,
        ev: &Event,
        quotes: &[String],
        extra_quote: Option<(&Speaker, &str)>,
    ) -> Draft {
        let rng = &mut self.rng;
        let published = ev.date + chrono::Days::new(pick(rng, &[0u64, 1, 1, 1, 2]));
        let when = ev.when(rng, published);
        let mut paras = vec![Para::Text(lead(rng, ev, &when))];
        let mut bodies: Vec<String> = Vec::new();
        let n_facts = rng.random_range(8..=13);
        for _ in 0..n_facts {
            let k = rng.random_range(1..=3);
            bodies.push((0..k).map(|_| fact(rng, ev)).collect::<Vec<_>>().join(" "));
        }
        let mut quote_paras: Vec<String> = quotes
            .iter()
            .map(|q| quote_paragraph(rng, ev, &ev.speaker, q, &when))
            .collect();
        if let Some((speaker, q)) = extra_quote {
            quote_paras.push(quote_paragraph(rng, ev, speaker, q, &when));
        }
        // Interleave facts and quotes in a random but plausible order.
        let mut rest: Vec<String> = bodies.into_iter().chain(quote_paras).collect();
        rest.shuffle(rng);
        for p in rest {
            paras.push(Para::Text(p));
        }
        if rng.random_bool(0.4) {
            let at = rng.random_range(2..paras.len().max(3));
            let heading = TOPICS[ev.second_topic].heading;
            paras.insert(at.min(paras.len()), Para::Heading(heading.to_string()));
        }
        let n_links = rng.random_range(0..=2);
        for _ in 0..n_links {
            let speaker = new_speaker(rng);
            let other = new_event(rng, usize::MAX, speaker);
            let label = pick(rng, &["Also read", "Read more", "Also read"]);
            let at = rng.random_range(1..paras.len());
            paras.insert(at, Para::Link(label, title(rng, &other)));
        }
        let standfirst = (0..rng.random_range(1..=2))
            .map(|_| capitalise(&fact(rng, ev).replace('.', "")))
            .collect();
        Draft {
            title: title(rng, ev),
            standfirst,
            kicker: pick(rng, KICKERS),
            dateline: if rng.random_bool(0.5) {
                ev.speaker.city
            } else {
                pick(rng, EXTRA_DATELINES)
            },
            published,
            paras,
            outlet: rng.random_range(0..OUTLETS.len()),
            quotes: quotes
                .iter()
                .cloned()
                .chain(extra_quote.map(|(_, q)| q.to_string()))
                .collect(),
        }
    }

    fn original(&mut self) -> Draft {
        let speaker = new_speaker(&mut self.rng);
        let ev = new_event(&mut self.rng, self.events.len(), speaker);
        let n = self.rng.random_range(2..=ev.quotes.len().min(4));
        let quotes = ev.quotes[..n].to_vec();
        let draft = self.write_report(&ev, &quotes, None);
        self.events.push(ev);
        draft
    }

    fn exact_copy(&mut self, src: &Draft) -> Draft {
        let mut copy = src.clone();
        // Half are the same page scraped twice; half the same wire copy on another site.
        if self.rng.random_bool(0.5) {
            copy.outlet = self.pick_outlet();
            copy.title = src.title.clone();
            copy.published = src.published + chrono::Days::new(self.rng.random_range(0..2));
        }
        copy
    }

    fn light_rewrite(&mut self, src: &Draft, ev: &Event) -> Draft {
        let target = self.rng.random_range(0.42..0.78f32);
        let mut d = src.clone();
        d.outlet = self.pick_outlet();
        d.title = title(&mut self.rng, ev);
        let src_shingles = shingles(&src.body());
        // At least one reordering: rewrites move paragraphs around.
        self.swap_paragraphs(&mut d);
        let mut j = overlap(&shingles(&d.body()), &src_shingles).0;
        for _ in 0..400 {
            if j <= target {
                break;
            }
            // Small steps: an edit that overshoots the target by much is undone.
            let before = d.clone();
            let when = ev.when(&mut self.rng, d.published);
            match self.rng.random_range(0..10) {
                0..=3 => self.reword(&mut d),
                4 | 5 => {
                    let i = self.text_para(&d);
                    if !is_quote(&d.paras[i]) {
                        d.paras[i] = Para::Text(fact(&mut self.rng, ev));
                    }
                }
                6 => {
                    let at = self.rng.random_range(1..=d.paras.len());
                    let p = if self.rng.random_bool(0.7) {
                        fact(&mut self.rng, ev)
                    } else {
                        lead(&mut self.rng, ev, &when)
                    };
                    d.paras.insert(at, Para::Text(p));
                }
                7 if d.paras.len() > 6 => {
                    let i = self.text_para(&d);
                    if i > 0 && !is_quote(&d.paras[i]) {
                        d.paras.remove(i);
                    }
                }
                8 => self.merge_paragraphs(&mut d),
                _ => self.swap_paragraphs(&mut d),
            }
            let now = overlap(&shingles(&d.body()), &src_shingles).0;
            if now < target - 0.05 {
                d = before;
            } else {
                j = now;
            }
        }
        d
    }

    fn excerpt(&mut self, src: &Draft) -> Draft {
        let mut d = src.clone();
        d.outlet = self.pick_outlet();
        let texts: Vec<usize> = (0..d.paras.len())
            .filter(|&i| matches!(d.paras[i], Para::Text(_)))
            .collect();
        let keep = ((texts.len() as f64 * self.rng.random_range(0.45..0.75)) as usize)
            .max(3)
            .min(texts.len());
        let cut = texts[keep - 1] + 1;
        d.paras.truncate(cut);
        d.quotes.retain(|q| {
            d.paras
                .iter()
                .any(|p| matches!(p, Para::Text(t) if t.contains(q.as_str())))
        });
        d
    }

    fn paraphrase(&mut self, src: &Draft, ev: &Event) -> Draft {
        // Shares at least two of the quotes the source printed, the date and the speaker.
        let mut quotes = src.quotes.clone();
        // The two shortest: a paraphrase quotes the soundbites, not the long answers.
        quotes.sort_by_key(|q| q.len());
        quotes.truncate(2);
        let src_shingles = shingles(&src.body());
        let mut best = self.write_report(ev, &quotes, None);
        let mut best_j = overlap(&shingles(&best.body()), &src_shingles).0;
        for _ in 0..8 {
            if best_j < 0.08 {
                break;
            }
            let next = self.write_report(ev, &quotes, None);
            let j = overlap(&shingles(&next.body()), &src_shingles).0;
            if j < best_j {
                (best, best_j) = (next, j);
            }
        }
        best
    }

    fn stock_quote(&mut self, src_event: usize, printed: &[String]) -> Draft {
        // A later event of the same speaker, who repeats one line of the earlier one.
        let old = self.events[src_event].clone();
        let mut ev = new_event(&mut self.rng, self.events.len(), old.speaker.clone());
        while ev.topic == old.topic || (ev.date - old.date).num_days().abs() < 10 {
            ev = new_event(&mut self.rng, self.events.len(), old.speaker.clone());
        }
        // One of the lines the source report printed.
        let stock = pick(&mut self.rng, printed);
        let n = self.rng.random_range(1..=ev.quotes.len().min(3));
        let quotes = ev.quotes[..n].to_vec();
        let draft = self.write_report(&ev, &quotes, Some((&old.speaker, &stock)));
        self.events.push(ev);
        draft
    }

    fn text_para(&mut self, d: &Draft) -> usize {
        let texts: Vec<usize> = (0..d.paras.len())
            .filter(|&i| matches!(d.paras[i], Para::Text(_)))
            .collect();
        pick(&mut self.rng, &texts)
    }

    fn swap_paragraphs(&mut self, d: &mut Draft) {
        if d.paras.len() > 3 {
            let i = self.rng.random_range(1..d.paras.len());
            let j = self.rng.random_range(1..d.paras.len());
            d.paras.swap(i, j);
        }
    }

    fn merge_paragraphs(&mut self, d: &mut Draft) {
        let i = self.text_para(d);
        if let (Some(Para::Text(a)), Some(Para::Text(b))) =
            (d.paras.get(i).cloned(), d.paras.get(i + 1).cloned())
        {
            d.paras[i] = Para::Text(format!("{a} {b}"));
            d.paras.remove(i + 1);
        }
    }

    /// Swaps words for synonyms in one paragraph, outside its quotes.
    fn reword(&mut self, d: &mut Draft) {
        let i = self.text_para(d);
        let Para::Text(t) = &d.paras[i] else { return };
        let mut out = String::with_capacity(t.len() + 16);
        let mut in_quote = false;
        for (k, piece) in t.split(' ').enumerate() {
            if k > 0 {
                out.push(' ');
            }
            if piece.contains('“') {
                in_quote = true;
            }
            let bare = piece.trim_matches(|c: char| !c.is_alphanumeric());
            let swap = SYNONYMS.iter().find(|(w, _)| *w == bare);
            match swap {
                Some((w, s)) if !in_quote && self.rng.random_bool(0.6) => {
                    out.push_str(&piece.replacen(w, s, 1))
                }
                _ => out.push_str(piece),
            }
            if piece.contains('”') {
                in_quote = false;
            }
        }
        d.paras[i] = Para::Text(out);
    }
}

fn is_quote(p: &Para) -> bool {
    matches!(p, Para::Text(t) if t.contains('“'))
}

fn date_line(rng: &mut Rng, d: NaiveDate, style: Style) -> Option<String> {
    let month = month_name(d.month());
    Some(match style {
        Style::Ledger => match rng.random_range(0..3) {
            0 => format!("{month} {}, {}", d.day(), d.year()),
            1 => format!("{} {month} {}", d.day(), d.year()),
            _ => format!("Published {} {}, {}", &month[..3], d.day(), d.year()),
        },
        Style::Wire => format!("Updated {:02} {month} {}", d.day(), d.year()),
        Style::Magazine => d.format("%Y-%m-%d").to_string(),
        Style::WebDesk | Style::ReadMore => return None,
    })
}

/// Renders a report in its outlet's style. Returns the lines.
fn render(rng: &mut Rng, d: &Draft, ev: &Event, second_on_page: bool) -> Vec<String> {
    let style = if second_on_page {
        Style::Wire
    } else {
        d.style()
    };
    let mut lines: Vec<String> = Vec::new();
    let straight = style == Style::Magazine;
    let fix = |s: &str| {
        if straight {
            s.replace(['“', '”'], "\"").replace(['‘', '’'], "'")
        } else {
            s.to_string()
        }
    };
    let first_text = d.paras.iter().position(|p| matches!(p, Para::Text(_)));
    let body_line = |i: usize, t: &str, lines: &mut Vec<String>, rng: &mut Rng| {
        let mut t = fix(t);
        if Some(i) == first_text {
            t = match style {
                Style::WebDesk => format!("{}: (Web Desk) {t}", d.dateline),
                Style::Magazine | Style::Ledger => t,
                _ => format!("{}: {t}", d.dateline),
            };
        }
        if style == Style::Wire && rng.random_bool(0.3) {
            t.push('\u{a0}');
        }
        lines.push(t);
    };
    match style {
        Style::Ledger => {
            lines.push(d.title.clone());
            lines.push(String::new());
            lines.push(d.kicker.to_string());
            lines.extend(date_line(rng, d.published, style));
            lines.push(String::new());
        }
        Style::Wire => {
            lines.push(d.title.clone());
            lines.push(String::new());
            if second_on_page {
                lines.push("Updated 10 sec ago".into());
            } else {
                lines.push(format!(
                    "{} is addressing a {} in {} on {} {}, {}. ({})",
                    ev.speaker.full(),
                    ev.venue,
                    capitalise(&ev.speaker.city.to_lowercase()),
                    month_name(ev.date.month()),
                    ev.date.day(),
                    ev.date.year(),
                    pick(
                        rng,
                        &["Reuters", "AFP", "AP", "US Department of State", "File"]
                    )
                ));
                lines.push("Short Url".into());
                lines.extend(date_line(rng, d.published, style));
            }
            lines.push("Follow".into());
            lines.push(String::new());
            lines.push(d.title.clone());
            lines.push(String::new());
            for s in &d.standfirst {
                lines.push(format!("  • {s}"));
            }
            lines.push(String::new());
        }
        Style::WebDesk => lines.push(d.title.clone()),
        Style::ReadMore => {
            lines.push(d.title.clone());
            lines.push(String::new());
            lines.push(String::new());
        }
        Style::Magazine => {
            lines.push(d.kicker.to_uppercase());
            lines.push(String::new());
            lines.push(title_case(&fix(&d.title)));
            lines.push(String::new());
            lines.push(fix(&d.standfirst.join(". ")) + ".");
            lines.extend(date_line(rng, d.published, style));
            lines.push(title_case(&fix(&d.title)));
            lines.push(String::new());
        }
    }
    for (i, p) in d.paras.iter().enumerate() {
        match p {
            Para::Text(t) => body_line(i, t, &mut lines, rng),
            Para::Heading(h) => lines.push(if style == Style::Wire {
                h.to_uppercase()
            } else {
                h.clone()
            }),
            Para::Link(label, headline) => {
                let label = if style == Style::ReadMore {
                    "Read more"
                } else {
                    label
                };
                lines.push(format!("{label}: {}", fix(headline)));
            }
        }
        if i + 1 < d.paras.len() {
            lines.push(if straight {
                "\u{a0}".into()
            } else {
                String::new()
            });
            if straight {
                lines.push(String::new());
            }
        }
    }
    match style {
        Style::Ledger => {
            lines.push(String::new());
            lines.push("Leave a Reply".into());
            lines.push("You must be logged in to post a comment.".into());
        }
        Style::ReadMore => {
            lines.push(String::new());
            lines.push("You May Also Like".into());
        }
        _ => {}
    }
    lines
}

/// Generates the corpus. Deterministic in `cfg`.
pub fn generate(cfg: &SynthConfig) -> SynthCorpus {
    let mut g = Generator {
        rng: ChaCha8Rng::seed_from_u64(cfg.seed),
        events: vec![],
        drafts: vec![],
        kinds: vec![],
        sources: vec![],
        event_of: vec![],
        originals: vec![],
    };
    let m = &cfg.mix;
    let thresholds = [
        (Planted::ExactCopy, m.exact_copy),
        (Planted::LightRewrite, m.light_rewrite),
        (Planted::Excerpt, m.excerpt),
        (Planted::Paraphrase, m.paraphrase),
        (Planted::StockQuote, m.stock_quote),
    ];
    for i in 0..cfg.reports {
        let roll: f64 = g.rng.random();
        let mut acc = 0.0;
        let mut kind = Planted::Original;
        for (k, share) in thresholds {
            acc += share;
            if roll < acc {
                kind = k;
                break;
            }
        }
        if g.originals.is_empty() {
            kind = Planted::Original;
        }
        let src = (kind != Planted::Original).then(|| pick(&mut g.rng, &g.originals));
        let draft = match (kind, src) {
            (Planted::ExactCopy, Some(s)) => g.exact_copy(&g.drafts[s].clone()),
            (Planted::LightRewrite, Some(s)) => {
                g.light_rewrite(&g.drafts[s].clone(), &g.events[g.event_of[s]].clone())
            }
            (Planted::Excerpt, Some(s)) => g.excerpt(&g.drafts[s].clone()),
            (Planted::Paraphrase, Some(s)) => {
                g.paraphrase(&g.drafts[s].clone(), &g.events[g.event_of[s]].clone())
            }
            (Planted::StockQuote, Some(s)) => {
                g.stock_quote(g.event_of[s], &g.drafts[s].quotes.clone())
            }
            _ => g.original(),
        };
        let event = match kind {
            Planted::Original | Planted::StockQuote => g.events.len() - 1,
            _ => g.event_of[src.expect("derived reports have a source")],
        };
        if kind == Planted::Original {
            g.originals.push(i);
        }
        g.drafts.push(draft);
        g.kinds.push(kind);
        g.sources.push(src);
        g.event_of.push(event);
    }
    assemble(g, cfg)
}

/// Lays the reports out in files (shuffled, so copies are not neighbours) and measures the
/// planted relations.
fn assemble(mut g: Generator, cfg: &SynthConfig) -> SynthCorpus {
    let n = g.drafts.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut g.rng);
    // Pages: most carry one report, a few a second one.
    let mut pages: Vec<Vec<usize>> = Vec::new();
    let mut k = 0;
    while k < n {
        if k + 1 < n && g.rng.random_bool(cfg.mix.two_report_pages) {
            pages.push(vec![order[k], order[k + 1]]);
            k += 2;
        } else {
            pages.push(vec![order[k]]);
            k += 1;
        }
    }
    let width = pages.len().saturating_sub(1).to_string().len().max(3);
    let mut index_on_page = vec![0usize; n];
    for page in &pages {
        for (i, &r) in page.iter().enumerate() {
            index_on_page[r] = i;
        }
    }
    // Render in generation order, so a source is rendered before its copies: the same page
    // scraped twice is byte-identical.
    let mut rendered: Vec<Vec<String>> = Vec::with_capacity(n);
    for r in 0..n {
        let d = &g.drafts[r];
        let same_page = g.kinds[r] == Planted::ExactCopy
            && index_on_page[r] == 0
            && g.sources[r]
                .is_some_and(|s| g.drafts[s].outlet == d.outlet && index_on_page[s] == 0);
        let lines = match g.sources[r] {
            Some(s) if same_page => rendered[s].clone(),
            _ => render(
                &mut g.rng,
                d,
                &g.events[g.event_of[r]],
                index_on_page[r] > 0,
            ),
        };
        rendered.push(lines);
    }
    let mut files = Vec::with_capacity(pages.len());
    let mut outlets = Vec::with_capacity(pages.len());
    let mut slots: Vec<Option<TruthReport>> = vec![None; n];
    for (page_no, page) in pages.iter().enumerate() {
        let name = format!("{:0width$}_{:016x}.txt", page_no, g.rng.random::<u64>());
        let stem = name.trim_end_matches(".txt").to_string();
        let mut lines: Vec<String> = Vec::new();
        for (index, &r) in page.iter().enumerate() {
            if index > 0 {
                lines.push(String::new());
                lines.push(String::new());
            }
            let d = &g.drafts[r];
            let ev = &g.events[g.event_of[r]];
            let line_start = lines.len() + 1;
            lines.extend(rendered[r].iter().cloned());
            slots[r] = Some(TruthReport {
                id: format!("{stem}-{index}"),
                file: name.clone(),
                index,
                line_start,
                line_end: lines.len(),
                title: d.title.clone(),
                outlet: OUTLETS[d.outlet].to_string(),
                event: ev.id,
                event_date: ev.date.to_string(),
                published: d.published.to_string(),
                speaker: ev.speaker.name(),
                kind: g.kinds[r],
                source: None,
                quotes: d.quotes.clone(),
                body: d.body(),
            });
        }
        outlets.push(OUTLETS[g.drafts[page[0]].outlet].to_string());
        let mut text = lines.join("\n");
        text.push('\n');
        files.push(SynthFile { name, text });
    }
    let mut reports: Vec<TruthReport> = slots
        .into_iter()
        .map(|s| s.expect("every report is on a page"))
        .collect();
    for r in 0..n {
        reports[r].source = g.sources[r].map(|s| reports[s].id.clone());
    }
    let relations = (0..n)
        .filter_map(|r| {
            let s = g.sources[r]?;
            let (a, b) = (&reports[r], &reports[s]);
            let (jaccard, containment_a_in_b, containment_b_in_a) =
                overlap(&shingles(&a.body), &shingles(&b.body));
            Some(TruthRelation {
                a: a.id.clone(),
                b: b.id.clone(),
                kind: g.kinds[r],
                expected: g.kinds[r].expected_relation(),
                jaccard,
                containment_a_in_b,
                containment_b_in_a,
                shared_quotes: a
                    .quotes
                    .iter()
                    .filter(|q| b.quotes.contains(q))
                    .cloned()
                    .collect(),
            })
        })
        .collect();
    // Reports in file order, as a reader of the folder sees them.
    reports.sort_by(|a, b| (&a.file, a.index).cmp(&(&b.file, b.index)));
    SynthCorpus {
        seed: cfg.seed,
        files,
        reports,
        relations,
        outlets,
    }
}

#[derive(Serialize)]
struct Truth<'a> {
    generator: &'static str,
    seed: u64,
    reports: &'a [TruthReport],
    relations: &'a [TruthRelation],
}

impl SynthCorpus {
    /// The ground truth as JSON: every report and every planted relation.
    pub fn truth_json(&self) -> String {
        serde_json::to_string_pretty(&Truth {
            generator: concat!("parallax-synth ", env!("CARGO_PKG_VERSION")),
            seed: self.seed,
            reports: &self.reports,
            relations: &self.relations,
        })
        .expect("plain data serialises")
    }

    /// Sidecar metadata naming each file's outlet (TOML, as corpus/metadata.toml).
    pub fn metadata_toml(&self) -> String {
        let mut out = String::from("# Generated by parallax-synth: the outlet of each page.\n");
        for (f, outlet) in self.files.iter().zip(&self.outlets) {
            out.push_str(&format!(
                "\n[files.\"{}\"]\noutlet = \"{}\"\n",
                f.name, outlet
            ));
        }
        out
    }

    /// Writes the report files, `truth.json` and `metadata.toml` into `dir`.
    ///
    /// Refuses a folder holding `.txt` files that a previous run did not write (no `truth.json`);
    /// otherwise the previous run's `.txt` files are replaced.
    pub fn write_dir(&self, dir: &Path) -> Result<(), String> {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
        let entries =
            std::fs::read_dir(dir).map_err(|e| format!("{}: cannot read: {e}", dir.display()))?;
        let old_txt: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        if !old_txt.is_empty() {
            if !dir.join("truth.json").exists() {
                return Err(format!(
                    "{}: holds .txt files that parallax-synth did not write; use an empty folder",
                    dir.display()
                ));
            }
            for p in old_txt {
                std::fs::remove_file(&p)
                    .map_err(|e| format!("{}: cannot remove: {e}", p.display()))?;
            }
        }
        for f in &self.files {
            let p = dir.join(&f.name);
            std::fs::write(&p, &f.text)
                .map_err(|e| format!("{}: cannot write: {e}", p.display()))?;
        }
        for (name, text) in [
            ("truth.json", self.truth_json()),
            ("metadata.toml", self.metadata_toml()),
        ] {
            let p = dir.join(name);
            std::fs::write(&p, text).map_err(|e| format!("{}: cannot write: {e}", p.display()))?;
        }
        Ok(())
    }

    /// The text of one report (its lines in its file).
    pub fn report_text(&self, r: &TruthReport) -> String {
        let file = self
            .files
            .iter()
            .find(|f| f.name == r.file)
            .map_or("", |f| f.text.as_str());
        file.lines()
            .skip(r.line_start - 1)
            .take(r.line_end + 1 - r.line_start)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[cfg(test)]
mod tests;
