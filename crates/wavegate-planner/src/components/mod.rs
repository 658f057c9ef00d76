//! Reusable pieces of the planner's interface.

pub mod bar_chart;
pub mod breakdown;
pub mod delete_question;
pub mod download;
pub mod figure;
pub mod file_problem;
pub mod group_choice;
pub mod layout;
pub mod notice;
pub mod preview;
pub mod publish;
pub mod reminders;
pub mod results;
pub mod revoke;
pub mod roster_values;
pub mod sideways;
pub mod unsaved;
pub mod upload;
pub mod wave_choice;
