//! What "My training" says of a module a substantive new version changed: what is left instead
//! of a share done (a trainee who had finished would read "33% done" as barely begun), and the
//! lessons to re-read, named.

use super::module::changed_lessons;
use crate::i18n::{Lang, Msg, counted, fill, t, tr};
use leptos::prelude::*;
use wavegate_core::training::wire::MyModule;

/// After a substantive new version, "Updated · still to do: …" with the lessons and questions
/// left; none when the module was not updated or nothing is left.
pub fn still_to_do(m: &MyModule, lang: Lang) -> Option<String> {
    let left = &m.status.restudy;
    if !m.status.updated || left.is_empty() {
        return None;
    }
    let lessons = left.lessons.len() as u64;
    let what = match (lessons, left.topics.is_empty()) {
        (0, _) => Msg::ChangedQuestions.text(lang).to_string(),
        (n, false) => counted(n, Msg::LessonAndQuestions, Msg::LessonsAndQuestions, lang),
        (n, true) => counted(n, Msg::OneLesson, Msg::LessonCount, lang),
    };
    Some(fill(Msg::UpdatedToDo, lang, &[("what", what)]))
}

/// On a module's card after a substantive new version: what to re-read, named; or, with every
/// changed lesson read again, that the questions about them are left.
pub fn updated_note(m: &MyModule) -> impl IntoView + use<> {
    let changed = changed_lessons(m);
    let retake = changed.is_empty();
    (
        retake.then(|| view! { <p class="updated">{t(Msg::UpdatedRetake)}</p> }),
        (!retake).then(|| view! {
            <div class="updated">
                <p>{t(Msg::Updated)}</p>
                <ul class="restudy">
                    {changed.into_iter().map(|(title, _)| view! { <li>{tr(title)}</li> }).collect_view()}
                </ul>
            </div>
        }),
    )
}
