//! `wavegate admin`: accounts and API tokens, straight on the database file (run it on the
//! server's machine; it needs no running server).

use super::messages::{Done, Problem, generated_password};
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use wavegate_core::api::Role;
use wavegate_core::i18n::Lang;
use wavegate_server::auth::password::{hash_password, password_problem};
use wavegate_server::auth::{new_api_token, new_password, secret_hash};
use wavegate_server::clock::Clock;
use wavegate_server::store::StoreError;

/// A role as given on the command line.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum RoleArg {
    /// Reads and changes everything in the planner area.
    Planner,
    /// Reads everything, changes nothing.
    Viewer,
}

impl RoleArg {
    fn role(self) -> Role {
        match self {
            RoleArg::Planner => Role::Planner,
            RoleArg::Viewer => Role::Viewer,
        }
    }
}

/// The database every command works on.
#[derive(Debug, clap::Args)]
pub struct Db {
    /// The SQLite database file of `wavegate serve`.
    #[arg(long, env = "WAVEGATE_DB")]
    db: PathBuf,
}

/// `wavegate admin` commands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Create an account. The password is read from standard input (one line); when standard
    /// input is a terminal or empty, one is generated and printed.
    CreateUser {
        #[command(flatten)]
        db: Db,
        /// The account's e-mail address.
        #[arg(long)]
        email: String,
        /// What it may do.
        #[arg(long, value_enum)]
        role: RoleArg,
    },
    /// List accounts: e-mail, role, created, disabled.
    ListUsers {
        #[command(flatten)]
        db: Db,
    },
    /// Set a new password (from standard input, or generated and printed); ends the account's
    /// sessions and enables it again.
    ResetPassword {
        #[command(flatten)]
        db: Db,
        /// The account's e-mail address.
        #[arg(long)]
        email: String,
    },
    /// Disable an account: it cannot sign in and its sessions end.
    DisableUser {
        #[command(flatten)]
        db: Db,
        /// The account's e-mail address.
        #[arg(long)]
        email: String,
    },
    /// Create an API token for automation (`Authorization: Bearer …`) and print it once; only
    /// its hash is stored.
    CreateToken {
        #[command(flatten)]
        db: Db,
        /// What it may do.
        #[arg(long, value_enum)]
        role: RoleArg,
        /// A unique name saying what uses it (shown in import records as `token:<name>`).
        #[arg(long)]
        name: String,
    },
    /// List API tokens: name, role, created, revoked.
    ListTokens {
        #[command(flatten)]
        db: Db,
    },
    /// Revoke an API token by name.
    RevokeToken {
        #[command(flatten)]
        db: Db,
        /// The token's name.
        #[arg(long)]
        name: String,
    },
}

/// The password from standard input, or a generated one (`true`: print it).
fn password_from_stdin(lang: Lang) -> anyhow::Result<(String, bool)> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        let mut line = String::new();
        stdin.lock().read_line(&mut line)?;
        let line = line.trim_end_matches(['\r', '\n']).to_string();
        if !line.is_empty() {
            if let Some(p) = password_problem(&line) {
                anyhow::bail!("{}", p.get(lang));
            }
            return Ok((line, false));
        }
    }
    Ok((new_password(), true))
}

fn print(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Runs an admin command; errors are in `lang`.
pub fn run(command: Command, lang: Lang) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(run_async(command, lang))
}

async fn run_async(command: Command, lang: Lang) -> anyhow::Result<ExitCode> {
    let open = |db: &Db| super::open_store(&db.db, lang);
    let now = Clock::system().stamp();
    match command {
        Command::CreateUser { db, email, role } => {
            // Stored under its key: typed in another case it is the same account.
            let key = wavegate_core::email::account_key(&email);
            if !wavegate_core::email::is_address(&key) {
                return Err(Problem::NotAnEmail {
                    email: email.trim(),
                }
                .error(lang));
            }
            let store = open(&db)?;
            let (password, generated) = password_from_stdin(lang)?;
            let hash = hash_password(&password).map_err(anyhow::Error::msg)?;
            store
                .create_user(&key, role.role().as_str(), &hash, &now)
                .await
                .map_err(|e| match e {
                    StoreError::Exists(_) => Problem::AccountExists { email: &key }.error(lang),
                    e => Problem::AccountNotCreated {
                        detail: e.to_string(),
                    }
                    .error(lang),
                })?;
            let role = role.role().as_str();
            let mut out = Done::AccountCreated { role, email: &key }.text(lang) + "\n";
            if generated {
                out.push_str(&(generated_password(&password, lang) + "\n"));
            }
            print(&out)?;
        }
        Command::ListUsers { db } => {
            let store = open(&db)?;
            let mut out = String::from("email\trole\tcreated_at\tdisabled_at\n");
            for u in store.users().await? {
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\n",
                    u.email,
                    u.role,
                    u.created_at,
                    u.disabled_at.unwrap_or_default()
                ));
            }
            print(&out)?;
        }
        Command::ResetPassword { db, email } => {
            let store = open(&db)?;
            let (password, generated) = password_from_stdin(lang)?;
            let hash = hash_password(&password).map_err(anyhow::Error::msg)?;
            let key = wavegate_core::email::account_key(&email);
            if !store.reset_password(&key, &hash).await? {
                return Err(Problem::NoAccount { email: &email }.error(lang));
            }
            let mut out = Done::PasswordSet { email: &key }.text(lang) + "\n";
            if generated {
                out.push_str(&(generated_password(&password, lang) + "\n"));
            }
            print(&out)?;
        }
        Command::DisableUser { db, email } => {
            let store = open(&db)?;
            let key = wavegate_core::email::account_key(&email);
            if !store.disable_user(&key, &now).await? {
                return Err(Problem::NoAccount { email: &email }.error(lang));
            }
            print(&(Done::AccountDisabled { email: &key }.text(lang) + "\n"))?;
        }
        Command::CreateToken { db, role, name } => {
            let name = wavegate_core::token_name::token_name(&name)
                .map_err(|why| Problem::BadTokenName { why }.error(lang))?;
            let store = open(&db)?;
            let token = new_api_token();
            store
                .create_token(name, role.role().as_str(), &secret_hash(&token), &now)
                .await
                .map_err(|e| match e {
                    StoreError::Exists(_) => Problem::TokenExists { name }.error(lang),
                    e => Problem::TokenNotCreated {
                        detail: e.to_string(),
                    }
                    .error(lang),
                })?;
            // The token itself alone on stdout, so a script can capture it.
            print(&format!("{token}\n"))?;
            let role = role.role().as_str();
            eprintln!("{}", Done::TokenCreated { role, name }.text(lang));
        }
        Command::ListTokens { db } => {
            let store = open(&db)?;
            let mut out = String::from("name\trole\tcreated_at\trevoked_at\n");
            for t in store.tokens().await? {
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\n",
                    t.name,
                    t.role,
                    t.created_at,
                    t.revoked_at.unwrap_or_default()
                ));
            }
            print(&out)?;
        }
        Command::RevokeToken { db, name } => {
            let (store, name) = (open(&db)?, name.trim());
            if !store.revoke_token(name, &now).await? {
                return Err(Problem::NoLiveToken { name }.error(lang));
            }
            print(&(Done::TokenRevoked { name }.text(lang) + "\n"))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
