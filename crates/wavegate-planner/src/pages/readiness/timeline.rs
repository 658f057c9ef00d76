//! The dashboard's wave timeline: per wave, its people enrolled over time against its planned
//! size, and what the advice gives the next wave; the same figures as a sentence and a table,
//! so a screen reader and a printout get everything the lines show.

use super::frame::{LEFT, RIGHT, W, days, short, y_axis};
use crate::i18n::{Msg, fill, t};
use chrono::NaiveDate;
use leptos::prelude::*;
use wavegate_core::i18n::Lang;
use wavegate_core::i18n::count;
use wavegate_core::readiness::Report;
use wavegate_core::readiness::render::{EnrollmentTable, enrollment_table};
use wavegate_core::readiness::report::WaveEnrollment;
use wavegate_core::readiness::text;
use wavegate_ui::chart::{Scale, spread, step_path, ticks};

/// Taller than the other charts: the planned marks carry their wave's name above them.
const H: f64 = 270.0;
const TOP: f64 = 26.0;
const BOTTOM: f64 = 40.0;
/// What one wave's enrollment reads as in a sentence: the count, or why it is not shown.
fn enrolled_text(w: &WaveEnrollment, lang: Lang) -> Option<String> {
    match (w.withheld, w.enrolled) {
        (Some(reason), _) => Some(text::suppression_reason(reason, lang).to_string()),
        (None, Some(n)) => Some(count(n as u64, lang)),
        (None, None) => None,
    }
}

/// The sentence under the chart: every wave's dates, planned, roster and enrolled figures, and
/// the advice.
fn description(r: &Report) -> String {
    let lang = r.lang;
    let waves: Vec<String> = r
        .enrollment_timeline
        .iter()
        .map(|w| {
            let mut values = vec![
                ("start", text::long_date(w.start, lang)),
                ("end", text::long_date(w.end, lang)),
                ("planned", count(w.planned_size as u64, lang)),
                ("people", count(w.people as u64, lang)),
            ];
            let msg = match (w.withheld, enrolled_text(w, lang)) {
                (Some(_), Some(why)) => {
                    values.push(("why", why));
                    Msg::TimelineWaveWithheld
                }
                (None, Some(n)) => {
                    values.push(("enrolled", n));
                    Msg::TimelineWave
                }
                _ => Msg::TimelineWaveUnknown,
            };
            // The wave's name last: text from a file is never read for placeholders.
            values.push(("wave", w.label()));
            fill(msg, lang, &values)
        })
        .collect();
    let mut out = fill(
        Msg::TimelineDesc,
        lang,
        &[
            ("at", text::long_date(r.evaluated_at, lang)),
            ("waves", waves.join("; ")),
        ],
    );
    if let (Some(d), Some(wave)) = (&r.decision, r.next_wave_label()) {
        out.push(' ');
        out += &fill(
            Msg::TimelineAdvice,
            lang,
            &[
                ("next", count(d.recommended_size as u64, lang)),
                ("wave", text::wave_named(&wave, lang)),
            ],
        );
    }
    out
}

/// The figures as a table, in a `<details>` under the chart: the reports' own table
/// ([`enrollment_table`]), so the dashboard and a sent report never disagree.
fn table(r: &Report) -> Option<AnyView> {
    let EnrollmentTable { header, rows, .. } = enrollment_table(r)?;
    let class = |column: usize| EnrollmentTable::is_figure(column).then_some("num");
    // On a phone each wave reads as a card: each figure after its column's name.
    let label = |column: usize| header.get(column).cloned();
    let rows = rows
        .into_iter()
        .map(|row| {
            let mut cells = row.into_iter().enumerate();
            let name = cells.next().map(|(_, wave)| wave);
            let figures = cells
                .map(|(c, cell)| view! { <td class=class(c) data-label=label(c)>{cell}</td> })
                .collect_view();
            view! { <tr><th scope="row">{name}</th>{figures}</tr> }
        })
        .collect_view();
    let header = header
        .into_iter()
        .enumerate()
        .map(|(c, name)| view! { <th scope="col" class=class(c)>{name}</th> })
        .collect_view();
    Some(
        view! {
            <details class="chart-table">
                <summary>{t(Msg::WavesTitle)}</summary>
                // Wider than the screen, the table scrolls, not the page; on a phone its rows stack.
                <div class="table-scroll" role="region" aria-label=t(Msg::WavesTitle) tabindex="0">
                    <table class="stack">
                        <thead><tr>{header}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        }
        .into_any(),
    )
}

