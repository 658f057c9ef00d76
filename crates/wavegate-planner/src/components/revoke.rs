//! Revoking a survey's links: every link of a wave, after a confirmation that says how many
//! links work until then and what their respondents will see, or the links of people named by
//! their person id. Planners only (the server refuses viewers as well).

use crate::components::group_choice::GroupRequest;
use crate::components::notice::load_failed;
use crate::i18n::{Msg, UiMsg, fill, t, use_lang};
use crate::session::Session;
use chrono::NaiveDate;
use leptos::prelude::*;
use std::collections::BTreeMap;
use wavegate_core::api::{
    InvitationLink, MAX_REVOKED_PER_REQUEST, RevokeInvitations, RevokedInvitations,
};
use wavegate_core::i18n::count;
use wavegate_core::invitation::lifetime::LinkStatus;
use wavegate_core::invitation::typed_person_ids;
use wavegate_core::readiness::text::{wave_named, wave_title};
use wavegate_ui::api::invitations;

/// Per wave, the links that still open on `today` (a wave whose links are all revoked or
/// expired shows 0).
pub fn open_links_per_wave(links: &[InvitationLink], today: NaiveDate) -> BTreeMap<String, u64> {
    let mut per_wave = BTreeMap::new();
    for link in links {
        let Some(wave) = link.wave.clone() else {
            continue;
        };
        let open = link.status(today) == LinkStatus::Open;
        *per_wave.entry(wave).or_insert(0) += u64::from(open);
    }
    per_wave
}

