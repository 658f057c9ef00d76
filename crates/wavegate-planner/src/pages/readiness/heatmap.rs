//! The heatmap of segments × dimensions: a real table (row and column headers), each cell its
//! state in colour AND in words with its conservative score, each a button that opens the
//! drill-down to the metrics behind it, with their intervals and evidence.

use crate::i18n::{Msg, fill, t};
use leptos::prelude::*;
use wavegate_core::api::Evaluation;
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::metric::{Dimension, State};
use wavegate_core::readiness::report::{MetricReport, SegmentReport};
use wavegate_core::readiness::text;

/// The CSS class of a state (colour; the word is always beside it).
pub fn state_class(s: State) -> &'static str {
    match s {
        State::Pass => "state-pass",
        State::Warn => "state-warn",
        State::Fail => "state-fail",
        State::Insufficient => "state-insufficient",
        State::Info => "state-info",
    }
}

const DRILL_ID: &str = "heatmap-drill";

fn cell_text(s: &SegmentReport, d: Dimension, lang: Lang) -> Option<(State, String)> {
    s.dimensions.get(&d).map(|x| {
        let word = text::state_name(x.state, lang);
        let text = match x.score {
            Some(sc) => format!("{word} {}", sc.conservative),
            None => word.to_string(),
        };
        (x.state, text)
    })
}

fn value(m: &MetricReport, x: f64, lang: Lang) -> String {
    use wavegate_core::readiness::metric::MetricId;
    match m.id {
        MetricId::TicketRate | MetricId::Sus | MetricId::Nps => text::num(x, 1, lang),
        _ => text::num(x, 2, lang),
    }
}

fn metric_row(m: &MetricReport, lang: Lang) -> AnyView {
    let hidden = m.suppressed;
    let estimate = if hidden {
        "–".to_string()
    } else {
        m.estimate.map_or("–".into(), |x| value(m, x, lang))
    };
    let interval = if hidden {
        "–".to_string()
    } else {
        m.interval.map_or("–".into(), |[lo, hi]| {
            format!("{}–{}", value(m, lo, lang), value(m, hi, lang))
        })
    };
    let p = m.p_pass.map_or("–".into(), |p| text::num(p, 2, lang));
    view! {
        <tr>
            <th scope="row">{text::metric_name(m.id, lang)}</th>
            <td class=state_class(m.state)>{text::state_name(m.state, lang)}</td>
            <td class="num">{estimate}</td>
            <td class="num">{interval}</td>
            <td class="num">{format!("{} {}", m.n, text::unit(m.id, lang))}</td>
            <td class="num">{p}</td>
            <td>{text::source_name(m.source, lang)}</td>
        </tr>
    }
    .into_any()
}

/// The metrics of one segment and dimension.
fn drill(s: &SegmentReport, d: Dimension, lang: Lang) -> AnyView {
    let title = fill(
        Msg::DrillTitle,
        lang,
        &[
            (
                "segment",
                text::capitalise(&text::segment(&s.segment, lang)),
            ),
            ("dimension", text::dimension_name(d, lang).to_string()),
        ],
    );
    let rows: Vec<_> = s
        .metrics
        .iter()
        .filter(|m| m.dimension == d)
        .map(|m| metric_row(m, lang))
        .collect();
    let empty = rows.is_empty();
    view! {
        <h3 id="drill-title" tabindex="-1">{title}</h3>
        {if empty {
            view! { <p>{t(Msg::NoMetrics)}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll" role="region" aria-labelledby="drill-title" tabindex="0">
                    <table class="drill">
                        <thead><tr>
                            <th scope="col">{t(Msg::Metric)}</th>
                            <th scope="col">{t(Msg::State)}</th>
                            <th scope="col" class="num">{t(Msg::Estimate)}</th>
                            <th scope="col" class="num">{t(Msg::Interval80)}</th>
                            <th scope="col" class="num">{t(Msg::EvidenceN)}</th>
                            <th scope="col" class="num">{t(Msg::PPass)}</th>
                            <th scope="col">{t(Msg::Source)}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
    }
    .into_any()
}

/// The heatmap with its drill-down.
#[component]
pub fn Heatmap(evaluation: StoredValue<Evaluation>) -> impl IntoView {
    let selected = RwSignal::new(None::<(usize, Dimension)>);
    let lang = evaluation.with_value(|e| e.report.lang);
    let open = move |cell: (usize, Dimension)| {
        selected.set(Some(cell));
        // After the drill-down is drawn: move focus to its heading.
        request_animation_frame(|| wavegate_ui::dom::focus_id("drill-title"));
    };
    let head: Vec<_> = Dimension::ALL
        .iter()
        .map(|d| view! { <th scope="col">{text::dimension_name(*d, lang)}</th> })
        .collect();
    let rows: Vec<_> = evaluation.with_value(|e| {
        e.report
            .segments
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let name = text::capitalise(&text::segment(&s.segment, lang));
                let key: Vec<String> = s.segment.iter().map(|(k, v)| format!("{k}={v}")).collect();
                let cells: Vec<_> = Dimension::ALL
                    .iter()
                    .map(|&d| match cell_text(s, d, lang) {
                        Some((state, label)) => {
                            let pressed = move || selected.get() == Some((i, d));
                            view! {
                                <td class=state_class(state)>
                                    <button type="button" class="cell" aria-expanded=move || pressed().to_string()
                                        aria-controls=DRILL_ID on:click=move |_| open((i, d))>{label}</button>
                                </td>
                            }
                            .into_any()
                        }
                        None => view! { <td>"–"</td> }.into_any(),
                    })
                    .collect();
                view! {
                    <tr data-segment=key.join(",")>
                        <th scope="row">{name}</th>
                        <td class="num">{s.n}</td>
                        {cells}
                    </tr>
                }
            })
            .collect()
    });
    let drill_view = move || {
        selected.get().map(|(i, d)| {
            let inner = evaluation.with_value(|e| e.report.segments.get(i).map(|s| drill(s, d, lang)));
            view! {
                {inner}
                <button type="button" class="secondary" on:click=move |_| selected.set(None)>{t(Msg::CloseDrill)}</button>
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="heatmap-title">
            <h2 id="heatmap-title">{t(Msg::HeatmapTitle)}</h2>
            <p class="muted">{t(Msg::HeatmapHint)}</p>
            <div class="table-scroll" role="region" aria-labelledby="heatmap-title" tabindex="0">
                <table class="heatmap">
                    <thead><tr>
                        <th scope="col">{t(Msg::Segment)}</th>
                        <th scope="col" class="num">{t(Msg::People)}</th>
                        {head}
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <div id=DRILL_ID class="drill-down" aria-live="polite">{drill_view}</div>
        </section>
    }
}
