//! `--timings`: the wall time of each stage the core reports, printed to stderr at the end.

use parallax_core::progress::Progress;
use std::io::{self, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// When each stage began; a stage ends when the next begins, the last when [`Timings::print`]
/// is called.
pub struct Timings {
    began: Mutex<Vec<(&'static str, Instant)>>,
}

impl Timings {
    pub fn new() -> Self {
        Timings {
            began: Mutex::new(Vec::new()),
        }
    }

    /// Each stage's name and wall time, up to now.
    pub fn stages(&self) -> Vec<(&'static str, Duration)> {
        let began = self.began.lock().unwrap_or_else(|e| e.into_inner());
        let ends = began.iter().skip(1).map(|s| s.1).chain([Instant::now()]);
        began
            .iter()
            .zip(ends)
            .map(|(s, end)| (s.0, end - s.1))
            .collect()
    }

    pub fn print(&self) {
        let stages = self.stages();
        let total: Duration = stages.iter().map(|s| s.1).sum();
        let mut err = io::stderr().lock();
        for (stage, d) in stages.iter().chain([&("total", total)]) {
            let _ = writeln!(err, "{stage:<14} {:>10.3} s", d.as_secs_f64());
        }
    }
}

impl Progress for Timings {
    fn stage(&self, name: &'static str, _: Option<u64>) {
        let mut began = self.began.lock().unwrap_or_else(|e| e.into_inner());
        began.push((name, Instant::now()));
    }

    fn advance(&self, _: u64) {}
}
