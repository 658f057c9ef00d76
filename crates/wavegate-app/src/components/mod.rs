//! Reusable pieces of the interface.

pub mod question;
