//! The program form: name and waves, split attributes and helpdesk capacity, thresholds with the
//! core's defaults, and the helpdesk contact and FAQ link respondents see after answering.
//! Creating and editing a program share it.
//!
//! Problems are shown at their field in the page's language. Before anything is sent the core
//! checks the program ([`problems::check`]) and the support details
//! (`ProgramSupport::checked`) exactly as the server will; what the server still refuses is
//! mapped to the same fields. Leaving with unsaved edits, or saving without a wave the roster has
//! people in, is asked first.

pub mod fields;
pub mod problems;
pub mod removed_waves;
pub mod thresholds;
mod waves;

use crate::components::file_problem::{FileProblemView, with_code};
use crate::components::notice::Failure;
use crate::i18n::{Msg, t, use_lang};
use crate::pages::links;
use crate::session::Session;
use fields::ProgramFields;
use leptos::prelude::*;
use problems::{Field, Problem};
use std::collections::BTreeMap;
use wavegate_core::api::{ErrorCode, FileProblem, ProgramProblems, ProgramSupport};
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::Program;
use wavegate_core::readiness::metric::MetricId;
use wavegate_core::readiness::program::MAX_SEGMENT_DEPTH;
use wavegate_core::readiness::program::threshold_problems::Bound;
use wavegate_ui::api::{ApiError, programs};

/// The DOM id of the form's save button.
const SUBMIT_ID: &str = "program-submit";

/// The problems shown, per field.
pub type Problems = RwSignal<BTreeMap<Field, Problem>>;

/// The DOM id of a field's input (and, with `-error`, of its message).
pub fn dom_id(field: Field) -> String {
    match field {
        Field::Whole => "program-form".into(),
        Field::Name => "f-name".into(),
        Field::Waves => "f-waves".into(),
        Field::Wave(i, f) => format!("f-wave-{i}-{f:?}").to_lowercase(),
        Field::SplitAttributes => "f-split".into(),
        Field::SegmentDepth => "f-depth".into(),
        Field::Capacity => "f-capacity".into(),
        Field::Confidence => "f-confidence".into(),
        Field::Categories => "f-categories".into(),
        Field::Threshold(m, b) => format!("{}-{}", threshold_id(m), bound_id(b)),
        Field::Helpdesk(l) => format!("f-helpdesk-{}", l.code()),
        Field::FaqUrl => "f-faq".into(),
    }
}

/// The DOM id of a metric's thresholds (and, with `-error`, of their problems).
pub fn threshold_id(metric: MetricId) -> String {
    format!("f-threshold-{}", metric.id())
}

/// How a threshold box's id ends.
fn bound_id(bound: Bound) -> &'static str {
    match bound {
        Bound::Fail => "fail",
        Bound::Pass => "pass",
        Bound::MinN => "min-n",
        Bound::Weight => "weight",
    }
}

/// The message under a field, when it has a problem.
#[component]
pub fn FieldError(problems: Problems, field: Field) -> impl IntoView {
    let lang = use_lang();
    let text = move || problems.with(|p| p.get(&field).map(|p| p.text(lang.get())));
    view! {
        <p id=format!("{}-error", dom_id(field)) class="field-error" hidden=move || text().is_none()>
            {move || text().map(with_code)}
        </p>
    }
}

/// `aria-invalid` and `aria-describedby` of a field's input.
pub fn invalid(problems: Problems, field: Field) -> impl Fn() -> Option<&'static str> + Copy {
    move || problems.with(|p| p.contains_key(&field)).then_some("true")
}