/// The points of a wave's enrolled line: from its start (or its first enrollment, when
/// earlier) to the evaluation date, as day and count; `None` for a wave with nothing to draw
/// (withheld, no devices, or not started and nobody in it enrolled yet).
fn enrolled_line(w: &WaveEnrollment, at: NaiveDate) -> Option<Vec<(NaiveDate, u32)>> {
    let first = w.series.first()?;
    if w.start > at && w.enrolled == Some(0) {
        return None;
    }
    let begin = if w.start <= at {
        w.start.min(first.date)
    } else {
        first.date
    };
    let mut points = vec![(begin, 0)];
    points.extend(w.series.iter().map(|p| (p.date, p.enrolled)));
    Some(points)
}

/// Room a label takes in the chart, in CSS pixels (the chart is drawn at one view-box unit a
/// pixel): its type size, the height between stacked labels, and the width of a character of
/// the system font, on the generous side.
const FONT: f64 = 12.0;
const LABEL_HEIGHT: f64 = FONT + 3.0;
const CHAR_WIDTH: f64 = FONT * 0.66;
/// The widths the chart is drawn at: a phone's card and the dashboard's 40rem.
const NARROWEST: f64 = 260.0;
const WIDEST: f64 = 640.0;

/// The labels drawn so far, as boxes (left, right, top, bottom): a label that would cover one
/// goes elsewhere or, where it only repeats what the axis, the sentence and the table say,
/// is left out.
#[derive(Default)]
struct Labels(Vec<(f64, f64, f64, f64)>);

impl Labels {
    /// The box of `text` with its baseline at `y`, anchored at `x` as `anchor` says.
    fn bounds(x: f64, y: f64, text: &str, anchor: &str) -> (f64, f64, f64, f64) {
        let w = text.chars().count() as f64 * CHAR_WIDTH;
        let left = match anchor {
            "middle" => x - w / 2.0,
            "end" => x - w,
            _ => x,
        };
        (left, left + w, y - FONT, y + FONT * 0.3)
    }

    fn free(&self, b: (f64, f64, f64, f64)) -> bool {
        self.0
            .iter()
            .all(|o| b.1 <= o.0 || o.1 <= b.0 || b.3 <= o.2 || o.3 <= b.2)
    }

    /// Takes the first of `tries` (baselines) where `text` covers no label, within `left..right`;
    /// its baseline, or `None` where it fits nowhere.
    fn place(
        &mut self,
        x: f64,
        tries: &[f64],
        text: &str,
        anchor: &str,
        (left, right): (f64, f64),
    ) -> Option<f64> {
        let y = tries.iter().copied().find(|&y| {
            let b = Self::bounds(x, y, text, anchor);
            b.0 >= left && b.1 <= right && b.2 >= 0.0 && self.free(b)
        })?;
        self.0.push(Self::bounds(x, y, text, anchor));
        Some(y)
    }
}

