//! The longest run of equal words two texts share, in linear time whatever the texts repeat.
//!
//! A dynamic programme over the positions where words are equal costs the number of equal word
//! pairs: cheap on prose, but two reports repeating one sentence 8,000 times have tens of
//! millions of them. Past a linear budget of equal pairs, a suffix
//! automaton of one text (states: the classes of its substrings by end positions; at most
//! 2|b| states and 3|b| transitions) read with the other finds, at each position of `a`, the
//! longest run ending there that `b` contains, in O((|a| + |b|) log σ) steps and O(|b|) memory.

use crate::ingest::work;
use std::collections::HashMap;

struct State {
    /// Length of the longest substring in this class.
    len: usize,
    /// Suffix link: the class of the longest suffix that ends at more positions.
    link: Option<usize>,
    /// Last word of the first occurrence in `b` of this class's substrings.
    first_end: usize,
    /// Symbols of the transitions out of this state (targets are in `Automaton::next`).
    out: Vec<u32>,
}

/// A suffix automaton over dense word ids.
struct Automaton {
    states: Vec<State>,
    next: HashMap<(u32, u32), u32>,
}

impl Automaton {
    fn new(text: &[u32]) -> Automaton {
        let mut sa = Automaton {
            states: Vec::with_capacity(2 * text.len() + 1),
            next: HashMap::with_capacity(3 * text.len()),
        };
        sa.states.push(State {
            len: 0,
            link: None,
            first_end: 0,
            out: Vec::new(),
        });
        let mut last = 0;
        for (pos, &c) in text.iter().enumerate() {
            last = sa.extend(last, c, pos);
        }
        sa
    }

    fn go(&self, state: usize, c: u32) -> Option<usize> {
        self.next.get(&(state as u32, c)).map(|&s| s as usize)
    }

    fn set(&mut self, from: usize, c: u32, to: usize) {
        if self.next.insert((from as u32, c), to as u32).is_none() {
            self.states[from].out.push(c);
        }
    }

    /// The standard online construction: appends `c` (at `pos`) after the state `last`.
    fn extend(&mut self, last: usize, c: u32, pos: usize) -> usize {
        work::add(1);
        let cur = self.states.len();
        self.states.push(State {
            len: self.states[last].len + 1,
            link: None,
            first_end: pos,
            out: Vec::new(),
        });
        let mut p = Some(last);
        while let Some(q) = p {
            if self.go(q, c).is_some() {
                break;
            }
            work::add(1);
            self.set(q, c, cur);
            p = self.states[q].link;
        }
        let Some(p) = p else {
            self.states[cur].link = Some(0);
            return cur;
        };
        let q = self.go(p, c).expect("checked above");
        if self.states[p].len + 1 == self.states[q].len {
            self.states[cur].link = Some(q);
            return cur;
        }
        let clone = self.states.len();
        let out = self.states[q].out.clone();
        work::add(out.len());
        self.states.push(State {
            len: self.states[p].len + 1,
            link: self.states[q].link,
            first_end: self.states[q].first_end,
            out: Vec::new(),
        });
        for sym in out {
            let to = self.go(q, sym).expect("listed transition");
            self.set(clone, sym, to);
        }
        let mut p = Some(p);
        while let Some(s) = p {
            if self.go(s, c) != Some(q) {
                break;
            }
            work::add(1);
            self.next.insert((s as u32, c), clone as u32);
            p = self.states[s].link;
        }
        self.states[q].link = Some(clone);
        self.states[cur].link = Some(clone);
        cur
    }
}

/// Length and start positions (in `a`, in `b`) of the longest run of equal words; ties keep the
/// earliest run in `a`, then its earliest occurrence in `b`. `(0, 0, 0)` when none is shared.
///
/// Sentences and prose have few equal word pairs: a sparse dynamic programme over them is the
/// cheapest. Past a linear budget of such pairs (a text repeating itself), the suffix automaton
/// gives the same answer in linear time.
pub fn longest_common_run<T: Ord>(a: &[T], b: &[T]) -> (usize, usize, usize) {
    if a.is_empty() || b.is_empty() {
        return (0, 0, 0);
    }
    let mut b_sorted: Vec<(&T, usize)> = b.iter().enumerate().map(|(j, w)| (w, j)).collect();
    b_sorted.sort();
    let mut equal_pairs = 0usize;
    for w in a {
        let from = b_sorted.partition_point(|(x, _)| *x < w);
        let to = b_sorted.partition_point(|(x, _)| *x <= w);
        equal_pairs += to - from;
    }
    work::add(a.len() + b.len());
    if equal_pairs <= 4 * (a.len() + b.len()) {
        work::add(equal_pairs);
        sparse_dp(a, &b_sorted, b.len())
    } else {
        automaton_run(a, b)
    }
}

