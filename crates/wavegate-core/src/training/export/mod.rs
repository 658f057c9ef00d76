//! Training records out of Wavegate: `training.csv` for `wavegate score` ([`csv`]) and xAPI
//! 1.0.3 statements for a learning record store ([`xapi`]); collected records joined with an
//! imported file ([`joined`]).

pub mod csv;
pub mod joined;
pub mod xapi;
