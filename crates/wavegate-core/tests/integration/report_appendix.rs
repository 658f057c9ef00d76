//! The readiness report's last sections, the communication plan with its reach and the lessons
//! learned: in the report's language, in the plan's and the log's order, hostile text inert in
//! Markdown and HTML, a small group's reach never shown, one sentence when there is nothing.

use crate::readiness_support::{Scenario, date, program_toml};
use wavegate_core::api::{
    Channel, Lesson, LessonKind, PlannedMessage, Purpose, Reach, ReachFigures,
};
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::program::Wave;
use wavegate_core::readiness::report::Report;
use wavegate_core::readiness::{evaluate, render};

/// Hostile text as a planner could type it: markup, a script link, a table pipe, line breaks.
const HOSTILE: &str = "<script>alert(1)</script> [x](javascript:alert(1)) a | b\n| c | d |\n# Kop";

fn report(lang: Lang) -> Report {
    let toml = program_toml(
        "Uitrol",
        &["platform"],
        Some(2.0),
        &[
            ("pilot", "2027-01-11", "2027-01-29", None),
            ("wave-1", "2027-02-08", "2027-02-26", None),
        ],
    );
    let mut s = Scenario::new(&toml);
    s.people(10, "pilot", &[("platform", "iOS")]);
    s.people(10, "wave-1", &[("platform", "iOS")]);
    evaluate(&s.data(), &s.program, date("2027-02-01"), lang, &[])
}

fn message(id: u64, planned: &str, subject: &str, reach: Reach) -> PlannedMessage {
    PlannedMessage {
        id,
        wave: Some("pilot".into()),
        segment: Default::default(),
        channel: Channel::Email,
        owner: "Team Communicatie".into(),
        purpose: Purpose::Enroll,
        planned_on: date(planned),
        sent_on: matches!(reach, Reach::Measured(_) | Reach::Suppressed).then(|| date(planned)),
        subject: subject.into(),
        note: "Concepttekst voor het team".into(),
        created_by: "planner@example.org".into(),
        created_at: "2027-01-04T09:00:00Z".into(),
        reach,
    }
}

fn lesson(id: u64, wave: Option<&str>, kind: LessonKind, text: &str) -> Lesson {
    Lesson {
        id,
        wave: wave.map(String::from),
        kind,
        text: text.into(),
        author: "secret.author@example.org".into(),
        created_at: format!("2027-01-{:02}T15:02:11Z", 10 + id),
    }
}

fn wave(id: &str, name: Option<&str>) -> Wave {
    Wave {
        id: id.into(),
        name: name.map(String::from),
        start: date("2027-01-11"),
        end: date("2027-01-29"),
        planned_size: None,
    }
}

fn appendix() -> render::Appendix {
    let measured = Reach::Measured(ReachFigures {
        group: 10,
        already: 2,
        undated: 0,
        out_of: 8,
        reached: 6,
        share: Some(0.75),
        interval: Some([0.41, 0.93]),
        level: 0.8,
    });
    render::Appendix {
        read_at: "2027-02-01T08:30:00Z".into(),
        messages: vec![
            message(1, "2027-01-20", "Tweede bericht", Reach::Suppressed),
            message(2, "2027-01-10", "Eerste bericht", measured),
            message(3, "2027-01-25", HOSTILE, Reach::NotSent),
        ],
        lessons: vec![
            lesson(
                1,
                Some("wave-1"),
                LessonKind::WentWell,
                "Over wave-1\r\n\r\nTweede regel",
            ),
            lesson(2, Some("pilot"), LessonKind::ToImprove, "Pilot ouder"),
            lesson(3, None, LessonKind::WentWell, "Over het geheel"),
            lesson(4, Some("pilot"), LessonKind::ToImprove, HOSTILE),
        ],
        // The pilot has a name, wave 1 none: each is read as the program names it.
        waves: vec![wave("pilot", Some("Pilot IT")), wave("wave-1", None)],
    }
}