/// The revocation card of a survey; `changed` fires after links were revoked.
#[component]
pub fn Revoke(program: Memo<String>, survey: Memo<String>, changed: Trigger) -> impl IntoView {
    let session = Session::get();
    let lang = use_lang();
    let request = GroupRequest::<RevokedInvitations>::new();
    let links = LocalResource::new(move || {
        changed.track();
        let (p, s) = (program.get(), survey.get());
        async move { invitations::list(&p, &s).await }
    });
    let wave = RwSignal::new(String::new());
    // The wave and its open links while the confirmation is shown.
    let confirming = RwSignal::new(None::<(String, u64)>);
    let people = RwSignal::new(String::new());
    let people_problem = RwSignal::new(None::<Msg>);
    let send = move |body: RevokeInvitations| {
        let (p, s, csrf) = (
            program.get_untracked(),
            survey.get_untracked(),
            session.csrf(),
        );
        request.send(
            async move { invitations::revoke(&csrf, &p, &s, &body).await },
            Some(changed),
            "revoke-result",
        );
    };
    let confirm = move |_| {
        if let Some((w, _)) = confirming.get_untracked() {
            confirming.set(None);
            send(RevokeInvitations {
                wave: Some(w),
                ..RevokeInvitations::default()
            });
        }
    };
    let cancel = move |_| {
        confirming.set(None);
        // The button is still disabled until the page redraws: focus it after that.
        wavegate_ui::dom::focus_id_soon("revoke-wave-button".into());
    };
    let revoke_people = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ids = typed_person_ids(&people.get_untracked());
        let problem = if ids.is_empty() {
            Some(Msg::PersonIdsEmpty)
        } else if ids.len() > MAX_REVOKED_PER_REQUEST {
            Some(Msg::PersonIdsTooMany)
        } else {
            None
        };
        people_problem.set(problem);
        if problem.is_some() {
            wavegate_ui::dom::focus_id("revoke-people");
            return;
        }
        send(RevokeInvitations {
            person_ids: Some(ids),
            ..RevokeInvitations::default()
        });
    };
    let wave_form = move |list: Vec<InvitationLink>| {
        let per_wave = wavegate_ui::dom::utc_today()
            .map(|d| open_links_per_wave(&list, d))
            .unwrap_or_default();
        if per_wave.is_empty() {
            return view! { <p class="muted">{t(Msg::NoWaveLinks)}</p> }.into_any();
        }
        if wave.get_untracked().is_empty() || !per_wave.contains_key(&wave.get_untracked()) {
            wave.set(per_wave.keys().next().cloned().unwrap_or_default());
        }
        let open_of = {
            let per_wave = per_wave.clone();
            move |w: &str| per_wave.get(w).copied().unwrap_or(0)
        };
        let options = per_wave
            .iter()
            .map(|(w, n)| {
                let (w, n, value) = (w.clone(), *n, w.clone());
                let label = move || {
                    fill(
                        Msg::WaveOpenLinks,
                        lang.get(),
                        &[
                            ("wave", wave_title(&w, lang.get())),
                            ("n", count(n, lang.get())),
                        ],
                    )
                };
                view! { <option value=value>{label}</option> }
            })
            .collect_view();
        let ask = move |_| {
            let w = wave.get_untracked();
            let n = open_of(&w);
            confirming.set(Some((w, n)));
            request_animation_frame(|| wavegate_ui::dom::focus_id("revoke-confirm-title"));
        };
        view! {
            <div class="field">
                <label for="revoke-wave">{t(Msg::Wave)}</label>
                <select id="revoke-wave" prop:value=move || wave.get()
                    on:change=move |ev| { confirming.set(None); wave.set(event_target_value(&ev)) }>{options}</select>
            </div>
            <button id="revoke-wave-button" type="button" class="secondary"
                disabled=move || request.busy.get() || confirming.get().is_some()
                on:click=ask>{t(Msg::RevokeWave)}</button>
        }
        .into_any()
    };
    let confirmation = move || {
        confirming.get().map(|(w, n)| {
            let args = move || vec![("wave", wave_named(&w, lang.get())), ("n", count(n, lang.get()))];
            let args2 = args.clone();
            let args3 = args.clone();
            view! {
                <div class="confirm" role="group" aria-labelledby="revoke-confirm-title">
                    <h4 id="revoke-confirm-title" tabindex="-1">{move || fill(Msg::ConfirmRevokeTitle, lang.get(), &args())}</h4>
                    <p>{move || fill(Msg::ConfirmRevokeText, lang.get(), &args2())}</p>
                    <div class="button-row">
                        <button type="button" class="danger" on:click=confirm>{move || fill(Msg::ConfirmRevoke, lang.get(), &args3())}</button>
                        <button type="button" class="secondary" on:click=cancel>{t(Msg::Cancel)}</button>
                    </div>
                </div>
            }
        })
    };
    let waves = move || {
        links.get().map(|r| match r {
            Ok(list) => wave_form(list).into_any(),
            Err(e) => load_failed(e, move || links.refetch()).into_any(),
        })
    };
    let outcome = move || {
        request.result.get().map(|r| {
            view! {
                <p id="revoke-result" class="banner banner-ok" role="status" tabindex="-1">
                    {move || match r.revoked {
                        1 => t(Msg::OneLinkRevoked).into_any(),
                        n => fill(Msg::LinksRevoked, lang.get(), &[("n", count(n, lang.get()))]).into_any(),
                    }}
                </p>
            }
        })
    };
    move || {
        session.can_change().then(|| view! {
            <section class="card" aria-labelledby="revoke-title">
                <h2 id="revoke-title">{t(Msg::RevokeTitle)}</h2>
                <p class="muted">{t(Msg::RevokeHint)}</p>
                <h3>{t(Msg::RevokeWaveTitle)}</h3>
                <Suspense fallback=move || view! { <p class="status" role="status">{t(UiMsg::Loading)}</p> }>
                    {waves}
                </Suspense>
                {confirmation}
                <h3>{t(Msg::RevokePeopleTitle)}</h3>
                <form on:submit=revoke_people novalidate>
                    <div class="field">
                        <label for="revoke-people">{t(Msg::PersonIdsLabel)}</label>
                        <textarea id="revoke-people" rows="3" prop:value=move || people.get()
                            aria-invalid=move || people_problem.get().map(|_| "true")
                            aria-describedby=move || people_problem.get().map(|_| "revoke-people-error")
                            on:input=move |ev| people.set(event_target_value(&ev))></textarea>
                        {move || people_problem.get().map(|m| view! {
                            <p id="revoke-people-error" class="form-error" role="alert">{t(m)}</p>
                        })}
                    </div>
                    <button type="submit" class="secondary" disabled=move || request.busy.get()>{t(Msg::RevokePeople)}</button>
                </form>
                {request.failure()}
                {outcome}
            </section>
        })
    }
}
