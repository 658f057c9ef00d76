//! Readiness over time from the stored evaluations: of each wave as decided (one line per
//! wave), or of one segment picked in a list (its estimate and conservative figure, broken
//! where it had no number), with the sentence and the table following the choice.

use super::frame::{BOTTOM, H, LEFT, RIGHT, TOP, W, days, short, y_axis};
use crate::components::sideways::SidewaysChart;
use crate::i18n::{Msg, fill, t};
use chrono::NaiveDate;
use leptos::prelude::*;
use wavegate_core::api::{EvaluationSummary, SegmentReadiness};
use wavegate_core::i18n::{Lang, count};
use wavegate_core::readiness::report::Segment;
use wavegate_core::readiness::text;
use wavegate_ui::chart::{Scale, gapped_path, line_path, ticks};

/// A segment of a wave, as its evaluations name it: the same attributes are a different group
/// in another wave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeriesKey {
    /// The wave the evaluations decided on.
    pub wave: String,
    /// The segment, as the report names it.
    pub segment: Segment,
}

/// Every segment in the stored evaluations, grouped by wave: the latest wave first, each
/// wave's segments in the order of its latest report.
fn series_keys(list: &[EvaluationSummary]) -> Vec<(String, Vec<Segment>)> {
    let mut latest_first: Vec<&EvaluationSummary> = list.iter().collect();
    latest_first.sort_by_key(|e| std::cmp::Reverse(e.at));
    let mut waves: Vec<(String, Vec<Segment>)> = Vec::new();
    for e in latest_first {
        let (Some(wave), Some(segments)) = (&e.next_wave, &e.segments) else {
            continue;
        };
        let i = match waves.iter().position(|(w, _)| w == wave) {
            Some(i) => i,
            None => {
                waves.push((wave.clone(), Vec::new()));
                waves.len() - 1
            }
        };
        for s in segments {
            if !waves[i].1.contains(&s.segment) {
                waves[i].1.push(s.segment.clone());
            }
        }
    }
    waves
}

/// The segment in an evaluation, when it decided on the segment's wave and showed it.
fn find<'a>(e: &'a EvaluationSummary, key: &SeriesKey) -> Option<&'a SegmentReadiness> {
    if e.next_wave.as_deref() != Some(key.wave.as_str()) {
        return None;
    }
    e.segments
        .as_ref()?
        .iter()
        .find(|s| s.segment == key.segment)
}

/// A segment as the heatmap names it ("Platform iOS", "De hele wave-2 (Hoofdkantoor)"):
/// the whole wave by `wave`, its label.
fn segment_name(s: &Segment, wave: &str, lang: Lang) -> String {
    text::capitalise(&text::segment_named(s, |_| wave.to_string(), lang))
}

/// A segment with its wave, for a sentence ("Platform iOS in wave-2"; the whole wave
/// names itself).
fn series_name(key: &SeriesKey, lang: Lang) -> String {
    if key.segment.contains_key("wave") {
        return segment_name(&key.segment, &key.wave, lang);
    }
    fill(
        Msg::SegmentInWave,
        lang,
        &[
            ("segment", segment_name(&key.segment, &key.wave, lang)),
            ("wave", text::wave_named(&key.wave, lang)),
        ],
    )
}

/// A readiness in a sentence: "74 (conservative 57)", as the decision card writes it ("74/57"
/// read as a fraction).
fn figures(estimate: Option<u32>, conservative: Option<u32>, lang: Lang) -> String {
    let shown = |v: Option<u32>| v.map_or("–".into(), |v| v.to_string());
    match (estimate, conservative) {
        (None, None) => "–".into(),
        (e, c) => fill(
            Msg::ReadinessFigures,
            lang,
            &[("estimate", shown(e)), ("conservative", shown(c))],
        ),
    }
}

/// The x and y scales of the chart, over every stored evaluation (oldest first).
fn scales(points: &[&EvaluationSummary]) -> (impl Fn(NaiveDate) -> f64 + Copy, Scale) {
    let first = points.first().map(|e| e.at).unwrap_or_default();
    let last = points.last().map(|e| e.at).unwrap_or_default();
    let x = Scale::linear((0.0, days(first, last)), (LEFT + 10.0, W - RIGHT - 10.0));
    let y = Scale::linear((0.0, 100.0), (H - BOTTOM, TOP));
    (move |d: NaiveDate| x.map(days(first, d)), y)
}

