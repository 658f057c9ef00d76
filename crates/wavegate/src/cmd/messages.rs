//! The command line's own messages (files it cannot read or write, a database, program or
//! built-in that is not there, a flag's value it does not understand, what `wavegate admin`
//! did), each in Dutch and English. What the core says about a file's content comes from the
//! core, in the same language.

use std::path::Path;
use wavegate_core::i18n::{Lang, Text};

/// Which kind of built-in definition a `template` subcommand prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    /// `wavegate survey template`.
    Survey,
    /// `wavegate module template`.
    Module,
}

/// Something the command line refuses or cannot do.
#[derive(Debug)]
pub enum Problem<'a> {
    /// A file or directory could not be read.
    Unreadable { path: &'a Path, detail: String },
    /// A file could not be written.
    Unwritable { path: &'a Path, detail: String },
    /// A directory could not be created.
    Uncreatable { path: &'a Path, detail: String },
    /// The server's database file is not there (`wavegate serve` creates it).
    NoDatabase { path: &'a Path },
    /// The server's database file could not be opened.
    CannotOpen { path: &'a Path, detail: String },
    /// The database has no program with this id.
    NoProgram { id: &'a str },
    /// A program's data could not be read from the database.
    ProgramUnreadable { detail: String },
    /// No built-in survey or module has this id.
    NoBuiltin {
        kind: Builtin,
        id: &'a str,
        ids: &'a [&'a str],
    },
    /// `--survey` names neither a file nor a built-in survey.
    NeitherFileNorBuiltin { spec: &'a str, ids: &'a [&'a str] },
    /// A `.json` responses file is not a JSON array of stored responses.
    NotStoredResponses { file: &'a str, detail: String },
    /// A stored response belongs to another survey than the one given.
    OtherSurvey {
        file: &'a str,
        response: &'a str,
        survey: &'a str,
        expected: &'a str,
    },
    /// A definition file has problems (the lines after this one name each).
    ProblemsFound { file: &'a str, count: usize },
    /// `--create-user --email` is no e-mail address.
    NotAnEmail { email: &'a str },
    /// An account has this e-mail address already, in whatever case.
    AccountExists { email: &'a str },
    /// The account could not be created.
    AccountNotCreated { detail: String },
    /// No account has this e-mail address.
    NoAccount { email: &'a str },
    /// A token name the core's rule refuses ([`wavegate_core::token_name::token_name`]), and why.
    BadTokenName { why: Text },
    /// A token has this name already (revoked or not).
    TokenExists { name: &'a str },
    /// The token could not be created.
    TokenNotCreated { detail: String },
    /// No token that is not revoked has this name.
    NoLiveToken { name: &'a str },
}

impl Problem<'_> {
    /// The problem in words, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let pick = |dutch: String, english: String| if nl { dutch } else { english };
        match self {
            Problem::Unreadable { path, detail } => {
                let p = path.display();
                pick(
                    format!("{p} kan niet gelezen worden: {detail}"),
                    format!("could not read {p}: {detail}"),
                )
            }
            Problem::Unwritable { path, detail } => {
                let p = path.display();
                pick(
                    format!("{p} kan niet geschreven worden: {detail}"),
                    format!("could not write {p}: {detail}"),
                )
            }
            Problem::Uncreatable { path, detail } => {
                let p = path.display();
                pick(
                    format!("{p} kan niet aangemaakt worden: {detail}"),
                    format!("could not create {p}: {detail}"),
                )
            }
            Problem::NoDatabase { path } => {
                let p = path.display();
                pick(
                    format!(
                        "{p} bestaat niet; verwacht de database van `wavegate serve` \
                         (`wavegate serve --db {p}` maakt hem aan)"
                    ),
                    format!(
                        "{p} does not exist; expected the database of `wavegate serve` \
                         (`wavegate serve --db {p}` creates it)"
                    ),
                )
            }
            Problem::CannotOpen { path, detail } => {
                let p = path.display();
                pick(
                    format!("{p} kan niet geopend worden: {detail}"),
                    format!("cannot open {p}: {detail}"),
                )
            }
            Problem::NoProgram { id } => pick(
                format!("er is geen programma {id:?}"),
                format!("there is no program {id:?}"),
            ),
            Problem::ProgramUnreadable { detail } => pick(
                format!("de gegevens van het programma konden niet gelezen worden: {detail}"),
                format!("the program's data could not be read: {detail}"),
            ),
            Problem::NoBuiltin { kind, id, ids } => {
                let ids = ids.join(", ");
                match kind {
                    Builtin::Survey => pick(
                        format!("er is geen ingebouwde vragenlijst `{id}`; kies uit: {ids}"),
                        format!("no built-in survey `{id}`; choose one of: {ids}"),
                    ),
                    Builtin::Module => pick(
                        format!("er is geen ingebouwde module `{id}`; kies uit: {ids}"),
                        format!("no built-in module `{id}`; choose one of: {ids}"),
                    ),
                }
            }
            Problem::NeitherFileNorBuiltin { spec, ids } => {
                let ids = ids.join(", ");
                pick(
                    format!("`{spec}` is geen bestand en geen ingebouwde vragenlijst ({ids})"),
                    format!("`{spec}` is neither a file nor a built-in survey ({ids})"),
                )
            }
            Problem::NotStoredResponses { file, detail } => pick(
                format!("{file}: verwacht een JSON-lijst van opgeslagen antwoorden: {detail}"),
                format!("{file}: expected a JSON array of stored responses: {detail}"),
            ),
            Problem::OtherSurvey {
                file,
                response,
                survey,
                expected,
            } => pick(
                format!(
                    "{file}: antwoord `{response}` hoort bij vragenlijst `{survey}`, niet bij `{expected}`"
                ),
                format!(
                    "{file}: response `{response}` belongs to survey `{survey}`, not `{expected}`"
                ),
            ),
            Problem::ProblemsFound { file, count } => {
                let n = *count;
                pick(
                    format!(
                        "{file}: {n} {} gevonden",
                        if n == 1 { "probleem" } else { "problemen" }
                    ),
                    format!("{file}: {n} problem{} found", if n == 1 { "" } else { "s" }),
                )
            }
            Problem::NotAnEmail { email } => pick(
                format!("`{email}` is geen e-mailadres"),
                format!("`{email}` is not an e-mail address"),
            ),
            Problem::AccountExists { email } => pick(
                format!("er is al een account {email}"),
                format!("an account {email} exists already"),
            ),
            Problem::AccountNotCreated { detail } => pick(
                format!("het account kan niet aangemaakt worden: {detail}"),
                format!("cannot create the account: {detail}"),
            ),
            Problem::NoAccount { email } => pick(
                format!("er is geen account {email}"),
                format!("no account {email}"),
            ),
            Problem::BadTokenName { why } => why.get(lang).to_string(),
            Problem::TokenExists { name } => pick(
                format!("er is al een token met de naam {name}"),
                format!("a token named {name} exists already"),
            ),
            Problem::TokenNotCreated { detail } => pick(
                format!("het token kan niet aangemaakt worden: {detail}"),
                format!("cannot create the token: {detail}"),
            ),
            Problem::NoLiveToken { name } => pick(
                format!("er is geen geldig token {name}"),
                format!("no live token {name}"),
            ),
        }
    }

    /// The problem as the error a subcommand returns, in `lang`.
    pub fn error(&self, lang: Lang) -> anyhow::Error {
        anyhow::Error::msg(self.text(lang))
    }
}

/// What a `wavegate admin` command did, said on its output.
#[derive(Debug)]
pub enum Done<'a> {
    /// An account was created with this role.
    AccountCreated { role: &'a str, email: &'a str },
    /// An account has a new password and no sessions.
    PasswordSet { email: &'a str },
    /// An account was disabled and its sessions ended.
    AccountDisabled { email: &'a str },
    /// An API token was created (the token itself is printed apart, alone on its line).
    TokenCreated { role: &'a str, name: &'a str },
    /// An API token was revoked.
    TokenRevoked { name: &'a str },
}

impl Done<'_> {
    /// What was done in words, in `lang`, without a line break.
    pub fn text(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        let pick = |dutch: String, english: String| if nl { dutch } else { english };
        match self {
            Done::AccountCreated { role, email } => pick(
                format!("account {email} aangemaakt met de rol {role}"),
                format!("created {role} account {email}"),
            ),
            Done::PasswordSet { email } => pick(
                format!(
                    "nieuw wachtwoord ingesteld voor {email}; de sessies van het account zijn beëindigd"
                ),
                format!("new password set for {email}; its sessions have ended"),
            ),
            Done::AccountDisabled { email } => pick(
                format!("{email} is uitgeschakeld; de sessies van het account zijn beëindigd"),
                format!("disabled {email}; its sessions have ended"),
            ),
            Done::TokenCreated { role, name } => pick(
                format!(
                    "token {name} aangemaakt met de rol {role}; het wordt alleen deze keer getoond"
                ),
                format!("created {role} token {name}; it is shown only this once"),
            ),
            Done::TokenRevoked { name } => pick(
                format!("token {name} ingetrokken"),
                format!("revoked token {name}"),
            ),
        }
    }
}

/// The line with a generated password: `password: …` (`wachtwoord: …` in Dutch), the password
/// after the label's colon and one space, as scripts read it.
pub fn generated_password(password: &str, lang: Lang) -> String {
    let label = if lang == Lang::Nl {
        "wachtwoord"
    } else {
        "password"
    };
    format!("{label}: {password}")
}

/// A flag's value the command line does not understand, in both languages: it is parsed before
/// `--lang` is known.
pub fn unexpected_value(expected_nl: &str, expected_en: &str, found: &str) -> String {
    format!("expected {expected_en}, found {found:?} (verwacht {expected_nl}, gevonden {found:?})")
}
