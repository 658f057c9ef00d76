//! Before a program is saved without a wave its roster has people in: how many people, and
//! whether to save all the same. Saved, the roster no longer fits the program, and nothing can
//! be evaluated until a roster with the new waves is imported; the server only says so after.

use crate::i18n::{Msg, fill};
use leptos::prelude::window;
use wavegate_core::i18n::{Lang, count};
use wavegate_core::readiness::Program;
use wavegate_core::readiness::text::wave_named;
use wavegate_ui::api::programs;

/// The waves of `before` (their ids) that `after` leaves out and the current roster of
/// `program` has people in, each with its people (`None`: 1 to 4, too few to give, as the
/// roster's groups say everywhere). Without a roster, none.
pub async fn left_on_roster(
    program: &str,
    before: &[String],
    after: &Program,
) -> Vec<(String, Option<u64>)> {
    let gone: Vec<&String> = (before.iter())
        .filter(|id| !after.waves.iter().any(|w| &&w.id == id))
        .collect();
    if gone.is_empty() {
        return Vec::new();
    }
    let Ok(groups) = programs::roster_groups(program).await else {
        return Vec::new();
    };
    (groups.waves.into_iter())
        .filter(|w| gone.contains(&&w.wave) && !w.size.is_empty())
        .map(|w| (w.wave, w.size.people))
        .collect()
}

/// The question asked about `left` ([`left_on_roster`]), in `lang`.
pub fn question(left: &[(String, Option<u64>)], lang: Lang) -> String {
    let waves: Vec<String> = (left.iter())
        .map(|(wave, people)| match people {
            Some(n) => fill(
                Msg::WaveOnRoster,
                lang,
                &[("wave", wave_named(wave, lang)), ("n", count(*n, lang))],
            ),
            None => fill(
                Msg::WaveOnRosterFew,
                lang,
                &[("wave", wave_named(wave, lang))],
            ),
        })
        .collect();
    fill(Msg::WavesLeaveRoster, lang, &[("waves", waves.join(", "))])
}

/// Whether to save `after` over the program `program` whose waves were `before`: asked only
/// when the roster has people in a wave it leaves out (removed, or its id changed).
pub async fn confirmed(program: &str, before: &[String], after: &Program, lang: Lang) -> bool {
    let left = left_on_roster(program, before, after).await;
    left.is_empty()
        || window()
            .confirm_with_message(&question(&left, lang))
            .unwrap_or(true)
}
