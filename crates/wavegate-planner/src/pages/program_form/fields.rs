//! The program form's fields as the planner types them, and reading them into a `Program` and
//! its support details. Reading only turns text into numbers and dates; whether the program
//! keeps the rules is decided by the core (see [`super::problems`]).

use super::problems::{Field, Problem};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::collections::BTreeMap;
use wavegate_core::api::ProgramSupport;
use wavegate_core::dates::parse_date;
use wavegate_core::i18n::{Lang, Text};
use wavegate_core::readiness::Program;
use wavegate_core::readiness::metric::MetricId;
use wavegate_core::readiness::program::threshold_problems::{Bound, Fault, ThresholdProblem};
use wavegate_core::readiness::program::{ThresholdOverride, Wave};

/// One wave row of the form.
#[derive(Clone, Copy, Debug)]
pub struct WaveRow {
    /// Stable key of the row (rows are added and removed).
    pub key: usize,
    /// The wave's id, as the roster's `wave` column writes it.
    pub id: RwSignal<String>,
    /// The name planners know it by (empty: none).
    pub name: RwSignal<String>,
    /// First day (`YYYY-MM-DD`, as a date input gives it).
    pub start: RwSignal<String>,
    /// Last day.
    pub end: RwSignal<String>,
    /// Planned number of people (empty: the roster's count).
    pub planned: RwSignal<String>,
}

/// The overrides of one metric; an empty box keeps the default.
#[derive(Clone, Copy, Debug)]
pub struct ThresholdRow {
    /// The metric.
    pub metric: MetricId,
    /// Fail threshold.
    pub fail: RwSignal<String>,
    /// Pass threshold.
    pub pass: RwSignal<String>,
    /// Minimum evidence.
    pub min_n: RwSignal<String>,
    /// Weight in its dimension.
    pub weight: RwSignal<String>,
}

/// Every field of the program form.
#[derive(Clone, Copy, Debug)]
pub struct ProgramFields {
    /// The program's name.
    pub name: RwSignal<String>,
    /// The waves, in order.
    pub waves: RwSignal<Vec<WaveRow>>,
    next_key: StoredValue<usize>,
    /// Split attributes, comma-separated.
    pub split_attributes: RwSignal<String>,
    /// How deep segments nest.
    pub segment_depth: RwSignal<String>,
    /// Rollout tickets the helpdesk handles per day (empty: no capacity gate).
    pub capacity: RwSignal<String>,
    /// Decision confidence.
    pub confidence: RwSignal<String>,
    /// Ticket categories that count as rollout tickets, comma-separated (empty: all).
    pub categories: RwSignal<String>,
    /// One row per metric, in the core's report order.
    pub thresholds: StoredValue<Vec<ThresholdRow>>,
    /// How respondents reach the helpdesk, in Dutch.
    pub helpdesk_nl: RwSignal<String>,
    /// How respondents reach the helpdesk, in English.
    pub helpdesk_en: RwSignal<String>,
    /// The FAQ page respondents see.
    pub faq_url: RwSignal<String>,
}

/// A number as the form's reader writes it (`0,8` in Dutch); [`ProgramFields::read`] takes
/// either mark back.
fn number(v: f64, lang: Lang) -> String {
    let text = v.to_string();
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text,
    }
}

/// `text` rewritten for `lang` when it is a number written with the other language's decimal
/// mark (`0,8` for English, `0.8` for Dutch); else `None`. Only a lone mark is swapped, the
/// planner's digits kept as typed: a text that is no such number is the planner's to fix.
fn relocalized(text: &str, lang: Lang) -> Option<String> {
    let marks = text.chars().filter(|c| matches!(c, '.' | ',')).count();
    let reads = text.trim().replace(',', ".").parse::<f64>();
    if marks != 1 || !reads.is_ok_and(f64::is_finite) {
        return None;
    }
    let written = match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text.replace(',', "."),
    };
    (written != text).then_some(written)
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

fn wave_row(key: usize, w: Option<&Wave>) -> WaveRow {
    WaveRow {
        key,
        id: RwSignal::new(w.map(|w| w.id.clone()).unwrap_or_default()),
        name: RwSignal::new(w.and_then(|w| w.name.clone()).unwrap_or_default()),
        start: RwSignal::new(w.map(|w| w.start.to_string()).unwrap_or_default()),
        end: RwSignal::new(w.map(|w| w.end.to_string()).unwrap_or_default()),
        planned: RwSignal::new(
            w.and_then(|w| w.planned_size)
                .map(|n| n.to_string())
                .unwrap_or_default(),
        ),
    }
}

