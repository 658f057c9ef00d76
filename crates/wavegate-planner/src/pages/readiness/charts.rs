//! The dashboard's charts, SVG drawn from the numbers (geometry in `wavegate_ui::chart`, the
//! frame in `frame`), each with a sentence and a table as its text alternative, and printable:
//! the waves over time (enrolled against planned per wave, `timeline`), readiness over time
//! from the stored evaluations (`trend`; planners can store this one), and the helpdesk
//! forecast against capacity (here).

use super::frame::{LEFT, RIGHT, TOP, W};
use super::timeline::timeline;
use super::trend::{SeriesKey, Trend};
use crate::components::notice::Failure;
use crate::components::sideways::SidewaysChart;
use crate::i18n::{Msg, fill, t};
use crate::session::Session;
use leptos::prelude::*;
use wavegate_core::api::{Evaluation, EvaluationsQuery};
use wavegate_core::i18n::count;
use wavegate_core::readiness::render::{forecast_parts, going_ahead_fits, no_forecast};
use wavegate_core::readiness::text;
use wavegate_ui::api::{ApiError, readiness};
use wavegate_ui::chart::{Scale, ticks};

/// The helpdesk forecast: median and 90% bound of tickets a day against the capacity.
fn forecast(e: &Evaluation) -> AnyView {
    let lang = e.report.lang;
    let Some(f) = &e.report.helpdesk_forecast else {
        let why = no_forecast(&e.report).unwrap_or_default();
        return view! { <p class="no-forecast">{why}</p> }.into_any();
    };
    let top = f
        .tickets_per_day_q90
        .max(f.capacity_per_day.unwrap_or(0.0))
        .max(0.1)
        * 1.15;
    let h = 180.0;
    // Each bar's label stands above it, from the left edge: beside it, a label as long as
    // "90%-bovengrens per dag" ran off the chart at a phone's larger type. Room is left at the
    // right for the value after the longest bar.
    let x = Scale::linear((0.0, top), (LEFT, W - RIGHT - 60.0));
    let bar = |row: f64, value: f64, class: &'static str, label: Msg| {
        let y0 = TOP + row * 60.0;
        view! {
            <text x=LEFT y=y0 + 14.0>{t(label)}</text>
            <rect class=class x=x.map(0.0) y=y0 + 22.0 width=(x.map(value) - x.map(0.0)).max(1.0) height="26" />
            <text x=x.map(value) + 6.0 y=y0 + 42.0>{text::num(value, 1, lang)}</text>
        }
    };
    let capacity = f.capacity_per_day.map(|c| {
        let px = x.map(c);
        view! {
            <line class="capacity" x1=px x2=px y1=TOP + 18.0 y2=TOP + 112.0 />
            <text x=px y=h - 16.0 text-anchor="middle">{format!("{} {}", Msg::CapacityLine.text(lang), text::num(c, 1, lang))}</text>
        }
    });
    let desc = fill(
        Msg::ForecastDesc,
        lang,
        &[
            ("median", text::num(f.tickets_per_day_median, 1, lang)),
            ("q90", text::num(f.tickets_per_day_q90, 1, lang)),
            ("size", count(f.wave_size as u64, lang)),
            (
                "capacity",
                f.capacity_per_day
                    .map_or("–".into(), |c| text::num(c, 1, lang)),
            ),
            (
                "max",
                f.max_wave_size
                    .map_or("–".into(), |m| count(m as u64, lang)),
            ),
        ],
    );
    // Which groups bring the tickets, when their rates differ enough to forecast them apart.
    let desc = desc + &forecast_parts(f, lang) + &going_ahead_fits(f, lang);
    // The capacity's label stands at the foot of its line, over the axis: a tick label there
    // would print on top of it (twice "1,0").
    let clear_of_capacity = |v: &f64| {
        f.capacity_per_day
            .is_none_or(|c| (x.map(*v) - x.map(c)).abs() >= 70.0)
    };
    let axis = ticks(0.0, top, 5)
        .into_iter()
        .filter(|v| *v <= top)
        .filter(clear_of_capacity)
        .map(|v| view! { <text x=x.map(v) y=h - 2.0 text-anchor="middle">{text::num(v, 1, lang)}</text> })
        .collect_view();
    let chart = view! {
        <svg class="chart real-size forecast-chart" width=W height=h viewBox=format!("0 0 {W} {h}") role="img" aria-labelledby="forecast-title forecast-desc">
            {bar(0.0, f.tickets_per_day_median, "bar", Msg::ForecastMedian)}
            {bar(1.0, f.tickets_per_day_q90, "bar-q90", Msg::ForecastQ90)}
            {capacity}
            {axis}
        </svg>
    }
    .into_any();
    view! {
        // At its real size: on a phone it scrolls rather than shrinking its labels.
        <SidewaysChart id="forecast" label=Msg::ForecastTitle>{chart}</SidewaysChart>
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
        saved.set(false);
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
            // The button lost focus when it was disabled while saving: focus goes to what came
            // of it, the confirmation, else back to the button to try again.
            let to = if saved.get_untracked() {
                "evaluation-saved"
            } else {
                "save-evaluation"
            };
            wavegate_ui::dom::focus_id_soon(to.into());
        });
    };
    // Stored evaluations carry their wave's id; the trend names it as the program does now
    // (`wave-2 (Hoofdkantoor)`), from this report's waves.
    let labels: StoredValue<Vec<(String, String)>> = StoredValue::new(evaluation.with_value(|e| {
        e.report
            .enrollment_timeline
            .iter()
            .map(|w| (w.wave.clone(), w.label()))
            .collect()
    }));
    let trend_view = move || {
        stored.get().map(|r| match r {
            Ok(mut list) => {
                labels.with_value(|labels| {
                    for wave in list.iter_mut().filter_map(|e| e.next_wave.as_mut()) {
                        if let Some((_, label)) = labels.iter().find(|(id, _)| id == wave) {
                            *wave = label.clone();
                        }
                    }
                });
                view! { <Trend list=list lang=lang selected=series /> }.into_any()
            }
            Err(e) => view! { <Failure error=Signal::stored(Some(e)) /> }.into_any(),
        })
    };
    view! {
        <section class="card charts" aria-labelledby="charts-timeline">
            <h2 id="charts-timeline">{t(Msg::TimelineTitle)}</h2>
            {evaluation.with_value(|e| timeline(&e.report))}
        </section>
        <section class="card charts" aria-labelledby="trend-title">
            <h2 id="trend-title">{t(Msg::TrendTitle)}</h2>
            <Suspense fallback=|| ()>{trend_view}</Suspense>
            // History holds what was seen on each day: only today's view can be stored.
            {move || session.can_change().then(|| if wavegate_ui::dom::utc_today() == Some(at) {
                view! {
                    <div class="toolbar">
                        <button id="save-evaluation" type="button" class="secondary" disabled=move || busy.get() on:click=save.clone()>{t(Msg::SaveEvaluation)}</button>
                    </div>
                }.into_any()
            } else {
                view! { <p class="muted save-hint">{t(Msg::SaveOnlyToday)}</p> }.into_any()
            })}
            {move || saved.get().then(|| view! {
                <p id="evaluation-saved" class="banner banner-ok" role="status" tabindex="-1">{fill(Msg::EvaluationSaved, lang, &[("at", text::long_date(at, lang))])}</p>
            })}
            <Failure error=failed />
        </section>
        <section class="card charts" aria-labelledby="forecast-title">
            <h2 id="forecast-title">{t(Msg::ForecastTitle)}</h2>
            {evaluation.with_value(forecast)}
        </section>
    }
}
