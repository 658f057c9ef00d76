//! The dashboard's charts, SVG drawn here from the numbers (geometry in `wavegate_ui::chart`),
//! each with a sentence and a table as its text alternative, and printable: the waves over
//! time (planned against people in started waves and the advice), readiness over time from
//! the stored evaluations (`trend`; planners can store this one), and the helpdesk forecast
//! against capacity.

use super::trend::{SeriesKey, Trend};
use crate::components::notice::Failure;
use crate::i18n::{Msg, fill, t};
use crate::session::Session;
use chrono::NaiveDate;
use leptos::prelude::*;
use wavegate_core::api::{Evaluation, EvaluationsQuery};
use wavegate_core::readiness::program::Wave;
use wavegate_core::readiness::text;
use wavegate_ui::api::{ApiError, programs, readiness};
use wavegate_ui::chart::{Scale, line_path, step_path, ticks};

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

pub(super) fn short(d: NaiveDate) -> String {
    d.format("%d-%m").to_string()
}

/// Horizontal grid lines with their labels on the left.
pub(super) fn y_axis(y: Scale, values: &[f64], label: impl Fn(f64) -> String) -> AnyView {
    values
        .iter()
        .map(|v| {
            let py = y.map(*v);
            view! {
                <line class="grid" x1=LEFT x2=W - RIGHT y1=py y2=py />
                <text x=LEFT - 6.0 y=py + 4.0 text-anchor="end">{label(*v)}</text>
            }
        })
        .collect_view()
        .into_any()
}

