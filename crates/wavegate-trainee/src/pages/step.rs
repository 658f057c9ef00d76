//! Where the trainee is in a module: the screens the module page and the quiz move between, and
//! the button that moves to one.

use crate::i18n::tr;
use leptos::prelude::*;
use wavegate_core::i18n::Text;

/// Where the trainee is in a module.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// The module's overview.
    Overview,
    /// The n-th lesson of those to study (all of them, or after a substantive change the
    /// changed ones).
    Lesson(usize),
    /// The n-th of all the module's lessons, opened again from the overview's list whatever
    /// the stage (to reread the steps while doing them, or restudy before a retry).
    Reread(usize),
    /// The quiz.
    Quiz,
    /// The certificate.
    Certificate,
}

/// A button to the screen `to`, labelled `label` (a message [`said`](crate::i18n::said), or a
/// text filled in), styled `class` ("primary", "secondary"): every such button of a module's
/// screens is this one view, so the bundle draws them all with one copy of the code.
pub fn go(class: &'static str, to: Step, label: Text, step: RwSignal<Step>) -> impl IntoView {
    view! {
        <button type="button" class=class on:click=move |_| step.set(to.clone())>{tr(label)}</button>
    }
}
