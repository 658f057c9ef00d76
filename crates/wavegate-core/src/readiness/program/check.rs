//! Reading `program.toml`: its raw shape, and every problem of its values at once, each with
//! its line and column in Dutch and English (`Program::check`).

use super::{
    DEFAULT_SEGMENT_DEPTH, DEFAULT_SPLIT_ATTRIBUTES, MAX_LIST, MAX_NAME_CHARS, MAX_PROBLEMS,
    MAX_SEGMENT_DEPTH, PROGRAM_FILE, Program, ThresholdOverride, Wave, apply,
};
use crate::dates::parse_date;
use crate::i18n::{Lang, Text, long_date};
use crate::invitation::check::{MAX_ATTRIBUTE_NAME, MAX_ATTRIBUTE_VALUE, TextProblem};
use crate::readiness::metric::MetricId;
use crate::readiness::text::{figure, metric_name};
use crate::tabular::{FileProblem, InputError, header_key, quoted, shown};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProgram {
    name: toml::Spanned<String>,
    /// `split_dimensions` is the name older program files use.
    #[serde(default, alias = "split_dimensions")]
    split_attributes: Option<Vec<String>>,
    #[serde(default)]
    segment_depth: Option<toml::Spanned<i64>>,
    #[serde(default)]
    helpdesk_capacity_per_day: Option<toml::Spanned<f64>>,
    #[serde(default)]
    confidence: Option<toml::Spanned<f64>>,
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
            "de naam is leeg; vul er een in".into(),
            "the name is empty; fill one in".into(),
        );
    }
    let length = value.chars().count();
    if length > MAX_NAME_CHARS {
        return problem(
            format!("verwacht een naam van hoogstens {MAX_NAME_CHARS} tekens, gevonden {length}"),
            format!("expected a name of at most {MAX_NAME_CHARS} characters, found {length}"),
        );
    }
    if let Some(c) = value
        .chars()
        .find(|c| crate::invisible::is_unfit_in_a_line(*c))
    {
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
                "het golf-id is leeg; vul er een in".into(),
                "the wave id is empty; fill one in".into(),
            ));
            false
        } else if let Some(problem) = TextProblem::of(&id, MAX_ATTRIBUTE_VALUE) {
            // The id travels in links, mail merges and exports, as a link's wave.
            let expected = problem.expected_id("een golf-id", "a wave id");
            problems.push(at(
                text,
                w.id.span(),
                format!("verwacht {}", expected.nl),
                format!("expected {}", expected.en),
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
        // The dates as people read them (`1 maart 2027`): the planner's form shows this too,
        // where a date box never spells an ISO date.
        let (nl, en) = (Lang::Nl, Lang::En);
        if end < start {
            problems.push(at(
                text,
                w.end.span(),
                format!(
                    "verwacht de einddatum ({}) op of na de begindatum ({})",
                    long_date(end, nl),
                    long_date(start, nl)
                ),
                format!(
                    "expected the end ({}) on or after the start ({})",
                    long_date(end, en),
                    long_date(start, en)
                ),
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
                    "verwacht de golven in volgorde van begindatum; {name} begint {}, vóór {before} ({})",
                    long_date(start, nl),
                    long_date(prev.start, nl)
                ),
                format!(
                    "expected waves in order of their start; {name} starts {}, before {before} ({})",
                    long_date(start, en),
                    long_date(prev.start, en)
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
    use super::threshold_problems::{Fault, threshold_problems};
    // Whether they hold is the form's rule too (`threshold_problems`); only the wording here is
    // the file's, one sentence for the gravest fault found.
    let faults: Vec<Fault> = threshold_problems(metric, value.get_ref())
        .into_iter()
        .map(|p| p.fault)
        .collect();
    if faults.is_empty() {
        return Ok(());
    }
    let spec = apply(metric.default_spec(), value.get_ref());
    let finite = !faults.contains(&Fault::NotANumber);
    let in_range = !faults.iter().any(|f| matches!(f, Fault::NotAShare(_)));
    let ordered = !faults.iter().any(|f| matches!(f, Fault::Disordered { .. }));
    // Said in the words of the program form's fields (with the file's keys beside them), the
    // numbers as the reader writes them, and only what is wrong.
    let said = |lang: Lang| {
        let nl = lang == Lang::Nl;
        let n = |x: f64| figure(x, lang);
        let (fail, pass) = (n(spec.fail), n(spec.pass));
        let problem = if !finite {
            if nl {
                "elke drempel moet een getal zijn".to_string()
            } else {
                "every threshold must be a number".to_string()
            }
        } else if !in_range {
            if nl {
                format!(
                    "dit is een aandeel: de drempels liggen tussen 0 en 1 (zoals {}), niet {fail} en {pass}",
                    n(0.85)
                )
            } else {
                format!(
                    "this is a share: the thresholds lie between 0 and 1 (such as {}), not {fail} and {pass}",
                    n(0.85)
                )
            }
        } else if !ordered && metric.higher_is_better() {
            if nl {
                format!(
                    "\"onvoldoende onder\" (fail = {fail}) mag niet boven \"voldoende vanaf\" (pass = {pass}) liggen: hoger is beter"
                )
            } else {
                format!(
                    "\"fail below\" (fail = {fail}) must not be above \"pass from\" (pass = {pass}): higher is better"
                )
            }
        } else if !ordered {
            if nl {
                format!(
                    "\"onvoldoende boven\" (fail = {fail}) mag niet onder \"voldoende tot en met\" (pass = {pass}) liggen: lager is beter"
                )
            } else {
                format!(
                    "\"fail above\" (fail = {fail}) must not be below \"pass up to\" (pass = {pass}): lower is better"
                )
            }
        } else if nl {
            "\"minimaal bewijs\" (min_n) en \"gewicht\" (weight) mogen niet negatief zijn"
                .to_string()
        } else {
            "\"minimum evidence\" (min_n) and \"weight\" must not be negative".to_string()
        };
        let name = metric_name(metric, lang);
        if nl {
            format!("drempels van {name} (`{}`): {problem}", metric.id())
        } else {
            format!("thresholds of {name} (`{}`): {problem}", metric.id())
        }
    };
    Err(at(text, value.span(), said(Lang::Nl), said(Lang::En)))
}

/// `Program::check`: the raw file read, then every value checked.
pub(super) fn check(text: &str) -> Result<Program, Vec<InputError>> {
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
            format!(
                "{}; see docs/data-formats.md for the format",
                crate::parser_text::english(&detail)
            ),
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
    // Each value's problem at its line and column, as the waves' are.
    let place = |span: Option<std::ops::Range<usize>>, nl: String, en: String| match span {
        Some(span) => at(text, span, nl, en),
        None => whole_file(nl, en),
    };
    let confidence = raw.confidence.as_ref().map_or(0.80, |c| *c.get_ref());
    if !(0.5..1.0).contains(&confidence) {
        problems.push(place(
            raw.confidence.as_ref().map(toml::Spanned::span),
            format!("verwacht `confidence` van 0,5 tot (niet tot en met) 1, bijv. 0.8; gevonden {confidence}"),
            format!("expected `confidence` from 0.5 up to but not including 1, e.g. 0.8; found {confidence}"),
        ));
    }
    if let Some(c) = &raw.helpdesk_capacity_per_day
        && !(*c.get_ref() > 0.0 && c.get_ref().is_finite())
    {
        let v = c.get_ref();
        problems.push(place(
            Some(c.span()),
            format!("verwacht `helpdesk_capacity_per_day` boven 0, gevonden {v}"),
            format!("expected `helpdesk_capacity_per_day` above 0, found {v}"),
        ));
    }
    let segment_depth = raw
        .segment_depth
        .as_ref()
        .map_or(i64::from(DEFAULT_SEGMENT_DEPTH), |d| *d.get_ref());
    if !(1..=i64::from(MAX_SEGMENT_DEPTH)).contains(&segment_depth) {
        problems.push(place(
            raw.segment_depth.as_ref().map(toml::Spanned::span),
            format!(
                "verwacht `segment_depth` 1, 2 of {MAX_SEGMENT_DEPTH}, gevonden {segment_depth}"
            ),
            format!("expected `segment_depth` 1, 2 or {MAX_SEGMENT_DEPTH}, found {segment_depth}"),
        ));
    }
    for attribute in raw.split_attributes.iter().flatten() {
        if let Some(problem) = TextProblem::of(attribute, MAX_ATTRIBUTE_NAME) {
            // Repeated only by its start: a name of 70,000 characters is no 70 KB message.
            let name = quoted(attribute);
            problems.push(whole_file(
                format!(
                    "verwacht in split_attributes namen van kolommen van de personeelslijst, maar {}",
                    problem.message(&name, Lang::Nl)
                ),
                format!(
                    "expected roster column names in split_attributes, but {}",
                    problem.message(&name, Lang::En)
                ),
            ));
        }
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
        helpdesk_capacity_per_day: raw.helpdesk_capacity_per_day.map(toml::Spanned::into_inner),
        confidence,
        rollout_ticket_categories: raw
            .rollout_ticket_categories
            .iter()
            .map(|c| c.trim().to_string())
            .collect(),
        waves,
        thresholds,
    })
}

#[cfg(test)]
mod tests {
    use super::line_col;
    use crate::i18n::Lang;
    use crate::readiness::Program;

    #[test]
    fn a_wave_id_or_split_attribute_no_link_could_carry_is_refused() {
        // A zero-width space in a wave id passed here and failed every invitation of the wave.
        let wave = "name = \"p\"\n[[wave]]\nid = \"pilot\u{200B}\"\nstart = 2027-01-11\nend = 2027-01-29\n";
        let e = &Program::check(wave).unwrap_err()[0];
        assert_eq!((e.line, e.column), (3, Some(6)), "{e}");
        assert!(e.render(Lang::En).contains("U+200B"), "{e}");
        let split = "name = \"p\"\nsplit_attributes = [\"plat\u{202E}form\"]\n[[wave]]\nid = \"pilot\"\nstart = 2027-01-11\nend = 2027-01-29\n";
        let e = &Program::check(split).unwrap_err()[0];
        assert!(e.render(Lang::Nl).contains("U+202E"), "{e}");
    }

    #[test]
    fn wave_dates_in_a_problem_read_as_people_write_dates() {
        let text = "name = \"p\"\n[[wave]]\nid = \"pilot\"\nstart = 2027-03-05\nend = 2027-03-01\n";
        let e = &Program::check(text).unwrap_err()[0];
        assert!(
            e.message(Lang::Nl)
                .contains("(1 maart 2027) op of na de begindatum (5 maart 2027)"),
            "{e}"
        );
        assert!(
            e.message(Lang::En)
                .contains("(1 March 2027) on or after the start (5 March 2027)"),
            "{e}"
        );
        assert!(!e.message(Lang::En).contains("2027-03"), "{e}");
    }

    #[test]
    fn an_error_offset_inside_a_character_does_not_panic() {
        assert_eq!(line_col("é\nx", 1), (1, 1));
        assert_eq!(line_col("é\nx", 3), (2, 1));
    }
}
