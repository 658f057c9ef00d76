//! The program (`program.toml`): waves, split attributes, capacity and threshold overrides.

mod check;
pub mod threshold_problems;

use super::metric::{MetricId, MetricSpec};
use crate::tabular::InputError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A rollout program.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Program {
    /// The program's name, shown on reports.
    pub name: String,
    /// Roster columns along which a wave may be split (header keys, e.g. `platform`), in the
    /// order segments nest: wave → platform → platform × region.
    pub split_attributes: Vec<String>,
    /// How deep segments nest: 1 is one attribute at a time, 2 adds pairs (default), 3 triples.
    pub segment_depth: u8,
    /// Rollout tickets the helpdesk can handle per day; `None` leaves the capacity gate off.
    pub helpdesk_capacity_per_day: Option<f64>,
    /// Decision confidence γ (default 0.80).
    pub confidence: f64,
    /// Ticket categories that count as rollout tickets, as the planner wrote them (matched
    /// ignoring case, see [`same_category`]); empty means all.
    pub rollout_ticket_categories: Vec<String>,
    /// The waves, in order.
    pub waves: Vec<Wave>,
    /// Per-metric overrides of the defaults.
    pub thresholds: BTreeMap<MetricId, ThresholdOverride>,
}

/// One wave of the rollout.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wave {
    /// The id the roster's `wave` column uses.
    pub id: String,
    /// The name people know the wave by (`Regio Noord`), when it has one; see [`Wave::label`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// First day of the wave's enrollment window.
    pub start: NaiveDate,
    /// Last day of the wave's enrollment window.
    pub end: NaiveDate,
    /// Planned number of people; the roster count when absent.
    pub planned_size: Option<u32>,
}

impl Wave {
    /// The wave as people read it: see [`wave_label`].
    pub fn label(&self) -> String {
        wave_label(&self.id, self.name.as_deref())
    }
}

/// The label of the wave `id` among `waves` (see [`wave_label`]); the id alone for a wave the
/// program no longer has.
pub fn wave_label_in(waves: &[Wave], id: &str) -> String {
    waves
        .iter()
        .find(|w| w.id == id)
        .map_or_else(|| id.to_string(), Wave::label)
}

/// The one way a wave is named for people: its id, then its name in brackets when it has one
/// (`wave-2 (Regio Noord)`). The id comes first, so what is said of the id elsewhere (the
/// roster's `wave` column, the report's sentences) still matches.
pub fn wave_label(id: &str, name: Option<&str>) -> String {
    match name {
        Some(name) => format!("{id} ({name})"),
        None => id.to_string(),
    }
}

/// Overrides of one metric's defaults; absent fields keep the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThresholdOverride {
    /// Fail threshold.
    pub fail: Option<f64>,
    /// Pass threshold.
    pub pass: Option<f64>,
    /// Minimum evidence.
    pub min_n: Option<f64>,
    /// Weight within the dimension (0 reports the metric without using it in decisions).
    pub weight: Option<f64>,
}

/// The name `program.toml` has in error messages.
pub const PROGRAM_FILE: &str = "program.toml";

/// Split attributes when `program.toml` names none.
pub const DEFAULT_SPLIT_ATTRIBUTES: [&str; 3] = ["platform", "region", "department"];
/// Segments nest this deep unless program.toml says otherwise (wave × platform × region).
pub const DEFAULT_SEGMENT_DEPTH: u8 = 2;
/// The deepest nesting allowed: the number of segments grows with the product of the values.
pub const MAX_SEGMENT_DEPTH: u8 = 3;

/// The longest program name, in characters: it heads every report and page.
pub const MAX_NAME_CHARS: usize = 200;

/// The most waves, split attributes or rollout ticket categories a program may list. Real
/// programs have a handful of each; the engine does work per wave and per category for every
/// person and ticket, so a program.toml of a million waves must not reach it.
pub const MAX_LIST: usize = 1_000;

/// Whether a ticket's category is the rollout category a program names: ignoring case and the
/// spaces around either, so `program.toml` keeps the planner's own spelling (`Company Portal`)
/// while a helpdesk export's `company portal` still counts.
pub fn same_category(program: &str, ticket: &str) -> bool {
    let (a, b) = (program.trim(), ticket.trim());
    a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase()
}

/// The most problems [`Program::check`] lists: enough for any form, and a hostile file of a
/// million bad thresholds does not make a million messages.
pub const MAX_PROBLEMS: usize = 50;

impl Program {
    /// Parses and checks `program.toml`; the error is the first problem [`Program::check`]
    /// finds.
    pub fn parse(text: &str) -> Result<Program, InputError> {
        Program::check(text).map_err(|mut problems| problems.swap_remove(0))
    }

