//! The program (`program.toml`): waves, split attributes, capacity and threshold overrides.

use super::metric::{MetricId, MetricSpec};
use crate::dates::parse_date;
use crate::i18n::Text;
use crate::tabular::{FileProblem, InputError, header_key, quoted, shown};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

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
    /// Ticket categories that count as rollout tickets (lowercase); empty means all.
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProgram {
    name: toml::Spanned<String>,
    /// `split_dimensions` is the name older program files use.
    #[serde(default, alias = "split_dimensions")]
    split_attributes: Option<Vec<String>>,
    #[serde(default)]
    segment_depth: Option<i64>,
    #[serde(default)]
    helpdesk_capacity_per_day: Option<f64>,
    #[serde(default)]
    confidence: Option<f64>,
    #[serde(default)]
    rollout_ticket_categories: Vec<String>,
    #[serde(default)]
    wave: Vec<RawWave>,
    #[serde(default)]
    thresholds: BTreeMap<toml::Spanned<String>, toml::Spanned<ThresholdOverride>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWave {
    id: toml::Spanned<String>,
    #[serde(default)]
    name: Option<toml::Spanned<String>>,
    start: toml::Spanned<toml::Value>,
    end: toml::Spanned<toml::Value>,
    #[serde(default)]
    planned_size: Option<u32>,
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

fn line_col(text: &str, offset: usize) -> (u64, usize) {
    // The parser's offsets are bytes: step back to a character boundary before slicing.
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() as u64 + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn at(text: &str, span: std::ops::Range<usize>, nl: String, en: String) -> InputError {
    let (line, col) = line_col(text, span.start);
    InputError {
        file: PROGRAM_FILE.to_string(),
        line,
        column: Some(col),
        column_name: None,
        problem: Box::new(FileProblem::Rule(Text::new(nl, en))),
    }
}

fn whole_file(nl: String, en: String) -> InputError {
    InputError::file(PROGRAM_FILE, 0, FileProblem::Rule(Text::new(nl, en)))
}

/// Which date of a wave.
#[derive(Clone, Copy)]
enum WaveDate {
    Start,
    End,
}

fn date_value(
    text: &str,
    v: &toml::Spanned<toml::Value>,
    which: WaveDate,
) -> Result<NaiveDate, InputError> {
    let parsed = match v.get_ref() {
        toml::Value::String(s) => parse_date(s),
        toml::Value::Datetime(d) => parse_date(&d.to_string()),
        _ => None,
    };
    parsed.ok_or_else(|| {
        let (nl, en) = match which {
            WaveDate::Start => ("de begindatum", "the start"),
            WaveDate::End => ("de einddatum", "the end"),
        };
        let found = describe(v.get_ref());
        at(
            text,
            v.span(),
            format!("verwacht {nl} als een datum zoals 2027-01-11, gevonden {found}"),
            format!("expected {en} as a date like 2027-01-11, found {found}"),
        )
    })
}

fn describe(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => quoted(s),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Array(_) => "[…]".to_string(),
        toml::Value::Table(_) => "{…}".to_string(),
    }
}

/// The TOML parser's description on one line (it writes `invalid array` and `expected `]`` on
/// two, which a terminal or JSON would show as a literal `\n`), with every name it quotes from
/// the file cut like [`named`]: an unknown key of 70 KB must not make a 70 KB message.
fn parser_detail(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                shown(part)
            } else {
                shown_long(part)
            }
        })
        .collect::<Vec<_>>()
        .join("`")
}

