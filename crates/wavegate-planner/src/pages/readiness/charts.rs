//! The dashboard's charts, SVG drawn here from the numbers (geometry in `wavegate_ui::chart`),
//! each with a sentence and a table as its text alternative, and printable: the waves over
//! time (enrolled against planned per wave, in `timeline`), readiness over time from the
//! stored evaluations (planners can store this one), and the helpdesk forecast against
//! capacity.

use crate::components::notice::Failure;
use crate::i18n::{Msg, fill, t};
use crate::session::Session;
use chrono::NaiveDate;
use leptos::prelude::*;
use wavegate_core::api::{Evaluation, EvaluationSummary};
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::text;
use wavegate_ui::api::{ApiError, readiness};
use wavegate_ui::chart::{Scale, line_path, ticks};

/// The drawing area: a 600 × 240 view box with room for the axes' labels.
pub(super) const W: f64 = 600.0;
const H: f64 = 240.0;
pub(super) const LEFT: f64 = 52.0;
pub(super) const RIGHT: f64 = 16.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 40.0;

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

/// Readiness over time from the stored evaluations, oldest first.
fn trend(list: &[EvaluationSummary], lang: Lang) -> AnyView {
    let mut points: Vec<&EvaluationSummary> = list.iter().collect();
    points.sort_by_key(|e| e.at);
    let scored: Vec<(NaiveDate, &str, u32, u32)> = points
        .iter()
        .filter_map(|e| {
            let r = e.readiness?;
            let wave = e.next_wave.as_deref().unwrap_or("");
            Some((e.at, wave, r.estimate?, r.conservative?))
        })
        .collect();
    if points.is_empty() {
        return view! { <p>{t(Msg::TrendEmpty)}</p> }.into_any();
    }
    let (first, last) = (points[0].at, points[points.len() - 1].at);
    let x = Scale::linear((0.0, days(first, last)), (LEFT + 10.0, W - RIGHT - 10.0));
    let y = Scale::linear((0.0, 100.0), (H - BOTTOM, TOP));
    let at = |d: NaiveDate| x.map(days(first, d));
    // One line per wave decided on: readiness for wave 1 and for wave 2 are different
    // questions, and one line through both would read as a change over time.
    let mut waves: Vec<&str> = Vec::new();
    for (_, wave, _, _) in &scored {
        if !waves.contains(wave) {
            waves.push(wave);
        }
    }
    let series = |pick: fn(&(NaiveDate, &str, u32, u32)) -> u32, wave: &str| -> Vec<(f64, f64)> {
        scored
            .iter()
            .filter(|p| p.1 == wave)
            .map(|p| (at(p.0), y.map(f64::from(pick(p)))))
            .collect()
    };
    let lines = waves
        .iter()
        .map(|wave| {
            let estimate = series(|p| p.2, wave);
            let conservative = series(|p| p.3, wave);
            let end = estimate.last().copied().unwrap_or_default();
            let dots = estimate
                .iter()
                .map(|(px, py)| view! { <circle class="dot" cx=*px cy=*py r="4" /> })
                .collect_view();
            // The wave's name at its line's last point (text, not colour, tells them apart).
            let label = (waves.len() > 1).then(|| {
                view! { <text x=end.0 y=end.1 - 9.0 text-anchor="middle">{wave.to_string()}</text> }
            });
            view! {
                <path class="actual" d=line_path(&estimate) />
                <path class="conservative" d=line_path(&conservative) />
                {dots}
                {label}
            }
        })
        .collect_view();
    let labels = points
        .iter()
        .map(|e| view! { <text x=at(e.at) y=H - BOTTOM + 18.0 text-anchor="middle">{short(e.at)}</text> })
        .collect_view();
    let latest = scored.last().map_or("–".to_string(), |(_, wave, e, c)| {
        format!("{e}/{c} ({wave})")
    });
    let one = points.len() == 1;
    let desc = fill(
        if one {
            Msg::TrendDescOne
        } else {
            Msg::TrendDesc
        },
        lang,
        &[
            ("n", points.len().to_string()),
            ("first", text::long_date(first, lang)),
            ("last", text::long_date(last, lang)),
            ("value", latest),
        ],
    );
    let rows = points
        .iter()
        .rev()
        .map(|e| {
            let figures = e
                .readiness
                .and_then(|r| Some(format!("{}/{}", r.estimate?, r.conservative?)))
                .unwrap_or_else(|| "–".into());
            view! {
                <tr>
                    <th scope="row">{text::long_date(e.at, lang)}</th>
                    <td>{e.next_wave.clone().unwrap_or_else(|| "–".into())}</td>
                    <td>{e.decision.map_or("–", |k| text::decision_name(k, lang))}</td>
                    <td class="num">{figures}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <svg class="chart scaled" viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby="trend-title trend-desc">
            {y_axis(y, &ticks(0.0, 100.0, 5), |v| format!("{v}"))}
            <line class="axis" x1=LEFT x2=W - RIGHT y1=H - BOTTOM y2=H - BOTTOM />
            {labels}
            {lines}
        </svg>
        <ul class="legend">
            <li><span class="swatch actual"></span>{t(Msg::ReadinessEstimate)}</li>
            <li><span class="swatch conservative"></span>{t(Msg::ReadinessConservative)}</li>
        </ul>
        <p id="trend-desc">{desc}</p>
        <details>
            <summary>{t(Msg::TrendTitle)}</summary>
            <table>
                <thead><tr>
                    <th scope="col">{t(Msg::DateCol)}</th><th scope="col">{t(Msg::WaveCol)}</th>
                    <th scope="col">{t(Msg::DecisionCol)}</th>
                    <th scope="col" class="num">{t(Msg::ReadinessTitle)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
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
    let for_list = program.clone();
    let stored = LocalResource::new(move || {
        let p = for_list.clone();
        async move { readiness::evaluations(&p).await }
    });
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
    let trend_view = move || {
        stored.get().map(|r| match r {
            Ok(list) => trend(&list, lang),
            Err(e) => view! { <Failure error=Signal::stored(Some(e)) /> }.into_any(),
        })
    };
    view! {
        <section class="card charts" aria-labelledby="charts-timeline">
            <h2 id="charts-timeline">{t(Msg::TimelineTitle)}</h2>
            {evaluation.with_value(|e| super::timeline::timeline(&e.report))}
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