    /// Parses and checks `program.toml`, finding every problem of its values at once (a form
    /// shows them all, not one per attempt). A file that is not TOML of this shape, or lists
    /// too much, stops at that one problem. Never `Err` of an empty list.
    pub fn check(text: &str) -> Result<Program, Vec<InputError>> {
        check::check(text)
    }

    /// The settings of a metric: docs/scoring.md defaults with this program's overrides.
    pub fn spec(&self, metric: MetricId) -> MetricSpec {
        let base = metric.default_spec();
        self.thresholds
            .get(&metric)
            .map_or(base, |o| apply(base, o))
    }

    /// The index of a wave by id.
    pub fn wave_index(&self, id: &str) -> Option<usize> {
        self.waves.iter().position(|w| w.id == id)
    }

    /// The next wave at `at`: the first whose start is after `at`.
    pub fn next_wave(&self, at: NaiveDate) -> Option<usize> {
        self.waves.iter().position(|w| w.start > at)
    }
}

/// A metric's settings with a program's overrides.
pub(super) fn apply(base: MetricSpec, o: &ThresholdOverride) -> MetricSpec {
    MetricSpec {
        fail: o.fail.unwrap_or(base.fail),
        pass: o.pass.unwrap_or(base.pass),
        min_n: o.min_n.unwrap_or(base.min_n),
        weight: o.weight.unwrap_or(base.weight),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    const EXAMPLE: &str = r#"
name = "Intune rollout 2027"
split_attributes = ["platform", "region", "department"]
helpdesk_capacity_per_day = 5

[[wave]]
id = "pilot"
start = "2027-01-11"
end = "2027-01-29"
planned_size = 60

[[wave]]
id = "wave-1"
start = 2027-02-08
end = "2027-02-26"
planned_size = 400

[thresholds.enrollment_completion]
fail = 0.80
pass = 0.95
"#;

    #[test]
    fn reads_the_data_md_example() {
        let p = Program::parse(EXAMPLE).unwrap();
        assert_eq!(p.waves.len(), 2);
        assert_eq!(
            p.waves[1].start,
            NaiveDate::from_ymd_opt(2027, 2, 8).unwrap()
        );
        assert_eq!(p.spec(MetricId::EnrollmentCompletion).fail, 0.80);
        assert_eq!(p.spec(MetricId::DeviceCompliance).fail, 0.85);
        let jan = NaiveDate::from_ymd_opt(2027, 2, 1).unwrap();
        assert_eq!(p.next_wave(jan), Some(1));
        assert_eq!(p.confidence, 0.80);
    }

    #[test]
    fn a_file_the_parser_refuses_is_explained_in_dutch_too() {
        for (broken, english, dutch) in [
            (
                "planned_size = 60",
                "planned_size = \"zestig\"",
                "verkeerd soort waarde: tekst \"zestig\"",
            ),
            ("[[wave]]", "[[wave]", "ongeldige tabelkop"),
            (
                "planned_size = 60",
                "planned_size = 60\nplanned_size = 61",
                "dubbele sleutel `planned_size`",
            ),
        ] {
            let text = EXAMPLE.replacen(broken, english, 1);
            let err = Program::parse(&text).unwrap_err();
            let nl = err.render(Lang::Nl);
            assert!(nl.contains(dutch), "{nl}");
            for word in ["invalid", "expected", "duplicate", "string"] {
                assert!(!nl.contains(word), "English `{word}` in: {nl}");
            }
            assert!(
                err.render(Lang::En).contains("expected")
                    || err.render(Lang::En).contains("duplicate")
            );
        }
    }

    #[test]
    fn an_unknown_metric_is_named_with_its_line() {
        let text = EXAMPLE.replace("enrollment_completion", "enrolment_completion");
        let err = Program::parse(&text).unwrap_err();
        assert_eq!(err.line, 18, "{err}");
        assert!(err.to_string().contains("`enrolment_completion`"), "{err}");
        assert!(err.to_string().contains("ticket_rate"), "{err}");
        assert!(
            err.render(Lang::Nl).contains("verwacht een meetwaarde-id"),
            "{err}"
        );
    }

    #[test]
    fn thresholds_in_the_wrong_order_are_rejected() {
        let text = EXAMPLE.replace("fail = 0.80", "fail = 0.99");
        let err = Program::parse(&text).unwrap_err();
        assert_eq!(
            err.render(Lang::Nl),
            "program.toml, regel 18, kolom 1: drempels van inschrijving binnen de golfperiode (`enrollment_completion`): \"onvoldoende onder\" (fail = 0,99) mag niet boven \"voldoende vanaf\" (pass = 0,95) liggen: hoger is beter"
        );
        assert!(
            err.to_string().contains(
                "\"fail below\" (fail = 0.99) must not be above \"pass from\" (pass = 0.95)"
            ),
            "{err}"
        );
        let text = EXAMPLE.replace("fail = 0.80", "fail = 80");
        let err = Program::parse(&text).unwrap_err();
        assert!(
            err.render(Lang::Nl).contains("dit is een aandeel"),
            "{}",
            err.render(Lang::Nl)
        );
    }

    #[test]
    fn each_kind_of_threshold_fault_is_said_in_the_files_words() {
        let said = |extra: &str| {
            let text = format!("{EXAMPLE}{extra}");
            Program::parse(&text).unwrap_err().to_string()
        };
        let nan = said("\n[thresholds.device_compliance]\nfail = nan\n");
        assert!(nan.contains("every threshold must be a number"), "{nan}");
        let lower = said("\n[thresholds.ticket_rate]\nfail = 3\npass = 9\n");
        assert!(
            lower.contains("\"fail above\" (fail = 3) must not be below \"pass up to\" (pass = 9): lower is better"),
            "{lower}"
        );
        let negative = said("\n[thresholds.device_compliance]\nweight = -1\n");
        assert!(
            negative.contains("(min_n) and \"weight\" must not be negative"),
            "{negative}"
        );
    }

    #[test]
    fn an_over_long_split_attribute_is_repeated_only_by_its_start() {
        let long = "x".repeat(70_000);
        let text = EXAMPLE.replace(
            "split_attributes = [\"platform\"",
            &format!("split_attributes = [\"{long}\""),
        );
        let err = Program::parse(&text).unwrap_err();
        for lang in Lang::ALL {
            let said = err.render(lang);
            assert!(said.len() < 400, "{} bytes", said.len());
            assert!(said.contains("xxx\"…"), "{said}");
        }
    }

    #[test]
    fn a_wave_ending_before_it_starts_is_rejected() {
        let text = EXAMPLE.replace("end = \"2027-01-29\"", "end = \"2027-01-01\"");
        let err = Program::parse(&text).unwrap_err();
        assert_eq!(err.line, 9, "{err}");
    }

    #[test]
    fn rollout_categories_keep_the_planners_case_and_match_any_case() {
        let categories = "rollout_ticket_categories = [\" Company Portal\", \"MFA\", \"Één\"]\n";
        let text = EXAMPLE.replacen(
            "split_attributes",
            &format!("{categories}split_attributes"),
            1,
        );
        let p = Program::parse(&text).unwrap();
        assert_eq!(
            p.rollout_ticket_categories,
            ["Company Portal", "MFA", "Één"]
        );
        assert_eq!(Program::parse(&p.to_toml()).unwrap(), p);
        assert!(super::same_category("Company Portal", " company portal "));
        assert!(super::same_category("Één", "één"));
        assert!(!super::same_category("MFA", "Email"));
    }

    #[test]
    fn to_toml_reads_back_as_the_same_program() {
        let p = Program::parse(EXAMPLE).unwrap();
        let text = p.to_toml();
        assert_eq!(Program::parse(&text).unwrap(), p, "{text}");
        let mut q = p.clone();
        q.name = "Uitrol \"2027\"\\ fase 1 'één'".into();
        q.helpdesk_capacity_per_day = None;
        q.confidence = 0.9;
        q.rollout_ticket_categories = vec!["mobile device".into(), "company portal".into()];
        q.thresholds.insert(
            MetricId::TicketRate,
            ThresholdOverride {
                fail: Some(6.0),
                pass: Some(1e-7),
                min_n: Some(30.0),
                weight: Some(0.0),
            },
        );
        q.waves[0].planned_size = None;
        assert_eq!(Program::parse(&q.to_toml()).unwrap(), q, "{}", q.to_toml());
    }

    #[test]
    fn non_finite_numbers_are_rejected() {
        let text = EXAMPLE.replace(
            "helpdesk_capacity_per_day = 5",
            "helpdesk_capacity_per_day = nan",
        );
        assert!(Program::parse(&text).is_err());
        let text = format!("{EXAMPLE}\n[thresholds.sus]\nweight = inf\n");
        let err = Program::parse(&text).unwrap_err();
        assert!(
            err.to_string().contains("every threshold must be a number"),
            "{err}"
        );
    }

    #[test]
    fn a_program_of_too_many_waves_is_rejected() {
        let mut text = String::from("name = \"x\"\n");
        for i in 0..=MAX_LIST {
            text.push_str(&format!(
                "[[wave]]\nid = \"w{i}\"\nstart = \"2027-01-11\"\nend = \"2027-01-29\"\n"
            ));
        }
        let err = Program::parse(&text).unwrap_err();
        assert!(
            err.render(Lang::Nl)
                .contains("hoogstens 1000 keer [[wave]]"),
            "{err}"
        );
    }

    #[test]
    fn a_huge_unknown_key_makes_a_short_message() {
        let text = format!("{EXAMPLE}\n{} = 1\n", "k".repeat(70_000));
        let err = Program::parse(&text).unwrap_err();
        assert!(
            err.to_string().len() < 1_000,
            "{} bytes",
            err.to_string().len()
        );
        assert!(err.to_string().contains("unknown field `kkkk"), "{err}");
    }

    #[test]
    fn a_syntax_error_has_a_line_and_column() {
        let err = Program::parse("name = \"x\"\n[[wave]\n").unwrap_err();
        assert_eq!(err.line, 2, "{err}");
        assert!(err.column.is_some());
    }

    #[test]
    fn a_syntax_error_reads_as_one_line_and_points_at_the_format_document() {
        let err = Program::parse("name = \"x\"\n[[wave]\n").unwrap_err();
        for lang in [Lang::Nl, Lang::En] {
            let message = err.message(lang);
            assert!(!message.contains('\n'), "{message:?}");
            assert!(message.contains("docs/data-formats.md"), "{message}");
        }
        assert_eq!(
            err.message(Lang::En),
            "invalid table header; expected `.`, `]]`; see docs/data-formats.md for the format"
        );
    }

    #[test]
    fn a_blank_long_or_garbled_name_is_refused_on_the_name_line() {
        let named = |name: &str| EXAMPLE.replace("\"Intune rollout 2027\"", name);
        for (name, en) in [
            ("\"\"", "the name is empty; fill one in"),
            ("\"   \"", "the name is empty; fill one in"),
            (
                "\"a\\u0000b\"",
                "expected a name without control or text-direction characters, found U+0000",
            ),
            (
                "\"ab\u{202e}cd\"",
                "expected a name without control or text-direction characters, found U+202E",
            ),
            (
                &format!("\"{}\"", "x".repeat(100_000)),
                "expected a name of at most 200 characters, found 100000",
            ),
        ] {
            let err = Program::parse(&named(name)).unwrap_err();
            assert_eq!(err.line, 2, "{err}");
            assert_eq!(err.message(Lang::En), en);
            assert!(
                err.message(Lang::Nl).starts_with("verwacht een naam")
                    || err.message(Lang::Nl).starts_with("de naam is leeg"),
                "{err}"
            );
        }
        let longest = format!("\"{}\"", "é".repeat(MAX_NAME_CHARS));
        assert!(Program::parse(&named(&longest)).is_ok());
    }

    /// [`EXAMPLE`] with the pilot named `name` (a TOML value as written).
    fn with_pilot_named(name: &str) -> String {
        EXAMPLE.replace(
            "id = \"pilot\"\n",
            &format!("id = \"pilot\"\nname = {name}\n"),
        )
    }

    #[test]
    fn a_wave_may_have_a_name_and_its_label_puts_the_id_first() {
        let p = Program::parse(&with_pilot_named("\"Pilot IT\"")).unwrap();
        assert_eq!(p.waves[0].name.as_deref(), Some("Pilot IT"));
        assert_eq!(p.waves[0].label(), "pilot (Pilot IT)");
        assert_eq!(p.waves[1].name, None);
        assert_eq!(p.waves[1].label(), "wave-1");
        assert_eq!(
            wave_label("wave-2", Some("Golf 1 – Finance en HR")),
            "wave-2 (Golf 1 – Finance en HR)"
        );
        // A wave without a name has no `name` in the JSON: stored programs read as before.
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["waves"][0]["name"], "Pilot IT");
        assert!(json["waves"][1].get("name").is_none(), "{json}");
        let unnamed = serde_json::to_string(&Program::parse(EXAMPLE).unwrap()).unwrap();
        assert!(!unnamed.contains("\"name\":null"), "{unnamed}");
    }

    #[test]
    fn a_blank_long_or_garbled_wave_name_is_refused_on_its_own_line() {
        for (name, en) in [
            ("\"\"", "the name is empty; fill one in"),
            ("\"  \"", "the name is empty; fill one in"),
            (
                "\"Regio\\u0007Noord\"",
                "expected a name without control or text-direction characters, found U+0007",
            ),
            (
                "\"Noord\u{2066}Zuid\"",
                "expected a name without control or text-direction characters, found U+2066",
            ),
            (
                &format!("\"{}\"", "g".repeat(MAX_NAME_CHARS + 1)),
                "expected a name of at most 200 characters, found 201",
            ),
        ] {
            let problems = Program::check(&with_pilot_named(name)).unwrap_err();
            assert_eq!(problems.len(), 1, "{problems:#?}");
            let err = &problems[0];
            // The line of the wave's `name = …`, at its value.
            assert_eq!((err.line, err.column), (8, Some(8)), "{err}");
            assert_eq!(err.message(Lang::En), en);
            assert!(
                err.message(Lang::Nl).starts_with("verwacht een naam")
                    || err.message(Lang::Nl).starts_with("de naam is leeg"),
                "{err}"
            );
        }
        let longest = format!("\"{}\"", "é".repeat(MAX_NAME_CHARS));
        assert!(Program::parse(&with_pilot_named(&longest)).is_ok());
        // Not a string, or a misspelt key: refused as before.
        assert!(Program::parse(&with_pilot_named("12")).is_err());
        let misspelt = EXAMPLE.replace("id = \"pilot\"\n", "id = \"pilot\"\nnaam = \"x\"\n");
        let err = Program::parse(&misspelt).unwrap_err();
        assert!(
            err.message(Lang::En).contains("unknown field `naam`"),
            "{err}"
        );
    }

    #[test]
    fn wave_names_are_written_back_by_to_toml() {
        let p = Program::parse(&with_pilot_named("\"Pilot \\\"IT\\\" – één\"")).unwrap();
        assert_eq!(p.waves[0].name.as_deref(), Some("Pilot \"IT\" – één"));
        let text = p.to_toml();
        assert!(text.contains("id = \"pilot\"\nname = "), "{text}");
        assert_eq!(Program::parse(&text).unwrap(), p, "{text}");
        // A program without names writes no `name` under any wave.
        let plain = Program::parse(EXAMPLE).unwrap().to_toml();
        assert_eq!(plain.matches("name = ").count(), 1, "{plain}");
    }

    #[test]
    fn check_finds_every_problem_of_the_values_at_once() {
        let text = r#"
name = " "
confidence = 2.0

[[wave]]
id = "pilot"
start = "2027-01-11"
end = "2027-01-01"

[[wave]]
id = "pilot"
start = "someday"
end = "2027-02-26"

[[wave]]
id = "wave-2"
start = "2027-03-01"
end = "2027-03-20"

[thresholds.enrolment_completion]
fail = 0.8

[thresholds.device_compliance]
fail = 0.99
pass = 0.5
"#;
        let problems = Program::check(text).unwrap_err();
        let lines: Vec<u64> = problems.iter().map(|p| p.line).collect();
        // name, pilot's end, the second id, its start, the thresholds (by metric id), the
        // confidence (at its line, as every value's problem).
        assert_eq!(lines, [2, 8, 11, 12, 23, 20, 3], "{problems:#?}");
        let en: Vec<String> = problems.iter().map(|p| p.message(Lang::En)).collect();
        assert!(en[0].contains("the name is empty"), "{en:?}");
        assert!(en[1].contains("on or after the start"), "{en:?}");
        assert!(en[2].contains("unique wave id"), "{en:?}");
        assert!(en[3].contains("as a date"), "{en:?}");
        assert!(en[4].contains("`device_compliance`"), "{en:?}");
        assert!(en[5].contains("metric id"), "{en:?}");
        assert!(en[6].contains("`confidence`"), "{en:?}");
        // parse still answers with the first of them.
        assert_eq!(Program::parse(text).unwrap_err(), problems[0]);
    }

    #[test]
    fn check_stops_at_a_file_that_is_not_a_program() {
        let problems = Program::check("name = \"x\"\n[[wave]\n").unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(problems[0].line, 2);
    }

    #[test]
    fn a_file_of_many_bad_thresholds_lists_a_bounded_number_of_problems() {
        let mut text = EXAMPLE.to_string();
        for i in 0..300 {
            text += &format!("[thresholds.unknown_{i}]\nfail = 0.5\n");
        }
        let problems = Program::check(&text).unwrap_err();
        assert_eq!(problems.len(), MAX_PROBLEMS);
        for i in 0..MAX_LIST {
            text += &format!("[thresholds.more_{i}]\nfail = 0.5\n");
        }
        let problems = Program::check(&text).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .message(Lang::En)
                .contains("at most 1000 entries in [thresholds.…]")
        );
    }
}
