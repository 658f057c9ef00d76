//! One module per subcommand.

pub mod admin;
pub mod demo_data;
pub mod export_program;
pub mod score;
pub mod serve;
pub mod survey;
