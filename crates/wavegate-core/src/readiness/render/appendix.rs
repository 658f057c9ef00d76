//! The stakeholder report's last two sections, from what the server keeps beside the data:
//! the communication plan with each message's reach, and the lessons-learned log. Built as the
//! report's blocks, so the Markdown and HTML writers escape them as they escape the rest.

use super::document::{Block, Cell, Inline};
use crate::api::{Lesson, PlannedMessage, grouped};
use crate::comms::{ordered, text as comms_text};
use crate::i18n::{Lang, Text, long_date};
use crate::readiness::program::{Wave, wave_label_in};
use crate::readiness::text::moment;

/// What a server adds to the report beyond its inputs: neither has a file with a hash, so each
/// section says when it was read instead.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Appendix {
    /// When the plan and the log were read (RFC 3339): the evaluation's computed time.
    pub read_at: String,
    /// The planned messages, each with its reach as the communications endpoint measures it.
    pub messages: Vec<PlannedMessage>,
    /// The lessons-learned log.
    pub lessons: Vec<Lesson>,
    /// The program's waves in its order: the lessons are read per wave in this order, and a
    /// wave is named by its label.
    pub waves: Vec<Wave>,
}

fn words(nl: &str, en: &str, lang: Lang) -> String {
    Text::new(nl, en).get(lang).to_string()
}

/// "Zoals vastgelegd op 30 november 2026 10:43 UTC."
fn as_read(at: &str, lang: Lang) -> Block {
    let at = moment(at, lang);
    Block::Para(vec![Inline::Emph(match lang {
        Lang::Nl => format!("Zoals vastgelegd op {at}."),
        Lang::En => format!("As recorded at {at}."),
    })])
}

/// The day a message was planned for, and the day it went out if it did. An unsent message
/// gets no word here: its reach cell already says it has not gone out.
fn days(m: &PlannedMessage, lang: Lang) -> String {
    let planned = long_date(m.planned_on, lang);
    match m.sent_on {
        Some(sent) => format!(
            "{planned} · {} {}",
            words("verstuurd", "sent", lang),
            long_date(sent, lang)
        ),
        None => planned,
    }
}

/// A section: its heading, when it was read, and its table with `columns`, or the sentence
/// `empty` when it has no rows (no empty table).
fn section(
    a: &Appendix,
    (title, columns, empty): (Text, &[(&str, &str)], Text),
    rows: Vec<Vec<Cell>>,
    lang: Lang,
) -> Vec<Block> {
    let mut out = vec![
        Block::Heading(title.get(lang).to_string()),
        as_read(&a.read_at, lang),
    ];
    out.push(if rows.is_empty() {
        Block::Para(vec![Inline::Text(empty.get(lang).to_string())])
    } else {
        let header = columns.iter().map(|(nl, en)| words(nl, en, lang)).collect();
        Block::Table { header, rows }
    });
    out
}

/// "Communicatie en bereik": the plan by planned day. A note is left out: it can run to 4,000
/// characters of draft text meant for the team; the subject says what went out.
fn communication(a: &Appendix, lang: Lang) -> Vec<Block> {
    let rows = ordered(a.messages.clone())
        .iter()
        .map(|m| {
            vec![
                Cell::plain(days(m, lang)),
                Cell::plain(comms_text::group(&m.body(), &a.waves, lang)),
                Cell::plain(m.channel.label().get(lang)),
                Cell::plain(m.owner.clone()),
                Cell::plain(m.purpose.label().get(lang)),
                Cell::plain(m.subject.clone()),
                // A group under the minimum size arrives as `Suppressed`: its sentence says
                // so and gives no figure.
                Cell::plain(comms_text::reach(&m.reach, m.purpose, lang)),
            ]
        })
        .collect();
    let columns = [
        ("Gepland / verstuurd", "Planned / sent"),
        ("Doelgroep", "Target group"),
        ("Kanaal", "Channel"),
        ("Eigenaar", "Owner"),
        ("Doel", "Purpose"),
        ("Onderwerp", "Subject"),
        ("Bereik", "Reach"),
    ];
    let texts = (
        Text::new("Communicatie en bereik", "Communication and reach"),
        &columns[..],
        Text::new(
            "Er is geen communicatieplan vastgelegd.",
            "No communication plan has been recorded.",
        ),
    );
    section(a, texts, rows, lang)
}

/// The day a lesson was recorded, or its stamp as stored when that is not a time.
fn recorded(l: &Lesson, lang: Lang) -> String {
    chrono::DateTime::parse_from_rfc3339(l.created_at.trim())
        .map(|at| long_date(at.naive_utc().date(), lang))
        .unwrap_or_else(|_| l.created_at.clone())
}

/// "Geleerde lessen": the program as a whole first, then per wave in the program's order,
/// newest first within each, as the lessons page and lessons.csv read them. The author's
/// e-mail address is deliberately not printed: a stakeholder report travels outside the team,
/// and the log in the planner app keeps who wrote what.
fn lessons(a: &Appendix, lang: Lang) -> Vec<Block> {
    let whole = words("het programma als geheel", "the program as a whole", lang);
    let ids: Vec<&str> = a.waves.iter().map(|w| w.id.as_str()).collect();
    let rows = grouped(a.lessons.clone(), &ids)
        .into_iter()
        .flat_map(|g| {
            let wave = g
                .wave
                .as_deref()
                .map_or_else(|| whole.clone(), |w| wave_label_in(&a.waves, w));
            g.lessons.into_iter().map(move |l| {
                vec![
                    Cell::plain(wave.clone()),
                    Cell::plain(l.kind.label().get(lang)),
                    Cell::plain(l.text.clone()),
                    Cell::plain(recorded(&l, lang)),
                ]
            })
        })
        .collect();
    let columns = [
        ("Golf", "Wave"),
        ("Soort", "Kind"),
        ("Les", "Lesson"),
        ("Vastgelegd op", "Recorded on"),
    ];
    let texts = (
        Text::new("Geleerde lessen", "Lessons learned"),
        &columns[..],
        Text::new(
            "Er zijn geen geleerde lessen vastgelegd.",
            "No lessons learned have been recorded.",
        ),
    );
    section(a, texts, rows, lang)
}

/// Both sections, in the report's language.
pub(super) fn appendix(a: &Appendix, lang: Lang) -> Vec<Block> {
    let mut out = communication(a, lang);
    out.extend(lessons(a, lang));
    out
}
