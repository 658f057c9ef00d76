//! The lessons-learned log as a CSV file for a spreadsheet or a report: one row per lesson in
//! the order the planner app shows them, headers and kinds in the reader's language, every
//! cell guarded against running as a formula.

use crate::api::{Lesson, grouped};
use crate::csv_safe::{CsvOptions, SafeCsvWriter};
use crate::i18n::{Lang, Text};
use crate::readiness::program::{Wave, wave_label_in};

/// The header row.
fn header(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Nl => ["golf", "soort", "les", "auteur", "vastgelegd_op"],
        Lang::En => ["wave", "kind", "lesson", "author", "recorded_at"],
    }
}

/// What the wave column says of a lesson about the program as a whole.
fn whole_program() -> Text {
    Text::new("(het programma als geheel)", "(the program as a whole)")
}

/// The lessons as CSV: the program as a whole first, then the program's `waves` in order, each
/// heading's lessons newest first, a wave named as people know it (`wave-2 (Regio Noord)`, as
/// the lessons page and the report's appendix name it); line breaks stay inside their cell.
pub fn lessons_csv(
    lessons: Vec<Lesson>,
    waves: &[Wave],
    lang: Lang,
    options: CsvOptions,
) -> std::io::Result<Vec<u8>> {
    let mut w = SafeCsvWriter::new(Vec::new(), options)?;
    w.row(header(lang))?;
    let ids: Vec<&str> = waves.iter().map(|w| w.id.as_str()).collect();
    for group in grouped(lessons, &ids) {
        let wave = match &group.wave {
            Some(id) => wave_label_in(waves, id),
            None => whole_program().get(lang).to_string(),
        };
        for l in group.lessons {
            w.row([
                wave.as_str(),
                l.kind.label().get(lang),
                &l.text,
                &l.author,
                &l.created_at,
            ])?;
        }
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::LessonKind;

    fn lesson(id: u64, wave: Option<&str>, text: &str) -> Lesson {
        Lesson {
            id,
            wave: wave.map(String::from),
            kind: LessonKind::ToImprove,
            text: text.into(),
            author: "planner@example.org".into(),
            created_at: "2027-01-29T15:02:11Z".into(),
        }
    }

    #[test]
    fn the_log_reads_per_wave_in_the_readers_language_and_no_cell_runs_as_a_formula() {
        let lessons = vec![
            lesson(1, Some("pilot"), "=HYPERLINK(\"http://evil\")"),
            lesson(2, None, "Eerst briefen.\nDan uitnodigen."),
        ];
        let waves = [Wave {
            id: "pilot".into(),
            name: Some("Pilot IT".into()),
            start: chrono::NaiveDate::from_ymd_opt(2027, 1, 11).unwrap(),
            end: chrono::NaiveDate::from_ymd_opt(2027, 1, 22).unwrap(),
            planned_size: None,
        }];
        let csv = lessons_csv(lessons.clone(), &waves, Lang::Nl, CsvOptions::excel_nl()).unwrap();
        let text = String::from_utf8(csv).unwrap();
        assert!(text.starts_with('\u{feff}'), "Dutch Excel gets its BOM");
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "golf;soort;les;auteur;vastgelegd_op");
        assert_eq!(
            lines[1],
            "(het programma als geheel);Kan beter;\"Eerst briefen.\nDan uitnodigen.\";planner@example.org;2027-01-29T15:02:11Z"
        );
        assert!(
            lines[2].starts_with("pilot (Pilot IT);Kan beter;\"'=HYPERLINK"),
            "{}",
            lines[2]
        );
        let en = lessons_csv(lessons, &waves, Lang::En, CsvOptions::default()).unwrap();
        let en = String::from_utf8(en).unwrap();
        assert!(en.starts_with(
            "wave,kind,lesson,author,recorded_at\r\n(the program as a whole),To improve,"
        ));
    }
}
