//! The thresholds of the program form: every metric of the core with its default, each
//! overridable (an empty box keeps the default).

use super::fields::{ProgramFields, ThresholdRow};
use super::problems::Field;
use super::{Problems, dom_id, invalid, threshold_id};
use crate::components::file_problem::with_code;
use crate::i18n::{Msg, fill, t, use_lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wavegate_core::readiness::metric::MetricId;
use wavegate_core::readiness::program::threshold_problems::Bound;
use wavegate_core::readiness::text::{figure, metric_name, unit};

/// One override box of a metric, its default as placeholder; marked invalid only when its own
/// number is at fault, described by the problems of its metric.
fn limit(
    row: ThresholdRow,
    bound: Bound,
    label: Msg,
    value: RwSignal<String>,
    default: f64,
    problems: Problems,
) -> impl IntoView {
    let field = Field::Threshold(row.metric, bound);
    let id = dom_id(field);
    let lang = use_lang();
    view! {
        <div class="field">
            <label for=id.clone()>{t(label)}</label>
            <input id=id type="text" inputmode="decimal" placeholder=move || figure(default, lang.get())
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=invalid(problems, field)
                aria-describedby=format!("{}-error", threshold_id(row.metric)) />
        </div>
    }
}

/// The problems of a metric's boxes under them, each once (crossed thresholds are one problem
/// of two boxes).
#[component]
fn ThresholdErrors(problems: Problems, metric: MetricId) -> impl IntoView {
    let lang = use_lang();
    let text = move || {
        let lang = lang.get();
        let mut said: Vec<String> = Vec::new();
        problems.with(|p| {
            for bound in Bound::ALL {
                if let Some(problem) = p.get(&Field::Threshold(metric, bound)) {
                    let text = problem.text(lang);
                    if !said.contains(&text) {
                        said.push(text);
                    }
                }
            }
        });
        (!said.is_empty()).then(|| said.join(" "))
    };
    view! {
        <p id=format!("{}-error", threshold_id(metric)) class="field-error" hidden=move || text().is_none()>
            {move || text().map(with_code)}
        </p>
    }
}

/// The thresholds, folded away until opened.
#[component]
pub fn Thresholds(fields: ProgramFields, problems: Problems) -> impl IntoView {
    let lang = use_lang();
    let rows = fields
        .thresholds
        .get_value()
        .into_iter()
        .map(|row| {
            let spec = row.metric.default_spec();
            let metric = row.metric;
            let name = move || metric_name(metric, lang.get());
            let defaults = move || {
                fill(
                    Msg::ThresholdDefaults,
                    lang.get(),
                    &[
                        ("fail", figure(spec.fail, lang.get())),
                        ("pass", figure(spec.pass, lang.get())),
                        ("min_n", figure(spec.min_n, lang.get())),
                        ("unit", unit(metric, lang.get()).to_string()),
                        ("weight", figure(spec.weight, lang.get())),
                    ],
                )
            };
            // Which side of a threshold fails depends on the metric: a ticket rate fails above
            // its threshold, a success rate below.
            let (better, fail, pass) = if metric.higher_is_better() {
                (Msg::HigherIsBetter, Msg::FailBelow, Msg::PassFrom)
            } else {
                (Msg::LowerIsBetter, Msg::FailAbove, Msg::PassUpTo)
            };
            view! {
                <fieldset class="threshold" id=threshold_id(metric) tabindex="-1">
                    <legend>{name}</legend>
                    <p class="muted threshold-defaults">{defaults}" "{t(better)}</p>
                    <div class="threshold-fields">
                        {limit(row, Bound::Fail, fail, row.fail, spec.fail, problems)}
                        {limit(row, Bound::Pass, pass, row.pass, spec.pass, problems)}
                        {limit(row, Bound::MinN, Msg::MinN, row.min_n, spec.min_n, problems)}
                        {limit(row, Bound::Weight, Msg::Weight, row.weight, spec.weight, problems)}
                    </div>
                    <ThresholdErrors problems=problems metric=metric />
                </fieldset>
            }
        })
        .collect_view();
    // Opened when a threshold problem appears, so the planner sees it; never closed by the
    // form: the problems are checked again at every keystroke, and a fold that followed them
    // would close under the planner's fingers (losing the focus and what they type next).
    let open = RwSignal::new(false);
    let has_problem =
        move || problems.with(|p| p.keys().any(|f| matches!(f, Field::Threshold(..))));
    Effect::new(move |had: Option<bool>| {
        let has = has_problem();
        if has && had != Some(true) {
            open.set(true);
        }
        has
    });
    // The planner's own opening and closing.
    let toggled = move |ev: leptos::ev::Event| {
        let now = (ev.target())
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| e.has_attribute("open"));
        open.set(now);
    };
    view! {
        <details class="thresholds" prop:open=move || open.get() on:toggle=toggled>
            <summary>{t(Msg::ThresholdsTitle)}</summary>
            <p class="muted">{t(Msg::ThresholdsHint)}</p>
            {rows}
        </details>
    }
}
