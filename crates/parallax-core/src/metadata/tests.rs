use super::*;
use crate::model::Level;

#[test]
fn header_lines_agree_with_searching_each_name() {
    let text =
        "# [files.\"ba.txt\"] mentioned first\r\n[files.\"a.txt\"]\nx = 1\n\n[files.\"é.txt\"]\r\n\
                [files.\"ba.txt\"]\nreports.2 = 1\n[files.\"two\nlines\"]\n\"last\"";
    let names = [
        "a.txt",
        "ba.txt",
        "é.txt",
        "missing",
        "two\nlines",
        "last",
        "",
        "reports.2",
    ];
    let headers = HeaderLines::new(text, names.iter().copied());
    for name in names {
        assert_eq!(
            headers.line(name),
            line_containing(text, &format!("{name}\""), 1),
            "{name:?}"
        );
        for from in 0..12 {
            assert_eq!(
                headers.after(name, from),
                line_containing(text, name, from),
                "{name:?} from {from}"
            );
        }
    }
}

#[test]
fn reads_files_and_reports() {
    let text = "[files.\"a.txt\"]\noutlet = \"Daily Example\"\npublished = 2024-07-09\nevent_date = \"2024-07-08\"\nurl = \"https://example.com/a\"\n\n[files.\"a.txt\".reports.1]\ntitle = \"Second\"\n";
    let (m, d) = parse_toml(text, "metadata.toml", &["a.txt"]);
    assert!(d.is_empty(), "{d:?}");
    let a = &m.files["a.txt"];
    assert_eq!(a.outlet.as_deref(), Some("Daily Example"));
    assert_eq!(a.published.unwrap().to_string(), "2024-07-09");
    assert_eq!(a.for_report(1).title.as_deref(), Some("Second"));
    assert_eq!(a.for_report(1).outlet.as_deref(), Some("Daily Example"));
    assert_eq!(a.for_report(1).published, None);
}

#[test]
fn errors_have_lines() {
    let (_, d) = parse_toml(
        "[files.\"a.txt\"]\noutlet = \"x\"\npublished = \"2024-02-30\"\n",
        "m.toml",
        &["a.txt"],
    );
    assert_eq!((d[0].line, d[0].level), (3, Level::Error));
    assert!(d[0].message.contains("not a valid date"));
    let (_, d) = parse_toml(
        "[files.\"a.txt\"]\noutlet = \"x\"\nauthor = \"y\"\n",
        "m.toml",
        &["a.txt"],
    );
    assert_eq!(d[0].line, 3);
    assert!(d[0].message.contains("unknown field `author`"));
    let (_, d) = parse_toml(
        "\n[files.\"gone.txt\"]\noutlet = \"x\"\n",
        "m.toml",
        &["a.txt"],
    );
    assert_eq!((d[0].line, d[0].level), (2, Level::Warning));
    let (_, d) = parse_toml(
        "[files.\"a.txt\"]\ntitle = \"\"\noutlet = \" \u{202e} \"\n",
        "m.toml",
        &["a.txt"],
    );
    let mut problems: Vec<(usize, &str)> = d.iter().map(|d| (d.line, d.message.as_str())).collect();
    problems.sort();
    assert_eq!(
        problems,
        [
            (2, "`title` is empty: give it a value or remove the line"),
            (3, "`outlet` is empty: give it a value or remove the line")
        ]
    );
    let (_, d) = parse_toml("[files.\"a.txt\"\noutlet = \n", "m.toml", &["a.txt"]);
    assert_eq!(d[0].level, Level::Error);
    assert!(d[0].message.starts_with("invalid TOML"));
    assert!(d[0].line >= 1);
}