/// One line per wave decided on, from each decision's readiness.
fn wave_lines(points: &[&EvaluationSummary]) -> AnyView {
    let (at, y) = scales(points);
    let scored: Vec<(NaiveDate, &str, u32, u32)> = points
        .iter()
        .filter_map(|e| {
            let r = e.readiness?;
            let wave = e.next_wave.as_deref().unwrap_or("");
            Some((e.at, wave, r.estimate?, r.conservative?))
        })
        .collect();
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
    waves
        .iter()
        .map(|wave| {
            let estimate = series(|p| p.2, wave);
            let conservative = series(|p| p.3, wave);
            let end = estimate.last().copied().unwrap_or_default();
            // Every point of both lines: a line of one evaluation is a point, which a path
            // alone does not draw.
            let dots = |line: &[(f64, f64)], class: &'static str| {
                line.iter()
                    .map(|(px, py)| view! { <circle class=class cx=*px cy=*py r="4" /> })
                    .collect_view()
            };
            // The wave's name at its line's last point (text, not colour, tells them apart).
            let label = (waves.len() > 1).then(|| {
                view! { <text x=end.0 y=end.1 - 9.0 text-anchor="middle">{wave.to_string()}</text> }
            });
            view! {
                <path class="actual" d=line_path(&estimate) />
                <path class="conservative" d=line_path(&conservative) />
                {dots(&conservative, "dot dot-conservative")}
                {dots(&estimate, "dot")}
                {label}
            }
        })
        .collect_view()
        .into_any()
}

/// The segment's two figures at each stored evaluation, broken where it had no number (not
/// shown that day, or readiness no number).
fn segment_lines(points: &[&EvaluationSummary], key: &SeriesKey) -> AnyView {
    let (at, y) = scales(points);
    let pick = |f: fn(&SegmentReadiness) -> Option<u32>| -> Vec<Option<(f64, f64)>> {
        points
            .iter()
            .map(|e| {
                let v = find(e, key).and_then(f)?;
                Some((at(e.at), y.map(f64::from(v))))
            })
            .collect()
    };
    let estimate = pick(|s| s.readiness.estimate);
    let conservative = pick(|s| s.readiness.conservative);
    let dots = |line: &[Option<(f64, f64)>], class: &'static str| {
        line.iter()
            .flatten()
            .map(|(px, py)| view! { <circle class=class cx=*px cy=*py r="4" /> })
            .collect_view()
    };
    view! {
        <path class="actual" d=gapped_path(&estimate) />
        <path class="conservative" d=gapped_path(&conservative) />
        {dots(&conservative, "dot dot-conservative")}
        {dots(&estimate, "dot")}
    }
    .into_any()
}

/// The sentence under the chart of each wave's decision.
fn wave_desc(points: &[&EvaluationSummary], lang: Lang) -> String {
    let (first, last) = (points[0].at, points[points.len() - 1].at);
    let latest = points
        .iter()
        .rev()
        .find_map(|e| {
            let r = e.readiness?;
            let wave = e.next_wave.as_deref().unwrap_or("");
            let value = figures(Some(r.estimate?), Some(r.conservative?), lang);
            Some(fill(
                Msg::ReadinessOfWave,
                lang,
                &[("figures", value), ("wave", text::wave_named(wave, lang))],
            ))
        })
        .unwrap_or_else(|| "–".into());
    fill(
        if points.len() == 1 {
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
    )
}

/// The sentence under the chart of one segment: at how many of its wave's evaluations it had
/// a readiness, and the latest.
fn segment_desc(points: &[&EvaluationSummary], key: &SeriesKey, lang: Lang) -> String {
    let of_wave: Vec<&EvaluationSummary> = points
        .iter()
        .copied()
        .filter(|e| e.next_wave.as_deref() == Some(key.wave.as_str()))
        .collect();
    let scored: Vec<(NaiveDate, &SegmentReadiness)> = of_wave
        .iter()
        .filter_map(|e| find(e, key).map(|s| (e.at, s)))
        .filter(|(_, s)| s.readiness.estimate.is_some() || s.readiness.conservative.is_some())
        .collect();
    let (Some(first), Some(last)) = (of_wave.first(), of_wave.last()) else {
        return String::new();
    };
    let one = of_wave.len() == 1;
    let (msg, date, value) = match scored.last() {
        Some((d, s)) => (
            if one {
                Msg::TrendSegmentDescOne
            } else {
                Msg::TrendSegmentDesc
            },
            *d,
            figures(s.readiness.estimate, s.readiness.conservative, lang),
        ),
        None if one => (Msg::TrendSegmentNoneOne, first.at, String::new()),
        None => (Msg::TrendSegmentNone, last.at, String::new()),
    };
    fill(
        msg,
        lang,
        &[
            ("series", series_name(key, lang)),
            ("k", scored.len().to_string()),
            ("n", of_wave.len().to_string()),
            ("first", text::long_date(first.at, lang)),
            ("last", text::long_date(last.at, lang)),
            ("date", text::long_date(date, lang)),
            ("value", value),
        ],
    )
}

/// The table of each wave's decision, latest first.
fn wave_table(points: &[&EvaluationSummary], lang: Lang) -> AnyView {
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
                    <td data-label=t(Msg::WaveCol)>{e.next_wave.clone().unwrap_or_else(|| "–".into())}</td>
                    <td data-label=t(Msg::DecisionCol)>{e.decision.map_or("–", |k| text::decision_name(k, lang))}</td>
                    <td class="num" data-label=t(Msg::ReadinessTitle)>{figures}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <thead><tr>
            <th scope="col">{t(Msg::DateCol)}</th><th scope="col">{t(Msg::WaveCol)}</th>
            <th scope="col">{t(Msg::DecisionCol)}</th>
            <th scope="col" class="num">{t(Msg::ReadinessTitle)}</th>
        </tr></thead>
        <tbody>{rows}</tbody>
    }
    .into_any()
}

