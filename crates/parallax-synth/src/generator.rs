//! Writing reports: an original of a new event, and each planted kind derived from a source
//! (exact copy, light rewrite, excerpt, paraphrase, stock quote).

use crate::draft::{is_quote, Draft, Para};
use crate::text::*;
use crate::vocab::*;
use crate::{overlap, shingles, Planted};
use rand::seq::SliceRandom;
use rand::RngExt;

pub(crate) struct Generator {
    pub(crate) rng: Rng,
    pub(crate) events: Vec<Event>,
    pub(crate) drafts: Vec<Draft>,
    pub(crate) kinds: Vec<Planted>,
    pub(crate) sources: Vec<Option<usize>>,
    pub(crate) event_of: Vec<usize>,
    pub(crate) originals: Vec<usize>,
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

    pub(crate) fn original(&mut self) -> Draft {
        let speaker = new_speaker(&mut self.rng);
        let ev = new_event(&mut self.rng, self.events.len(), speaker);
        let n = self.rng.random_range(2..=ev.quotes.len().min(4));
        let quotes = ev.quotes[..n].to_vec();
        let draft = self.write_report(&ev, &quotes, None);
        self.events.push(ev);
        draft
    }

    pub(crate) fn exact_copy(&mut self, src: &Draft) -> Draft {
        let mut copy = src.clone();
        // Half are the same page scraped twice; half the same wire copy on another site.
        if self.rng.random_bool(0.5) {
            copy.outlet = self.pick_outlet();
            copy.title = src.title.clone();
            copy.published = src.published + chrono::Days::new(self.rng.random_range(0..2));
        }
        copy
    }

    pub(crate) fn light_rewrite(&mut self, src: &Draft, ev: &Event) -> Draft {
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

    pub(crate) fn excerpt(&mut self, src: &Draft) -> Draft {
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

    pub(crate) fn paraphrase(&mut self, src: &Draft, ev: &Event) -> Draft {
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

    pub(crate) fn stock_quote(&mut self, src_event: usize, printed: &[String]) -> Draft {
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