impl ProgramFields {
    /// The form filled in with `program` and `support`, its numbers written for `lang`.
    pub fn new(program: &Program, support: &ProgramSupport, lang: Lang) -> ProgramFields {
        let waves: Vec<WaveRow> = if program.waves.is_empty() {
            vec![wave_row(0, None)]
        } else {
            program
                .waves
                .iter()
                .enumerate()
                .map(|(i, w)| wave_row(i, Some(w)))
                .collect()
        };
        let next = waves.len();
        let thresholds = MetricId::ALL
            .into_iter()
            .map(|metric| {
                let o = program.thresholds.get(&metric).copied().unwrap_or_default();
                let text =
                    |v: Option<f64>| RwSignal::new(v.map(|v| number(v, lang)).unwrap_or_default());
                ThresholdRow {
                    metric,
                    fail: text(o.fail),
                    pass: text(o.pass),
                    min_n: text(o.min_n),
                    weight: text(o.weight),
                }
            })
            .collect();
        let helpdesk = support.helpdesk.clone().unwrap_or_default();
        ProgramFields {
            name: RwSignal::new(program.name.clone()),
            waves: RwSignal::new(waves),
            next_key: StoredValue::new(next),
            split_attributes: RwSignal::new(list(&program.split_attributes)),
            segment_depth: RwSignal::new(program.segment_depth.to_string()),
            capacity: RwSignal::new(
                program
                    .helpdesk_capacity_per_day
                    .map(|v| number(v, lang))
                    .unwrap_or_default(),
            ),
            confidence: RwSignal::new(number(program.confidence, lang)),
            categories: RwSignal::new(list(&program.rollout_ticket_categories)),
            thresholds: StoredValue::new(thresholds),
            helpdesk_nl: RwSignal::new(helpdesk.nl),
            helpdesk_en: RwSignal::new(helpdesk.en),
            faq_url: RwSignal::new(support.faq_url.clone().unwrap_or_default()),
        }
    }

    /// Writes every decimal field's number for `lang`, as [`ProgramFields::new`] would have:
    /// after the planner switches the page's language the numbers follow it, as its hints do.
    pub fn write_numbers_for(&self, lang: Lang) {
        let mut fields = vec![self.capacity, self.confidence];
        self.thresholds.with_value(|rows| {
            for r in rows {
                fields.extend([r.fail, r.pass, r.min_n, r.weight]);
            }
        });
        for field in fields {
            if let Some(text) = field.with_untracked(|t| relocalized(t, lang)) {
                field.set(text);
            }
        }
    }

    /// Adds an empty wave row at the end.
    pub fn add_wave(&self) {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        self.waves.update(|w| w.push(wave_row(key, None)));
    }

    /// Removes the wave row with `key`.
    pub fn remove_wave(&self, key: usize) {
        self.waves.update(|w| w.retain(|r| r.key != key));
    }

    /// Every text the fields hold, as typed: two snapshots differ exactly when the planner
    /// changed something in between (added or removed a wave too).
    pub fn texts(&self) -> Vec<String> {
        let mut all = vec![
            self.name.get_untracked(),
            self.split_attributes.get_untracked(),
            self.segment_depth.get_untracked(),
            self.capacity.get_untracked(),
            self.confidence.get_untracked(),
            self.categories.get_untracked(),
            self.helpdesk_nl.get_untracked(),
            self.helpdesk_en.get_untracked(),
            self.faq_url.get_untracked(),
        ];
        for w in self.waves.get_untracked() {
            all.extend([w.id, w.name, w.start, w.end, w.planned].map(|f| f.get_untracked()));
        }
        self.thresholds.with_value(|rows| {
            for r in rows {
                all.extend([r.fail, r.pass, r.min_n, r.weight].map(|f| f.get_untracked()));
            }
        });
        all
    }

