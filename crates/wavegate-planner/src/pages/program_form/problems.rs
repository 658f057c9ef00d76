//! Which field of the program form a problem belongs to, and the problem in words.
//!
//! The rules of a program are the core's: the form's program is checked in the browser by
//! `Program::parse` on the program.toml `Program::to_toml` makes of it, the very check the
//! server runs on a JSON body, so a problem found here or by the server names a line of that
//! same text. That line tells the field: the key written on it, within its `[[wave]]` or
//! `[thresholds.…]` section.

use crate::i18n::Msg;
use std::collections::BTreeMap;
use wavegate_core::api::{ProgramProblems, ProgramSupport, SupportError};
use wavegate_core::i18n::{Lang, Text};
use wavegate_core::readiness::Program;
use wavegate_core::readiness::metric::MetricId;
use wavegate_core::readiness::program::threshold_problems::{Bound, threshold_problems};
use wavegate_core::tabular::InputError;

/// A field of a wave row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WaveField {
    /// Its id.
    Id,
    /// Its name.
    Name,
    /// First day.
    Start,
    /// Last day.
    End,
    /// Planned size.
    PlannedSize,
}

/// A field (or group of fields) of the program form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The program as a whole (a problem no field owns).
    Whole,
    /// The name.
    Name,
    /// The list of waves (none given).
    Waves,
    /// One field of the wave at this position.
    Wave(usize, WaveField),
    /// Split attributes.
    SplitAttributes,
    /// Segment depth.
    SegmentDepth,
    /// Helpdesk capacity per day.
    Capacity,
    /// Decision confidence.
    Confidence,
    /// Rollout ticket categories.
    Categories,
    /// One of the four overrides of a metric.
    Threshold(MetricId, Bound),
    /// The helpdesk text in one language.
    Helpdesk(Lang),
    /// The FAQ link.
    FaqUrl,
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Not a number where one is needed.
    NotANumber,
    /// Not a whole number.
    NotAWholeNumber,
    /// Not a date.
    NotADate,
    /// A rule of the program the core found, in its words (both languages when the browser
    /// checked it, the request's language when the server did).
    Rule(Text),
    /// A rule of the support details, in both languages.
    Support(SupportError),
}

impl Problem {
    /// The problem in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Problem::NotANumber => Msg::EnterNumber.text(lang).to_string(),
            Problem::NotAWholeNumber => Msg::EnterWholeNumber.text(lang).to_string(),
            Problem::NotADate => Msg::EnterDate.text(lang).to_string(),
            Problem::Rule(detail) => detail.get(lang).to_string(),
            Problem::Support(e) => e.message(lang),
        }
    }
}

/// The words of a core file problem, in both languages.
fn rule_text(e: &InputError) -> Text {
    Text::new(e.message(Lang::Nl), e.message(Lang::En))
}

/// The top-level keys of program.toml and their fields.
const TOP_KEYS: [(&str, Field); 6] = [
    ("name", Field::Name),
    ("split_attributes", Field::SplitAttributes),
    ("segment_depth", Field::SegmentDepth),
    ("helpdesk_capacity_per_day", Field::Capacity),
    ("confidence", Field::Confidence),
    ("rollout_ticket_categories", Field::Categories),
];

