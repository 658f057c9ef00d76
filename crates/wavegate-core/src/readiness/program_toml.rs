//! A program as `program.toml` text: written from a stored program, or from the API's JSON, so
//! both are read by the one set of program rules in [`Program::parse`].

use super::program::{Program, ThresholdOverride};
use crate::i18n::Text;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A program as JSON gives it (`POST`/`PUT /api/v1/programs`): the shape of [`Program`], with
/// what program.toml may leave out left out here too, and unknown keys refused, so a misspelt
/// `helpdesk_capacity` is an error rather than a capacity gate silently off.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgramInput {
    name: String,
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
    waves: Vec<WaveInput>,
    #[serde(default)]
    thresholds: BTreeMap<String, ThresholdOverride>,
}

/// One wave as JSON gives it; dates as `YYYY-MM-DD` text, checked by the program rules.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WaveInput {
    id: String,
    #[serde(default)]
    name: Option<String>,
    start: String,
    end: String,
    #[serde(default)]
    planned_size: Option<u32>,
}

/// Why a JSON program is refused before the program rules read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramJsonError {
    /// Line of the JSON body, from 1.
    pub line: usize,
    /// Column of the JSON body, from 1.
    pub column: usize,
    /// What the JSON parser expected (its own words, in English: they quote the JSON).
    pub detail: String,
}

impl ProgramJsonError {
    /// The error as a person reads it.
    pub fn text(&self) -> Text {
        Text::new(
            format!(
                "Het programma is geen geldige JSON (regel {}, kolom {}): {}",
                self.line,
                self.column,
                crate::parser_text::dutch(&self.detail)
            ),
            format!(
                "The program is not valid JSON (line {}, column {}): {}",
                self.line,
                self.column,
                crate::parser_text::english(&self.detail)
            ),
        )
    }
}

impl ProgramInput {
    /// Reads the JSON body; the program rules come after, through [`ProgramInput::to_toml`].
    pub fn from_json(body: &[u8]) -> Result<ProgramInput, ProgramJsonError> {
        serde_json::from_slice(body).map_err(|e| ProgramJsonError {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        })
    }

