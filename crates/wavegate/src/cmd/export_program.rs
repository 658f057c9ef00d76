//! `wavegate export-program`: a program's data directory, from a server's database, to run
//! `wavegate score` on: the very files the server evaluates (it builds them the same way), and
//! the reports of its stored evaluations under `history/` for `--history`.

use super::messages::Problem;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use wavegate_core::i18n::Lang;
use wavegate_server::datadir::{self, DataError};

/// Arguments of `wavegate export-program`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The SQLite database file of `wavegate serve`.
    #[arg(long, value_name = "PATH", env = "WAVEGATE_DB")]
    pub db: PathBuf,
    /// The program's id (as in `/api/v1/programs/{id}`).
    #[arg(long, value_name = "ID")]
    pub program: String,
    /// The directory to write; it must be absent or empty.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

/// Runs `wavegate export-program`; errors are in `lang`.
pub fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let store = super::open_store(&args.db, lang)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let data = runtime
        .block_on(datadir::build(&store, &args.program))
        .map_err(|e| match e {
            DataError::NotFound => Problem::NoProgram { id: &args.program }.error(lang),
            other => Problem::ProgramUnreadable {
                detail: other.to_string(),
            }
            .error(lang),
        })?;
    data.write_dir(&args.out).map_err(|e| {
        Problem::Unwritable {
            path: &args.out,
            detail: e.to_string(),
        }
        .error(lang)
    })?;
    let mut out = String::new();
    for f in &data.inputs {
        out.push_str(&format!(
            "{:<24} {:>12} bytes  sha256 {}\n",
            f.file, f.bytes, f.sha256
        ));
    }
    if !data.history.is_empty() {
        out.push_str(&format!(
            "{}/  {} earlier reports (wavegate score --history {})\n",
            datadir::HISTORY_DIR,
            data.history.len(),
            args.out.join(datadir::HISTORY_DIR).display()
        ));
    }
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
