//! The heatmap of segments × dimensions: a real table (row and column headers), each cell its
//! state in colour AND in words with its conservative score, each a button that opens the
//! drill-down to the metrics behind it, with their intervals and evidence.

use crate::components::figure::unbroken;
use crate::components::sideways::track_sideways;
use crate::i18n::{Msg, fill, report_interval, t};
use leptos::prelude::*;
use wavegate_core::api::Evaluation;
use wavegate_core::i18n::{Lang, count};
use wavegate_core::readiness::metric::{Dimension, State};
use wavegate_core::readiness::report::{MetricReport, Report, SegmentReport};
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

fn metric_row(m: &MetricReport, lang: Lang) -> AnyView {
    let hidden = m.suppressed;
    let estimate = if hidden {
        "–".to_string()
    } else {
        m.estimate
            .map_or("–".into(), |x| text::metric_value(m, x, lang))
    };
    let interval = if hidden {
        "–".to_string()
    } else {
        text::metric_interval(m, lang)
    };
    let p = (m.p_pass).map_or("–".into(), |p| unbroken(&text::chance(p, lang)));
    // "Too little evidence" beside a clear estimate reads as a contradiction unless it says
    // how much evidence the metric needs.
    let state = match m.state {
        State::Insufficient if !hidden && (m.n as f64) < m.thresholds.min_n => fill(
            Msg::InsufficientNeeds,
            lang,
            &[
                ("state", text::state_name(m.state, lang).to_string()),
                ("min", format!("{}", m.thresholds.min_n.ceil() as u64)),
            ],
        ),
        _ => text::state_name(m.state, lang).to_string(),
    };
    view! {
        <tr>
            <th scope="row">{text::metric_name(m.id, lang)}</th>
            // On a phone the row reads as a card: each figure after its column's name.
            <td class=state_class(m.state) data-label=t(Msg::State)>{state}</td>
            <td class="num" data-label=t(Msg::Estimate)>{estimate}</td>
            <td class="num interval" data-label=report_interval()>{interval}</td>
            <td class="num" data-label=t(Msg::EvidenceN)>{format!("{} {}", m.n, text::unit(m.id, lang))}</td>
            <td class="num" data-label=t(Msg::PPass)>{p}</td>
            <td data-label=t(Msg::Source)>{text::source_name(m.source, lang)}</td>
        </tr>
    }
    .into_any()
}

