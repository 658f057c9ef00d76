//! Reusable pieces of the interface.

pub mod question;
pub mod results;
