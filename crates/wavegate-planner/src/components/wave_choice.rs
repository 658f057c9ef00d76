//! The waves of a program as a pick list offers them: the id as the value (what the roster's
//! `wave` column and the API use), the core's wave label as the text people read.

use leptos::prelude::*;
use wavegate_core::readiness::Program;
use wavegate_core::readiness::program::{Wave, wave_label_in};
use wavegate_ui::api::programs;

/// One wave in a pick list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaveChoice {
    /// The value sent: the wave's id.
    pub id: String,
    /// The text shown: `wave-2 (Regio Noord)`, or the id when the wave has no name.
    pub label: String,
}

/// Every wave of `program`, in its order: the one list every wave select is built from.
pub fn wave_choices(program: &Program) -> Vec<WaveChoice> {
    program
        .waves
        .iter()
        .map(|w| WaveChoice {
            id: w.id.clone(),
            label: w.label(),
        })
        .collect()
}

/// The ids of `choices`, for the rules that check a chosen wave is one of the program's.
pub fn ids(choices: &[WaveChoice]) -> Vec<String> {
    choices.iter().map(|c| c.id.clone()).collect()
}

/// A group's value as people read it: a wave as the program names it everywhere else
/// (`pilot (Pilot IT)`, the id alone for a wave the program no longer has), any other
/// attribute's value as it is.
pub fn group_value(attribute: &str, value: &str, waves: &[Wave]) -> String {
    if attribute.eq_ignore_ascii_case("wave") {
        wave_label_in(waves, value)
    } else {
        value.to_string()
    }
}

/// The waves of `program` once its definition has loaded (none before, or when it has none),
/// for pages whose groups name a wave as the program does.
pub fn program_waves(program: Memo<String>) -> impl Fn() -> Vec<Wave> + Copy {
    let detail = LocalResource::new(move || {
        let id = program.get();
        async move { programs::get(&id).await }
    });
    move || {
        detail
            .get()
            .and_then(|r| r.ok())
            .and_then(|d| d.program)
            .map(|p| p.waves)
            .unwrap_or_default()
    }
}
