//! Training records out of Wavegate: `training.csv` for `wavegate score` ([`csv`]) and xAPI
//! 1.0.3 statements for a learning record store ([`xapi`]).

pub mod csv;
pub mod xapi;