/// Text of the parser's own, cut only when it is very long (it may quote values unmarked).
fn shown_long(text: &str) -> String {
    match text.char_indices().nth(500) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// A name from the file in backticks, as a message repeats it (cut when long).
fn named(name: &str) -> String {
    format!("`{}`", shown(name))
}

/// A name (the program's, or a wave's): not blank, at most [`MAX_NAME_CHARS`] characters, and
/// without control or text-direction characters (which break a report's layout or make it read
/// other than it is).
fn check_name(text: &str, name: &toml::Spanned<String>) -> Result<(), InputError> {
    let value = name.get_ref();
    let problem = |nl: String, en: String| Err(at(text, name.span(), nl, en));
    if value.trim().is_empty() {
        return problem(
            "verwacht een naam, gevonden een lege".into(),
            "expected a name, found an empty one".into(),
        );
    }
    let length = value.chars().count();
    if length > MAX_NAME_CHARS {
        return problem(
            format!("verwacht een naam van hoogstens {MAX_NAME_CHARS} tekens, gevonden {length}"),
            format!("expected a name of at most {MAX_NAME_CHARS} characters, found {length}"),
        );
    }
    if let Some(c) = value.chars().find(|c| crate::escape::is_unsafe(*c)) {
        let code = format!("U+{:04X}", u32::from(c));
        return problem(
            format!("verwacht een naam zonder stuur- of schrijfrichtingstekens, gevonden {code}"),
            format!("expected a name without control or text-direction characters, found {code}"),
        );
    }
    Ok(())
}

/// Refuses lists longer than [`MAX_LIST`].
fn check_lengths(raw: &RawProgram) -> Result<(), InputError> {
    let lists = [
        ("[[wave]]", raw.wave.len()),
        (
            "split_attributes",
            raw.split_attributes.as_ref().map_or(0, Vec::len),
        ),
        (
            "rollout_ticket_categories",
            raw.rollout_ticket_categories.len(),
        ),
        ("[thresholds.…]", raw.thresholds.len()),
    ];
    for (name, len) in lists {
        if len > MAX_LIST {
            return Err(whole_file(
                format!("verwacht hoogstens {MAX_LIST} keer {name}, gevonden {len}"),
                format!("expected at most {MAX_LIST} entries in {name}, found {len}"),
            ));
        }
    }
    Ok(())
}

/// The waves: ids present and unique, names (when given) kept to a program name's rule, dates
/// readable, each ending on or after its start, in order of their start. Every problem goes to
/// `problems`; a wave with one is left out, and the order is checked among the waves without.
fn waves(text: &str, raw: &[RawWave], problems: &mut Vec<InputError>) -> Vec<Wave> {
    let mut waves: Vec<Wave> = Vec::with_capacity(raw.len());
    let mut ids = HashSet::with_capacity(raw.len());
    for w in raw {
        if problems.len() >= MAX_PROBLEMS {
            break;
        }
        let id = w.id.get_ref().trim().to_string();
        let id_ok = if id.is_empty() {
            problems.push(at(
                text,
                w.id.span(),
                "verwacht een golf-id, gevonden een lege".into(),
                "expected a wave id, found an empty one".into(),
            ));
            false
        } else if !ids.insert(id.clone()) {
            let name = named(&id);
            problems.push(at(
                text,
                w.id.span(),
                format!("verwacht een unieke golf-id, gevonden {name} twee keer"),
                format!("expected a unique wave id, found {name} twice"),
            ));
            false
        } else {
            true
        };
        let name_ok = w
            .name
            .as_ref()
            .is_none_or(|name| noted(problems, check_name(text, name)).is_some());
        let start = noted(problems, date_value(text, &w.start, WaveDate::Start));
        let end = noted(problems, date_value(text, &w.end, WaveDate::End));
        let (Some(start), Some(end)) = (start, end) else {
            continue;
        };
        if end < start {
            problems.push(at(
                text,
                w.end.span(),
                format!("verwacht de einddatum ({end}) op of na de begindatum ({start})"),
                format!("expected the end ({end}) on or after the start ({start})"),
            ));
            continue;
        }
        if let Some(prev) = waves.last()
            && start < prev.start
        {
            let (name, before) = (named(&id), named(&prev.id));
            problems.push(at(
                text,
                w.start.span(),
                format!(
                    "verwacht de golven in volgorde van begindatum; {name} begint {start}, vóór {before} ({})",
                    prev.start
                ),
                format!(
                    "expected waves in order of their start; {name} starts {start}, before {before} ({})",
                    prev.start
                ),
            ));
            continue;
        }
        if id_ok && name_ok {
            waves.push(Wave {
                id,
                name: w.name.as_ref().map(|n| n.get_ref().clone()),
                start,
                end,
                planned_size: w.planned_size,
            });
        }
    }
    if raw.is_empty() {
        problems.push(whole_file(
            "verwacht minstens één [[wave]] met id, start en end".into(),
            "expected at least one [[wave]] with id, start and end".into(),
        ));
    }
    waves
}

/// The most problems [`Program::check`] lists: enough for any form, and a hostile file of a
/// million bad thresholds does not make a million messages.
pub const MAX_PROBLEMS: usize = 50;

/// The value of a check, its problem noted in `problems`.
fn noted<T>(problems: &mut Vec<InputError>, checked: Result<T, InputError>) -> Option<T> {
    checked.map_err(|e| problems.push(e)).ok()
}

/// The metric a `[thresholds.…]` table names.
fn threshold_metric(text: &str, key: &toml::Spanned<String>) -> Result<MetricId, InputError> {
    MetricId::parse(key.get_ref()).ok_or_else(|| {
        let known: Vec<&str> = MetricId::ALL.iter().map(|m| m.id()).collect();
        let (known, found) = (known.join(", "), named(key.get_ref()));
        at(
            text,
            key.span(),
            format!("verwacht een meetwaarde-id ({known}), gevonden {found}"),
            format!("expected a metric id ({known}), found {found}"),
        )
    })
}

/// Overrides that keep the metric meaningful: finite numbers, fail and pass in the metric's
/// direction, proportions between 0 and 1, no negative evidence or weight.
fn check_thresholds(
    text: &str,
    metric: MetricId,
    value: &toml::Spanned<ThresholdOverride>,
) -> Result<(), InputError> {
    let spec = apply(metric.default_spec(), value.get_ref());
    let ordered = if metric.higher_is_better() {
        spec.fail <= spec.pass
    } else {
        spec.fail >= spec.pass
    };
    let proportion = metric.kind() == super::metric::Kind::Proportion;
    let in_range =
        !proportion || ((0.0..=1.0).contains(&spec.fail) && (0.0..=1.0).contains(&spec.pass));
    let finite = [spec.fail, spec.pass, spec.min_n, spec.weight]
        .iter()
        .all(|x| x.is_finite());
    if ordered && in_range && finite && spec.min_n >= 0.0 && spec.weight >= 0.0 {
        return Ok(());
    }
    let (direction_nl, direction_en) = if metric.higher_is_better() {
        (
            "fail ≤ pass (hoger is beter)",
            "fail ≤ pass (higher is better)",
        )
    } else {
        (
            "fail ≥ pass (lager is beter)",
            "fail ≥ pass (lower is better)",
        )
    };
    let (range_nl, range_en) = if proportion {
        (", beide tussen 0 en 1", ", both between 0 and 1")
    } else {
        ("", "")
    };
    let (id, fail, pass) = (metric.id(), spec.fail, spec.pass);
    Err(at(
        text,
        value.span(),
        format!(
            "verwacht drempels voor `{id}` met {direction_nl}{range_nl}, eindige getallen en een niet-negatieve min_n en weight; gevonden fail = {fail}, pass = {pass}"
        ),
        format!(
            "expected thresholds for `{id}` with {direction_en}{range_en}, finite numbers and a non-negative min_n and weight; got fail = {fail}, pass = {pass}"
        ),
    ))
}

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
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let raw: RawProgram = toml::from_str(text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let detail = parser_detail(e.message());
            vec![at(
                text,
                span,
                format!(
                    "{}; zie docs/data-formats.md voor de opbouw",
                    crate::parser_text::dutch(&detail)
                ),
                format!("{detail}; see docs/data-formats.md for the format"),
            )]
        })?;
        let mut problems = Vec::new();
        noted(&mut problems, check_name(text, &raw.name));
        if let Err(e) = check_lengths(&raw) {
            problems.push(e);
            return Err(problems);
        }
        let waves = waves(text, &raw.wave, &mut problems);
        let mut thresholds = BTreeMap::new();
        for (key, value) in &raw.thresholds {
            if problems.len() >= MAX_PROBLEMS {
                break;
            }
            let Some(metric) = noted(&mut problems, threshold_metric(text, key)) else {
                continue;
            };
            if noted(&mut problems, check_thresholds(text, metric, value)).is_some() {
                thresholds.insert(metric, *value.get_ref());
            }
        }
        let confidence = raw.confidence.unwrap_or(0.80);
        if !(0.5..1.0).contains(&confidence) {
            problems.push(whole_file(
                format!("verwacht `confidence` tussen 0,5 en 1 (bijv. 0.8), gevonden {confidence}"),
                format!("expected `confidence` between 0.5 and 1 (e.g. 0.8), found {confidence}"),
            ));
        }
        if let Some(c) = raw.helpdesk_capacity_per_day
            && !(c > 0.0 && c.is_finite())
        {
            problems.push(whole_file(
                format!("verwacht `helpdesk_capacity_per_day` boven 0, gevonden {c}"),
                format!("expected `helpdesk_capacity_per_day` above 0, found {c}"),
            ));
        }
        let segment_depth = raw
            .segment_depth
            .unwrap_or(i64::from(DEFAULT_SEGMENT_DEPTH));
        if !(1..=i64::from(MAX_SEGMENT_DEPTH)).contains(&segment_depth) {
            problems.push(whole_file(
                format!(
                    "verwacht `segment_depth` 1, 2 of {MAX_SEGMENT_DEPTH}, gevonden {segment_depth}"
                ),
                format!(
                    "expected `segment_depth` 1, 2 or {MAX_SEGMENT_DEPTH}, found {segment_depth}"
                ),
            ));
        }
        if !problems.is_empty() {
            problems.truncate(MAX_PROBLEMS);
            return Err(problems);
        }
        let mut seen = HashSet::new();
        let split_attributes = raw
            .split_attributes
            .unwrap_or_else(|| {
                DEFAULT_SPLIT_ATTRIBUTES
                    .iter()
                    .map(|s| s.to_string())
                    .collect()
            })
            .iter()
            .map(|d| header_key(d))
            .filter(|d| !d.is_empty() && d != "wave" && seen.insert(d.clone()))
            .collect();
        Ok(Program {
            name: raw.name.into_inner(),
            split_attributes,
            segment_depth: segment_depth as u8,
            helpdesk_capacity_per_day: raw.helpdesk_capacity_per_day,
            confidence,
            rollout_ticket_categories: raw
                .rollout_ticket_categories
                .iter()
                .map(|c| c.trim().to_lowercase())
                .collect(),
            waves,
            thresholds,
        })
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

