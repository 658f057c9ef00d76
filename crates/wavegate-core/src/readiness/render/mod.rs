//! The report for people: a terminal summary, and the deployment readiness report a planner
//! sends to stakeholders as Markdown or as printable HTML. All in the report's language, and
//! every text from the input files escaped for where it is shown.
//!
//! The Markdown and HTML reports say the same things: [`document`] builds what the report says
//! once, [`markdown`] and [`html`] only write it down. A server adds the communication plan and
//! the lessons-learned log at the end ([`appendix`]); the CLI has neither.

mod appendix;
mod document;
mod html;
mod markdown;
mod terminal;

pub use appendix::Appendix;
pub use html::{Provenance, STYLE as HTML_STYLE, html, html_with};
pub use markdown::{markdown, markdown_with};
pub use terminal::table;

use super::metric::{Dimension, MetricId};
use super::report::{MetricReport, Readiness, Report, SegmentReport};
use super::text::{self, Label, label};
use crate::i18n::{Lang, count};

pub(super) fn scores(r: &Readiness) -> String {
    match (r.estimate, r.conservative) {
        (Some(e), Some(c)) => format!("{e}/{c}"),
        _ => "–".to_string(),
    }
}

/// What readiness was computed over, or why it is not a number (the dashboard says it too).
pub fn assessed(r: &Readiness, lang: Lang) -> String {
    match &r.reason {
        Some(reason) => reason.clone(),
        None => {
            let dims: Vec<String> = r
                .assessed
                .iter()
                .map(|d| text::dimension_name(*d, lang).to_string())
                .collect();
            format!("{}: {}", label(Label::Assessed, lang), dims.join(", "))
        }
    }
}

pub(super) fn estimate(m: &MetricReport, lang: Lang) -> String {
    if m.suppressed {
        return label(Label::Hidden, lang).to_string();
    }
    m.estimate
        .map_or("–".into(), |x| text::metric_value(m, x, lang))
}

pub(super) use super::text::metric_interval as interval;

pub(super) fn dim_cell(s: &SegmentReport, d: Dimension, lang: Lang) -> String {
    match s.dimensions.get(&d) {
        None => "–".into(),
        Some(x) => match x.score {
            Some(sc) => format!("{} {}", text::state_name(x.state, lang), sc.conservative),
            None => text::state_name(x.state, lang).to_string(),
        },
    }
}

/// " (fails in: A, B)" for an action on the whole wave that names segments.
pub(super) fn failing_within(segments: &[crate::readiness::report::Segment], lang: Lang) -> String {
    if segments.is_empty() {
        return String::new();
    }
    let names: Vec<String> = segments.iter().map(|s| text::segment(s, lang)).collect();
    format!(" ({}: {})", label(Label::FailsIn, lang), names.join(", "))
}

/// Why a report has no helpdesk forecast, when it has none: no tickets read, nobody rolled out
/// yet to learn a ticket rate from, or no rollout ticket among those read. Said alike in the
/// reports and on the dashboard (which once said "no tickets were read" beside 44 imported ones,
/// evaluated before the pilot).
pub fn no_forecast(r: &Report) -> Option<&'static str> {
    if r.helpdesk_forecast.is_some() {
        return None;
    }
    Some(
        match (r.data.tickets.unwrap_or(0), r.data.rolled_out, r.lang) {
            (0, _, Lang::Nl) => "Er is geen helpdeskverwachting: er zijn geen tickets ingelezen.",
            (0, _, Lang::En) => "There is no helpdesk forecast: no tickets were read.",
            (_, 0, Lang::Nl) => {
                "Er is nog geen helpdeskverwachting: nog niemand is over, dus er is nog geen ticketkans per persoon om mee te rekenen."
            }
            (_, 0, Lang::En) => {
                "There is no helpdesk forecast yet: nobody has rolled out, so there is no ticket rate per person to forecast from."
            }
            (_, _, Lang::Nl) => {
                "Er is geen helpdeskverwachting: geen van de ingelezen tickets is een uitrolticket van iemand die al over is."
            }
            (_, _, Lang::En) => {
                "There is no helpdesk forecast: none of the tickets read is a rollout ticket of someone already rolled out."
            }
        },
    )
}

/// How the forecast splits over its segments, e.g. " By platform: iOS 3.1/day, Windows 2.0/day."
/// (empty when one pooled rate serves); the reports and the planner's dashboard say it alike.
pub fn forecast_parts(f: &crate::readiness::report::HelpdeskForecast, lang: Lang) -> String {
    let Some(by) = &f.by else {
        return String::new();
    };
    let parts: Vec<String> = f
        .segments
        .iter()
        .map(|p| {
            // People without a value, or in groups too small to name, are one part.
            let name = if p.segment.is_empty() {
                label(Label::ForecastRest, lang).to_string()
            } else {
                p.segment.values().cloned().collect::<Vec<_>>().join(" × ")
            };
            format!(
                "{name} {}/{}",
                text::num(p.tickets_per_day, 1, lang),
                match lang {
                    Lang::Nl => "dag",
                    Lang::En => "day",
                }
            )
        })
        .collect();
    format!(
        " {} {}: {}.",
        text::capitalise(label(Label::ForecastBy, lang)),
        text::attribute(by, lang),
        parts.join(", ")
    )
}

