//! Revoking a wave's training links from the training tab, with a confirmation step: once
//! revoked, the trainees of that wave see a page saying so with the helpdesk, and revoking is
//! not undone. The server counts only links that opened until now, so a second revoke says 0.

use crate::components::notice::Failure;
use crate::components::wave_choice::wave_choices;
use crate::i18n::{Msg, counted, fill, t, use_lang};
use crate::session::Session;
use leptos::prelude::*;
use wavegate_core::readiness::text::wave_named;
use wavegate_core::training::wire::RevokeTrainingLinks;
use wavegate_ui::api::{ApiError, programs, training};

/// The revoke card of the program `program`: a wave, then a confirmation, then how many links
/// stopped opening.
#[component]
pub fn RevokeWave(program: Memo<String>) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let detail = LocalResource::new(move || {
        let id = program.get();
        async move { programs::get(&id).await }
    });
    let wave = RwSignal::new(String::new());
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let revoked = RwSignal::new(None::<(String, u64)>);
    let failed = RwSignal::new(None::<ApiError>);
    let waves = move || {
        detail
            .get()
            .and_then(|r| r.ok())
            .and_then(|d| d.program)
            .map(|p| wave_choices(&p))
            .unwrap_or_default()
    };
    let revoke = move |_| {
        let (csrf, pid, w) = (
            session.csrf(),
            program.get_untracked(),
            wave.get_untracked(),
        );
        busy.set(true);
        failed.set(None);
        leptos::task::spawn_local(async move {
            let body = RevokeTrainingLinks {
                person_ids: None,
                wave: Some(w.clone()),
            };
            match training::revoke(&csrf, &pid, &body).await {
                Ok(r) => {
                    revoked.set(Some((w, r.revoked)));
                    request_animation_frame(|| wavegate_ui::dom::focus_id("revoke-result"));
                }
                Err(e) => failed.set(Some(e)),
            }
            confirming.set(false);
            busy.set(false);
        });
    };
    view! {
        <section class="card" aria-labelledby="revoke-title">
            <h2 id="revoke-title">{t(Msg::RevokeTrainingTitle)}</h2>
            <p class="muted">{t(Msg::RevokeTrainingHint)}</p>
            <fieldset class="plain" aria-labelledby="revoke-title" disabled=move || !session.can_change() || busy.get()>
                <div class="field">
                    <label for="revoke-wave">{t(Msg::Wave)}</label>
                    <select id="revoke-wave" on:change=move |ev| {
                        wave.set(event_target_value(&ev));
                        confirming.set(false);
                    }>
                        <option value="">{t(Msg::ChooseWave)}</option>
                        {move || waves().into_iter().map(|w| view! { <option value=w.id>{w.label}</option> }).collect_view()}
                    </select>
                </div>
                {move || (!confirming.get()).then(|| view! {
                    <button id="revoke-training-button" type="button" class="secondary" disabled=move || wave.get().is_empty()
                        on:click=move |_| {
                            revoked.set(None);
                            confirming.set(true);
                            // The pressed button gives way to the question: focus the question.
                            wavegate_ui::dom::focus_id_soon("revoke-confirm".into());
                        }>{t(Msg::RevokeWaveButton)}</button>
                })}
                {move || confirming.get().then(|| view! {
                    <div class="confirm" role="group" aria-labelledby="revoke-confirm">
                        <p id="revoke-confirm" tabindex="-1"><strong>{move || fill(Msg::RevokeConfirm, lang.get(), &[("wave", wave_named(&wave.get(), lang.get()))])}</strong></p>
                        <button type="button" class="primary" on:click=revoke>{t(Msg::RevokeYes)}</button>
                        " "
                        <button type="button" class="secondary" on:click=move |_| {
                            confirming.set(false);
                            wavegate_ui::dom::focus_id_soon("revoke-training-button".into());
                        }>{t(Msg::Cancel)}</button>
                    </div>
                })}
            </fieldset>
            <Failure error=failed />
            {move || revoked.get().map(|(w, n)| view! {
                <div id="revoke-result" class="banner banner-ok" role="status" tabindex="-1">
                    <p>{move || {
                        let l = lang.get();
                        let links = counted(n, Msg::TrainingLinksOne, Msg::TrainingLinksN, l);
                        fill(Msg::RevokedResult, l, &[("links", links), ("wave", wave_named(&w, l))])
                    }}</p>
                </div>
            })}
        </section>
    }
}