fn apply(base: MetricSpec, o: &ThresholdOverride) -> MetricSpec {
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
        assert!(err.to_string().contains("fail ≤ pass"), "{err}");
    }

    #[test]
    fn a_wave_ending_before_it_starts_is_rejected() {
        let text = EXAMPLE.replace("end = \"2027-01-29\"", "end = \"2027-01-01\"");
        let err = Program::parse(&text).unwrap_err();
        assert_eq!(err.line, 9, "{err}");
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
        assert!(err.to_string().contains("finite"), "{err}");
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
    fn an_error_offset_inside_a_character_does_not_panic() {
        assert_eq!(line_col("é\nx", 1), (1, 1));
        assert_eq!(line_col("é\nx", 3), (2, 1));
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
            ("\"\"", "expected a name, found an empty one"),
            ("\"   \"", "expected a name, found an empty one"),
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
                err.message(Lang::Nl).starts_with("verwacht een naam"),
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
            ("\"\"", "expected a name, found an empty one"),
            ("\"  \"", "expected a name, found an empty one"),
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
                err.message(Lang::Nl).starts_with("verwacht een naam"),
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
        // confidence (of the whole file).
        assert_eq!(lines, [2, 8, 11, 12, 23, 20, 0], "{problems:#?}");
        let en: Vec<String> = problems.iter().map(|p| p.message(Lang::En)).collect();
        assert!(en[0].contains("expected a name"), "{en:?}");
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