/// A labelled input of one field.
#[component]
pub fn Input(
    /// The field.
    field: Field,
    /// Its label.
    label: Msg,
    /// Its text.
    value: RwSignal<String>,
    /// The form's problems.
    problems: Problems,
    /// The input type (`text`, `date`, `number`, `url`).
    #[prop(default = "text")]
    kind: &'static str,
    /// A hint under the label.
    #[prop(optional)]
    hint: Option<Msg>,
    /// `inputmode` for phones (`decimal`, `numeric`).
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// The hint under the input rather than above it: in a row of fields (a wave's) the inputs
    /// then line up, however long the hint.
    #[prop(optional)]
    hint_below: bool,
) -> impl IntoView {
    let id = dom_id(field);
    let hint_id = format!("{id}-hint");
    let described = format!(
        "{}{id}-error",
        if hint.is_some() {
            format!("{hint_id} ")
        } else {
            String::new()
        }
    );
    let hint_view =
        move || hint.map(|h| view! { <p id=hint_id.clone() class="muted field-hint">{t(h)}</p> });
    let (above, below) = if hint_below {
        (None, Some(hint_view()))
    } else {
        (Some(hint_view()), None)
    };
    view! {
        <div class="field">
            <label for=id.clone()>{t(label)}</label>
            {above}
            <input id=id type=kind inputmode=inputmode
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=invalid(problems, field)
                aria-describedby=described />
            {below}
            <FieldError problems=problems field=field />
        </div>
    }
}

/// What the form does when it is sent.
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    /// Create a new program.
    Create,
    /// Replace the definition of this program.
    Edit(String),
}

/// Sends the program and then its support details: the program's id and, after an edit, why
/// the roster no longer fits it; or the first problem found, with its field, or the call's error.
async fn send(
    mode: Mode,
    csrf: String,
    program: Program,
    support: ProgramSupport,
    lang: Lang,
) -> Result<(String, Option<FileProblem>), Result<BTreeMap<Field, Problem>, ApiError>> {
    let saved = match &mode {
        Mode::Create => programs::create(&csrf, &program, lang)
            .await
            .map(|c| (c.id, None)),
        Mode::Edit(id) => programs::replace(&csrf, id, &program, lang)
            .await
            .map(|d| (d.id, d.roster_problem)),
    };
    let (id, roster_problem) = saved.map_err(|e| match e.details::<ProgramProblems>() {
        Some(p) if e.code() == Some(ErrorCode::InvalidProgram) => {
            Ok(problems::from_server(&program, &p))
        }
        _ => Err(e),
    })?;
    programs::set_support(&csrf, &id, &support, lang)
        .await
        .map_err(|e| match e.code() {
            // Checked by the same core rule before sending: only a newer server gets here.
            Some(ErrorCode::InvalidSupport) => Ok(BTreeMap::from([(
                Field::Whole,
                Problem::Rule({
                    let m = e.server_message().unwrap_or_default().to_string();
                    wavegate_core::i18n::Text::new(m.clone(), m)
                }),
            )])),
            _ => Err(e),
        })?;
    Ok((id, roster_problem))
}

