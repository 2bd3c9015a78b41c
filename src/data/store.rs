//! Shards fetched on demand, each once, kept for the life of the page.
//!
//! A view asks [`ShardStore::get`] (tracked): a shard not yet asked for is requested then, and
//! the view re-renders when it arrives or fails. Requests write no signal until the fetch ends,
//! so asking from inside a memo or a view is safe. A failed shard stays failed until
//! [`ShardStore::retry`]. Shards are leaked once decoded: the page keeps every shard it loaded
//! (at most the whole corpus), and views borrow them as `&'static` without copying.

use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use wasm_bindgen_futures::spawn_local;

/// Where a shard (or something read from one) stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded<T> {
    Loading,
    Failed(String),
    Ready(T),
}

impl<T> Loaded<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Loaded<U> {
        match self {
            Loaded::Loading => Loaded::Loading,
            Loaded::Failed(e) => Loaded::Failed(e),
            Loaded::Ready(t) => Loaded::Ready(f(t)),
        }
    }

    pub fn ready(self) -> Option<T> {
        match self {
            Loaded::Ready(t) => Some(t),
            _ => None,
        }
    }
}

type Decode<T> = dyn Fn(Vec<u8>) -> Result<T, String> + Send + Sync;

/// The shards of one kind: their files, and those loaded or failed so far.
pub struct ShardStore<T: 'static> {
    files: &'static [String],
    source: super::fetch::Source,
    arrived: ArcRwSignal<HashMap<u32, Result<&'static T, String>>>,
    /// Asked for (in flight or arrived); not reactive.
    requested: Arc<Mutex<HashSet<u32>>>,
    decode: Arc<Decode<T>>,
}

impl<T: Send + Sync + 'static> ShardStore<T> {
    pub fn new(
        files: &'static [String],
        source: super::fetch::Source,
        decode: impl Fn(Vec<u8>) -> Result<T, String> + Send + Sync + 'static,
    ) -> ShardStore<T> {
        ShardStore {
            files,
            source,
            arrived: ArcRwSignal::new(HashMap::new()),
            requested: Arc::new(Mutex::new(HashSet::new())),
            decode: Arc::new(decode),
        }
    }

    /// Shard `shard` (tracked), requested when it was not yet.
    pub fn get(&self, shard: u32) -> Loaded<&'static T> {
        let arrived = self.arrived.with(|a| a.get(&shard).cloned());
        match arrived {
            Some(Ok(t)) => Loaded::Ready(t),
            Some(Err(e)) => Loaded::Failed(e),
            None => {
                self.request(shard);
                Loaded::Loading
            }
        }
    }

    /// Shard `shard` if it has arrived (tracked: a view reads it again when it arrives), without
    /// requesting it.
    pub fn arrived(&self, shard: u32) -> Option<&'static T> {
        self.arrived
            .with(|a| a.get(&shard).and_then(|r| r.as_ref().ok().copied()))
    }

    /// Shard `shard` if it has arrived, untracked and without requesting it.
    pub fn peek(&self, shard: u32) -> Option<&'static T> {
        self.arrived
            .with_untracked(|a| a.get(&shard).and_then(|r| r.as_ref().ok().copied()))
    }

    /// Starts fetching `shard` unless it was asked for already (a prefetch).
    pub fn request(&self, shard: u32) {
        let Some(file) = self.files.get(shard as usize) else {
            return;
        };
        if !self
            .requested
            .lock()
            .map(|mut r| r.insert(shard))
            .unwrap_or(false)
        {
            return;
        }
        let (arrived, decode) = (self.arrived.clone(), self.decode.clone());
        let source = self.source.clone();
        spawn_local(async move {
            let loaded = source
                .bytes(file)
                .await
                .and_then(|bytes| decode(bytes))
                .map(|t| &*Box::leak(Box::new(t)));
            arrived.update(|a| {
                a.insert(shard, loaded);
            });
        });
    }

    /// Waits until `shard` has arrived (or failed), requesting it.
    pub async fn load(&self, shard: u32) -> Loaded<&'static T> {
        self.request(shard);
        loop {
            match self.arrived.with_untracked(|a| a.get(&shard).cloned()) {
                Some(Ok(t)) => return Loaded::Ready(t),
                Some(Err(e)) => return Loaded::Failed(e),
                None if self.files.get(shard as usize).is_none() => {
                    return Loaded::Failed(format!("no shard {shard}"))
                }
                None => a_moment().await,
            }
        }
    }

    /// Forgets that `shard` failed and fetches it again.
    pub fn retry(&self, shard: u32) {
        let failed = self
            .arrived
            .with_untracked(|a| matches!(a.get(&shard), Some(Err(_))));
        if failed {
            if let Ok(mut r) = self.requested.lock() {
                r.remove(&shard);
            }
            self.arrived.update(|a| {
                a.remove(&shard);
            });
            self.request(shard);
        }
    }

    /// Retries every shard that failed.
    pub fn retry_failed(&self) {
        let failed: Vec<u32> = self.arrived.with_untracked(|a| {
            a.iter()
                .filter(|(_, r)| r.is_err())
                .map(|(&s, _)| s)
                .collect()
        });
        for shard in failed {
            self.retry(shard);
        }
    }
}

/// Ten milliseconds, between two looks of [`ShardStore::load`] at a shard in flight.
async fn a_moment() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