/// The chart itself, drawn `w` pixels wide at one view-box unit a pixel, so its type is 12
/// pixels on a phone as on a laptop; labels that would cover each other are moved or left out.
fn chart(r: &Report, w: f64) -> AnyView {
    let waves = &r.enrollment_timeline;
    let Some(first) = waves.first() else {
        return ().into_any();
    };
    let at = r.evaluated_at;
    let origin = waves.iter().map(|w| w.start).min().unwrap_or(first.start);
    let end = waves
        .iter()
        .map(|w| w.end)
        .max()
        .unwrap_or(first.end)
        .max(at);
    let advice = (r.decision.as_ref())
        .zip(r.next_wave.as_ref())
        .and_then(|(d, id)| Some((waves.iter().find(|w| &w.wave == id)?, d.recommended_size)));
    let top = waves
        .iter()
        .map(|w| w.planned_size.max(w.people))
        .chain(advice.map(|(_, n)| n))
        .max()
        .unwrap_or(0)
        .max(1);
    // The axis runs to its last grid line, at or above the largest figure, so every planned
    // mark sits under a labelled line (up to 260 planned: lines at 0, 100, 200 and 300).
    let y_ticks = ticks(0.0, f64::from(top), 4);
    let y_top = y_ticks.last().copied().unwrap_or(1.0).max(f64::from(top));
    let (left, right) = (LEFT, w - RIGHT);
    let x = Scale::linear((0.0, days(origin, end).max(1.0)), (left, right));
    let y = Scale::linear((0.0, y_top), (H - BOTTOM, TOP));
    // Before the first wave is drawn at its start: the count there includes it.
    let px = |d: NaiveDate| x.map(days(origin, d.max(origin)));
    let py = |n: u32| y.map(f64::from(n));
    let lines: Vec<(&WaveEnrollment, Vec<(NaiveDate, u32)>)> = waves
        .iter()
        .filter_map(|w| Some((w, enrolled_line(w, at)?)))
        .collect();
    let end_x = px(at);
    let mut labels = Labels::default();
    // First the figures: each line's count at its end, moved apart where lines end close
    // together; on the left of the end when the evaluation date is near the right edge.
    let line_texts: Vec<String> = (lines.iter())
        .map(|(w, p)| format!("{}: {}", w.wave, p.last().map_or(0, |p| p.1)))
        .collect();
    let longest = line_texts
        .iter()
        .map(|t| t.chars().count())
        .max()
        .unwrap_or(0) as f64;
    let label_y = spread(
        &lines
            .iter()
            .map(|(_, p)| p.last().map_or(0.0, |l| py(l.1)) + 4.0)
            .collect::<Vec<_>>(),
        LABEL_HEIGHT,
        (TOP + FONT, H - BOTTOM - 4.0),
    );
    let (label_x, anchor) = if end_x + 8.0 + longest * CHAR_WIDTH > w {
        (end_x - 8.0, "end")
    } else {
        (end_x + 8.0, "start")
    };
    for (t, ly) in line_texts.iter().zip(&label_y) {
        labels.0.push(Labels::bounds(label_x, *ly, t, anchor));
    }
    // Then each wave's id and start under the axis, in order, those that fit: the ticks stay
    // at every start, and the sentence and the table under the chart name every wave.
    let axis_labels = waves
        .iter()
        .map(|wave| {
            let x0 = px(wave.start);
            let date = short(wave.start, r.lang);
            // Centred under its tick, but never past the chart's left edge, where the y axis
            // writes its 0.
            let wider = wave.wave.chars().count().max(date.chars().count()) as f64;
            let half = wider * CHAR_WIDTH / 2.0;
            let lx = x0.clamp(left + half, (w - half).max(left + half));
            let (id_y, date_y) = (H - BOTTOM + 15.0, H - BOTTOM + 31.0);
            let boxes = [
                Labels::bounds(lx, id_y, &wave.wave, "middle"),
                Labels::bounds(lx, date_y, &date, "middle"),
            ];
            let fits = boxes
                .iter()
                .all(|b| labels.free(*b) && b.0 >= 0.0 && b.1 <= w);
            if fits {
                labels.0.extend(boxes);
            }
            view! {
                <line class="axis" x1=x0 x2=x0 y1=H - BOTTOM y2=H - BOTTOM + 5.0 />
                {fits.then(|| view! {
                    <text x=lx y=id_y text-anchor="middle">{wave.wave.clone()}</text>
                    <text x=lx y=date_y text-anchor="middle">{date.clone()}</text>
                })}
            }
        })
        .collect_view();
    // Last the planned marks' names: above the mark, else a line higher, else under it, else
    // left out (the axis names the wave).
    let planned = waves
        .iter()
        .map(|wave| {
            let (x0, x1, yy) = (px(wave.start), px(wave.end), py(wave.planned_size));
            let half = wave.wave.chars().count() as f64 * CHAR_WIDTH / 2.0;
            let mid = ((x0 + x1) / 2.0).clamp(left + half, (right - half).max(left + half));
            let tries = [yy - 6.0, yy - 6.0 - LABEL_HEIGHT, yy + 6.0 + FONT];
            let name = labels
                .place(mid, &tries, &wave.wave, "middle", (left, right))
                .map(
                    |ly| view! { <text x=mid y=ly text-anchor="middle">{wave.wave.clone()}</text> },
                );
            view! {
                <line class="planned" x1=x0 x2=x1 y1=yy y2=yy />
                {name}
            }
        })
        .collect_view();
    let enrolled = lines
        .iter()
        .zip(&label_y)
        .zip(line_texts)
        .map(|(((_, points), ly), text)| {
            let drawn: Vec<(f64, f64)> = points.iter().map(|(d, n)| (px(*d), py(*n))).collect();
            let last = drawn.last().copied().unwrap_or_default();
            view! {
                <path class="actual" d=step_path(&drawn) />
                <circle class="dot" cx=last.0 cy=last.1 r="3.5" />
                <text class="line-label" x=label_x y=*ly text-anchor=anchor>{text}</text>
            }
        })
        .collect_view();
    let advice_mark = advice.map(|(w, n)| {
        let (x0, x1, yy) = (px(w.start), px(w.end), py(n));
        view! { <line class="advice" x1=x0 x2=x1 y1=yy y2=yy /> }
    });
    view! {
        <svg class="chart timeline-chart" viewBox=format!("0 0 {w} {H}") role="img" aria-labelledby="charts-timeline timeline-desc">
            {y_axis(y, &y_ticks, w, |v| format!("{v}"))}
            <line class="axis" x1=LEFT x2=w - RIGHT y1=H - BOTTOM y2=H - BOTTOM />
            {axis_labels}
            {planned}
            {advice_mark}
            {enrolled}
        </svg>
    }
    .into_any()
}

