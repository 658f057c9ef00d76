//! `/planner/programs/{program}/lessons`: the program's lessons-learned log, under a heading per
//! wave (the program as a whole first, then the waves in their order), each lesson with its
//! kind in words, its text as plain text, its author and date; planners record lessons with
//! the form and delete them after a confirmation, viewers read.

mod form;

use super::{ProgramNav, Tab, param};
use crate::components::delete_question::DeleteQuestion;
use crate::components::download::{DownloadButton, holds_entries};
use crate::components::notice::{Failure, load_failed};
use crate::components::wave_choice::{WaveChoice, ids, wave_choices};
use crate::i18n::{Msg, UiMsg, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use wavegate_core::api::{Lesson, LessonGroup, LessonsCsvQuery, grouped};
use wavegate_core::readiness::text::wave_title;
use wavegate_ui::api::{ApiError, lessons, programs};

/// The lesson's text as lines: each line a text node (never HTML), line breaks kept.
fn text_lines(text: &str) -> impl IntoView + use<> {
    let lines: Vec<String> = text.split('\n').map(String::from).collect();
    let last = lines.len().saturating_sub(1);
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| view! { {line}{(i < last).then(|| view! { <br /> })} })
        .collect_view()
}

/// What deleting asks and answers, shared by every lesson of the page.
#[derive(Clone, Copy)]
struct Deleting {
    /// The lesson whose confirmation is shown.
    confirming: RwSignal<Option<u64>>,
    busy: RwSignal<bool>,
    failure: RwSignal<Option<ApiError>>,
    /// A lesson was just deleted (the status to announce).
    done: RwSignal<bool>,
}

/// One lesson: kind, text, author and date, and for planners its delete button.
fn lesson_item(lesson: Lesson, program: Memo<String>, deleting: Deleting) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let id = lesson.id;
    let kind = lesson.kind.label();
    let kind_class = format!(
        "lesson-kind kind-{}",
        lesson.kind.as_str().replace('_', "-")
    );
    let text_id = format!("lesson-{id}-text");
    let (author, at) = (lesson.author.clone(), lesson.created_at.clone());
    let by = move || {
        let when = wavegate_ui::dom::written_time(&at, lang.get());
        fill(
            Msg::LessonBy,
            lang.get(),
            &[("author", author.clone()), ("when", when)],
        )
    };
    let confirm = move |_| {
        let (csrf, pid) = (session.csrf(), program.get_untracked());
        deleting.busy.set(true);
        deleting.failure.set(None);
        leptos::task::spawn_local(async move {
            let result = lessons::delete(&csrf, &pid, id).await;
            deleting.busy.set(false);
            deleting.confirming.set(None);
            match result {
                Ok(()) => {
                    deleting.done.set(true);
                    request_animation_frame(|| wavegate_ui::dom::focus_id("lesson-deleted"));
                }
                Err(e) => deleting.failure.set(Some(e)),
            }
        });
    };
    let delete_button_id = format!("lesson-{id}-delete");
    let cancel = move |_| {
        deleting.confirming.set(None);
        // After the redraw: until then the button is still disabled and cannot take focus.
        wavegate_ui::dom::focus_id_soon(format!("lesson-{id}-delete"));
    };
    let ask = move |_| {
        deleting.done.set(false);
        deleting.confirming.set(Some(id));
        request_animation_frame(move || {
            wavegate_ui::dom::focus_id(&format!("lesson-{id}-confirm-title"))
        });
    };
    let actions = move || {
        session.can_change().then(|| {
            let confirmation =
                move || {
                    (deleting.confirming.get() == Some(id)).then(|| view! {
                    <DeleteQuestion title_id=format!("lesson-{id}-confirm-title")
                        title=Msg::ConfirmDeleteLessonTitle text=Msg::ConfirmDeleteLessonText
                        confirm=Msg::ConfirmDeleteLesson busy=deleting.busy
                        on_confirm=Callback::new(confirm) on_cancel=Callback::new(cancel) />
                })
                };
            view! {
                <button type="button" class="secondary lesson-delete" id=delete_button_id.clone()
                    aria-describedby=format!("lesson-{id}-text")
                    disabled=move || deleting.confirming.get().is_some()
                    on:click=ask>{t(Msg::DeleteLesson)}</button>
                {confirmation}
            }
        })
    };
    view! {
        <li class="lesson" data-lesson=id.to_string() data-kind=lesson.kind.as_str()>
            <p class=kind_class><strong>{move || kind.get(lang.get()).to_string()}</strong></p>
            <p class="lesson-text" id=text_id>{text_lines(&lesson.text)}</p>
            <p class="muted lesson-by">{by}</p>
            {actions}
        </li>
    }
}