/// The metrics of one segment and dimension.
fn drill(r: &Report, s: &SegmentReport, d: Dimension, lang: Lang) -> AnyView {
    let title = fill(
        Msg::DrillTitle,
        lang,
        &[
            (
                "segment",
                text::capitalise(&text::segment_in(r, &s.segment, lang)),
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
    // The dimension's state follows its scores, not its metrics' states alone: say how.
    let reading = s
        .dimensions
        .get(&d)
        .map(|x| text::dimension_reading(x, lang));
    view! {
        <h3 id="drill-title" tabindex="-1">{title}</h3>
        {reading.map(|r| view! { <p class="drill-reading">{r}</p> })}
        {if empty {
            view! { <p>{t(Msg::NoMetrics)}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll" role="region" aria-labelledby="drill-title" tabindex="0">
                    <table class="drill stack">
                        <thead><tr>
                            <th scope="col">{t(Msg::Metric)}</th>
                            <th scope="col">{t(Msg::State)}</th>
                            <th scope="col" class="num">{t(Msg::Estimate)}</th>
                            <th scope="col" class="num">{report_interval()}</th>
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

/// Which segments the heatmap shows: with hundreds of nested segments a planner looks for the
/// ones that need something first. The wave's own row always shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Show {
    All,
    /// A dimension warns or fails, or a gate fired.
    Problems,
    /// A dimension fails, or a gate fired.
    Failing,
}

impl Show {
    const ALL: [Show; 3] = [Show::All, Show::Problems, Show::Failing];

    fn value(self) -> &'static str {
        match self {
            Show::All => "all",
            Show::Problems => "problems",
            Show::Failing => "failing",
        }
    }

    fn label(self) -> Msg {
        match self {
            Show::All => Msg::ShowAllSegments,
            Show::Problems => Msg::ShowProblemSegments,
            Show::Failing => Msg::ShowFailingSegments,
        }
    }

    /// Whether a segment (not the wave) shows.
    fn shows(self, s: &SegmentReport) -> bool {
        let any = |states: &[State]| {
            s.state == State::Fail || s.dimensions.values().any(|d| states.contains(&d.state))
        };
        match self {
            Show::All => true,
            Show::Problems => any(&[State::Warn, State::Fail]),
            Show::Failing => any(&[State::Fail]),
        }
    }
}

/// The id of the cell button of segment `row` and dimension `col`.
fn cell_id(row: usize, col: usize) -> String {
    format!("heat-{row}-{col}")
}

/// Where an arrow key (or Home/End) moves from `(row, col)` in a grid whose cells with a
/// button are `has`: to the nearest such cell that way, or nowhere at the edge.
fn step(has: &[[bool; 5]], (row, col): (usize, usize), key: &str) -> Option<(usize, usize)> {
    let (dr, dc): (isize, isize) = match key {
        "ArrowUp" => (-1, 0),
        "ArrowDown" => (1, 0),
        "ArrowLeft" => (0, -1),
        "ArrowRight" => (0, 1),
        "Home" => return (0..5).find(|&c| has[row][c]).map(|c| (row, c)),
        "End" => return (0..5).rev().find(|&c| has[row][c]).map(|c| (row, c)),
        _ => return None,
    };
    let (mut r, mut c) = (row as isize, col as isize);
    loop {
        r += dr;
        c += dc;
        let cell = has
            .get(usize::try_from(r).ok()?)?
            .get(usize::try_from(c).ok()?)?;
        if *cell {
            return Some((r as usize, c as usize));
        }
    }
}

/// The heatmap with its drill-down. The grid is one tab stop; arrow keys move between cells
/// (roving focus), Enter opens a cell's metrics in a row right under its segment, and Escape or
/// "Close" shuts it and puts focus back on the cell.
#[component]
pub fn Heatmap(evaluation: StoredValue<Evaluation>) -> impl IntoView {
    let selected = RwSignal::new(None::<(usize, Dimension)>);
    let lang = evaluation.with_value(|e| e.report.lang);
    let show = RwSignal::new(Show::All);
    // Each row's cells with figures, and whether the row shows under each choice.
    let (cells, shown_by): (Vec<[bool; 5]>, Vec<[bool; 3]>) = evaluation.with_value(|e| {
        e.report
            .segments
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let cells = Dimension::ALL.map(|d| s.dimensions.contains_key(&d));
                (cells, Show::ALL.map(|f| i == 0 || f.shows(s)))
            })
            .unzip()
    });
    let total = cells.len();
    let initial = cells
        .iter()
        .enumerate()
        .find_map(|(r, c)| c.iter().position(|&c| c).map(|c| (r, c)));
    let shown_by = StoredValue::new(shown_by);
    let visible = move |row: usize| {
        let i = Show::ALL.iter().position(|&f| f == show.get()).unwrap_or(0);
        shown_by.with_value(|v| v.get(row).is_some_and(|r| r[i]))
    };
    // The cells the arrow keys can reach: those with figures in the rows shown.
    let has = Memo::new(move |_| {
        cells
            .iter()
            .enumerate()
            .map(|(r, c)| if visible(r) { *c } else { [false; 5] })
            .collect::<Vec<_>>()
    });
    let first = move || {
        has.with(|h| {
            h.iter()
                .enumerate()
                .find_map(|(r, cells)| cells.iter().position(|&c| c).map(|c| (r, c)))
        })
    };
    let active = RwSignal::new(initial.unwrap_or((0, 0)));
    // A hidden row keeps neither the open drill-down nor the grid's one tab stop.
    Effect::new(move |_| {
        if selected.get().is_some_and(|(r, _)| !visible(r)) {
            selected.set(None);
        }
        // Set only on a change: setting the same cell again would wake this effect again,
        // for ever when no row is shown at all.
        let moved = first().unwrap_or((0, 0));
        if !visible(active.get().0) && active.get_untracked() != moved {
            active.set(moved);
        }
    });
    let counted = move || {
        let n = (0..total).filter(|&r| visible(r)).count();
        fill(
            Msg::SegmentsShown,
            lang,
            &[("shown", n.to_string()), ("total", total.to_string())],
        )
    };
    let open = move |cell: (usize, Dimension)| {
        selected.set(Some(cell));
        // After the drill-down is drawn: move focus to its heading.
        request_animation_frame(|| wavegate_ui::dom::focus_id("drill-title"));
    };
    let close = move || {
        selected.set(None);
        let (r, c) = active.get_untracked();
        request_animation_frame(move || wavegate_ui::dom::focus_id(&cell_id(r, c)));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent, at: (usize, usize)| {
        if let Some(next) = has.with_untracked(|h| step(h, at, &ev.key())) {
            ev.prevent_default();
            active.set(next);
            wavegate_ui::dom::focus_id(&cell_id(next.0, next.1));
        }
    };
    let head: Vec<_> = Dimension::ALL
        .iter()
        .map(|d| view! { <th scope="col">{text::dimension_name(*d, lang)}</th> })
        .collect();
    let columns = Dimension::ALL.len() + 2;
    let rows: Vec<_> = evaluation.with_value(|e| {
        e.report
            .segments
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let name = text::capitalise(&text::segment_in(&e.report, &s.segment, lang));
                let key: Vec<String> = s.segment.iter().map(|(k, v)| format!("{k}={v}")).collect();
                let cells: Vec<_> = Dimension::ALL
                    .iter()
                    .enumerate()
                    .map(|(j, &d)| match cell_text(s, d, lang) {
                        Some((state, label)) => {
                            let pressed = move || selected.get() == Some((i, d));
                            let tab = move || if active.get() == (i, j) { "0" } else { "-1" };
                            // Moving by arrow key, a screen reader reads the button alone: its
                            // name says whose figure it is, the visible words last.
                            let spoken = format!("{name}, {}: {label}", text::dimension_name(d, lang));
                            view! {
                                <td class=state_class(state)>
                                    <button type="button" class="cell" id=cell_id(i, j) tabindex=tab aria-label=spoken
                                        aria-expanded=move || pressed().to_string() aria-controls=DRILL_ID
                                        on:focus=move |_| active.set((i, j))
                                        on:keydown=move |ev| on_key(ev, (i, j))
                                        on:click=move |_| open((i, d))>{label}</button>
                                </td>
                            }
                            .into_any()
                        }
                        None => view! { <td class="none">"–"</td> }.into_any(),
                    })
                    .collect();
                let drill_row = move || {
                    let (row, d) = selected.get()?;
                    (row == i).then(|| {
                        let inner = evaluation
                            .with_value(|e| e.report.segments.get(i).map(|s| drill(&e.report, s, d, lang)));
                        view! {
                            <tr class="drill-row">
                                <td colspan=columns.to_string()>
                                    <div id=DRILL_ID class="drill-down"
                                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                            if ev.key() == "Escape" {
                                                ev.prevent_default();
                                                close();
                                            }
                                        }>
                                        {inner}
                                        <button type="button" class="secondary" on:click=move |_| close()>
                                            {t(Msg::CloseDrill)}
                                        </button>
                                    </div>
                                </td>
                            </tr>
                        }
                    })
                };
                view! {
                    <tr data-segment=key.join(",") hidden=move || !visible(i)>
                        <th scope="row">{name}</th>
                        <td class="num">{count(u64::from(s.n), lang)}</td>
                        {cells}
                    </tr>
                    {drill_row}
                }
            })
            .collect()
    });
    // Where the grid is wider than its box (a phone), which ways it scrolls from here: the
    // cue and the shadows say there is more than the screen shows.
    let region = NodeRef::<leptos::html::Div>::new();
    let (sideways, measure) = track_sideways(region);
    // Showing other rows or opening a cell can change the grid's width.
    Effect::watch(
        move || (show.get(), selected.get()),
        move |_, _, _| {
            request_animation_frame(move || {
                measure();
            })
        },
        false,
    );
    view! {
        <section class="card" aria-labelledby="heatmap-title">
            <h2 id="heatmap-title">{t(Msg::HeatmapTitle)}</h2>
            <p class="muted">{t(Msg::HeatmapHint)}</p>
            <div class="heatmap-show">
                <label for="heatmap-show">{t(Msg::ShowSegments)}</label>
                <select id="heatmap-show" aria-describedby="heatmap-count"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        show.set(Show::ALL.into_iter().find(|f| f.value() == v).unwrap_or(Show::All));
                    }>
                    {Show::ALL.map(|f| view! {
                        <option value=f.value() selected=move || show.get() == f>{t(f.label())}</option>
                    })}
                </select>
                <p id="heatmap-count" class="muted" role="status">{counted}</p>
            </div>
            <p id="heatmap-scroll-cue" class="muted scroll-cue" hidden=move || !sideways.get().wider()>
                {t(Msg::HeatmapScrollCue)}
            </p>
            // A shadow at each edge the grid can still be scrolled towards.
            <div class="scroll-frame" class:more-left=move || sideways.get().more_left
                class:more-right=move || sideways.get().more_right>
                <div class="table-scroll heatmap-scroll" role="region" node_ref=region
                    aria-label=crate::i18n::table_label(Msg::HeatmapTitle, lang)
                    aria-describedby="heatmap-scroll-cue" tabindex="0" on:scroll=move |_| { measure(); }>
                    <table class="heatmap">
                        <thead><tr>
                            <th scope="col">{t(Msg::Segment)}</th>
                            <th scope="col" class="num">{t(Msg::PeopleInWave)}</th>
                            {head}
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::step;
    // Run by wasm-bindgen-test: these crates build for wasm32 only, where `#[test]` is not run.
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn arrow_keys_move_to_the_nearest_cell_with_figures_and_stop_at_the_edge() {
        let has = [
            [true, true, false, true, true],
            [true, false, false, false, true],
        ];
        assert_eq!(
            step(&has, (0, 1), "ArrowRight"),
            Some((0, 3)),
            "skips a cell without figures"
        );
        assert_eq!(step(&has, (0, 4), "ArrowRight"), None);
        assert_eq!(step(&has, (0, 0), "ArrowDown"), Some((1, 0)));
        assert_eq!(step(&has, (1, 0), "ArrowDown"), None);
        assert_eq!(
            step(&has, (0, 1), "ArrowDown"),
            None,
            "nothing below in that column"
        );
        assert_eq!(step(&has, (1, 4), "Home"), Some((1, 0)));
        assert_eq!(step(&has, (0, 0), "End"), Some((0, 4)));
        assert_eq!(step(&has, (0, 0), "Tab"), None);
    }
}
