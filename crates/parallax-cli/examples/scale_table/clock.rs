//! Per-stage wall time, CPU time and peak RSS, told by the core's `Progress`.

use parallax_core::progress::Progress;
use serde_json::json;
use std::time::Instant;

/// CPU seconds (user + system, every thread of the process) and peak RSS in bytes so far.
pub(crate) fn usage() -> (f64, u64) {
    // SAFETY: getrusage only writes the struct it is given.
    let ru = unsafe {
        let mut ru: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut ru);
        ru
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    // Linux reports kilobytes, macOS bytes.
    let unit = if cfg!(target_os = "macos") { 1 } else { 1024 };
    (
        secs(ru.ru_utime) + secs(ru.ru_stime),
        ru.ru_maxrss as u64 * unit,
    )
}

/// Times each stage the core reports (a stage ends when the next begins), with CPU and the
/// peak RSS so far at its end.
pub(crate) struct Clock {
    pub(crate) start: Instant,
    pub(crate) start_cpu: f64,
    inner: std::sync::Mutex<ClockState>,
}

struct ClockState {
    last_wall: f64,
    last_cpu: f64,
    current: Option<&'static str>,
    stages: Vec<serde_json::Value>,
}

impl Clock {
    pub(crate) fn new() -> Clock {
        let cpu = usage().0;
        Clock {
            start: Instant::now(),
            start_cpu: cpu,
            inner: std::sync::Mutex::new(ClockState {
                last_wall: 0.0,
                last_cpu: cpu,
                current: None,
                stages: Vec::new(),
            }),
        }
    }

    /// Ends the current stage; `next` begins.
    fn switch(&self, next: Option<&'static str>) {
        let wall = self.start.elapsed().as_secs_f64();
        let (cpu, peak_rss) = usage();
        let mut state = self.inner.lock().expect("the clock is not poisoned");
        if let Some(stage) = state.current {
            let entry = json!({
                "stage": stage,
                "wall_s": wall - state.last_wall,
                "cpu_s": cpu - state.last_cpu,
                "peak_rss_bytes": peak_rss,
            });
            state.stages.push(entry);
        }
        state.last_wall = wall;
        state.last_cpu = cpu;
        state.current = next;
    }

    pub(crate) fn stages(&self) -> Vec<serde_json::Value> {
        self.switch(None);
        std::mem::take(&mut self.inner.lock().expect("the clock is not poisoned").stages)
    }
}

impl Progress for Clock {
    fn stage(&self, name: &'static str, _: Option<u64>) {
        self.switch(Some(name));
    }
    fn advance(&self, _: u64) {}
}
