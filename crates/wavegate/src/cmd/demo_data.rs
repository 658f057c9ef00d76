//! `wavegate demo-data`: writes a synthetic organisation's data directory (see
//! `wavegate_core::readiness::demo` for what it contains and which problems are planted).

use anyhow::Context;
use chrono::NaiveDate;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use wavegate_core::readiness::demo::{self, DemoOptions};

/// Arguments of `wavegate demo-data`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Directory to write (created if needed; existing demo files are replaced).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Number of people.
    #[arg(long, default_value_t = 1000)]
    pub people: usize,
    /// Random seed: the same seed and date give the same files.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The evaluation date the data leads up to (the next wave starts a week later).
    /// Default: today.
    #[arg(long, value_name = "DATE", value_parser = super::score::parse_at)]
    pub at: Option<NaiveDate>,
}

/// Runs `wavegate demo-data`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let at = args.at.unwrap_or_else(|| chrono::Local::now().date_naive());
    let data = demo::generate(&DemoOptions {
        people: args.people,
        seed: args.seed,
        at,
    });
    fs::create_dir_all(&args.out)
        .with_context(|| format!("could not create {}", args.out.display()))?;
    for name in demo::FILES {
        let path = args.out.join(name);
        let file =
            File::create(&path).with_context(|| format!("could not write {}", path.display()))?;
        let mut w = BufWriter::with_capacity(1 << 20, file);
        data.write(name, &mut w)
            .and_then(|()| w.flush())
            .with_context(|| format!("could not write {}", path.display()))?;
    }
    eprintln!(
        "wrote {} people to {}; score them with: wavegate score --data {} --at {at}",
        args.people.max(40),
        args.out.display(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
