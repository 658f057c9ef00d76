//! `wavegate demo-data`: writes a synthetic organisation's data directory (see
//! `wavegate_core::readiness::demo` for what it contains and which problems are planted).

use super::messages::Problem;
use chrono::NaiveDate;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use wavegate_core::i18n::Lang;
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
    #[arg(long, value_name = "DATE", value_parser = super::parse_at)]
    pub at: Option<NaiveDate>,
}

/// Runs `wavegate demo-data`; what a person reads is in `lang`.
pub fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let at = args.at.unwrap_or_else(|| chrono::Local::now().date_naive());
    let options = DemoOptions {
        people: args.people,
        seed: args.seed,
        at,
    };
    let data = demo::generate(&options);
    fs::create_dir_all(&args.out).map_err(|e| {
        Problem::Uncreatable {
            path: &args.out,
            detail: e.to_string(),
        }
        .error(lang)
    })?;
    for name in demo::FILES {
        let path = args.out.join(name);
        File::create(&path)
            .and_then(|file| {
                let mut w = BufWriter::with_capacity(1 << 20, file);
                data.write(name, &mut w).and_then(|()| w.flush())
            })
            .map_err(|e| {
                Problem::Unwritable {
                    path: &path,
                    detail: e.to_string(),
                }
                .error(lang)
            })?;
    }
    let (people, dir) = (options.people_generated(), args.out.display());
    eprintln!(
        "{}",
        match lang {
            Lang::Nl => format!(
                "{people} personen geschreven naar {dir}; bereken hun gereedheid met: \
                 wavegate score --data {dir} --at {at}"
            ),
            Lang::En => format!(
                "wrote {people} people to {dir}; score them with: \
                 wavegate score --data {dir} --at {at}"
            ),
        }
    );
    Ok(ExitCode::SUCCESS)
}
