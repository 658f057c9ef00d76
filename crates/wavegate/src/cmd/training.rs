//! `wavegate training export`: the training records a server collected, from its database, as
//! `training.csv` (what `wavegate score` reads) or as xAPI 1.0.3 statements for a learning
//! record store. Thin: the records and both formats are the core's.

use super::messages::Problem;
use std::path::PathBuf;
use std::process::ExitCode;
use wavegate_core::csv_safe::CsvOptions;
use wavegate_core::i18n::Lang;
use wavegate_core::training::{
    Actor, AddressRole, Record, XapiOptions, check_address, statements, write_training_csv,
};

/// `wavegate training …`.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Export a program's training records from a server's database.
    Export(ExportArgs),
}

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `training.csv`, one row per person and module (the file `wavegate score` reads).
    Csv,
    /// A JSON array of xAPI 1.0.3 statements (POST it to an LRS's `/statements`).
    Xapi,
}

/// Who an xAPI statement's actor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ActorKind {
    /// An account: `--home-page` and the roster's person id.
    Account,
    /// The roster's e-mail address, sent only as `mbox_sha1sum` (people without one are sent
    /// as an account).
    Email,
}

/// Arguments of `wavegate training export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The SQLite database file of `wavegate serve`.
    #[arg(long, value_name = "PATH", env = "WAVEGATE_DB")]
    pub db: PathBuf,
    /// The program's id (as in `/api/v1/programs/{id}`).
    #[arg(long, value_name = "ID")]
    pub program: String,
    /// `csv` or `xapi`.
    #[arg(long, value_enum)]
    pub format: Format,
    /// xAPI: the IRI module, lesson and question activity ids are made under.
    #[arg(
        long,
        value_name = "IRI",
        default_value = "https://wavegate.example.org/xapi/"
    )]
    pub base: String,
    /// xAPI: how the actor is named.
    #[arg(long, value_enum, default_value = "account")]
    pub actor: ActorKind,
    /// xAPI: the home page of the accounts' system (default: `--base`).
    #[arg(long, value_name = "IRI")]
    pub home_page: Option<String>,
    /// Write here instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Runs `wavegate training …`; errors are in `lang`.
pub fn run(command: Command, lang: Lang) -> anyhow::Result<ExitCode> {
    match command {
        Command::Export(args) => export(args, lang),
    }
}

fn export(args: ExportArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    if args.format == Format::Xapi {
        // Checked before the database is read: statements with such ids or home pages are
        // refused by a record store one batch at a time.
        check_address(&args.base, AddressRole::Base)
            .map_err(|e| anyhow::anyhow!("--base: {}", e.message(lang)))?;
        if let Some(home_page) = &args.home_page {
            check_address(home_page, AddressRole::HomePage)
                .map_err(|e| anyhow::anyhow!("--home-page: {}", e.message(lang)))?;
        }
    }
    let store = super::open_store(&args.db, lang)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let records = runtime.block_on(async {
        if store.program(&args.program).await?.is_none() {
            return Err(Problem::NoProgram { id: &args.program }.error(lang));
        }
        Ok(wavegate_server::training::records(&store, &args.program).await?)
    })?;
    let bytes = match args.format {
        Format::Csv => {
            let rows: Vec<Record> = records.iter().map(|r| r.record.clone()).collect();
            write_training_csv(&rows, Vec::new(), CsvOptions::default())?
        }
        Format::Xapi => {
            let options = XapiOptions {
                base: args.base.clone(),
            };
            let home_page = args.home_page.clone().unwrap_or_else(|| args.base.clone());
            let mut all = Vec::new();
            for r in &records {
                let person = &r.assignment.trainee;
                let actor = match (args.actor, &person.email) {
                    (ActorKind::Email, Some(email)) => Actor::Email(email.clone()),
                    _ => Actor::Account {
                        home_page: home_page.clone(),
                        name: person.person_id.clone(),
                    },
                };
                all.extend(statements(&r.progress, &r.history, &actor, &options));
            }
            let mut json = serde_json::to_vec_pretty(&all)?;
            json.push(b'\n');
            json
        }
    };
    match &args.out {
        Some(path) => super::write_file(path, &bytes, lang)?,
        None => super::emit(&String::from_utf8_lossy(&bytes))?,
    }
    Ok(ExitCode::SUCCESS)
}
