//! Wavegate's core: everything the product knows about surveys, training and readiness.
//!
//! This crate is pure: no file or network I/O beyond `io::Read`/`io::Write`, no clock, no async,
//! no web APIs. It compiles for native targets and for `wasm32-unknown-unknown`, so the server,
//! the command line and the browser app run the very same validation and scoring code.

#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod api;
mod builtin_titles;
pub mod comms;
pub mod contact;
pub mod csv_safe;
pub mod dates;
pub mod definition_errors;
pub mod email;
pub mod escape;
pub mod i18n;
pub mod invisible;
pub mod invitation;
pub mod jobs;
pub mod lessons_csv;
pub mod measures;
pub mod parser_text;
pub mod readiness;
pub mod stats;
pub mod suggest;
pub mod survey;
pub mod tabular;
pub mod token_name;
pub mod training;
pub mod upload;
mod versioning;
pub mod wave_order;
