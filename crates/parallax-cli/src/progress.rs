//! `parallax build`'s progress on a terminal: the current stage, its count and, when its total
//! is known, the time left. Off a terminal nothing is drawn (indicatif's hidden target).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use parallax_core::progress::Progress;
use std::time::Duration;

/// What each counted stage counts.
fn unit(stage: &str) -> &'static str {
    match stage {
        "read" | "parse" => "files",
        "topics" | "features" => "reports",
        "verification" => "candidates",
        _ => "",
    }
}

/// A count as people read it: 4,210; 52,000; 1.2M.
pub fn count(n: u64) -> String {
    if n >= 1_000_000 {
        let tenths = n / 100_000;
        format!("{}.{}M", tenths / 10, tenths % 10)
    } else {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    }
}

/// One line on stderr, redrawn for each stage; `timings` hears of the stages too.
pub struct Bar<'a> {
    bar: ProgressBar,
    visible: bool,
    also: &'a dyn Progress,
}

impl<'a> Bar<'a> {
    /// Drawn on stderr when `visible` (a terminal), else hidden. Hidden until the first stage
    /// is set up, so indicatif's default style is never drawn.
    pub fn new(visible: bool, also: &'a dyn Progress) -> Self {
        let bar = ProgressBar::hidden();
        Bar { bar, visible, also }
    }

    /// Clears the line: what follows is printed in its place.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Progress for Bar<'_> {
    fn stage(&self, name: &'static str, total: Option<u64>) {
        self.also.stage(name, total);
        if !self.visible {
            return;
        }
        let unit = unit(name);
        let style = match total {
            Some(_) => ProgressStyle::with_template(&format!(
                "{{prefix:>12}} {{counts}} {unit} [{{bar:30}}] {{eta_left}}"
            )),
            None => ProgressStyle::with_template("{prefix:>12} {spinner}"),
        }
        .expect("the templates are valid")
        .with_key(
            "counts",
            |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                let len = s.len().unwrap_or(0);
                let _ = write!(w, "{}/{}", count(s.pos()), count(len));
            },
        )
        .with_key(
            "eta_left",
            |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                // Only once a little is done: the first rate is a guess.
                if s.pos() > 0 && s.elapsed() > Duration::from_millis(500) {
                    let _ = write!(w, "about {} s left", s.eta().as_secs().max(1));
                }
            },
        )
        .progress_chars("=> ");
        match total {
            Some(total) => {
                self.bar.disable_steady_tick();
                self.bar.set_length(total);
            }
            None => self.bar.unset_length(),
        }
        self.bar.set_position(0);
        self.bar.reset_eta();
        self.bar.reset_elapsed();
        self.bar.set_style(style);
        self.bar.set_prefix(name);
        if self.bar.is_hidden() {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        if total.is_none() {
            self.bar.enable_steady_tick(Duration::from_millis(120));
        }
    }

    fn advance(&self, n: u64) {
        self.also.advance(n);
        self.bar.inc(n);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_read_as_people_write_them() {
        let shown: Vec<String> = [0, 999, 4_210, 100_000, 1_234_567, 14_000_000]
            .into_iter()
            .map(super::count)
            .collect();
        assert_eq!(shown, ["0", "999", "4,210", "100,000", "1.2M", "14.0M"]);
    }
}