/// The waves over time: planned people added up at each wave's start, against the people in
/// waves that have started on the evaluation date and what the advice adds.
fn timeline(e: &Evaluation, waves: &[Wave]) -> AnyView {
    let r = &e.report;
    let lang = r.lang;
    let mut waves: Vec<&Wave> = waves.iter().collect();
    waves.sort_by_key(|w| w.start);
    let (Some(first), Some(last)) = (waves.first(), waves.last()) else {
        return ().into_any();
    };
    let origin = first.start;
    let end = last.end.max(r.evaluated_at);
    let mut total = 0u32;
    let mut planned: Vec<(NaiveDate, u32)> = Vec::new();
    for w in &waves {
        total += w.planned_size.unwrap_or(0);
        planned.push((w.start, total));
    }
    let rolled = r.data.rolled_out;
    let next = r.decision.as_ref().map_or(0, |d| d.recommended_size);
    let next_start = r
        .next_wave
        .as_ref()
        .and_then(|id| waves.iter().find(|w| &w.id == id))
        .map(|w| w.start);
    let top = f64::from(total.max(rolled + next).max(1));
    let x = Scale::linear((0.0, days(origin, end).max(1.0)), (LEFT, W - RIGHT));
    let y = Scale::linear((0.0, top), (H - BOTTOM, TOP));
    let mut plan_points: Vec<(f64, f64)> = vec![(x.map(0.0), y.map(0.0))];
    plan_points.extend(
        planned
            .iter()
            .map(|(d, n)| (x.map(days(origin, *d)), y.map(f64::from(*n)))),
    );
    plan_points.push((x.map(days(origin, end)), y.map(f64::from(total))));
    let mut actual: Vec<(f64, f64)> = vec![(
        x.map(days(origin, r.evaluated_at)),
        y.map(f64::from(rolled)),
    )];
    if let Some(s) = next_start {
        actual.push((x.map(days(origin, s)), y.map(f64::from(rolled + next))));
    }
    let dots = actual
        .iter()
        .map(|(px, py)| view! { <circle class="dot" cx=*px cy=*py r="4" /> })
        .collect_view();
    let wave_labels = waves
        .iter()
        .map(|w| {
            let px = x.map(days(origin, w.start));
            view! {
                <line class="axis" x1=px x2=px y1=H - BOTTOM y2=H - BOTTOM + 5.0 />
                <text x=px y=H - BOTTOM + 18.0 text-anchor="middle">{w.id.clone()}</text>
                <text x=px y=H - BOTTOM + 32.0 text-anchor="middle">{short(w.start)}</text>
            }
        })
        .collect_view();
    let desc = fill(
        Msg::TimelineDesc,
        lang,
        &[
            ("planned", total.to_string()),
            ("waves", waves.len().to_string()),
            ("at", text::long_date(r.evaluated_at, lang)),
            ("rolled", rolled.to_string()),
            ("next", next.to_string()),
            ("wave", r.next_wave.clone().unwrap_or_else(|| "–".into())),
        ],
    );
    let rows = waves
        .iter()
        .map(|w| {
            view! {
                <tr>
                    <th scope="row">{w.id.clone()}</th>
                    <td>{text::long_date(w.start, lang)}</td>
                    <td>{text::long_date(w.end, lang)}</td>
                    <td class="num">{w.planned_size.map_or("–".into(), |n| n.to_string())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="chart-figure">
            <svg class="chart scaled" viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby="charts-timeline timeline-desc">
                {y_axis(y, &ticks(0.0, top, 4), |v| format!("{v}"))}
                <line class="axis" x1=LEFT x2=W - RIGHT y1=H - BOTTOM y2=H - BOTTOM />
                {wave_labels}
                <path class="planned" d=step_path(&plan_points) />
                <path class="actual" d=line_path(&actual) />
                {dots}
            </svg>
            <ul class="legend">
                <li><span class="swatch planned"></span>{t(Msg::PlannedCumulative)}</li>
                <li><span class="swatch actual"></span>{t(Msg::RolledOutCumulative)}</li>
            </ul>
            <p id="timeline-desc">{desc}</p>
            <details>
                <summary>{t(Msg::WavesTitle)}</summary>
                <table>
                    <thead><tr>
                        <th scope="col">{t(Msg::WaveCol)}</th><th scope="col">{t(Msg::StartCol)}</th>
                        <th scope="col">{t(Msg::EndCol)}</th><th scope="col" class="num">{t(Msg::PlannedCol)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
    .into_any()
}

/// The helpdesk forecast: median and 90% bound of tickets a day against the capacity.
fn forecast(e: &Evaluation) -> AnyView {
    let lang = e.report.lang;
    let Some(f) = &e.report.helpdesk_forecast else {
        return view! { <p>{t(Msg::NoForecast)}</p> }.into_any();
    };
    let top = f
        .tickets_per_day_q90
        .max(f.capacity_per_day.unwrap_or(0.0))
        .max(0.1)
        * 1.15;
    let h = 150.0;
    let x = Scale::linear((0.0, top), (LEFT + 110.0, W - RIGHT));
    let bar = |row: f64, value: f64, class: &'static str, label: Msg| {
        let y0 = TOP + row * 44.0;
        view! {
            <text x=LEFT + 104.0 y=y0 + 20.0 text-anchor="end">{t(label)}</text>
            <rect class=class x=x.map(0.0) y=y0 width=(x.map(value) - x.map(0.0)).max(1.0) height="28" />
            <text x=x.map(value) + 6.0 y=y0 + 20.0>{text::num(value, 1, lang)}</text>
        }
    };
    let capacity = f.capacity_per_day.map(|c| {
        let px = x.map(c);
        view! {
            <line class="capacity" x1=px x2=px y1=TOP - 6.0 y2=TOP + 96.0 />
            <text x=px y=h - 16.0 text-anchor="middle">{format!("{} {}", Msg::CapacityLine.text(lang), text::num(c, 1, lang))}</text>
        }
    });
    let desc = fill(
        Msg::ForecastDesc,
        lang,
        &[
            ("median", text::num(f.tickets_per_day_median, 1, lang)),
            ("q90", text::num(f.tickets_per_day_q90, 1, lang)),
            ("size", f.wave_size.to_string()),
            (
                "capacity",
                f.capacity_per_day
                    .map_or("–".into(), |c| text::num(c, 1, lang)),
            ),
            ("max", f.max_wave_size.map_or("–".into(), |m| m.to_string())),
        ],
    );
    let axis = ticks(0.0, top, 5)
        .into_iter()
        .filter(|v| *v <= top)
        .map(|v| view! { <text x=x.map(v) y=h - 2.0 text-anchor="middle">{text::num(v, 1, lang)}</text> })
        .collect_view();
    view! {
        <svg class="chart scaled" viewBox=format!("0 0 {W} {h}") role="img" aria-labelledby="forecast-title forecast-desc">
            {bar(0.0, f.tickets_per_day_median, "bar", Msg::ForecastMedian)}
            {bar(1.0, f.tickets_per_day_q90, "bar-q90", Msg::ForecastQ90)}
            {capacity}
            {axis}
        </svg>
        <ul class="legend"><li><span class="swatch capacity"></span>{t(Msg::CapacityLine)}</li></ul>
        <p id="forecast-desc">{desc}</p>
    }
    .into_any()
}

/// The charts of one evaluation.
#[component]
pub fn Charts(evaluation: StoredValue<Evaluation>, program: String) -> impl IntoView {
    let session = Session::get();
    let (lang, at) = evaluation.with_value(|e| (e.report.lang, e.at));
    let for_detail = program.clone();
    let detail = LocalResource::new(move || {
        let p = for_detail.clone();
        async move { programs::get(&p).await }
    });
    let for_list = program.clone();
    // With each evaluation's segments: the trend offers any of them.
    let stored = LocalResource::new(move || {
        let p = for_list.clone();
        let query = EvaluationsQuery {
            segments: Some(true),
        };
        async move { readiness::evaluations(&p, query).await }
    });
    let series = RwSignal::new(None::<SeriesKey>);
    let saved = RwSignal::new(false);
    let failed = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let save = move |_| {
        let (csrf, p) = (session.csrf(), program.clone());
        busy.set(true);
        leptos::task::spawn_local(async move {
            match readiness::save_evaluation(&csrf, &p, at, lang).await {
                Ok(_) => {
                    failed.set(None);
                    saved.set(true);
                    stored.refetch();
                }
                Err(e) => failed.set(Some(e)),
            }
            busy.set(false);
        });
    };
    let timeline_view = move || {
        detail.get().map(|r| match r.ok().and_then(|d| d.program) {
            Some(p) => evaluation.with_value(|e| timeline(e, &p.waves)),
            None => ().into_any(),
        })
    };
    let trend_view = move || {
        stored.get().map(|r| match r {
            Ok(list) => view! { <Trend list=list lang=lang selected=series /> }.into_any(),
            Err(e) => view! { <Failure error=Signal::stored(Some(e)) /> }.into_any(),
        })
    };
    view! {
        <section class="card charts" aria-labelledby="charts-timeline">
            <h2 id="charts-timeline">{t(Msg::TimelineTitle)}</h2>
            <Suspense fallback=|| ()>{timeline_view}</Suspense>
        </section>
        <section class="card charts" aria-labelledby="trend-title">
            <h2 id="trend-title">{t(Msg::TrendTitle)}</h2>
            <Suspense fallback=|| ()>{trend_view}</Suspense>
            // History holds what was seen on each day: only today's view can be stored.
            {move || session.can_change().then(|| if wavegate_ui::dom::utc_today() == Some(at) {
                view! {
                    <div class="toolbar">
                        <button type="button" class="secondary" disabled=move || busy.get() on:click=save.clone()>{t(Msg::SaveEvaluation)}</button>
                    </div>
                }.into_any()
            } else {
                view! { <p class="muted">{t(Msg::SaveOnlyToday)}</p> }.into_any()
            })}
            {move || saved.get().then(|| view! {
                <p class="banner banner-ok" role="status">{fill(Msg::EvaluationSaved, lang, &[("at", text::long_date(at, lang))])}</p>
            })}
            <Failure error=failed />
        </section>
        <section class="card charts" aria-labelledby="forecast-title">
            <h2 id="forecast-title">{t(Msg::ForecastTitle)}</h2>
            {evaluation.with_value(forecast)}
        </section>
    }
}