/// The program form, filled in with `program` and `support`.
#[component]
pub fn ProgramForm(
    program: Program,
    support: ProgramSupport,
    mode: Mode,
    /// Whether the program was created just now, on the page of a new program: this page says
    /// it was saved, as it would after an edit.
    #[prop(optional)]
    created: bool,
) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let fields = ProgramFields::new(&program, &support, lang.get_untracked());
    // What is saved: the fields as last saved (or loaded), and the waves the roster may use.
    let clean = StoredValue::new(fields.texts());
    let saved_waves: StoredValue<Vec<String>> =
        StoredValue::new(program.waves.iter().map(|w| w.id.clone()).collect());
    crate::components::unsaved::ask_before_leaving(Msg::UnsavedProgram, move || {
        clean.with_value(|c| *c != fields.texts())
    });
    // Numbers follow the page's language; switching it is no edit of the program.
    Effect::watch(
        move || lang.get(),
        move |l, _, _| {
            let was_clean = clean.with_value(|c| *c == fields.texts());
            fields.write_numbers_for(*l);
            if was_clean {
                clean.set_value(fields.texts());
            }
        },
        false,
    );
    let problems: Problems = RwSignal::new(BTreeMap::new());
    let failed = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(created);
    if created {
        wavegate_ui::dom::focus_id_soon("program-saved".into());
    }
    let roster_problem = RwSignal::new(None::<FileProblem>);
    let busy = RwSignal::new(false);
    let navigate = leptos_router::hooks::use_navigate();
    let mode = StoredValue::new(mode);
    let show = move |found: BTreeMap<Field, Problem>| {
        let first = found.keys().next().copied();
        problems.set(found);
        // After the redraw: a threshold's problem opens its closed section first.
        if let Some(f) = first {
            wavegate_ui::dom::focus_id_soon(dom_id(f));
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        roster_problem.set(None);
        failed.set(None);
        let read = fields.read();
        let found = read.all_problems();
        if !found.is_empty() {
            return show(found);
        }
        let (program, support) = (read.program, read.support);
        let name = program.name.clone();
        let sent = fields.texts();
        let waves: Vec<String> = program.waves.iter().map(|w| w.id.clone()).collect();
        let support = match support.checked() {
            Ok(s) => s,
            // Not reached: the check above found no problem.
            Err(e) => {
                return show(BTreeMap::from([(
                    problems::support_field(&e),
                    Problem::Support(e),
                )]));
            }
        };
        problems.set(BTreeMap::new());
        busy.set(true);
        let navigate = navigate.clone();
        let mode = mode.get_value();
        let csrf = session.csrf();
        leptos::task::spawn_local(async move {
            let l = lang.get_untracked();
            if let Mode::Edit(id) = &mode
                && !removed_waves::confirmed(id, &saved_waves.get_value(), &program, l).await
            {
                busy.set(false);
                // Back to the button that asked (disabled meanwhile, it lost the focus).
                wavegate_ui::dom::focus_id_soon(SUBMIT_ID.into());
                return;
            }
            let result = send(mode.clone(), csrf, program, support, l).await;
            busy.set(false);
            if result.is_ok() {
                clean.set_value(sent);
                saved_waves.set_value(waves);
            }
            match result {
                // The program's page says it was saved (the history entry's state tells it).
                Ok((id, _)) if mode == Mode::Create => navigate(
                    &links::program(&id),
                    leptos_router::NavigateOptions {
                        state: leptos_router::location::State::new(Some(
                            wasm_bindgen::JsValue::TRUE,
                        )),
                        ..Default::default()
                    },
                ),
                Ok((id, problem)) => {
                    crate::pages::ProgramNames::get().learn(&id, &name);
                    // Focus on what a screen reader should read first, once it is shown:
                    // the roster that no longer fits, else that it was saved.
                    let to = if problem.is_some() {
                        "roster-misfit"
                    } else {
                        "program-saved"
                    };
                    roster_problem.set(problem);
                    saved.set(true);
                    wavegate_ui::dom::focus_id_soon(to.into());
                }
                Err(Ok(found)) => show(found),
                Err(Err(e)) => failed.set(Some(e)),
            }
        });
    };
    // Once problems are shown, each goes as soon as its field is fixed: the same core check
    // runs on every edit (the events of all fields bubble up to the form), and only drops
    // problems, so the planner is not told about a field they have not finished typing.
    let recheck = move |_| {
        if problems.with_untracked(BTreeMap::is_empty) {
            return;
        }
        let still = fields.read().all_problems();
        problems.update(|shown| {
            *shown = (still.into_iter())
                .filter(|(field, _)| shown.contains_key(field))
                .collect();
        });
    };
    let whole = move || problems.with(|p| p.get(&Field::Whole).map(|p| p.text(lang.get())));
    let has_problems = move || problems.with(|p| !p.is_empty());
    let depths: Vec<String> = (1..=MAX_SEGMENT_DEPTH).map(|d| d.to_string()).collect();
    let depth = fields.segment_depth;
    view! {
        <form id="program-form" class="card program-form" novalidate on:submit=submit tabindex="-1"
            on:input=recheck on:change=recheck>
            <fieldset class="plain" disabled=move || !session.can_change()>
                <legend class="visually-hidden">{t(Msg::ProgramFormLegend)}</legend>
                <p class="form-error" role="alert" hidden=move || !has_problems()>
                    {t(Msg::FixFields)}" "{whole}
                </p>
                <Input field=Field::Name label=Msg::ProgramName value=fields.name problems=problems />
                <waves::Waves fields=fields problems=problems />
                <h2>{t(Msg::SegmentsTitle)}</h2>
                <Input field=Field::SplitAttributes label=Msg::SplitAttributes value=fields.split_attributes
                    problems=problems hint=Msg::SplitAttributesHint />
                <div class="field">
                    <label for=dom_id(Field::SegmentDepth)>{t(Msg::SegmentDepth)}</label>
                    <select id=dom_id(Field::SegmentDepth)
                        aria-invalid=invalid(problems, Field::SegmentDepth)
                        aria-describedby=format!("{}-error", dom_id(Field::SegmentDepth))
                        on:change=move |ev| depth.set(event_target_value(&ev))>
                        {depths.into_iter().map(|d| {
                            let selected = {
                                let d = d.clone();
                                move || depth.get() == d
                            };
                            view! { <option value=d.clone() selected=selected>{d.clone()}</option> }
                        }).collect_view()}
                    </select>
                    <FieldError problems=problems field=Field::SegmentDepth />
                </div>
                <h2>{t(Msg::HelpdeskTitle)}</h2>
                <Input field=Field::Capacity label=Msg::Capacity value=fields.capacity problems=problems
                    hint=Msg::CapacityHint inputmode="decimal" />
                <Input field=Field::Categories label=Msg::Categories value=fields.categories
                    problems=problems hint=Msg::CategoriesHint />
                <Input field=Field::Confidence label=Msg::Confidence value=fields.confidence
                    problems=problems hint=Msg::ConfidenceHint inputmode="decimal" />
                <thresholds::Thresholds fields=fields problems=problems />
                <h2>{t(Msg::SupportTitle)}</h2>
                <p class="muted">{t(Msg::SupportHint)}</p>
                <Input field=Field::Helpdesk(Lang::Nl) label=Msg::HelpdeskNl value=fields.helpdesk_nl problems=problems />
                <Input field=Field::Helpdesk(Lang::En) label=Msg::HelpdeskEn value=fields.helpdesk_en problems=problems />
                <Input field=Field::FaqUrl label=Msg::FaqUrl value=fields.faq_url problems=problems kind="url" />
                <Failure error=failed />
                <p id="program-saved" class="banner banner-ok" role="status" tabindex="-1" hidden=move || !saved.get()>
                    {t(Msg::ProgramSaved)}
                </p>
                {move || roster_problem.get().map(|p| {
                    let files = mode.with_value(|m| match m {
                        Mode::Edit(id) => links::files(id),
                        Mode::Create => String::new(),
                    });
                    view! {
                        <div id="roster-misfit" class="banner banner-warn roster-misfit" tabindex="-1">
                            <p>{t(Msg::RosterNoLongerFits)}" "<a href=files>{t(Msg::ToFiles)}</a></p>
                            <FileProblemView problem=p />
                        </div>
                    }
                })}
                // A viewer saves nothing: no button to find greyed out.
                {move || session.can_change().then(|| view! {
                    <button type="submit" id=SUBMIT_ID class="primary" disabled=move || busy.get()>
                        {move || mode.with_value(|m| match m {
                            Mode::Create => Msg::CreateProgram,
                            Mode::Edit(_) => Msg::SaveProgram,
                        }).text(lang.get())}
                    </button>
                })}
            </fieldset>
        </form>
    }
}
