//! `parallax build DIR --site OUT --cache CACHE` as `make data` runs it: a rebuild through the
//! cache after a file changed, came or went writes the folder a build without the cache writes,
//! file for file and byte for byte; a damaged search memo in the cache, one of another version,
//! or shards of the site folder it names that are gone or changed, are not used, and the build
//! is no different.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// A report on `topic`, its own words in title and text.
fn report(topic: &str, n: usize) -> String {
    format!(
        "Talks on {topic} resume in Islamabad\n\nApril {day}, 2024\n\nISLAMABAD: Talks on {topic} \
         between Pakistan and its neighbours will resume next week, officials said on Monday, the \
         {n}th round.\n\n\"We welcome this step on {topic},\" Matthew Miller said at a press \
         briefing.\n",
        day = 1 + n % 27,
    )
}

const TOPICS: &[&str] = &[
    "water",
    "trade",
    "energy",
    "visas",
    "fisheries",
    "rail links",
    "café prices",
    "U.S. aid",
];

/// Runs `parallax build` on `corpus` into `site`, through `cache` if given: its stderr.
fn build(corpus: &Path, site: &Path, cache: Option<&Path>) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parallax"));
    command.arg("build").arg(corpus).arg("--site").arg(site);
    if let Some(cache) = cache {
        command.arg("--cache").arg(cache);
    }
    let run = command.output().expect("the binary runs");
    let err = String::from_utf8_lossy(&run.stderr).into_owned();
    assert_eq!(run.status.code(), Some(0), "{err}");
    err
}

/// Every file of a folder, by name.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Rebuilds through the cache, builds anew without it, checks both folders hold the same
/// files, and returns the rebuild's summary line.
fn rebuilt_as_built_anew(corpus: &Path, work: &Path) -> String {
    let err = build(corpus, &work.join("site"), Some(&work.join("cache")));
    let anew = work.join("anew");
    let _ = std::fs::remove_dir_all(&anew);
    build(corpus, &anew, None);
    let (rebuilt, built) = (files(&work.join("site")), files(&anew));
    assert_eq!(
        rebuilt.keys().collect::<Vec<_>>(),
        built.keys().collect::<Vec<_>>()
    );
    assert!(rebuilt == built, "the same names, other bytes");
    err.lines().last().unwrap_or_default().to_string()
}

#[test]
fn a_rebuild_after_a_change_an_addition_and_a_removal_equals_a_build_anew() {
    let corpus = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(corpus.path().join(name), text).unwrap();
    for (i, topic) in TOPICS.iter().enumerate() {
        write(&format!("{i:02}.txt"), &report(topic, i));
    }
    let first = rebuilt_as_built_anew(corpus.path(), work.path());
    assert!(first.contains(", indexed 8 for search"), "{first}");
    // A word changed in one file.
    write(
        "03.txt",
        &report("visas", 3).replace("next week", "next month"),
    );
    let changed = rebuilt_as_built_anew(corpus.path(), work.path());
    assert!(changed.contains(", indexed 1 for search"), "{changed}");
    // A file comes, between others.
    write("03a.txt", &report("grain", 30));
    let added = rebuilt_as_built_anew(corpus.path(), work.path());
    assert!(added.contains(", indexed 1 for search"), "{added}");
    // A file goes.
    std::fs::remove_file(corpus.path().join("01.txt")).unwrap();
    let removed = rebuilt_as_built_anew(corpus.path(), work.path());
    assert!(removed.contains(", indexed 0 for search"), "{removed}");
}

#[test]
fn a_damaged_or_foreign_search_memo_or_changed_shards_are_not_used() {
    let corpus = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    for (i, topic) in TOPICS.iter().enumerate() {
        let name = corpus.path().join(format!("{i:02}.txt"));
        std::fs::write(name, report(topic, i)).unwrap();
    }
    rebuilt_as_built_anew(corpus.path(), work.path());
    let kept = work.path().join("cache/search.postcard");
    let good = std::fs::read(&kept).unwrap();
    // Another version's cache names another schema at its start.
    let at = good
        .windows(14)
        .position(|w| w == b"parallax cache")
        .unwrap();
    let mut foreign = good.clone();
    foreign[at + 9] = b'C';
    let damaged: Vec<(&str, Vec<u8>)> = vec![
        ("cut short", good[..good.len() / 2].to_vec()),
        ("garbage", vec![0xff; 4096]),
        ("empty", Vec::new()),
        ("of another version", foreign),
    ];
    for (what, bytes) in damaged {
        std::fs::write(&kept, &bytes).unwrap();
        let summary = rebuilt_as_built_anew(corpus.path(), work.path());
        assert!(
            summary.contains(", indexed 8 for search"),
            "{what}: {summary}"
        );
    }
    // Rewritten whole by the last build, it is used again.
    let summary = rebuilt_as_built_anew(corpus.path(), work.path());
    assert!(summary.contains(", indexed 0 for search"), "{summary}");
    // The index is read back from the site's shards: one holding other bytes than its name
    // says, or a site folder gone, and the index is made anew.
    let site = work.path().join("site");
    let shard = std::fs::read_dir(&site)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("words-")
        })
        .unwrap();
    std::fs::write(&shard, b"other bytes").unwrap();
    let summary = rebuilt_as_built_anew(corpus.path(), work.path());
    assert!(summary.contains(", indexed 8 for search"), "{summary}");
    std::fs::remove_dir_all(&site).unwrap();
    let summary = rebuilt_as_built_anew(corpus.path(), work.path());
    assert!(summary.contains(", indexed 8 for search"), "{summary}");
}
