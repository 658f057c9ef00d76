//! (being written)

use std::process::ExitCode;

/// Survey subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Validate a survey definition file.
    Validate {},
}

/// Runs the subcommand.
pub fn run(_command: Command) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not built yet")
}