    /// program.toml text with what was given, in the order [`Program::to_toml`] writes (the
    /// planner's form maps error lines back to its fields by that order).
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = writeln!(out, "name = {}", toml_string(&self.name));
        if let Some(attributes) = &self.split_attributes {
            let _ = writeln!(out, "split_attributes = {}", toml_strings(attributes));
        }
        if let Some(depth) = self.segment_depth {
            let _ = writeln!(out, "segment_depth = {depth}");
        }
        if let Some(c) = self.helpdesk_capacity_per_day {
            let _ = writeln!(out, "helpdesk_capacity_per_day = {}", toml_float(c));
        }
        if let Some(c) = self.confidence {
            let _ = writeln!(out, "confidence = {}", toml_float(c));
        }
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
            if let Some(name) = &w.name {
                let _ = writeln!(out, "name = {}", toml_string(name));
            }
            let _ = writeln!(out, "start = {}", toml_date(&w.start));
            let _ = writeln!(out, "end = {}", toml_date(&w.end));
            if let Some(n) = w.planned_size {
                let _ = writeln!(out, "planned_size = {n}");
            }
        }
        for (metric, o) in &self.thresholds {
            let _ = writeln!(out, "\n[thresholds.{}]", toml_key(metric));
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

impl From<&Program> for ProgramInput {
    fn from(p: &Program) -> ProgramInput {
        ProgramInput {
            name: p.name.clone(),
            split_attributes: Some(p.split_attributes.clone()),
            segment_depth: Some(i64::from(p.segment_depth)),
            helpdesk_capacity_per_day: p.helpdesk_capacity_per_day,
            confidence: Some(p.confidence),
            rollout_ticket_categories: p.rollout_ticket_categories.clone(),
            waves: p
                .waves
                .iter()
                .map(|w| WaveInput {
                    id: w.id.clone(),
                    name: w.name.clone(),
                    start: w.start.format("%Y-%m-%d").to_string(),
                    end: w.end.format("%Y-%m-%d").to_string(),
                    planned_size: w.planned_size,
                })
                .collect(),
            thresholds: p
                .thresholds
                .iter()
                .map(|(m, o)| (m.id().to_string(), *o))
                .collect(),
        }
    }
}

impl Program {
    /// The program as `program.toml` text that [`Program::parse`] reads back to the same
    /// program, so a program kept by the server can be downloaded and scored with the CLI.
    pub fn to_toml(&self) -> String {
        ProgramInput::from(self).to_toml()
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

/// A table key: bare when TOML allows it (every metric id), else quoted, so an unknown name
/// from JSON reaches the program rules as that name.
fn toml_key(key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if bare {
        key.to_string()
    } else {
        toml_string(key)
    }
}

/// A date: bare (a TOML local date) when it is one, else the text as a string, which the
/// program rules then refuse with the date they expected.
fn toml_date(text: &str) -> String {
    match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(d) if d.format("%Y-%m-%d").to_string() == text => text.to_string(),
        _ => toml_string(text),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::readiness::program::{DEFAULT_SEGMENT_DEPTH, DEFAULT_SPLIT_ATTRIBUTES};

    fn from_json(json: &str) -> Result<Program, String> {
        let input = ProgramInput::from_json(json.as_bytes()).map_err(|e| e.detail)?;
        Program::parse(&input.to_toml()).map_err(|e| e.render(crate::i18n::Lang::En))
    }

    #[test]
    fn json_may_leave_out_what_program_toml_may() {
        let p = from_json(
            r#"{"name": "Uitrol", "waves": [{"id": "pilot", "start": "2027-01-11", "end": "2027-01-22"}]}"#,
        )
        .unwrap();
        assert_eq!(p.confidence, 0.80);
        assert_eq!(p.segment_depth, DEFAULT_SEGMENT_DEPTH);
        assert_eq!(
            p.split_attributes,
            DEFAULT_SPLIT_ATTRIBUTES.map(String::from)
        );
        assert_eq!(p.waves[0].planned_size, None);
    }

    #[test]
    fn a_misspelt_key_is_refused_with_its_place() {
        let e =
            ProgramInput::from_json(b"{\"name\": \"x\",\n \"helpdesk_capacity\": 40}").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.detail.contains("helpdesk_capacity"), "{}", e.detail);
        let e = from_json(
            r#"{"name": "x", "waves": [{"id": "a", "start": "2027-01-01", "end": "2027-01-02", "size": 4}]}"#,
        )
        .unwrap_err();
        assert!(e.contains("size"), "{e}");
    }

    #[test]
    fn an_unknown_metric_or_a_bad_date_meets_the_program_rules() {
        let e = from_json(
            r#"{"name": "x", "waves": [{"id": "a", "start": "2027-01-01", "end": "2027-01-02"}],
                "thresholds": {"speed of light": {"fail": 0.5}}}"#,
        )
        .unwrap_err();
        assert!(e.contains("speed of light"), "{e}");
        let e = from_json(
            r#"{"name": "x", "waves": [{"id": "a", "start": "2027-13-45", "end": "2027-01-02"}]}"#,
        )
        .unwrap_err();
        assert!(e.contains("2027-13-45"), "{e}");
    }

    #[test]
    fn a_wave_name_in_json_meets_the_program_rules_at_its_line() {
        let p = from_json(
            r#"{"name": "x", "waves": [{"id": "wave-2", "name": "Regio Noord", "start": "2027-01-01", "end": "2027-01-02"}]}"#,
        )
        .unwrap();
        assert_eq!(p.waves[0].name.as_deref(), Some("Regio Noord"));
        let input = ProgramInput::from_json(
            r#"{"name": "x", "waves": [{"id": "a", "name": " ", "start": "2027-01-01", "end": "2027-01-02"}]}"#
                .as_bytes(),
        )
        .unwrap();
        let toml = input.to_toml();
        let err = Program::parse(&toml).unwrap_err();
        assert_eq!(
            toml.lines().nth(err.line as usize - 1),
            Some("name = \" \""),
            "{toml}"
        );
        assert_eq!(
            err.message(crate::i18n::Lang::En),
            "the name is empty; fill one in"
        );
    }

    #[test]
    fn the_stored_program_as_json_reads_back_the_same() {
        let p = from_json(
            r#"{"name": "Uitrol \"27\"", "split_attributes": ["platform"], "segment_depth": 1,
                "helpdesk_capacity_per_day": 40.0, "confidence": 0.9,
                "rollout_ticket_categories": ["enrollment"],
                "waves": [{"id": "pilot", "name": "Pilot IT", "start": "2027-01-11", "end": "2027-01-22", "planned_size": 40},
                          {"id": "wave-1", "start": "2027-02-01", "end": "2027-02-12"}],
                "thresholds": {"enrollment_completion": {"fail": 0.7, "pass": null}}}"#,
        )
        .unwrap();
        let json = serde_json::to_vec(&p).unwrap();
        let again = ProgramInput::from_json(&json).unwrap();
        assert_eq!(Program::parse(&again.to_toml()).unwrap(), p);
        assert_eq!(again.to_toml(), p.to_toml());
    }
}