/// The table of one segment at each evaluation of its wave, latest first.
fn segment_table(points: &[&EvaluationSummary], key: &SeriesKey, lang: Lang) -> AnyView {
    let number = |v: Option<u32>| v.map_or("–".into(), |v| v.to_string());
    let rows = points
        .iter()
        .rev()
        .filter(|e| e.next_wave.as_deref() == Some(key.wave.as_str()))
        .map(|e| {
            let cells = match find(e, key) {
                Some(s) => view! {
                    <td class="num" data-label=t(Msg::People)>{count(u64::from(s.n), lang)}</td>
                    <td data-label=t(Msg::State)>{text::state_name(s.state, lang)}</td>
                    <td class="num" data-label=t(Msg::ReadinessEstimate)>{number(s.readiness.estimate)}</td>
                    <td class="num" data-label=t(Msg::ReadinessConservative)>{number(s.readiness.conservative)}</td>
                }
                .into_any(),
                None => view! {
                    <td class="num" data-label=t(Msg::People)>"–"</td>
                    <td data-label=t(Msg::State)>{t(Msg::NotInReport)}</td>
                    <td class="num" data-label=t(Msg::ReadinessEstimate)>"–"</td>
                    <td class="num" data-label=t(Msg::ReadinessConservative)>"–"</td>
                }
                .into_any(),
            };
            view! {
                <tr>
                    <th scope="row">{text::long_date(e.at, lang)}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <caption>{series_name(key, lang)}</caption>
        <thead><tr>
            <th scope="col">{t(Msg::DateCol)}</th>
            <th scope="col" class="num">{t(Msg::People)}</th>
            <th scope="col">{t(Msg::State)}</th>
            <th scope="col" class="num">{t(Msg::ReadinessEstimate)}</th>
            <th scope="col" class="num">{t(Msg::ReadinessConservative)}</th>
        </tr></thead>
        <tbody>{rows}</tbody>
    }
    .into_any()
}

/// A part of the chart, of the evaluations oldest first and what the lines show (`None`:
/// each wave's decision).
type Part = fn(&[&EvaluationSummary], Option<&SeriesKey>, Lang) -> AnyView;

fn lines(points: &[&EvaluationSummary], key: Option<&SeriesKey>, _: Lang) -> AnyView {
    match key {
        None => wave_lines(points),
        Some(k) => segment_lines(points, k),
    }
}

fn desc(points: &[&EvaluationSummary], key: Option<&SeriesKey>, lang: Lang) -> AnyView {
    match key {
        None => wave_desc(points, lang),
        Some(k) => segment_desc(points, k, lang),
    }
    .into_any()
}

fn table(points: &[&EvaluationSummary], key: Option<&SeriesKey>, lang: Lang) -> AnyView {
    match key {
        None => wave_table(points, lang),
        Some(k) => segment_table(points, k, lang),
    }
}

/// The choice of what the lines show: each wave's decision, or a segment of a wave.
fn picker(
    keys: &[(String, Vec<Segment>)],
    selected: RwSignal<Option<SeriesKey>>,
    lang: Lang,
) -> AnyView {
    let mut all: Vec<SeriesKey> = Vec::new();
    let current = selected.get_untracked();
    let groups = keys
        .iter()
        .map(|(wave, segments)| {
            let options = segments
                .iter()
                .map(|segment| {
                    let key = SeriesKey {
                        wave: wave.clone(),
                        segment: segment.clone(),
                    };
                    let chosen = current.as_ref() == Some(&key);
                    all.push(key);
                    view! {
                        <option value=(all.len() - 1).to_string() selected=chosen>
                            {segment_name(segment, wave, lang)}
                        </option>
                    }
                })
                .collect_view();
            let label = fill(
                Msg::TrendWaveGroup,
                lang,
                &[("wave", text::wave_named(wave, lang))],
            );
            view! { <optgroup label=label>{options}</optgroup> }
        })
        .collect_view();
    let all = StoredValue::new(all);
    let pick = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let key = value
            .parse::<usize>()
            .ok()
            .and_then(|i| all.with_value(|a| a.get(i).cloned()));
        selected.set(key);
    };
    view! {
        <div class="field trend-pick">
            <label for="trend-series">{t(Msg::TrendShows)}</label>
            <select id="trend-series" on:change=pick>
                <option value="" selected=current.is_none()>{t(Msg::TrendWholeWave)}</option>
                {groups}
            </select>
        </div>
    }
    .into_any()
}

/// Readiness over time from the stored evaluations, with the choice of what the lines show.
/// `selected` outlives a new list (after storing one), so the choice stays.
#[component]
pub fn Trend(
    list: Vec<EvaluationSummary>,
    lang: Lang,
    selected: RwSignal<Option<SeriesKey>>,
) -> impl IntoView {
    if list.is_empty() {
        return view! { <p>{t(Msg::TrendEmpty)}</p> }.into_any();
    }
    let keys = series_keys(&list);
    // A choice the list no longer has falls back to each wave's decision.
    if let Some(k) = selected.get_untracked()
        && !keys
            .iter()
            .any(|(w, s)| *w == k.wave && s.contains(&k.segment))
    {
        selected.set(None);
    }
    let mut sorted = list;
    sorted.sort_by_key(|e| e.at);
    let list = StoredValue::new(sorted);
    // Each part of the chart drawn from the stored evaluations, oldest first, and the choice.
    let draw = move |part: Part| {
        move || {
            let key = selected.get();
            list.with_value(|l| part(&l.iter().collect::<Vec<_>>(), key.as_ref(), lang))
        }
    };
    let labels = list.with_value(|l| {
        let p: Vec<&EvaluationSummary> = l.iter().collect();
        let (at, _) = scales(&p);
        p.iter()
            .map(|e| view! { <text x=at(e.at) y=H - BOTTOM + 18.0 text-anchor="middle">{short(e.at, lang)}</text> })
            .collect_view()
    });
    let y = Scale::linear((0.0, 100.0), (H - BOTTOM, TOP));
    view! {
        {(!keys.is_empty()).then(|| picker(&keys, selected, lang))}
        // At its real size: on a phone it scrolls rather than shrinking its labels.
        <SidewaysChart id="trend" label=Msg::TrendTitle>
            <svg class="chart real-size trend-chart" width=W height=H viewBox=format!("0 0 {W} {H}") role="img" aria-labelledby="trend-title trend-desc">
                {y_axis(y, &ticks(0.0, 100.0, 5), W, |v| format!("{v}"))}
                <line class="axis" x1=LEFT x2=W - RIGHT y1=H - BOTTOM y2=H - BOTTOM />
                {labels}
                {draw(lines)}
            </svg>
        </SidewaysChart>
        <ul class="legend">
            <li><span class="swatch actual"></span>{t(Msg::ReadinessEstimate)}</li>
            <li><span class="swatch conservative"></span>{t(Msg::ReadinessConservative)}</li>
        </ul>
        <p id="trend-desc" aria-live="polite">{draw(desc)}</p>
        <details>
            <summary>{t(Msg::TrendTitle)}</summary>
            // Wider than the screen, the table scrolls, not the page; on a phone its rows stack.
            <div class="table-scroll" role="region" aria-label=crate::i18n::table_label(Msg::TrendTitle, lang) tabindex="0">
                <table class="trend-table stack">{draw(table)}</table>
            </div>
        </details>
    }
    .into_any()
}
