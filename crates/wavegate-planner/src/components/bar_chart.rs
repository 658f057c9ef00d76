//! A horizontal bar chart drawn as SVG by the app: a label above each bar and its figures in
//! text beside it, so it reads without colour, prints as vectors and fits a phone.

use leptos::prelude::*;
use wavegate_core::i18n::Lang;

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// What the bar stands for in the data (`data-value`, e.g. a scale point or choice id).
    pub key: String,
    /// What a person reads above the bar.
    pub label: String,
    /// The count shown beside the bar (`data-cell="count"`) as people read it, when the bar is
    /// a count.
    pub count: Option<String>,
    /// The rest of the figures beside the bar, e.g. " · 40%".
    pub figure: String,
    /// The bar's length as a share of the longest possible bar, 0–1.
    pub length: f64,
}

impl Bar {
    /// A bar for `count` of `total` (the share as its length and in its figures).
    pub fn count(key: &str, label: String, count: usize, total: usize, lang: Lang) -> Bar {
        let share = if total == 0 {
            0.0
        } else {
            count as f64 / total as f64
        };
        Bar {
            key: key.to_string(),
            label,
            count: Some(wavegate_core::i18n::count(count as u64, lang)),
            figure: format!(
                " · {}%",
                wavegate_core::i18n::percent_of(count as u64, total as u64)
            ),
            length: share,
        }
    }

    /// What a screen reader hears for the bar.
    fn spoken(&self) -> String {
        let count = self.count.as_deref().unwrap_or_default();
        format!("{}: {count}{}", self.label, self.figure)
    }
}

/// Height of one bar's row (label line and bar) in CSS pixels.
const ROW: usize = 36;
/// The longest bar, in per cent of the chart's width: the rest is room for the figures.
const LONGEST: f64 = 72.0;

/// The chart. `name` is its accessible name (e.g. the question); the bars' labels and figures
/// are read out with it, since assistive technology reads an SVG image as one thing.
pub fn bar_chart(name: &str, bars: Vec<Bar>) -> impl IntoView + use<> {
    let spoken = bars.iter().map(Bar::spoken).collect::<Vec<_>>().join("; ");
    // A question that ends in its own punctuation is not given a second full stop.
    let stop = if name.trim_end().ends_with(['.', '?', '!', ':', '…']) {
        " "
    } else {
        ". "
    };
    let height = bars.len() * ROW + 4;
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let top = i * ROW;
            let length = bar.length.clamp(0.0, 1.0) * LONGEST;
            view! {
                <g data-value=bar.key>
                    <text class="chart-label" x="0" y=top + 13>{bar.label}</text>
                    <rect class="chart-track" x="0" y=top + 18 width=format!("{LONGEST}%") height="14" />
                    <rect class="chart-bar" x="0" y=top + 18 width=format!("{length:.2}%") height="14" />
                    <text class="chart-figure" x=format!("{:.2}%", length) dx="6" y=top + 30>
                        {bar.count.map(|c| view! { <tspan data-cell="count">{c}</tspan> })}
                        <tspan>{bar.figure}</tspan>
                    </text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="chart" role="img" aria-label=format!("{}{stop}{spoken}", name.trim_end()) width="100%" height=height
            xmlns="http://www.w3.org/2000/svg">
            {rows}
        </svg>
    }
}