/// The dynamic programme over the positions where words are equal (found by binary search in
/// `b`'s sorted words): its cost is the number of equal word pairs.
fn sparse_dp<T: Ord>(a: &[T], b_sorted: &[(&T, usize)], b_len: usize) -> (usize, usize, usize) {
    // prev[j + 1] = length of the common run ending at (i - 1, j); cur the same for row i.
    let mut prev = vec![0usize; b_len + 1];
    let mut cur = vec![0usize; b_len + 1];
    let mut touched_prev: Vec<usize> = Vec::new();
    let mut touched_cur: Vec<usize> = Vec::new();
    let (mut best, mut best_a, mut best_b) = (0, 0, 0);
    for (i, w) in a.iter().enumerate() {
        let from = b_sorted.partition_point(|(x, _)| *x < w);
        for &(x, j) in &b_sorted[from..] {
            if x != w {
                break;
            }
            let len = prev[j] + 1;
            cur[j + 1] = len;
            touched_cur.push(j + 1);
            if len > best || (len == best && i + 1 - len == best_a && j + 1 - len < best_b) {
                best = len;
                best_a = i + 1 - len;
                best_b = j + 1 - len;
            }
        }
        for &t in &touched_prev {
            prev[t] = 0;
        }
        touched_prev.clear();
        std::mem::swap(&mut prev, &mut cur);
        std::mem::swap(&mut touched_prev, &mut touched_cur);
    }
    (best, best_a, best_b)
}

/// [`longest_common_run`] through a suffix automaton of `b`: linear whatever the texts repeat.
fn automaton_run<T: Ord>(a: &[T], b: &[T]) -> (usize, usize, usize) {
    // Dense ids for b's words; a word of `a` that `b` lacks ends every run.
    let mut vocab: Vec<&T> = b.iter().collect();
    vocab.sort_unstable();
    vocab.dedup();
    let id = |w: &T| vocab.binary_search(&w).ok().map(|i| i as u32);
    let b_ids: Vec<u32> = b.iter().map(|w| id(w).expect("b's own word")).collect();
    let sa = Automaton::new(&b_ids);
    let (mut state, mut len) = (0usize, 0usize);
    let (mut best, mut best_a, mut best_b) = (0, 0, 0);
    for (i, w) in a.iter().enumerate() {
        work::add(1);
        let Some(c) = id(w) else {
            (state, len) = (0, 0);
            continue;
        };
        loop {
            if let Some(to) = sa.go(state, c) {
                state = to;
                len += 1;
                break;
            }
            match sa.states[state].link {
                Some(link) => {
                    work::add(1);
                    state = link;
                    len = sa.states[link].len;
                }
                None => {
                    len = 0;
                    break;
                }
            }
        }
        // The run a[i + 1 - len ..= i] is in class `state`: its first occurrence in b ends at
        // `first_end`. The first position reaching a length has the earliest start in `a`.
        if len > best {
            best = len;
            best_a = i + 1 - len;
            best_b = sa.states[state].first_end + 1 - len;
        }
    }
    (best, best_a, best_b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The quadratic definition, for comparison.
    fn naive(a: &[u8], b: &[u8]) -> (usize, usize, usize) {
        let mut best = (0, 0, 0);
        for i in 0..a.len() {
            for j in 0..b.len() {
                let mut l = 0;
                while i + l < a.len() && j + l < b.len() && a[i + l] == b[j + l] {
                    l += 1;
                }
                if l > best.0 {
                    best = (l, i, j);
                }
            }
        }
        best
    }

    #[test]
    fn finds_the_earliest_longest_run() {
        assert_eq!(longest_common_run(b"xabcyabcd", b"zzabcdabc"), (4, 5, 2));
        assert_eq!(automaton_run(b"xabcyabcd", b"zzabcdabc"), (4, 5, 2));
        assert_eq!(longest_common_run(b"abab", b"bab"), (3, 1, 0));
        assert_eq!(longest_common_run(b"abc", b"xyz"), (0, 0, 0));
        assert_eq!(longest_common_run::<u8>(b"", b"abc"), (0, 0, 0));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn agrees_with_the_definition(a in proptest::collection::vec(0u8..4, 0..40), b in proptest::collection::vec(0u8..4, 0..40)) {
            let want = naive(&a, &b);
            prop_assert_eq!(longest_common_run(&a, &b), want);
            prop_assert_eq!(automaton_run(&a, &b), want);
            let mut b_sorted: Vec<(&u8, usize)> = b.iter().enumerate().map(|(j, w)| (w, j)).collect();
            b_sorted.sort();
            prop_assert_eq!(sparse_dp(&a, &b_sorted, b.len()), want);
        }
    }
}