/// The helpdesk section's sentence: the rate, the forecast for the wave against capacity, the
/// largest wave that fits, and (under a split) the one of the part going ahead.
pub fn forecast_line(f: &crate::readiness::report::HelpdeskForecast, lang: Lang) -> String {
    let cap = f
        .capacity_per_day
        .map_or("–".to_string(), |c| text::num(c, 1, lang));
    let max = f.max_wave_size.map_or("–".to_string(), |m| m.to_string());
    let (rate, median, q90) = (
        text::num(f.rate_per_100, 1, lang),
        text::num(f.tickets_per_day_median, 1, lang),
        text::num(f.tickets_per_day_q90, 1, lang),
    );
    let size = f.wave_size;
    let line = match lang {
        Lang::Nl => format!(
            "{rate} tickets per 100 mensen in 14 dagen; bij {size} mensen mediaan {median} en 90%-bovengrens {q90} tickets per dag, capaciteit {cap}; grootste golf die past: {max}."
        ),
        Lang::En => format!(
            "{rate} tickets per 100 people in 14 days; for {size} people a median of {median} and a 90% upper bound of {q90} tickets a day, capacity {cap}; largest wave that fits: {max}."
        ),
    };
    line + &forecast_parts(f, lang) + &going_ahead_fits(f, lang)
}

/// Under a split: the largest wave of the part going ahead that fits, which the decision holds
/// to (its mix differs from the whole wave's the section speaks of); empty otherwise.
pub fn going_ahead_fits(f: &crate::readiness::report::HelpdeskForecast, lang: Lang) -> String {
    let Some(going) = f.going_max_wave_size else {
        return String::new();
    };
    let going = crate::i18n::count(u64::from(going), lang);
    match lang {
        Lang::Nl => format!(
            " Zonder de aangehouden segmenten heeft de golf een andere mix; daarvan past een golf van hooguit {going} mensen."
        ),
        Lang::En => format!(
            " Without the held segments the wave has another mix; of that mix a wave of at most {going} people fits."
        ),
    }
}

/// The enrollment per wave as the reports and the planner's dashboard show it.
pub struct EnrollmentTable {
    /// What the table counts, or why it cannot.
    pub sentence: &'static str,
    /// The column names, in the report's language.
    pub header: Vec<String>,
    /// Per wave: its name, start, end, planned, in the roster, enrolled by the evaluation date,
    /// share of the roster.
    pub rows: Vec<Vec<String>>,
}

impl EnrollmentTable {
    /// Whether a column holds figures (aligned right where the table is drawn).
    pub fn is_figure(column: usize) -> bool {
        column >= 3
    }
}

/// The enrollment per wave as a table; `None` when the report has no timeline (a report
/// stored before it existed).
pub fn enrollment_table(r: &Report) -> Option<EnrollmentTable> {
    if r.enrollment_timeline.is_empty() {
        return None;
    }
    let lang = r.lang;
    let sentence = if r.data.devices.is_some() {
        label(Label::EnrollmentNote, lang)
    } else {
        label(Label::EnrollmentNoDevices, lang)
    };
    let header = vec![
        label(Label::Wave, lang).to_string(),
        label(Label::Start, lang).to_string(),
        label(Label::End, lang).to_string(),
        label(Label::PlannedSize, lang).to_string(),
        label(Label::InRoster, lang).to_string(),
        format!(
            "{} {}",
            label(Label::EnrolledBy, lang),
            text::long_date(r.evaluated_at, lang)
        ),
        label(Label::Share, lang).to_string(),
    ];
    let rows = r
        .enrollment_timeline
        .iter()
        .map(|w| {
            let (enrolled, share) = match (w.enrolled, w.withheld) {
                (_, Some(reason)) => (
                    format!(
                        "{} ({})",
                        label(Label::Withheld, lang),
                        text::suppression_reason(reason, lang)
                    ),
                    "–".to_string(),
                ),
                (Some(n), None) if w.people > 0 => (
                    n.to_string(),
                    text::pct(f64::from(n) / f64::from(w.people), lang),
                ),
                (Some(n), None) => (n.to_string(), "–".to_string()),
                (None, None) => ("–".to_string(), "–".to_string()),
            };
            vec![
                w.label(),
                text::long_date(w.start, lang),
                text::long_date(w.end, lang),
                count(u64::from(w.planned_size), lang),
                count(w.people as u64, lang),
                enrolled,
                share,
            ]
        })
        .collect();
    Some(EnrollmentTable {
        sentence,
        header,
        rows,
    })
}
