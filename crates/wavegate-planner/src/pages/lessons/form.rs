//! Recording a lesson: the wave it is about (or the program as a whole), its kind, its text
//! with a character count; the core's rules are checked before sending, and a refusal of the
//! server is shown at its field in the page's language.

use crate::components::notice::Failure;
use crate::components::wave_choice::WaveChoice;
use crate::i18n::{Msg, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use wavegate_core::api::{
    LessonError, LessonKind, LessonProblem, MAX_LESSON_CHARS, NewLesson, text_problem,
};
use wavegate_core::readiness::text::wave_title;
use wavegate_ui::api::{ApiError, lessons};

/// The form's problem: one of the core's, shown at its field.
fn field_problem(e: &ApiError) -> Option<LessonError> {
    e.details::<LessonProblem>()
        .and_then(|p| LessonError::from_code(&p.code))
}

/// The form; `added` fires after a lesson was stored.
#[component]
pub fn AddLesson(
    program: Memo<String>,
    waves: Signal<Vec<WaveChoice>>,
    added: Trigger,
) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let wave = RwSignal::new(String::new());
    let kind = RwSignal::new(LessonKind::WentWell);
    let text = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<LessonError>);
    let failure = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let shown_at = move |field: &'static str| {
        Signal::derive(move || problem.get().filter(|p| p.field() == field))
    };
    let (text_error, wave_error, log_error) = (shown_at("text"), shown_at("wave"), shown_at(""));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        failure.set(None);
        let typed = text.get_untracked();
        if let Some(p) = text_problem(&typed.replace("\r\n", "\n")) {
            problem.set(Some(p));
            wavegate_ui::dom::focus_id("lesson-text");
            return;
        }
        problem.set(None);
        let chosen = wave.get_untracked();
        let body = NewLesson {
            wave: (!chosen.is_empty()).then_some(chosen),
            kind: kind.get_untracked(),
            text: typed,
        };
        let (csrf, pid, l) = (
            session.csrf(),
            program.get_untracked(),
            lang.get_untracked(),
        );
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = lessons::add(&csrf, &pid, &body, l).await;
            busy.set(false);
            match result {
                Ok(_) => {
                    text.set(String::new());
                    saved.set(true);
                    added.notify();
                    request_animation_frame(|| wavegate_ui::dom::focus_id("lesson-saved"));
                }
                Err(e) => match field_problem(&e) {
                    Some(p) => {
                        problem.set(Some(p));
                        let at = if p.field() == "wave" {
                            "lesson-wave"
                        } else {
                            "lesson-text"
                        };
                        wavegate_ui::dom::focus_id(at);
                    }
                    None => failure.set(Some(e)),
                },
            }
        });
    };
    let error_at = move |id: &'static str, shown: Signal<Option<LessonError>>| {
        move || {
            shown.get().map(|p| {
                view! {
                    <p id=id class="form-error" role="alert">{move || p.message(lang.get())}</p>
                }
            })
        }
    };
    let wave_options = move || {
        waves
            .get()
            .into_iter()
            .map(|WaveChoice { id, label }| {
                view! { <option value=id.clone() selected=move || wave.get() == id>{move || wave_title(&label, lang.get())}</option> }
            })
            .collect_view()
    };
    let kind_option = move |k: LessonKind| {
        let label = k.label();
        view! {
            <label class="option"><input type="radio" name="lesson-kind" value=k.as_str()
                prop:checked=move || kind.get() == k on:change=move |_| kind.set(k) />
                {move || label.get(lang.get()).to_string()}</label>
        }
    };
    let count = move || {
        let n = text.get().trim().chars().count();
        fill(
            Msg::LessonCount,
            lang.get(),
            &[("n", n.to_string()), ("max", MAX_LESSON_CHARS.to_string())],
        )
    };
    let over = move || text.get().trim().chars().count() > MAX_LESSON_CHARS;
    view! {
        <section class="card" aria-labelledby="add-lesson-title">
            <h2 id="add-lesson-title">{t(Msg::AddLessonTitle)}</h2>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="lesson-wave">{t(Msg::LessonWaveLabel)}</label>
                    <select id="lesson-wave" on:change=move |ev| wave.set(event_target_value(&ev))
                        aria-invalid=move || wave_error.get().map(|_| "true")
                        aria-describedby=move || wave_error.get().map(|_| "lesson-wave-error")>
                        <option value="" selected=move || wave.get().is_empty()>{t(Msg::LessonsWhole)}</option>
                        {wave_options}
                    </select>
                    {error_at("lesson-wave-error", wave_error)}
                </div>
                <fieldset class="choice">
                    <legend>{t(Msg::LessonKindLegend)}</legend>
                    {LessonKind::ALL.into_iter().map(kind_option).collect_view()}
                </fieldset>
                <div class="field">
                    <label for="lesson-text">{t(Msg::LessonTextLabel)}</label>
                    <textarea id="lesson-text" rows="5" prop:value=move || text.get()
                        aria-invalid=move || text_error.get().map(|_| "true")
                        aria-describedby=move || if text_error.get().is_some() {
                            "lesson-count lesson-text-error"
                        } else {
                            "lesson-count"
                        }
                        on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    <p id="lesson-count" class="muted" class:form-error=over>{count}</p>
                    {error_at("lesson-text-error", text_error)}
                </div>
                {error_at("lesson-log-error", log_error)}
                <button type="submit" class="primary" disabled=move || busy.get()>{t(Msg::SaveLesson)}</button>
                <Failure error=failure />
                {move || saved.get().then(|| view! {
                    <p id="lesson-saved" class="banner banner-ok" role="status" tabindex="-1">{t(Msg::LessonSaved)}</p>
                })}
            </form>
        </section>
    }
}
