//! Reports built from hostile input files: whatever a roster value, ticket category, failure
//! reason, module or topic name or program name holds, the terminal table cannot be driven by
//! it and the Markdown report renders it as text (no script, no link, no image).

use crate::readiness_support::{Scenario, date, program_toml};
use proptest::prelude::*;
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::data::Compliance;
use wavegate_core::readiness::{evaluate, render};

fn program() -> String {
    program_toml(
        "x",
        &["platform", "department"],
        Some(2.0),
        &[
            ("pilot", "2027-01-11", "2027-01-29", None),
            ("wave-1", "2027-02-08", "2027-02-26", None),
        ],
    )
}

/// Pieces of hostile text: markup, links, escape sequences, bidi overrides, line breaks.
const FRAGMENTS: &[&str] = &[
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![i](https://evil.example/p.png)",
    "<img src=x onerror=alert(1)>",
    "\u{1b}[2J",
    "\u{1b}]0;owned\u{7}",
    "\u{9b}31m",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "\u{7f}",
    "\r\n# Heading",
    "\n- GO",
    "| a | b |",
    "**bold** _it_ `code`",
    "&lt;script&gt;",
    "\\",
    "Finance",
];

fn hostile() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(FRAGMENTS), 1..4),
        "\\PC{0,6}",
    )
        .prop_map(|(parts, tail)| format!("{}{tail}", parts.concat()))
}

/// A pilot with problems in the hostile segment (failures, open tickets, weak training) and a
/// next wave with the same segments, so gates, actions and notes all name them.
fn report_texts(values: &[String; 6], lang: Lang) -> (String, String, String) {
    let [platform, department, reason, category, module, topic] = values;
    let mut s = Scenario::new(&program());
    s.program.name = format!("Rollout {platform}");
    let attrs = [
        ("platform", platform.as_str()),
        ("department", department.as_str()),
    ];
    let pilot = s.people(30, "pilot", &attrs);
    let others = s.people(
        30,
        "pilot",
        &[("platform", "Windows"), ("department", "HR")],
    );
    s.people(40, "wave-1", &attrs);
    s.people(
        40,
        "wave-1",
        &[("platform", "Windows"), ("department", "HR")],
    );
    for (i, p) in pilot.iter().enumerate() {
        s.failure(p, "2027-01-12 09:00", reason);
        s.device(p, "2027-01-13 10:00", Compliance::Noncompliant);
        s.ticket(p, "2027-01-14 09:00", category, 1 + (i % 2) as u8, false);
        s.training(p, module, 2, false, &[(topic.as_str(), 0.2)]);
        s.adkar(p, "2027-01-20 12:00", [4, 1, 2, 2, 3]);
    }
    for p in &others {
        s.device(p, "2027-01-12 10:00", Compliance::Compliant);
        s.delighted(p, "2027-01-20 12:00");
    }
    let report = evaluate(&s.data(), &s.program, date("2027-02-01"), lang, &[]);
    (
        render::table(&report),
        render::markdown(&report),
        render::html(&report, &render::Provenance::default()),
    )
}

fn is_forbidden_control(c: char) -> bool {
    c != '\n' && wavegate_core::escape::is_unsafe(c)
}

/// The first link, image, HTML (other than the writer's own `<br>`) or code span a CommonMark
/// (with GFM tables) reader finds.
fn markdown_markup(markdown: &str) -> Option<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    .find_map(|event| match event {
        Event::Start(Tag::Link { dest_url, .. }) => Some(format!("link to {dest_url}")),
        Event::Start(Tag::Image { dest_url, .. }) => Some(format!("image {dest_url}")),
        // The one tag the writer itself puts in: a line break within a table cell.
        Event::InlineHtml(h) if &*h == "<br>" => None,
        Event::Html(h) | Event::InlineHtml(h) => Some(format!("HTML {h}")),
        Event::Code(c) => Some(format!("code {c}")),
        Event::Start(Tag::Strikethrough) => Some("strikethrough".into()),
        _ => None,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn hostile_values_stay_text_in_every_rendering(
        values in prop::array::uniform6(hostile()),
        dutch in any::<bool>(),
    ) {
        let lang = if dutch { Lang::Nl } else { Lang::En };
        let (table, markdown, html) = report_texts(&values, lang);
        for (name, out) in [("table", &table), ("markdown", &markdown), ("html", &html)] {
            let bad = out.chars().find(|&c| is_forbidden_control(c));
            prop_assert!(bad.is_none(), "{name} holds {bad:?}:\n{out}");
            prop_assert!(!out.contains("\n# Heading") && !out.contains("\n- GO"), "{name}:\n{out}");
        }
        for raw in ["<script", "<img", "[x](", "**bold**"] {
            prop_assert!(!markdown.contains(raw), "{raw} in:\n{markdown}");
        }
        // Read as a Markdown viewer reads it: the report makes no link, image, HTML or code.
        let made = markdown_markup(&markdown);
        prop_assert!(made.is_none(), "{made:?} in:\n{markdown}");
        // The page's own markup is fixed: no tag from a value, no attribute break-out.
        for raw in ["<script", "<img", "\"><"] {
            prop_assert!(!html.contains(raw), "{raw} in:\n{html}");
        }
    }
}

#[test]
fn a_hostile_segment_is_shown_escaped_not_dropped() {
    let values = [
        "iOS\u{1b}[2J".to_string(),
        "<script>x</script>".to_string(),
        "r".to_string(),
        "c".to_string(),
        "m".to_string(),
        "t".to_string(),
    ];
    let (table, markdown, html) = report_texts(&values, Lang::En);
    assert!(table.contains("platform iOS\\u{1b}[2J"), "{table}");
    assert!(
        markdown.contains("department &lt;script&gt;x&lt;/script&gt;"),
        "{markdown}"
    );
    assert!(
        html.contains("department &lt;script&gt;x&lt;/script&gt;"),
        "{html}"
    );
}