/// One heading with its lessons; `waves` give a wave's label.
fn group_view(
    group: LessonGroup,
    waves: &[WaveChoice],
    program: Memo<String>,
    deleting: Deleting,
) -> impl IntoView {
    let lang = use_lang();
    let heading_id = match &group.wave {
        Some(w) => format!(
            "lessons-wave-{}",
            w.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
        ),
        None => "lessons-whole".to_string(),
    };
    // A wave the program no longer lists keeps its id.
    let wave = group.wave.clone().map(|id| {
        waves
            .iter()
            .find(|w| w.id == id)
            .map_or(id, |w| w.label.clone())
    });
    let heading = move || match &wave {
        Some(w) => wave_title(w, lang.get()),
        None => Msg::LessonsWhole.text(lang.get()).to_string(),
    };
    view! {
        <section class="lesson-group" aria-labelledby=heading_id.clone()
            data-wave=group.wave.clone().unwrap_or_default()>
            <h3 id=heading_id.clone()>{heading}</h3>
            <ul class="lesson-list">
                {group.lessons.into_iter().map(|l| lesson_item(l, program, deleting)).collect_view()}
            </ul>
        </section>
    }
}

/// The page.
#[component]
pub fn LessonsPage() -> impl IntoView {
    let program = param("program");
    let session = Session::get();
    let changed = Trigger::new();
    let detail = LocalResource::new(move || {
        let pid = program.get();
        async move { programs::get(&pid).await }
    });
    let list = LocalResource::new(move || {
        changed.track();
        let pid = program.get();
        async move { lessons::list(&pid).await }
    });
    let deleting = Deleting {
        confirming: RwSignal::new(None),
        busy: RwSignal::new(false),
        failure: RwSignal::new(None),
        done: RwSignal::new(false),
    };
    Effect::new(move |_| {
        if deleting.done.get() {
            changed.notify();
        }
    });
    // The program's waves in their order (none while loading or for a program without
    // program.toml: lessons are then about the program as a whole).
    let waves = Signal::derive(move || {
        detail
            .get()
            .and_then(|r| r.ok())
            .and_then(|d| d.program)
            .map(|p| wave_choices(&p))
            .unwrap_or_default()
    });
    let body = move || {
        list.get().map(|r| match r {
            Ok(all) if all.is_empty() => view! { <p>{t(Msg::NoLessons)}</p> }.into_any(),
            Ok(all) => {
                let waves = waves.get();
                grouped(all, &ids(&waves))
                    .into_iter()
                    .map(|g| group_view(g, &waves, program, deleting))
                    .collect_view()
                    .into_any()
            }
            Err(e) => load_failed(e, move || list.refetch()).into_any(),
        })
    };
    // In the page's language, as a spreadsheet in that language opens it.
    let lang = use_lang();
    let csv = move || {
        let query = LessonsCsvQuery::for_spreadsheet(lang.get_untracked());
        let pid = program.get_untracked();
        async move { lessons::csv(&pid, &query).await }
    };
    let deleted = move || {
        deleting.done.get().then(|| view! {
            <p id="lesson-deleted" class="banner banner-ok" role="status" tabindex="-1">{t(Msg::LessonDeleted)}</p>
        })
    };
    view! {
        <ProgramNav program=program current=Tab::Lessons />
        <h1>{t(Msg::LessonsTitle)}</h1>
        <p class="muted">{t(Msg::LessonsHint)}</p>
        {move || session.can_change().then(|| view! { <form::AddLesson program=program waves=waves added=changed /> })}
        <section class="card" aria-labelledby="lessons-log-title">
            <h2 id="lessons-log-title">{t(Msg::LessonsLogTitle)}</h2>
            <DownloadButton label=Msg::DownloadLessons fetch=csv fallback="lessons.csv"
                offered=holds_entries(list) />
            {deleted}
            <Failure error=deleting.failure />
            <Suspense fallback=move || view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }>
                {body}
            </Suspense>
        </section>
    }
}