    /// The program and support details the fields hold, with the fields whose text is not a
    /// number or a date where one is needed. A field that does not read is left out of the
    /// program (a wave without its dates entirely), so the core can still check the rest and
    /// one attempt shows every problem.
    pub fn read(&self) -> Read {
        let mut problems = BTreeMap::new();
        let mut optional_number = |field: Field, text: String| -> Option<f64> {
            let t = text.trim().replace(',', ".");
            if t.is_empty() {
                return None;
            }
            t.parse::<f64>()
                .inspect_err(|_| {
                    problems.insert(field, Problem::NotANumber);
                })
                .ok()
        };
        let capacity = optional_number(Field::Capacity, self.capacity.get_untracked());
        let confidence = optional_number(Field::Confidence, self.confidence.get_untracked());
        let thresholds: BTreeMap<MetricId, ThresholdOverride> =
            self.thresholds.with_value(|rows| {
                rows.iter()
                    .filter_map(|r| {
                        let mut number = |bound: Bound, text: RwSignal<String>| {
                            let field = Field::Threshold(r.metric, bound);
                            optional_number(field, text.get_untracked())
                        };
                        let o = ThresholdOverride {
                            fail: number(Bound::Fail, r.fail),
                            pass: number(Bound::Pass, r.pass),
                            min_n: number(Bound::MinN, r.min_n),
                            weight: number(Bound::Weight, r.weight),
                        };
                        (o != ThresholdOverride::default()).then_some((r.metric, o))
                    })
                    .collect()
            });
        // A threshold box that is no number is said as the core says its other problems: the
        // metric and the number by name.
        for (field, problem) in &mut problems {
            if let (Field::Threshold(metric, bound), Problem::NotANumber) = (*field, &*problem) {
                let said = ThresholdProblem {
                    metric,
                    fault: Fault::NotANumber,
                    bounds: vec![bound],
                };
                *problem = Problem::Rule(Text::new(said.message(Lang::Nl), said.message(Lang::En)));
            }
        }
        let segment_depth = self.segment_depth.get_untracked().trim().parse::<u8>();
        if segment_depth.is_err() {
            problems.insert(Field::SegmentDepth, Problem::NotAWholeNumber);
        }
        let rows = self.waves.get_untracked();
        let mut undated = Vec::new();
        let waves: Vec<Wave> = rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let mut date = |text: String, field| {
                    let d = parse_date(text.trim());
                    if d.is_none() {
                        problems.insert(Field::Wave(i, field), Problem::NotADate);
                    }
                    d
                };
                let start = date(row.start.get_untracked(), super::problems::WaveField::Start);
                let end = date(row.end.get_untracked(), super::problems::WaveField::End);
                // A date that does not read is said at its field; the wave still goes to the
                // core with an end before its start, so its other fields are checked while the
                // core leaves it out of the order of the waves.
                let (start, end) = match (start, end) {
                    (Some(s), Some(e)) => (s, e),
                    (s, e) => {
                        undated.push(i);
                        // Any date TOML writes will do where neither reads.
                        let anchor = s.or(e).or(NaiveDate::from_ymd_opt(2000, 1, 1));
                        let anchor = anchor.unwrap_or_default();
                        (anchor.succ_opt().unwrap_or(anchor), anchor)
                    }
                };
                let planned = row.planned.get_untracked();
                let planned_size = if planned.trim().is_empty() {
                    None
                } else {
                    match whole_number(&planned) {
                        Some(n) => Some(n),
                        None => {
                            problems.insert(
                                Field::Wave(i, super::problems::WaveField::PlannedSize),
                                Problem::NotAWholeNumber,
                            );
                            None
                        }
                    }
                };
                let name = row.name.get_untracked().trim().to_string();
                Wave {
                    id: row.id.get_untracked().trim().to_string(),
                    name: (!name.is_empty()).then_some(name),
                    start,
                    end,
                    planned_size,
                }
            })
            .collect();
        let words = |text: String| -> Vec<String> {
            text.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        let program = Program {
            name: self.name.get_untracked().trim().to_string(),
            split_attributes: words(self.split_attributes.get_untracked()),
            segment_depth: segment_depth.unwrap_or_default(),
            helpdesk_capacity_per_day: capacity,
            confidence: confidence.unwrap_or_else(|| defaults().confidence),
            rollout_ticket_categories: words(self.categories.get_untracked()),
            waves,
            thresholds,
        };
        let helpdesk = Text::new(
            self.helpdesk_nl.get_untracked(),
            self.helpdesk_en.get_untracked(),
        );
        let support = ProgramSupport {
            helpdesk: Some(helpdesk),
            faq_url: Some(self.faq_url.get_untracked()),
        };
        Read {
            program,
            support,
            problems,
            undated,
        }
    }
}

/// A count as people write it: `1390`, or with a separator between groups of three digits as
/// either language writes thousands (`1.390`, `1,390`, `1 390`). A separator anywhere else
/// (`1,5`, `13.90`) is no whole number: guessing could turn a decimal into a count.
pub fn whole_number(text: &str) -> Option<u32> {
    let text = text.trim();
    let groups: Vec<&str> = text.split(['.', ',', ' ', '\u{a0}', '\u{202f}']).collect();
    let grouped = (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3);
    if groups.len() > 1 && !grouped {
        return None;
    }
    let digits = groups.concat();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// What the form's fields hold: the program and support details (without what does not read),
/// the fields that do not read, and which wave rows the program's waves are.
pub struct Read {
    /// The program, without fields that do not read.
    pub program: Program,
    /// The support details.
    pub support: ProgramSupport,
    /// The fields whose text is not a number or date where one is needed.
    pub problems: BTreeMap<Field, Problem>,
    /// The wave rows with a date that does not read (sent to the core with stand-in dates).
    undated: Vec<usize>,
}

impl Read {
    /// Every problem of the form: the fields that do not read, and the core's problems with the
    /// rest (not those of the stand-in dates).
    pub fn all_problems(&self) -> BTreeMap<Field, Problem> {
        use super::problems::WaveField;
        let mut found = self.problems.clone();
        let core = super::problems::check(&self.program, &self.support).err();
        for (field, problem) in core.unwrap_or_default() {
            if let Field::Wave(i, WaveField::Start | WaveField::End) = field
                && self.undated.contains(&i)
            {
                continue;
            }
            found.entry(field).or_insert(problem);
        }
        found
    }
}

/// What a program is when its program.toml sets nothing but its name and a wave: the core's
/// defaults (split attributes, segment depth, confidence), taken from the core's own parser
/// rather than repeated here.
pub fn defaults() -> Program {
    const BARE: &str =
        "name = \"x\"\n[[wave]]\nid = \"pilot\"\nstart = 2027-01-11\nend = 2027-01-29\n";
    #[allow(clippy::expect_used)]
    let mut p = Program::parse(BARE).expect("a bare program.toml is valid");
    // A new program's name is the planner's to give (the core requires one on saving).
    p.name.clear();
    p.waves.clear();
    p
}