/// Enrolled against planned, per wave, over time: a step line of each wave's enrolled people
/// named at its end, its planned size as a dashed mark over its weeks named above it, the
/// advice for the next wave as a mark of its own; or, without devices.csv, a sentence saying
/// why there is nothing to draw.
pub fn timeline(r: &Report) -> AnyView {
    if r.enrollment_timeline.is_empty() {
        return ().into_any();
    }
    let desc = description(r);
    if r.data.devices.is_none() {
        return view! {
            <p class="banner banner-info">{t(Msg::TimelineNoDevices)}</p>
            <p id="timeline-desc">{desc}</p>
            {table(r)}
        }
        .into_any();
    }
    let has_advice = r.decision.is_some() && r.next_wave.is_some();
    let report = StoredValue::new(r.clone());
    // Drawn as wide as its box, at one unit a pixel: a phone's chart is not the laptop's
    // shrunk to half, with its labels at 6 pixels and over each other.
    let figure = NodeRef::<leptos::html::Figure>::new();
    let width = RwSignal::new(W);
    crate::components::layout::on_layout(
        move || figure.get().is_some(),
        move || {
            let Some(Some(f)) = figure.try_get_untracked() else {
                return false;
            };
            let w = f64::from(f.client_width());
            if w > 0.0 {
                width.set(w.clamp(NARROWEST, WIDEST).floor());
            }
            w > 0.0
        },
    );
    view! {
        <figure class="chart-figure" node_ref=figure>
            {move || report.with_value(|r| chart(r, width.get()))}
            <ul class="legend">
                <li><span class="swatch actual"></span>{t(Msg::EnrolledCumulative)}</li>
                <li><span class="swatch planned"></span>{t(Msg::PlannedPerWave)}</li>
                {has_advice.then(|| view! { <li><span class="swatch advice"></span>{t(Msg::AdviceLegend)}</li> })}
            </ul>
            <p id="timeline-desc">{desc}</p>
            {table(r)}
        </figure>
    }
    .into_any()
}
