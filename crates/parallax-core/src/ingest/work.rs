//! A count of elementary steps (the parser's bytes scanned, tokens read, lookups made; the
//! analysis's positions examined and candidate pairs emitted), so that tests can show the work
//! is linear by counting, not timing: with the `work-count` feature (on for this crate's own
//! tests) every scanning loop adds what it touched to a per-thread counter; without it `add` is
//! empty and compiles away.

#[cfg(feature = "work-count")]
thread_local! {
    static WORK: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Records `n` steps of work.
#[inline(always)]
pub fn add(n: usize) {
    #[cfg(feature = "work-count")]
    WORK.with(|w| w.set(w.get() + n as u64));
    #[cfg(not(feature = "work-count"))]
    let _ = n;
}

/// The steps recorded on this thread since the last call (always 0 without `work-count`).
pub fn take() -> u64 {
    #[cfg(feature = "work-count")]
    return WORK.with(|w| w.replace(0));
    #[cfg(not(feature = "work-count"))]
    0
}
