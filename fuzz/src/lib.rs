//! What the fuzz targets share: the invariants every built corpus must hold, and the corpus
//! folder input (decoded from the fuzzer's bytes with `arbitrary`, encoded by `fuzz/seed.sh`).
//!
//! Every check panics with a message naming the broken rule, so libFuzzer reports it as a crash
//! and saves the input.

use arbitrary::{Arbitrary, Unstructured};
use parallax_core::{Corpus, Level, Relation, TopicDef};
use std::collections::{HashMap, HashSet};

/// The bundled topic lexicon, so the targets exercise topic tagging like the real build.
pub fn bundled_topics() -> Vec<TopicDef> {
    parallax_core::corpus_dir::parse_topics("topics.toml", include_str!("../../corpus/topics.toml"))
        .expect("the bundled lexicon is valid")
}

/// Report and story ids are URL-safe by contract (`[A-Za-z0-9_-]`, not empty).
pub fn is_url_safe(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn unit(x: f32) -> bool {
    x.is_finite() && (0.0..=1.0).contains(&x)
}

/// The invariants of any corpus `build_corpus` or `load_dir` returns. Cheap next to building it.
pub fn check_corpus(c: &Corpus) {
    let index: HashMap<&str, usize> = c
        .reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    assert_eq!(
        index.len(),
        c.reports.len(),
        "report ids are unique: {:?}",
        c.reports.iter().map(|r| &r.id).collect::<Vec<_>>()
    );
    let topic_ids: HashSet<&str> = c.topics.iter().map(|t| t.id.as_str()).collect();
    for r in &c.reports {
        assert!(is_url_safe(&r.id), "report id {:?} is URL-safe", r.id);
        assert!(
            !r.title.trim().is_empty(),
            "report {} has a title (file {:?})",
            r.id,
            r.file
        );
        assert!(r.line >= 1, "report {} starts at a line ≥ 1", r.id);
        for (i, p) in r.paragraphs.iter().enumerate() {
            assert!(p.line >= 1, "report {} paragraph {i} has a line ≥ 1", r.id);
            for h in &p.topic_hits {
                assert!(
                    h.start <= h.end
                        && h.end <= p.text.len()
                        && p.text.is_char_boundary(h.start)
                        && p.text.is_char_boundary(h.end),
                    "topic hit {}..{} lies on char boundaries of paragraph {i} of {} ({} bytes)",
                    h.start,
                    h.end,
                    r.id,
                    p.text.len()
                );
                assert!(
                    topic_ids.contains(h.topic.as_str()),
                    "topic hit names a known topic"
                );
            }
        }
        for w in r.topics.windows(2) {
            assert!(
                w[0].weight >= w[1].weight,
                "report {} topics strongest first",
                r.id
            );
        }
        for t in &r.topics {
            assert!(
                unit(t.weight),
                "topic weight {} of {} is in 0..=1",
                t.weight,
                r.id
            );
            assert!(
                topic_ids.contains(t.topic.as_str()),
                "report topic is a known topic"
            );
        }
        for q in &r.quotes {
            assert!(
                q.paragraph < r.paragraphs.len(),
                "quote of {} points at a paragraph",
                r.id
            );
        }
    }
    let mut last = None;
    for p in &c.pairs {
        let (Some(&a), Some(&b)) = (index.get(p.a.as_str()), index.get(p.b.as_str())) else {
            panic!("pair {} / {} names existing reports", p.a, p.b);
        };
        assert!(a < b, "pair {} / {}: a comes before b", p.a, p.b);
        assert!(
            last < Some((a, b)),
            "pairs are ordered by report order, without repeats"
        );
        last = Some((a, b));
        assert_ne!(p.relation, Relation::Unrelated, "listed pairs are related");
        for x in [p.jaccard, p.containment_a_in_b, p.containment_b_in_a] {
            assert!(unit(x), "pair {} / {}: similarity {x} in 0..=1", p.a, p.b);
        }
        assert!(
            p.stock_quotes.iter().all(|&i| i < p.shared_quotes.len()),
            "stock quote indices point into shared_quotes"
        );
    }
    for e in &c.evidence {
        assert!(
            e.a < e.b && (e.b as usize) < c.reports.len(),
            "evidence {} / {} names reports in order",
            e.a,
            e.b
        );
        for x in [e.jaccard, e.containment_a_in_b, e.containment_b_in_a] {
            assert!(unit(x), "evidence similarity {x} in 0..=1");
        }
    }
    let mut story_ids = HashSet::new();
    for s in &c.stories {
        assert!(is_url_safe(&s.id), "story id {:?} is URL-safe", s.id);
        assert!(story_ids.insert(&s.id), "story ids are unique: {}", s.id);
        assert!(!s.reports.is_empty(), "story {} has reports", s.id);
        for id in &s.reports {
            assert!(
                index.contains_key(id.as_str()),
                "story {} names report {id}, which exists",
                s.id
            );
        }
    }
    for q in &c.quotes {
        for o in &q.occurrences {
            let Some(&i) = index.get(o.report.as_str()) else {
                panic!("quote {} occurs in report {}, which exists", q.id, o.report);
            };
            assert!(
                o.paragraph < c.reports[i].paragraphs.len(),
                "quote occurrence points at a paragraph"
            );
        }
        if let Some(first) = &q.first_report {
            assert!(
                index.contains_key(first.as_str()),
                "quote {} first seen in {first}, which exists",
                q.id
            );
        }
    }
    for d in &c.diagnostics {
        if let Some(id) = &d.report {
            assert!(
                index.contains_key(id.as_str()),
                "diagnostic names report {id}, which exists: {d}"
            );
        }
    }
    // The build step embeds the corpus with postcard and the page decodes it: same corpus back.
    let bytes = postcard::to_allocvec(c).expect("the corpus serialises");
    let back: Corpus = postcard::from_bytes(&bytes).expect("the corpus deserialises");
    assert!(back == *c, "postcard round trip gives the same corpus");
}

/// Errors returned by `load_dir`: at least one, all errors, sorted by file then line.
pub fn check_errors(errors: &[parallax_core::Diagnostic]) {
    assert!(!errors.is_empty(), "Err holds at least one error");
    assert!(
        errors.iter().all(|d| d.level == Level::Error),
        "Err holds only errors: {errors:?}"
    );
    assert!(
        errors
            .windows(2)
            .all(|w| (&w[0].file, w[0].line) <= (&w[1].file, w[1].line)),
        "errors are sorted by file and line"
    );
}

/// One file of a fuzzed corpus folder.
#[derive(Debug)]
pub struct FolderFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A corpus folder: a few files (any names: only `*.txt` are reports), and optionally the two
/// sidecars as raw bytes.
///
/// The byte format is hand-written on `arbitrary`'s `Unstructured` rather than derived, so that
/// `fuzz/seed.sh` can encode real folders as seeds: a count byte (mod 5), then per file a name
/// length byte, the name, a u32 little-endian length and the bytes; then for metadata.toml and for
/// topics.toml a presence byte (odd: present), a u32 length and the bytes. Lengths past the end
/// take what is left; missing bytes read as 0.
#[derive(Debug)]
pub struct FolderInput {
    pub files: Vec<FolderFile>,
    pub metadata: Option<Vec<u8>>,
    pub topics: Option<Vec<u8>>,
}

fn take<'a>(u: &mut Unstructured<'a>, n: usize) -> &'a [u8] {
    u.bytes(n.min(u.len())).unwrap_or_default()
}

