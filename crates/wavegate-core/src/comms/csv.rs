//! The communication plan as a CSV file for a spreadsheet or a report: one row per message in
//! the order the planner app shows them, headers and words in the reader's language, the reach
//! as its sentence, every cell guarded against running as a formula.

use super::{ordered, text};
use crate::api::PlannedMessage;
use crate::csv_safe::{CsvOptions, SafeCsvWriter};
use crate::i18n::Lang;
use crate::readiness::program::Wave;

/// The header row.
fn header(lang: Lang) -> [&'static str; 11] {
    match lang {
        Lang::Nl => [
            "gepland_op",
            "verstuurd_op",
            "doelgroep",
            "kanaal",
            "eigenaar",
            "doel",
            "onderwerp",
            "toelichting",
            "bereik",
            "gepland_door",
            "vastgelegd_op",
        ],
        Lang::En => [
            "planned_on",
            "sent_on",
            "target_group",
            "channel",
            "owner",
            "purpose",
            "subject",
            "note",
            "reach",
            "planned_by",
            "recorded_at",
        ],
    }
}

/// The plan as CSV, ordered by planned day; line breaks of a note stay inside its cell.
pub fn plan_csv(
    messages: Vec<PlannedMessage>,
    waves: &[Wave],
    lang: Lang,
    options: CsvOptions,
) -> std::io::Result<Vec<u8>> {
    let mut w = SafeCsvWriter::new(Vec::new(), options)?;
    w.row(header(lang))?;
    for m in ordered(messages) {
        let body = m.body();
        let sent = m.sent_on.map(|d| d.to_string()).unwrap_or_default();
        w.row([
            m.planned_on.to_string().as_str(),
            &sent,
            &text::group(&body, waves, lang),
            m.channel.label().get(lang),
            &m.owner,
            m.purpose.label().get(lang),
            &m.subject,
            &m.note,
            &text::reach(&m.reach, m.purpose, lang),
            &m.created_by,
            &m.created_at,
        ])?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Channel, Purpose, Reach};

    fn message(id: u64, planned: &str, subject: &str) -> PlannedMessage {
        PlannedMessage {
            id,
            wave: Some("pilot".into()),
            segment: Default::default(),
            channel: Channel::ManagerBriefing,
            owner: "@Communicatie".into(),
            purpose: Purpose::Enroll,
            planned_on: planned.parse().unwrap(),
            sent_on: None,
            subject: subject.into(),
            note: "Regel 1\nRegel 2".into(),
            created_by: "planner@example.org".into(),
            created_at: "2027-01-04T09:00:00Z".into(),
            reach: Reach::NotSent,
        }
    }

    #[test]
    fn the_plan_reads_by_planned_day_in_the_readers_language_and_no_cell_runs_as_a_formula() {
        let plan = vec![
            message(1, "2027-01-20", "=HYPERLINK(\"http://evil\")"),
            message(2, "2027-01-10", "Eerst"),
        ];
        let csv = plan_csv(plan.clone(), &[], Lang::Nl, CsvOptions::excel_nl()).unwrap();
        let text = String::from_utf8(csv).unwrap();
        assert!(text.starts_with('\u{feff}'), "Dutch Excel gets its BOM");
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert!(lines[0].starts_with("gepland_op;verstuurd_op;doelgroep;kanaal;eigenaar"));
        assert!(
            lines[1].starts_with("2027-01-10;;golf pilot;Briefing voor managers;'@Communicatie;Toestel inschrijven;Eerst;\"Regel 1\nRegel 2\";Nog niet verstuurd"),
            "{}",
            lines[1]
        );
        assert!(text.contains(";\"'=HYPERLINK"), "{text}");
        let en = String::from_utf8(plan_csv(plan, &[], Lang::En, CsvOptions::default()).unwrap())
            .unwrap();
        assert!(en.starts_with("planned_on,sent_on,target_group,channel,owner,purpose"));
        assert!(en.contains("Not sent yet"));
    }
}
