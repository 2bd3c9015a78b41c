use super::*;

#[test]
fn bom_crlf_and_nbsp() {
    let decoded = decode(
        "f",
        "\u{feff}Title\r\n\r\n\u{a0}\r\nBody\u{a0} text\rEnd".as_bytes(),
    )
    .unwrap();
    assert_eq!(decoded.warning, None);
    let ls = lines(&decoded.text);
    assert_eq!(ls.len(), 3);
    assert_eq!(
        ls[0],
        Line {
            no: 1,
            text: "Title".into(),
            blank_before: 0,
            marked: None,
        }
    );
    assert_eq!(
        ls[1],
        Line {
            no: 4,
            text: "Body text".into(),
            blank_before: 2,
            marked: None,
        }
    );
    assert_eq!(ls[2].no, 5);
}

#[test]
fn bad_bytes_are_errors_with_lines() {
    assert!(decode("f", b"").unwrap_err().message.contains("empty"));
    assert!(decode("f", b" \n\n \t")
        .unwrap_err()
        .message
        .contains("only spaces and blank lines"));
    let bin = decode("f", b"ok\nok\nbad\0").unwrap_err();
    assert_eq!(bin.line, 3);
    assert!(bin.message.contains("binary"));
    let bad = decode("f", b"a\nb\n\xff\xfe").unwrap_err();
    assert_eq!((bad.line, bad.level), (3, Level::Error));
    assert!(bad.message.contains("UTF-8"));
    let big = vec![b'a'; MAX_FILE_BYTES + 1];
    assert!(decode("f", &big).unwrap_err().message.contains("limit"));
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xfe, 0xff]
    } else {
        vec![0xff, 0xfe]
    };
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf16_with_a_bom_is_decoded_with_a_warning() {
    for (big_endian, name) in [(false, "little"), (true, "big")] {
        let bytes = utf16("Title \u{1f4f0}\r\nBody\r\n", big_endian);
        let d = decode("f", &bytes).unwrap();
        assert_eq!(d.text, "Title \u{1f4f0}\r\nBody\r\n");
        let w = d.warning.expect("a UTF-16 file is reported");
        assert_eq!((w.level, w.file.as_str(), w.line), (Level::Warning, "f", 0));
        assert!(
            w.message.contains("UTF-16") && w.message.contains(name),
            "{w:?}"
        );
    }
}

#[test]
fn bad_utf16_is_an_error_on_its_line() {
    let mut bytes = utf16("one\ntwo\nthree", false);
    bytes.splice(20..20, 0xdc00u16.to_le_bytes()); // a low surrogate alone, inside line 3
    let e = decode("f", &bytes).unwrap_err();
    assert_eq!((e.line, e.level), (3, Level::Error));
    assert_eq!(
        e.message,
        "UTF-16 with an invalid character: save it as UTF-8"
    );
    let mut odd = utf16("one\ntwo", true);
    odd.push(b'x');
    assert_eq!(decode("f", &odd).unwrap_err().line, 2);
    let nul = decode("f", &utf16("a\nb\0", false)).unwrap_err();
    assert_eq!(nul.line, 2);
    assert!(nul.message.contains("NUL"));
    assert!(decode("f", &utf16(" \n", true))
        .unwrap_err()
        .message
        .contains("only spaces"));
    assert!(decode("f", b"\xff\xfe\0\0a\0\0\0")
        .unwrap_err()
        .message
        .contains("UTF-32"));
}

#[test]
fn folding_makes_quotes_straight() {
    assert_eq!(
        fold("Pakistan’s “Shared  Interest”"),
        "pakistan's \"shared interest\""
    );
    assert!(ends_sentence("he said."));
    assert!(ends_sentence("“pursue it.”"));
    assert!(!ends_sentence("manufacturer c"));
    assert!(is_all_caps("MAY 9 PROTESTS"));
    assert!(!is_all_caps("Gaza war"));
    assert_eq!(word_count("Pakistan’s Tehreek-e-Insaf (PTI) party"), 4);
}

#[test]
fn bidi_controls_are_kept_apart() {
    let ls = lines("\u{200f}WORLD\u{200f}\n\u{202e}\u{202c}\nHe said \u{202e}no\u{202c}.\nPlain");
    assert_eq!(ls.len(), 3, "a line of controls alone is blank");
    assert_eq!(
        (ls[0].text.as_str(), ls[0].marked.as_deref()),
        ("WORLD", Some("\u{200f}WORLD\u{200f}"))
    );
    assert_eq!(ls[1].text, "He said no.");
    assert_eq!(ls[1].marked.as_deref(), Some("He said \u{202e}no\u{202c}."));
    assert_eq!(ls[2].marked, None);
}