fn u32_le(u: &mut Unstructured) -> usize {
    let b = take(u, 4);
    b.iter()
        .enumerate()
        .map(|(i, &x)| (x as usize) << (8 * i))
        .sum()
}

/// A name the file system takes and that is not one of the sidecars: no `/` or NUL, not empty,
/// `.` or `..`, at most 200 bytes.
fn file_name(raw: &[u8]) -> String {
    let mut name: String = String::from_utf8_lossy(raw)
        .chars()
        .map(|c| if c == '/' || c == '\0' { '_' } else { c })
        .collect();
    while name.len() > 200 {
        name.pop();
    }
    if name.is_empty() || name == "." || name == ".." {
        name = "_".into();
    }
    if name == "metadata.toml" || name == "topics.toml" {
        name.insert(0, '_');
    }
    name
}

impl<'a> Arbitrary<'a> for FolderInput {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let count = u8::arbitrary(u)? % 5;
        let mut files: Vec<FolderFile> = Vec::new();
        for _ in 0..count {
            let name_len = u8::arbitrary(u)? as usize;
            let name = file_name(take(u, name_len));
            let len = u32_le(u);
            let bytes = take(u, len).to_vec();
            // The same name twice: the second write wins, as on disk.
            files.retain(|f| f.name != name);
            files.push(FolderFile { name, bytes });
        }
        let sidecar = |u: &mut Unstructured<'a>| -> arbitrary::Result<Option<Vec<u8>>> {
            let present = u8::arbitrary(u)? % 2 == 1;
            let len = u32_le(u);
            let bytes = take(u, len).to_vec();
            Ok(present.then_some(bytes))
        };
        let metadata = sidecar(u)?;
        let topics = sidecar(u)?;
        Ok(FolderInput {
            files,
            metadata,
            topics,
        })
    }
}