fn before(text: &str, a: &str, b: &str) -> bool {
    match (text.find(a), text.find(b)) {
        (Some(x), Some(y)) => x < y,
        _ => false,
    }
}

#[test]
fn the_plan_and_the_log_close_the_report_in_its_language_and_order() {
    let nl = render::markdown_with(&report(Lang::Nl), Some(&appendix()));
    let comms = nl
        .find("## Communicatie en bereik")
        .expect("communication section");
    let lessons = nl.find("## Geleerde lessen").expect("lessons section");
    assert!(comms < lessons);
    let last_of_report = render::markdown(&report(Lang::Nl));
    assert!(
        nl.starts_with(last_of_report.trim_end()),
        "the sections come after the whole report, which is unchanged"
    );
    assert_eq!(
        nl.matches("Zoals vastgelegd op 1 februari 2027").count(),
        2,
        "{nl}"
    );
    // The plan by planned day.
    assert!(before(&nl, "Eerste bericht", "Tweede bericht"), "{nl}");
    assert!(nl.contains("| 10 januari 2027 · verstuurd 10 januari 2027 | golf pilot (Pilot IT) | E-mail | Team Communicatie |"), "{nl}");
    assert!(
        nl.contains("6 van de 8 die het nog moesten doen (75%"),
        "{nl}"
    );
    // An unsent message says so once, in its reach, and gives only its planned day.
    let unsent = nl
        .lines()
        .find(|l| l.contains("25 januari 2027"))
        .expect("the unsent message is listed");
    assert!(
        unsent.starts_with("| 25 januari 2027 | golf pilot (Pilot IT) |"),
        "{unsent}"
    );
    assert_eq!(
        unsent.to_lowercase().matches("nog niet verstuurd").count(),
        1,
        "{unsent}"
    );
    // A lesson written in several lines keeps them (blank lines dropped) within its cell.
    assert!(nl.contains("| Over wave-1<br>Tweede regel |"), "{nl}");
    // The log: the program as a whole first, then the waves in the program's order, newest
    // first within a wave; the kind in words and the day, never the author.
    let log = &nl[lessons..];
    assert!(before(log, "Over het geheel", "Pilot ouder"), "{log}");
    assert!(
        before(log, "&lt;script&gt;", "Pilot ouder"),
        "newest first: {log}"
    );
    assert!(before(log, "Pilot ouder", "Over wave-1"), "{log}");
    assert!(
        log.contains("| pilot (Pilot IT) | Kan beter | Pilot ouder |")
            && log.contains("| wave-1 | Ging goed | Over wave-1"),
        "{log}"
    );
    assert!(
        log.contains(
            "| het programma als geheel | Ging goed | Over het geheel | 13 januari 2027 |"
        ),
        "{log}"
    );
    assert!(
        !nl.contains("secret.author"),
        "the author stays in the app: {nl}"
    );
    assert!(
        !nl.contains("Concepttekst"),
        "a note stays in the app: {nl}"
    );

    let en = render::markdown_with(&report(Lang::En), Some(&appendix()));
    assert!(en.contains("## Communication and reach"), "{en}");
    assert!(en.contains("## Lessons learned"), "{en}");
    assert_eq!(
        en.matches("As recorded at 1 February 2027").count(),
        2,
        "{en}"
    );
    assert!(
        en.contains("| the program as a whole | Went well | Over het geheel |"),
        "{en}"
    );
    assert!(en.contains("6 of the 8 who still had to (75%"), "{en}");
    assert!(!en.contains("Communicatie en bereik"), "{en}");
}

