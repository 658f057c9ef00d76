//! Modules for everyone, whatever their platform or role: what changes for you on a managed
//! device, and where to get help.

mod get_help;
mod what_changes;

pub use get_help::get_help;
pub use what_changes::what_changes;
