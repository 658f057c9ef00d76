//! Reusable pieces of the respondent's interface.

pub mod question;