#[test]
fn a_small_groups_reach_is_not_shown() {
    for lang in [Lang::Nl, Lang::En] {
        let md = render::markdown_with(&report(lang), Some(&appendix()));
        let row = md
            .lines()
            .find(|l| l.contains("Tweede bericht"))
            .expect("the suppressed message is listed");
        let said = match lang {
            Lang::Nl => "Niet getoond: de doelgroep telt minder dan 5 mensen.",
            Lang::En => "Not shown: the target group has fewer than 5 people.",
        };
        assert!(row.ends_with(&format!("| {said} |")), "{row}");
    }
}

#[test]
fn hostile_plan_and_lesson_text_stays_inert_and_the_tables_intact() {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let md = render::markdown_with(&report(Lang::En), Some(&appendix()));
    let mut cells_per_row = Vec::new();
    let mut cells = 0;
    for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => panic!("link to {dest_url}:\n{md}"),
            // The one tag the writer itself puts in: a line break within a cell.
            Event::InlineHtml(h) if &*h == "<br>" => {}
            Event::Html(h) | Event::InlineHtml(h) => panic!("HTML {h}:\n{md}"),
            Event::Start(Tag::Heading { .. }) => {}
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => {
                cells_per_row.push(cells);
                cells = 0;
            }
            _ => {}
        }
    }
    assert!(
        !md.contains("\n# Kop"),
        "a line break cannot start a heading:\n{md}"
    );
    // Each row of the two new tables has as many cells as its header: a `|` or a line break
    // in a value made no cell of its own.
    let plan_rows = cells_per_row.iter().filter(|&&n| n == 7).count();
    let log_rows = cells_per_row.iter().filter(|&&n| n == 4).count();
    assert!(plan_rows >= 4 && log_rows >= 5, "{cells_per_row:?}\n{md}");
    assert!(md.contains("a \\| b<br>\\| c \\| d \\|<br>\\# Kop"), "{md}");

    let html = render::html_with(
        &report(Lang::En),
        &render::Provenance::default(),
        Some(&appendix()),
    );
    assert!(!html.contains("<script"), "{html}");
    // Escaped, with a break opportunity after the slash as every table cell has.
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/<wbr>script&gt; [x](javascript:alert(1))"));
    assert!(html.contains("a | b<br>| c | d |<br># Kop"), "{html}");
    assert!(
        html.contains("<td>Over wave-1<br>Tweede regel</td>"),
        "{html}"
    );
    assert!(html.contains("<h2>Communication and reach</h2>"), "{html}");
    assert!(html.contains("<h2>Lessons learned</h2>"), "{html}");
    assert!(html.trim_end().ends_with("</html>"));
    assert!(!html.contains("secret.author"), "{html}");
}

#[test]
fn an_empty_plan_and_log_say_so_in_one_sentence() {
    let empty = render::Appendix {
        read_at: "2027-02-01T08:30:00Z".into(),
        ..Default::default()
    };
    let nl = render::markdown_with(&report(Lang::Nl), Some(&empty));
    assert!(
        nl.contains("Er is geen communicatieplan vastgelegd."),
        "{nl}"
    );
    assert!(
        nl.contains("Er zijn geen geleerde lessen vastgelegd."),
        "{nl}"
    );
    let html = render::html_with(
        &report(Lang::En),
        &render::Provenance::default(),
        Some(&empty),
    );
    assert!(
        html.contains("<p>No communication plan has been recorded.</p>"),
        "{html}"
    );
    assert!(
        html.contains("<p>No lessons learned have been recorded.</p>"),
        "{html}"
    );
    let tables = |s: &str| s.matches("<table>").count();
    let plain = render::html(&report(Lang::En), &render::Provenance::default());
    assert_eq!(tables(&html), tables(&plain), "no empty table is added");
}

#[test]
fn without_an_appendix_the_report_is_what_the_cli_prints() {
    let r = report(Lang::En);
    assert_eq!(render::markdown_with(&r, None), render::markdown(&r));
    let p = render::Provenance::default();
    assert_eq!(render::html_with(&r, &p, None), render::html(&r, &p));
    assert!(!render::markdown(&r).contains("Lessons learned"));
}