/// The field a problem on `line` of `toml` (text made by `Program::to_toml`) belongs to. A
/// problem of the file as a whole (line 0) belongs to the key its message names, if any.
pub fn field_at(toml: &str, line: u64, message: &str) -> Field {
    if line == 0 {
        if message.contains("[[wave]]") {
            return Field::Waves;
        }
        return TOP_KEYS
            .iter()
            .find(|(key, _)| message.contains(&format!("`{key}`")))
            .map_or(Field::Whole, |(_, f)| *f);
    }
    let mut wave: Option<usize> = None;
    let mut metric: Option<MetricId> = None;
    for (n, text) in toml.lines().enumerate() {
        let t = text.trim();
        if t == "[[wave]]" {
            wave = Some(wave.map_or(0, |w| w + 1));
            metric = None;
        } else if let Some(id) = t
            .strip_prefix("[thresholds.")
            .and_then(|r| r.strip_suffix(']'))
        {
            wave = None;
            metric = MetricId::parse(id);
        }
        if n as u64 + 1 != line {
            continue;
        }
        let key = t.split('=').next().unwrap_or("").trim();
        if let Some(m) = metric {
            let bound = match key {
                "pass" => Bound::Pass,
                "min_n" => Bound::MinN,
                "weight" => Bound::Weight,
                _ => Bound::Fail,
            };
            return Field::Threshold(m, bound);
        }
        if let Some(w) = wave {
            let field = match key {
                "name" => WaveField::Name,
                "start" => WaveField::Start,
                "end" => WaveField::End,
                "planned_size" => WaveField::PlannedSize,
                _ => WaveField::Id,
            };
            return Field::Wave(w, field);
        }
        return TOP_KEYS
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(Field::Whole, |(_, f)| *f);
    }
    Field::Whole
}

/// Checks the form's program and support details with the core's rules, as the server will:
/// `Err` holds every field with a problem (the first problem of each), so that one attempt
/// shows them all.
pub fn check(program: &Program, support: &ProgramSupport) -> Result<(), BTreeMap<Field, Problem>> {
    let toml = program.to_toml();
    let mut found = BTreeMap::new();
    for e in Program::check(&toml).err().unwrap_or_default() {
        let field = field_at(&toml, e.line, &e.message(Lang::En));
        if !threshold_boxes(program, field, &mut found) {
            found
                .entry(field)
                .or_insert_with(|| Problem::Rule(rule_text(&e)));
        }
    }
    for e in support.problems() {
        found
            .entry(support_field(&e))
            .or_insert(Problem::Support(e));
    }
    if found.is_empty() { Ok(()) } else { Err(found) }
}

/// The fields and problems of the server's `invalid_program` answer for `program` (sent as
/// JSON, so its lines are those of `program.to_toml()`): every problem it lists, the first of
/// each field kept.
pub fn from_server(program: &Program, problems: &ProgramProblems) -> BTreeMap<Field, Problem> {
    let toml = program.to_toml();
    let mut found = BTreeMap::new();
    for p in problems.all() {
        let detail = crate::components::file_problem::detail(p);
        let field = field_at(&toml, p.line.unwrap_or(0), &detail);
        if !threshold_boxes(program, field, &mut found) {
            found
                .entry(field)
                .or_insert_with(|| Problem::Rule(Text::new(detail.clone(), detail)));
        }
    }
    found
}

/// When `field` is a metric's threshold, notes the core's problems of that metric's overrides
/// at the boxes at fault, in the form's words (the file's message names its keys, and would
/// mark every box of the metric), and says so; `false` for any other field, or a threshold
/// problem the core cannot place in a box, which keeps the file's message.
fn threshold_boxes(program: &Program, field: Field, found: &mut BTreeMap<Field, Problem>) -> bool {
    let Field::Threshold(metric, _) = field else {
        return false;
    };
    let overrides = program.thresholds.get(&metric).copied().unwrap_or_default();
    let problems = threshold_problems(metric, &overrides);
    for p in &problems {
        let text = Text::new(p.message(Lang::Nl), p.message(Lang::En));
        for bound in &p.bounds {
            found
                .entry(Field::Threshold(metric, *bound))
                .or_insert_with(|| Problem::Rule(text.clone()));
        }
    }
    problems.iter().any(|p| !p.bounds.is_empty())
}

/// The field of a support problem.
pub fn support_field(e: &SupportError) -> Field {
    match e {
        SupportError::Helpdesk { lang } => Field::Helpdesk(*lang),
        SupportError::FaqUrl => Field::FaqUrl,
    }
}
