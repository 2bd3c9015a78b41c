//! Inputs for the parse benchmark: the seed corpus repeated, and adversarial shapes that would
//! expose super-linear paths in the parser (one huge line, thousands of quotes or names).
#![allow(dead_code)]

use parallax_core::SourceFile;
use std::path::Path;

/// The bundled seed files (their text only).
pub fn seed_texts() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    names.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// Copies of the seed files, each its own file, until `size` bytes: the common case.
pub fn seed_files(size: usize) -> Vec<SourceFile> {
    let seeds = seed_texts();
    let mut out = Vec::new();
    let mut total = 0;
    while total < size {
        let bytes = seeds[out.len() % seeds.len()].clone();
        total += bytes.len();
        out.push(SourceFile {
            name: format!("{:05}.txt", out.len()),
            bytes,
        });
    }
    out
}

/// The seed texts one after another in a single file of about `size` bytes (many reports on
/// one page: stresses per-file work).
pub fn seeds_one_file(size: usize) -> Vec<u8> {
    let seeds = seed_texts();
    let mut out = Vec::new();
    let mut k = 0;
    while out.len() < size {
        out.extend_from_slice(&seeds[k % seeds.len()]);
        out.extend_from_slice(b"\n\n\n");
        k += 1;
    }
    out
}

fn repeat_to(size: usize, mut piece: impl FnMut(usize) -> String) -> Vec<u8> {
    let mut out = String::from("A title for the benchmark report\nJuly 9, 2024\n\n");
    let mut k = 0;
    while out.len() < size {
        out.push_str(&piece(k));
        k += 1;
    }
    out.into_bytes()
}

const WORDS: [&str; 24] = [
    "the",
    "minister",
    "said",
    "on",
    "Monday",
    "that",
    "Pakistan",
    "and",
    "the",
    "United",
    "States",
    "would",
    "hold",
    "talks",
    "at",
    "a",
    "press",
    "briefing",
    "in",
    "Washington",
    "with",
    "officials",
    "from",
    "Islamabad",
];

/// One line of words with no sentence end anywhere.
pub fn long_line_no_stops(size: usize) -> Vec<u8> {
    repeat_to(size, |k| format!("{} ", WORDS[k % WORDS.len()]))
}

/// One line of short sentences.
pub fn long_line_short_sentences(size: usize) -> Vec<u8> {
    repeat_to(size, |k| {
        format!(
            "He spoke to reporters on {}. Talks went on. ",
            ["Monday", "Tuesday", "Friday"][k % 3]
        )
    })
}

/// Many one-sentence paragraphs.
pub fn tiny_paragraphs(size: usize) -> Vec<u8> {
    repeat_to(size, |k| format!("Talks went on for day {k}.\n\n"))
}

/// A made-up capitalised name from a number, so every name is new.
fn name(k: usize) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mi", "ran", "te", "vo", "shu", "da", "ne", "bri", "zo", "pal", "ri", "gu",
        "fen", "tol",
    ];
    let mut s = String::new();
    let mut n = k + 17;
    while n > 0 {
        s.push_str(SYL[n % 16]);
        n /= 16;
    }
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Thousands of closed quotes with speakers, in one paragraph.
pub fn many_quotes(size: usize) -> Vec<u8> {
    repeat_to(size, |k| {
        format!(
            "\u{201c}We will keep working on this together,\u{201d} said {} {}. ",
            name(k),
            name(k + 7)
        )
    })
}

/// Quote marks that open and never close: curly openers, straight quotes, apostrophes.
pub fn unbalanced_quotes(size: usize) -> Vec<u8> {
    repeat_to(size, |k| match k % 3 {
        0 => "\u{201c}we will not accept this he said ".to_string(),
        1 => "and \"then the talks ".to_string(),
        _ => "Pakistan's 'view of it ".to_string(),
    })
}

/// Thousands of distinct capitalised names, organisations and places (entity scanning and
/// alias normalisation), one sentence per paragraph.
pub fn capitalised_words(size: usize) -> Vec<u8> {
    repeat_to(size, |k| {
        format!(
            "Spokesperson {} {} met {} {} of the {} Bureau in {} on Monday.\n\n",
            name(3 * k),
            name(3 * k + 1),
            name(3 * k + 2),
            name(k + 5),
            name(k + 9),
            name(k + 11)
        )
    })
}

/// Quotes in single marks only, in one paragraph: each quote's attribution is looked for in
/// the rest of the paragraph.
pub fn single_quotes(size: usize) -> Vec<u8> {
    repeat_to(size, |k| {
        format!(
            "'We will keep working on this together,' said {} and ",
            name(k)
        )
    })
}

/// A page of teasers: headlines each with a date line, thousands of them (the report splitter
/// reads a header at every headline).
pub fn teaser_page(size: usize) -> Vec<u8> {
    let body = "The report opens with a sentence long enough to read as the body of it.\n\n";
    repeat_to(size, |k| {
        let teaser = format!(
            "Headline number {} about the talks\nJuly 9, 2024\n",
            name(k)
        );
        if k == 0 {
            body.repeat(3) + &teaser
        } else {
            teaser
        }
    })
}

/// Every adversarial shape by name.
pub fn adversarial(size: usize) -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("seeds_one_file", seeds_one_file(size)),
        ("long_line_no_stops", long_line_no_stops(size)),
        ("long_line_short_sentences", long_line_short_sentences(size)),
        ("tiny_paragraphs", tiny_paragraphs(size)),
        ("many_quotes", many_quotes(size)),
        ("unbalanced_quotes", unbalanced_quotes(size)),
        ("capitalised_words", capitalised_words(size)),
        ("single_quotes", single_quotes(size)),
        ("teaser_page", teaser_page(size)),
    ]
}
