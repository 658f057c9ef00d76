//! The frame every dashboard chart is drawn in: the view box with room for the axes' labels,
//! where a date falls, and the y axis with its grid lines.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use wavegate_core::i18n::Lang;
use wavegate_ui::chart::Scale;

/// The drawing area: a 600 × 240 view box with room for the axes' labels.
pub(super) const W: f64 = 600.0;
pub(super) const H: f64 = 240.0;
pub(super) const LEFT: f64 = 52.0;
pub(super) const RIGHT: f64 = 16.0;
pub(super) const TOP: f64 = 14.0;
pub(super) const BOTTOM: f64 = 40.0;

pub(super) fn days(from: NaiveDate, to: NaiveDate) -> f64 {
    (to - from).num_days() as f64
}

/// A date on an axis, short but unambiguous in either language (`29 sep`, `29 Sep`): numbers
/// alone (`08-12`) read as 12 August to an American.
pub(super) fn short(d: NaiveDate, lang: Lang) -> String {
    const NL: [&str; 12] = [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    match lang {
        Lang::Nl => format!("{} {}", d.day(), NL[d.month0() as usize]),
        Lang::En => d.format("%-d %b").to_string(),
    }
}

/// Horizontal grid lines across a chart `w` wide, with their labels on the left.
pub(super) fn y_axis(y: Scale, values: &[f64], w: f64, label: impl Fn(f64) -> String) -> AnyView {
    values
        .iter()
        .map(|v| {
            let py = y.map(*v);
            view! {
                <line class="grid" x1=LEFT x2=w - RIGHT y1=py y2=py />
                <text x=LEFT - 6.0 y=py + 4.0 text-anchor="end">{label(*v)}</text>
            }
        })
        .collect_view()
        .into_any()
}
