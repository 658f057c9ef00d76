//! What Wavegate's two browser apps share: the respondent app (`wavegate-app`) and the planner
//! app (`wavegate-planner`) are separate bundles, so respondents never download the planner;
//! both build on this crate.
//!
//! - [`i18n`]: the message macro, the messages both show and the language context;
//! - [`api`]: the typed client of `/api/v1/`, one function per endpoint;
//! - [`errors`]: the apps' own message for every error code;
//! - [`dom`]: focus, local times, saving downloads byte for byte;
//! - [`storage`]: the typed `localStorage` keys;
//! - [`lang_switch`]: the language switch;
//! - [`support`]: the program's helpdesk and FAQ, where respondents and trainees get help;
//! - [`chart`]: scales, ticks and paths of the SVG charts;
//! - [`reorder`]: moving list items with up and down buttons, and where focus goes after;
//! - `test_support` (feature `test-support`): mounting views in the apps' component tests.

#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod api;
pub mod chart;
pub mod dom;
pub mod errors;
pub mod i18n;
pub mod lang_switch;
pub mod reorder;
pub mod storage;
pub mod support;
#[cfg(feature = "test-support")]
pub mod test_support;
