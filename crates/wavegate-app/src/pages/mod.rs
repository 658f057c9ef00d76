//! One module per route.

pub mod home;
pub mod planner;
pub mod respond;
