//! `url_state::parse` on any string (what a pasted link can hold), and its round trip through
//! `url_state::render`: what parse read renders to a canonical query string that parses back to
//! the same state without notices, and renders the same again. Notices stay short.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::url_state::{parse, render};

fuzz_target!(|bytes: &[u8]| {
    let input = String::from_utf8_lossy(bytes);
    let (state, notices) = parse(&input);
    // A leading "?" is optional.
    if !input.starts_with('?') {
        assert!(
            parse(&format!("?{input}")) == (state.clone(), notices.clone()),
            "parse ignores one leading ?"
        );
    }
    let rendered = render(&state);
    assert!(rendered.is_ascii(), "rendered query is ASCII: {rendered:?}");
    assert!(
        rendered.is_empty() || rendered.starts_with("v=1"),
        "rendered query starts with the version: {rendered:?}"
    );
    let (again, again_notices) = parse(&rendered);
    assert_eq!(again, state, "parse(render(parse(x))) == parse(x)");
    assert!(
        again_notices.is_empty(),
        "a rendered state parses without notices: {again_notices:?}"
    );
    assert_eq!(render(&again), rendered, "rendering is canonical");
    for n in &notices {
        // Long keys and values are shortened to 40 characters plus an ellipsis.
        assert!(
            n.parameter.chars().count() <= 41,
            "notice parameter is shortened: {:?}",
            n.parameter
        );
        assert!(
            n.message.chars().count() <= 200,
            "notice message is short: {:?}",
            n.message
        );
    }
    assert!(
        notices.len() <= input.matches('&').count() + 5,
        "at most one notice per parameter, plus the whole-state ones"
    );
});
