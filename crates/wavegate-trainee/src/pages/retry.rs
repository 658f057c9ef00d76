//! Under a failed attempt's results: what passing takes, the attempts left, the wait before the
//! next one, and "Try again" as soon as the quiz allows it, also when that moment comes while
//! the results are on screen.

use super::Session;
use super::next_attempt::{NoAttempt, browser_time};
use super::wait;
use crate::i18n::{Msg, both, fill, t, tr, use_lang};
use leptos::prelude::*;
use wavegate_core::training::pass_mark_text;
use wavegate_core::training::wire::MyModule;

/// The attempt policy after a failed attempt of `module` that asked `asked` questions, and the
/// retry (`retry` starts the next attempt). A wait that ends while this shows is said in a
/// polite live region and the retry appears; focus stays where the trainee is.
#[component]
pub fn RetryPolicy(
    /// The module, as it is with the failed attempt recorded.
    module: MyModule,
    /// How many questions the failed attempt asked.
    asked: u32,
    /// Starts the next attempt.
    #[prop(into)]
    retry: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let quiz = module.module.quiz.as_ref();
    let policy = quiz.map(|q| q.attempts).unwrap_or_default();
    let pass_mark = quiz.map_or(1.0, |q| q.pass_mark);
    let left = module.status.attempts_left;
    // No Retry button that could only lead to a refusal: why not instead, judged again when a
    // wait ends.
    let why = wait::followed(expect_context::<Session>(), module.module.id.clone());
    let waited = matches!(why.get_untracked(), Some(NoAttempt::Wait(_)));
    let attempts = move || match (policy.max, left) {
        _ if why.with(|w| matches!(w, Some(NoAttempt::NoneLeft(_)))) => why
            .with(|w| w.as_ref().map(|w| w.text(lang.get(), browser_time)))
            .unwrap_or_default(),
        (Some(_), Some(1)) => Msg::OneAttemptLeft.text(lang.get()).to_string(),
        (Some(_), Some(n)) => fill(Msg::AttemptsLeft, lang.get(), &[("n", n.to_string())]),
        _ => Msg::AttemptsUnlimited.text(lang.get()).to_string(),
    };
    let until = move || match why.get() {
        Some(wait @ NoAttempt::Wait(_)) => format!(" {}", wait.text(lang.get(), browser_time)),
        _ => String::new(),
    };
    view! {
        <p class="policy">{tr(both(|l| pass_mark_text(pass_mark, asked, l)))}" "{attempts}{until}</p>
        // In the page from the start, so that what appears in it is announced; empty until a
        // wait ends while the results show.
        <p class="wait-over" role="status" aria-live="polite">
            {move || (waited && why.with(Option::is_none)).then(|| t(Msg::WaitOver))}
        </p>
        {move || why.with(Option::is_none).then(|| view! {
            <button type="button" class="primary" on:click=move |_| retry.run(())>{t(Msg::Retry)}</button>
        })}
    }
}
