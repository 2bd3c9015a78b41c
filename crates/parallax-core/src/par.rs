//! Per-item work in order, on all cores with the `parallel` feature (rayon), else one after the
//! other. Results come back in the items' order either way, so the output does not depend on
//! the feature or the number of threads. With `work-count` (the linearity tests) the work stays
//! on the calling thread, where `ingest::work` counts it.

#[cfg(all(feature = "parallel", not(feature = "work-count")))]
use rayon::prelude::*;

use crate::progress::Progress;

/// `items.iter().map(f).collect()`, in order.
pub fn map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync + Send) -> Vec<U> {
    #[cfg(all(feature = "parallel", not(feature = "work-count")))]
    return items.par_iter().map(f).collect();
    #[cfg(not(all(feature = "parallel", not(feature = "work-count"))))]
    items.iter().map(f).collect()
}

/// `items.iter().filter_map(f).collect()`, in order.
pub fn filter_map<T: Sync, U: Send>(
    items: &[T],
    f: impl Fn(&T) -> Option<U> + Sync + Send,
) -> Vec<U> {
    #[cfg(all(feature = "parallel", not(feature = "work-count")))]
    return items.par_iter().filter_map(f).collect();
    #[cfg(not(all(feature = "parallel", not(feature = "work-count"))))]
    items.iter().filter_map(f).collect()
}

/// `items.iter_mut().for_each(f)`.
pub fn for_each_mut<T: Send>(items: &mut [T], f: impl Fn(&mut T) + Sync + Send) {
    #[cfg(all(feature = "parallel", not(feature = "work-count")))]
    items.par_iter_mut().for_each(f);
    #[cfg(not(all(feature = "parallel", not(feature = "work-count"))))]
    items.iter_mut().for_each(f);
}

/// [`map`], advancing `progress` by one per item done.
pub fn map_counted<T: Sync, U: Send>(
    items: &[T],
    progress: &dyn Progress,
    f: impl Fn(&T) -> U + Sync + Send,
) -> Vec<U> {
    map(items, |item| {
        let out = f(item);
        progress.advance(1);
        out
    })
}

/// [`for_each_mut`], advancing `progress` by one per item done.
pub fn for_each_mut_counted<T: Send>(
    items: &mut [T],
    progress: &dyn Progress,
    f: impl Fn(&mut T) + Sync + Send,
) {
    for_each_mut(items, |item| {
        f(item);
        progress.advance(1);
    })
}
