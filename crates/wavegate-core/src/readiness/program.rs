//! The program (`program.toml`): waves, split attributes, capacity and threshold overrides.

use super::metric::{MetricId, MetricSpec};
use crate::dates::parse_date;
use crate::tabular::{InputError, header_key};
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
    /// First day of the wave's enrollment window.
    pub start: NaiveDate,
    /// Last day of the wave's enrollment window.
    pub end: NaiveDate,
    /// Planned number of people; the roster count when absent.
    pub planned_size: Option<u32>,
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
    name: String,
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

fn line_col(text: &str, offset: usize) -> (u64, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() as u64 + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn at(text: &str, span: std::ops::Range<usize>, message: String) -> InputError {
    let (line, col) = line_col(text, span.start);
    InputError {
        file: PROGRAM_FILE.to_string(),
        line,
        column: Some(col),
        column_name: None,
        message,
    }
}

fn date_value(
    text: &str,
    v: &toml::Spanned<toml::Value>,
    what: &str,
) -> Result<NaiveDate, InputError> {
    let parsed = match v.get_ref() {
        toml::Value::String(s) => parse_date(s),
        toml::Value::Datetime(d) => parse_date(&d.to_string()),
        _ => None,
    };
    parsed.ok_or_else(|| {
        at(
            text,
            v.span(),
            format!(
                "expected {what} as a date like 2027-01-11, found {}",
                describe(v.get_ref())
            ),
        )
    })
}

fn describe(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => format!("{s:?}"),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Datetime(d) => d.to_string(),
        toml::Value::Array(_) => "a list".to_string(),
        toml::Value::Table(_) => "a table".to_string(),
    }
}

impl Program {
    /// Parses and checks `program.toml`.
    pub fn parse(text: &str) -> Result<Program, InputError> {
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let raw: RawProgram = toml::from_str(text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            at(
                text,
                span,
                format!("{}; see DATA.md for the format", e.message().trim()),
            )
        })?;
        let mut waves: Vec<Wave> = Vec::new();
        for w in &raw.wave {
            let id = w.id.get_ref().trim().to_string();
            if id.is_empty() {
                return Err(at(
                    text,
                    w.id.span(),
                    "expected a wave id, found an empty one".into(),
                ));
            }
            if waves.iter().any(|x| x.id == id) {
                return Err(at(
                    text,
                    w.id.span(),
                    format!("expected a unique wave id, found `{id}` twice"),
                ));
            }
            let start = date_value(text, &w.start, "the start")?;
            let end = date_value(text, &w.end, "the end")?;
            if end < start {
                return Err(at(
                    text,
                    w.end.span(),
                    format!("expected the end ({end}) on or after the start ({start})"),
                ));
            }
            if let Some(prev) = waves.last()
                && start < prev.start
            {
                return Err(at(
                    text,
                    w.start.span(),
                    format!(
                        "expected waves in order of their start; `{id}` starts {start}, before `{}` ({})",
                        prev.id, prev.start
                    ),
                ));
            }
            waves.push(Wave {
                id,
                start,
                end,
                planned_size: w.planned_size,
            });
        }
        if waves.is_empty() {
            return Err(InputError::file(
                PROGRAM_FILE,
                0,
                "expected at least one [[wave]] with id, start and end",
            ));
        }
        let mut thresholds = BTreeMap::new();
        for (key, value) in &raw.thresholds {
            let Some(metric) = MetricId::parse(key.get_ref()) else {
                let known: Vec<&str> = MetricId::ALL.iter().map(|m| m.id()).collect();
                return Err(at(
                    text,
                    key.span(),
                    format!(
                        "expected a metric id ({}), found `{}`",
                        known.join(", "),
                        key.get_ref()
                    ),
                ));
            };
            let o = *value.get_ref();
            let spec = apply(metric.default_spec(), &o);
            let ordered = if metric.higher_is_better() {
                spec.fail <= spec.pass
            } else {
                spec.fail >= spec.pass
            };
            let proportion = metric.kind() == super::metric::Kind::Proportion;
            let in_range = !proportion
                || ((0.0..=1.0).contains(&spec.fail) && (0.0..=1.0).contains(&spec.pass));
            if !ordered || !in_range || spec.min_n < 0.0 || spec.weight < 0.0 {
                let direction = if metric.higher_is_better() {
                    "fail ≤ pass (higher is better)"
                } else {
                    "fail ≥ pass (lower is better)"
                };
                let range = if proportion {
                    ", both between 0 and 1"
                } else {
                    ""
                };
                return Err(at(
                    text,
                    value.span(),
                    format!(
                        "expected thresholds for `{}` with {direction}{range} and a non-negative min_n and weight; got fail = {}, pass = {}",
                        metric.id(),
                        spec.fail,
                        spec.pass
                    ),
                ));
            }
            thresholds.insert(metric, o);
        }
        let confidence = raw.confidence.unwrap_or(0.80);
        if !(0.5..1.0).contains(&confidence) {
            return Err(InputError::file(
                PROGRAM_FILE,
                0,
                format!("expected `confidence` between 0.5 and 1 (e.g. 0.8), found {confidence}"),
            ));
        }
        if let Some(c) = raw.helpdesk_capacity_per_day
            && c <= 0.0
        {
            return Err(InputError::file(
                PROGRAM_FILE,
                0,
                format!("expected `helpdesk_capacity_per_day` above 0, found {c}"),
            ));
        }
        let segment_depth = raw
            .segment_depth
            .unwrap_or(i64::from(DEFAULT_SEGMENT_DEPTH));
        if !(1..=i64::from(MAX_SEGMENT_DEPTH)).contains(&segment_depth) {
            return Err(InputError::file(
                PROGRAM_FILE,
                0,
                format!(
                    "expected `segment_depth` 1, 2 or {MAX_SEGMENT_DEPTH}, found {segment_depth}"
                ),
            ));
        }
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
            .filter(|d| !d.is_empty() && d != "wave")
            .fold(Vec::new(), |mut acc: Vec<String>, d| {
                if !acc.contains(&d) {
                    acc.push(d);
                }
                acc
            });
        Ok(Program {
            name: raw.name,
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

    /// The settings of a metric: SCORING.md defaults with this program's overrides.
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

impl Program {
    /// The program as `program.toml` text that [`Program::parse`] reads back to the same
    /// program, so a program kept by the server can be downloaded and scored with the CLI.
    pub fn to_toml(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = writeln!(out, "name = {}", toml_string(&self.name));
        let _ = writeln!(
            out,
            "split_attributes = {}",
            toml_strings(&self.split_attributes)
        );
        let _ = writeln!(out, "segment_depth = {}", self.segment_depth);
        if let Some(c) = self.helpdesk_capacity_per_day {
            let _ = writeln!(out, "helpdesk_capacity_per_day = {}", toml_float(c));
        }
        let _ = writeln!(out, "confidence = {}", toml_float(self.confidence));
        if !self.rollout_ticket_categories.is_empty() {
            let _ = writeln!(
                out,
                "rollout_ticket_categories = {}",
                toml_strings(&self.rollout_ticket_categories)
            );
        }
        for w in &self.waves {
            let _ = writeln!(out, "\n[[wave]]");
            let _ = writeln!(out, "id = {}", toml_string(&w.id));
            let _ = writeln!(out, "start = {}", w.start.format("%Y-%m-%d"));
            let _ = writeln!(out, "end = {}", w.end.format("%Y-%m-%d"));
            if let Some(n) = w.planned_size {
                let _ = writeln!(out, "planned_size = {n}");
            }
        }
        for (metric, o) in &self.thresholds {
            let _ = writeln!(out, "\n[thresholds.{}]", metric.id());
            for (key, value) in [
                ("fail", o.fail),
                ("pass", o.pass),
                ("min_n", o.min_n),
                ("weight", o.weight),
            ] {
                if let Some(v) = value {
                    let _ = writeln!(out, "{key} = {}", toml_float(v));
                }
            }
        }
        out
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn toml_strings(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| toml_string(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// A TOML float: Rust's shortest round-trip form always has a `.` or an exponent (`5.0`,
/// `1e-7`), which TOML reads as the same `f64`.
fn toml_float(v: f64) -> String {
    if v.is_nan() {
        "nan".to_string()
    } else if v.is_infinite() {
        if v > 0.0 { "inf" } else { "-inf" }.to_string()
    } else {
        format!("{v:?}")
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
    fn an_unknown_metric_is_named_with_its_line() {
        let text = EXAMPLE.replace("enrollment_completion", "enrolment_completion");
        let err = Program::parse(&text).unwrap_err();
        assert_eq!(err.line, 18, "{err}");
        assert!(err.message.contains("enrolment_completion"), "{err}");
        assert!(err.message.contains("ticket_rate"), "{err}");
    }

    #[test]
    fn thresholds_in_the_wrong_order_are_rejected() {
        let text = EXAMPLE.replace("fail = 0.80", "fail = 0.99");
        let err = Program::parse(&text).unwrap_err();
        assert!(err.message.contains("fail ≤ pass"), "{err}");
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
        q.name = "Uitrol \"2027\"\\ fase\n1\u{7}".into();
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
    fn a_syntax_error_has_a_line_and_column() {
        let err = Program::parse("name = \"x\"\n[[wave]\n").unwrap_err();
        assert_eq!(err.line, 2, "{err}");
        assert!(err.column.is_some());
    }
}
