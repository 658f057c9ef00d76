//! The command line in Dutch: with `--lang nl` (or `WAVEGATE_LANG=nl`) the help of every
//! command and flag, and the usage errors people make most, are in Dutch.
//!
//! Clap writes help from the English doc comments. Here each English text has its Dutch, found
//! by the English text itself (as gettext does), and a test walks the whole command tree so a
//! flag added without its Dutch fails rather than showing English in a Dutch help.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};
use wavegate_core::i18n::Lang;

/// The environment variable that sets the language when `--lang` is not given.
pub const LANG_ENV: &str = "WAVEGATE_LANG";

/// English help text → Dutch.
const DUTCH: &[(&str, &str)] = &[
    // wavegate
    (
        "The wavegate command: serve the app, validate and export surveys, score readiness.",
        "De opdracht wavegate: de app aanbieden, vragenlijsten controleren en exporteren, gereedheid beoordelen.",
    ),
    (
        "Language of everything a person reads (output and errors): nl or en",
        "Taal van alles wat een mens leest (uitvoer en fouten): nl of en",
    ),
    ("Print help", "Hulp tonen"),
    (
        "Print help (see more with '--help')",
        "Hulp tonen (meer met '--help')",
    ),
    (
        "Print help (see a summary with '-h')",
        "Hulp tonen (een samenvatting met '-h')",
    ),
    ("Print version", "Versie tonen"),
    (
        "Print this message or the help of the given subcommand(s)",
        "Deze hulp tonen, of die van de genoemde opdracht(en)",
    ),
    // serve
    (
        "Serve the browser app and the JSON API, storing data in SQLite",
        "De browserapp en de JSON-API aanbieden, met de gegevens in SQLite",
    ),
    (
        "Address to listen on (port 0 picks a free port)",
        "Adres om op te luisteren (poort 0 kiest een vrije poort)",
    ),
    (
        "SQLite database file (created if missing)",
        "SQLite-databasebestand (wordt aangemaakt als het er niet is)",
    ),
    (
        "The built browser app (Trunk's output)",
        "De gebouwde browserapp (de uitvoer van Trunk)",
    ),
    (
        "Seed a demo pilot program when the database is empty, create the demo accounts planner@demo.invalid and viewer@demo.invalid, and print their password and links to try",
        "Een demoprogramma met pilot aanmaken als de database leeg is, de demo-accounts planner@demo.invalid en viewer@demo.invalid aanmaken, en hun wachtwoord en links om te proberen tonen",
    ),
    (
        "The demo accounts' password (at least 12 characters; default: a new random one each start)",
        "Het wachtwoord van de demo-accounts (minstens 12 tekens; standaard bij elke start een nieuw willekeurig wachtwoord)",
    ),
    (
        "The URL people reach this server at, used in invitation links (default: the listen address)",
        "De URL waarop mensen deze server bereiken, voor de links in uitnodigingen (standaard: het luisteradres)",
    ),
    (
        "Log as JSON lines (for log collectors) instead of text",
        "Loggen als JSON-regels (voor logverzamelaars) in plaats van tekst",
    ),
    (
        "Connections open at once; more wait until one closes",
        "Verbindingen tegelijk open; meer wachten tot er een sluit",
    ),
    (
        "Connections open at once from one client address (behind a reverse proxy, every client has the proxy's: raise it to --max-connections there)",
        "Verbindingen tegelijk open vanaf één clientadres (achter een reverse proxy heeft elke client dat van de proxy: zet het daar op --max-connections)",
    ),
    (
        "Seconds a client gets to send a request's headers (also while a connection idles)",
        "Seconden die een client krijgt om de headers van een verzoek te sturen (ook terwijl een verbinding stilligt)",
    ),
    (
        "Turn off the rate limits on the survey and training link endpoints (load tests only)",
        "De snelheidslimieten op de links van vragenlijsten en training uitzetten (alleen voor belastingtests)",
    ),
    // survey
    (
        "Validate, inspect and export surveys",
        "Vragenlijsten controleren, bekijken en exporteren",
    ),
    (
        "Check a survey definition; print an outline, or every problem with its JSON path",
        "Een vragenlijstdefinitie controleren; een overzicht tonen, of elk probleem met zijn JSON-pad",
    ),
    (
        "The definition (JSON, format `wavegate.survey/1`)",
        "De definitie (JSON, formaat `wavegate.survey/1`)",
    ),
    (
        "Print a built-in survey as JSON, or list them without an id",
        "Een ingebouwde vragenlijst als JSON tonen, of zonder id de lijst ervan",
    ),
    (
        "pilot-feedback, sus, nps, enps, post-enrollment-pulse or om-pulse",
        "pilot-feedback, sus, nps, enps, post-enrollment-pulse of om-pulse",
    ),
    (
        "Export responses as CSV: long (one row per answer, docs/data-formats.md) or wide (one row per response)",
        "Antwoorden als CSV exporteren: long (een rij per antwoord, docs/data-formats.md) of wide (een rij per inzending)",
    ),
    (
        "The definition: a JSON file or a built-in id",
        "De definitie: een JSON-bestand of het id van een ingebouwde",
    ),
    (
        "Stored responses: a JSON array, or a long or wide CSV export",
        "Opgeslagen antwoorden: een JSON-array, of een long- of wide-CSV-export",
    ),
    ("long or wide", "long of wide"),
    (
        "Field delimiter: `,`, `;` (Dutch Excel) or `tab`",
        "Scheidingsteken: `,`, `;` (Nederlandse Excel) of `tab`",
    ),
    (
        "Start with a UTF-8 byte-order mark so Excel detects the encoding",
        "Beginnen met een UTF-8-byte-order-mark, zodat Excel de codering herkent",
    ),
    (
        "Write here instead of standard output",
        "Hierheen schrijven in plaats van naar standaarduitvoer",
    ),
    (
        "Summarise responses as JSON: distributions, SUS, NPS, ADKAR barriers, per segment",
        "Antwoorden samenvatten als JSON: verdelingen, SUS, NPS, ADKAR-knelpunten, per segment",
    ),
    (
        "Convert a SurveyJS definition; prints the Wavegate definition, warnings go to stderr",
        "Een SurveyJS-definitie omzetten; toont de Wavegate-definitie, waarschuwingen gaan naar stderr",
    ),
    ("The SurveyJS JSON file", "Het SurveyJS-JSON-bestand"),
    (
        "Survey id to give it (default: from the file name)",
        "Het id dat de vragenlijst krijgt (standaard: uit de bestandsnaam)",
    ),
    // module
    (
        "Validate self-study modules and print the built-in ones",
        "Zelfstudiemodules controleren en de ingebouwde tonen",
    ),
    (
        "Check a module definition; print an outline, or every problem with its JSON path",
        "Een moduledefinitie controleren; een overzicht tonen, of elk probleem met zijn JSON-pad",
    ),
    (
        "The definition (JSON, format `wavegate.module/1`)",
        "De definitie (JSON, formaat `wavegate.module/1`)",
    ),
    (
        "Print a built-in module as JSON, or list them without an id",
        "Een ingebouwde module als JSON tonen, of zonder id de lijst ervan",
    ),
    (
        "enroll-windows, enroll-android, enroll-ios, enroll-macos, what-changes, get-help or admin-operations",
        "enroll-windows, enroll-android, enroll-ios, enroll-macos, what-changes, get-help of admin-operations",
    ),
    // training
    (
        "Export the training records a server collected (training.csv or xAPI statements)",
        "De trainingsgegevens die een server verzamelde exporteren (training.csv of xAPI-statements)",
    ),
    (
        "Export a program's training records from a server's database",
        "De trainingsgegevens van een programma uit de database van een server exporteren",
    ),
    (
        "The SQLite database file of `wavegate serve`",
        "Het SQLite-databasebestand van `wavegate serve`",
    ),
    (
        "The program's id (as in `/api/v1/programs/{id}`)",
        "Het id van het programma (zoals in `/api/v1/programs/{id}`)",
    ),
    ("`csv` or `xapi`", "`csv` of `xapi`"),
    (
        "`training.csv`, one row per person and module (the file `wavegate score` reads)",
        "`training.csv`, een rij per persoon en module (het bestand dat `wavegate score` leest)",
    ),
    (
        "A JSON array of xAPI 1.0.3 statements (POST it to an LRS's `/statements`)",
        "Een JSON-array van xAPI-1.0.3-statements (te POSTen naar `/statements` van een LRS)",
    ),
    (
        "xAPI: the IRI module, lesson and question activity ids are made under",
        "xAPI: de IRI waaronder de activiteit-id's van modules, lessen en vragen worden gemaakt",
    ),
    (
        "xAPI: how the actor is named",
        "xAPI: hoe de actor wordt genoemd",
    ),
    (
        "An account: `--home-page` and the roster's person id",
        "Een account: `--home-page` en het persoons-id uit de personeelslijst",
    ),
    (
        "The roster's e-mail address, sent only as `mbox_sha1sum` (people without one are sent as an account)",
        "Het e-mailadres uit de personeelslijst, alleen verstuurd als `mbox_sha1sum` (wie er geen heeft, gaat als account)",
    ),
    (
        "xAPI: the home page of the accounts' system (default: `--base`)",
        "xAPI: de startpagina van het systeem van de accounts (standaard: `--base`)",
    ),
    // score
    (
        "Score the readiness of the next wave from a data directory",
        "De gereedheid van de volgende golf beoordelen uit een gegevensmap",
    ),
    (
        "Data directory: program.toml and roster.csv, optionally devices.csv, enrollment_failures.csv, tickets.csv, responses.csv and training.csv",
        "Gegevensmap: program.toml en roster.csv, eventueel devices.csv, enrollment_failures.csv, tickets.csv, responses.csv en training.csv",
    ),
    (
        "Evaluation date (YYYY-MM-DD); the next wave is the first starting after it. Default: today",
        "Beoordelingsdatum (JJJJ-MM-DD); de volgende golf is de eerste die daarna begint. Standaard: vandaag",
    ),
    ("Output format", "Uitvoerformaat"),
    (
        "A readable summary for the terminal",
        "Een leesbare samenvatting voor de terminal",
    ),
    (
        "The report as JSON (docs/data-formats.md), for other tools",
        "Het rapport als JSON (docs/data-formats.md), voor andere programma's",
    ),
    (
        "The deployment readiness report to send to stakeholders",
        "Het gereedheidsrapport om naar belanghebbenden te sturen",
    ),
    (
        "The deployment readiness report as a printable HTML page (A4), with the hashes of the files it read",
        "Het gereedheidsrapport als afdrukbare HTML-pagina (A4), met de hashes van de gelezen bestanden",
    ),
    (
        "Earlier reports (`--format json` output, *.json) of this program: EXPAND needs everything passing at two evaluations at least 7 days apart",
        "Eerdere rapporten (uitvoer van `--format json`, *.json) van dit programma: UITBREIDEN vraagt dat alles voldoet bij twee beoordelingen met minstens 7 dagen ertussen",
    ),
    // demo-data
    (
        "Write a realistic synthetic organisation's data directory",
        "De gegevensmap van een realistische, verzonnen organisatie schrijven",
    ),
    (
        "Directory to write (created if needed; existing demo files are replaced)",
        "Map om te schrijven (wordt zo nodig aangemaakt; bestaande demobestanden worden vervangen)",
    ),
    ("Number of people", "Aantal mensen"),
    (
        "Random seed: the same seed and date give the same files",
        "Startwaarde voor het toeval: dezelfde waarde en datum geven dezelfde bestanden",
    ),
    (
        "The evaluation date the data leads up to (the next wave starts a week later). Default: today",
        "De beoordelingsdatum waar de gegevens naartoe lopen (de volgende golf begint een week later). Standaard: vandaag",
    ),
    // export-program
    (
        "Write a program's data directory from a server's database (what the server evaluates)",
        "De gegevensmap van een programma uit de database van een server schrijven (wat de server beoordeelt)",
    ),
    (
        "The directory to write; it must be absent or empty",
        "De map om te schrijven; die mag niet bestaan of moet leeg zijn",
    ),
    // admin
    (
        "Manage accounts and API tokens of a server's database",
        "Accounts en API-tokens in de database van een server beheren",
    ),
    (
        "Create an account. The password is read from standard input (one line); when standard input is a terminal or empty, one is generated and printed",
        "Een account aanmaken. Het wachtwoord wordt van standaardinvoer gelezen (één regel); is standaardinvoer een terminal of leeg, dan wordt er een gemaakt en getoond",
    ),
    (
        "The account's e-mail address",
        "Het e-mailadres van het account",
    ),
    ("What it may do", "Wat het mag"),
    (
        "Reads and changes everything in the planner area",
        "Leest en wijzigt alles in het plannersdeel",
    ),
    (
        "Reads everything, changes nothing",
        "Leest alles, wijzigt niets",
    ),
    (
        "List accounts: e-mail, role, created, disabled",
        "Accounts tonen: e-mail, rol, aangemaakt, uitgeschakeld",
    ),
    (
        "Set a new password (from standard input, or generated and printed); ends the account's sessions and enables it again",
        "Een nieuw wachtwoord instellen (van standaardinvoer, of gemaakt en getoond); beëindigt de sessies van het account en schakelt het weer in",
    ),
    (
        "Disable an account: it cannot sign in and its sessions end",
        "Een account uitschakelen: het kan niet meer aanmelden en zijn sessies eindigen",
    ),
    (
        "Create an API token for automation (`Authorization: Bearer …`) and print it once; only its hash is stored",
        "Een API-token voor automatisering aanmaken (`Authorization: Bearer …`) en één keer tonen; alleen de hash wordt bewaard",
    ),
    (
        "A unique name saying what uses it (shown in import records as `token:<name>`)",
        "Een unieke naam die zegt wat het gebruikt (staat in importgegevens als `token:<naam>`)",
    ),
    (
        "List API tokens: name, role, created, revoked",
        "API-tokens tonen: naam, rol, aangemaakt, ingetrokken",
    ),
    (
        "Revoke an API token by name",
        "Een API-token op naam intrekken",
    ),
    ("The token's name", "De naam van het token"),
];

/// The Dutch of an English help text, if the table has it.
fn dutch(english: &str) -> Option<&'static str> {
    DUTCH
        .iter()
        .find(|(en, _)| *en == english)
        .map(|(_, nl)| *nl)
}

/// The language asked for on the command line (`--lang nl`, `--lang=nl`), else by
/// [`LANG_ENV`], else English: read before clap parses, so that its help and errors can be in it.
pub fn requested(args: &[std::ffi::OsString], env: Option<&str>) -> Lang {
    let mut words = args.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(Lang::parse) {
            return lang;
        }
    }
    env.and_then(Lang::parse).unwrap_or(Lang::En)
}

/// `cmd` with its help in `lang`; English is clap's own.
pub fn localized(mut cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    // Built first, so clap's own help flag, version flag and help subcommand are there to
    // translate too.
    cmd.build();
    in_dutch(cmd)
}

fn in_dutch(cmd: Command) -> Command {
    let usage = dutch_usage(&cmd);
    let template = template(&cmd);
    let about = cmd.get_about().map(|s| translated(&s.to_string()));
    let long_about = cmd.get_long_about().map(|s| translated(&s.to_string()));
    let mut cmd = cmd
        .override_usage(usage)
        .help_template(template)
        .mut_args(arg_in_dutch)
        .mut_subcommands(in_dutch);
    if let Some(about) = about {
        cmd = cmd.about(about);
    }
    if let Some(long_about) = long_about {
        cmd = cmd.long_about(long_about);
    }
    cmd
}

/// The Dutch of `english`; English where the table has none (a test sees that it has all).
fn translated(english: &str) -> String {
    dutch(english).unwrap_or(english).to_string()
}

/// The usage line with clap's English placeholders in Dutch.
fn dutch_usage(cmd: &Command) -> String {
    let usage = cmd.clone().render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    usage
        .replace("[OPTIONS]", "[OPTIES]")
        .replace("<COMMAND>", "<OPDRACHT>")
        .replace("[COMMAND]", "[OPDRACHT]")
}

/// Clap's help layout with Dutch headings, and only the sections `cmd` has.
fn template(cmd: &Command) -> String {
    let mut t = String::from("{before-help}{about-with-newline}\nGebruik: {usage}\n");
    if cmd.get_subcommands().any(|s| !s.is_hide_set()) {
        t.push_str("\nOpdrachten:\n{subcommands}\n");
    }
    if cmd.get_positionals().any(|a| !a.is_hide_set()) {
        t.push_str("\nArgumenten:\n{positionals}\n");
    }
    if cmd
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        t.push_str("\nOpties:\n{options}\n");
    }
    t.push_str("{after-help}");
    t
}

/// An argument's help in Dutch, with clap's English notes (default, possible values,
/// environment variable) given in Dutch instead.
fn arg_in_dutch(arg: Arg) -> Arg {
    let help = arg.get_help().map(|s| translated(&s.to_string()));
    let long_help = arg.get_long_help().map(|s| translated(&s.to_string()));
    let takes_value = arg.get_action().takes_values();
    let mut notes: Vec<String> = Vec::new();
    let values: Vec<clap::builder::PossibleValue> = if takes_value {
        arg.get_possible_values()
            .into_iter()
            .filter(|v| !v.is_hide_set())
            .collect()
    } else {
        Vec::new()
    };
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        notes.push(format!("[mogelijke waarden: {}]", names.join(", ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_value && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        notes.push(format!("[standaard: {}]", defaults.join(", ")));
    }
    if let Some(env) = arg.get_env() {
        notes.push(format!("[omgevingsvariabele: {}]", env.to_string_lossy()));
    }
    // The values' own explanations, one a line, as clap lists them under --help.
    let explained: Vec<String> = values
        .iter()
        .filter_map(|v| {
            let help = v.get_help()?.to_string();
            Some(format!("- {}: {}", v.get_name(), translated(&help)))
        })
        .collect();
    let Some(help) = help else {
        return arg;
    };
    let short = match notes.is_empty() {
        true => help.clone(),
        false => format!("{help} {}", notes.join(" ")),
    };
    let mut arg = arg
        .help(short)
        .hide_possible_values(true)
        .hide_default_value(true)
        .hide_env(true);
    if !explained.is_empty() {
        let mut long = format!("{help}\n\nMogelijke waarden:\n{}", explained.join("\n"));
        if notes.len() > 1 {
            long.push_str(&format!("\n\n{}", notes[1..].join(" ")));
        }
        arg = arg.long_help(long);
    } else if let Some(long) = long_help {
        arg = arg.long_help(match notes.is_empty() {
            true => long,
            false => format!("{long}\n\n{}", notes.join(" ")),
        });
    }
    arg
}

/// A usage error in Dutch, for the kinds people make most; `None` for the others (and for
/// help and version, which are not errors), which clap words in English.
pub fn error_in_dutch(e: &clap::Error) -> Option<String> {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let list = |kind| match e.get(kind) {
        Some(ContextValue::Strings(list)) => list.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    // Something typed that is not there, and what clap thinks was meant.
    let unknown = |what: &str, typed, meant| -> Option<String> {
        let mut said = format!("{what} '{}'", text(typed)?);
        if let Some(tip) = text(meant) {
            said.push_str(&format!("\n\n  tip: bedoel je '{tip}'?"));
        }
        Some(said)
    };
    let mut out = String::from("fout: ");
    match e.kind() {
        ErrorKind::UnknownArgument => out.push_str(&unknown(
            "onbekend argument",
            ContextKind::InvalidArg,
            ContextKind::SuggestedArg,
        )?),
        ErrorKind::InvalidSubcommand => out.push_str(&unknown(
            "onbekende opdracht",
            ContextKind::InvalidSubcommand,
            ContextKind::SuggestedSubcommand,
        )?),
        ErrorKind::MissingSubcommand => {
            out.push_str(&format!(
                "'{}' vraagt een opdracht, maar kreeg er geen",
                text(ContextKind::InvalidSubcommand)?
            ));
            let valid = list(ContextKind::ValidSubcommand);
            if !valid.is_empty() {
                out.push_str(&format!("\n  [opdrachten: {}]", valid.join(", ")));
            }
        }
        ErrorKind::MissingRequiredArgument => {
            out.push_str("deze verplichte argumenten ontbreken:");
            for arg in list(ContextKind::InvalidArg) {
                out.push_str(&format!("\n  {arg}"));
            }
        }
        ErrorKind::InvalidValue => {
            let value = text(ContextKind::InvalidValue).unwrap_or_default();
            let arg = text(ContextKind::InvalidArg)?;
            if value.is_empty() {
                out.push_str(&format!("'{arg}' vraagt een waarde, maar kreeg er geen"));
            } else {
                out.push_str(&format!("ongeldige waarde '{value}' voor '{arg}'"));
            }
            let valid = list(ContextKind::ValidValue);
            if !valid.is_empty() {
                out.push_str(&format!("\n  [mogelijke waarden: {}]", valid.join(", ")));
            }
        }
        ErrorKind::ValueValidation => {
            let source = std::error::Error::source(e)?.to_string();
            out.push_str(&format!(
                "ongeldige waarde '{}' voor '{}': {source}",
                text(ContextKind::InvalidValue)?,
                text(ContextKind::InvalidArg)?
            ));
        }
        ErrorKind::ArgumentConflict => {
            out.push_str(&format!(
                "'{}' gaat niet samen met '{}'",
                text(ContextKind::InvalidArg)?,
                text(ContextKind::PriorArg)?
            ));
        }
        _ => return None,
    }
    if let Some(usage) = text(ContextKind::Usage) {
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        out.push_str(&format!("\n\nGebruik: {usage}"));
    }
    out.push_str("\n\nMeer informatie: probeer '--help'.\n");
    Some(out)
}

/// Every English help text of the command tree (abouts, arguments' helps and their values'),
/// each once: what the Dutch table must hold.
#[cfg(test)]
pub fn texts(cmd: &Command) -> Vec<String> {
    fn collect(cmd: &Command, out: &mut Vec<String>) {
        let mut push = |s: Option<String>| {
            if let Some(s) = s
                && !out.contains(&s)
            {
                out.push(s);
            }
        };
        push(cmd.get_about().map(|s| s.to_string()));
        push(cmd.get_long_about().map(|s| s.to_string()));
        for a in cmd.get_arguments() {
            push(a.get_help().map(|s| s.to_string()));
            push(a.get_long_help().map(|s| s.to_string()));
            for v in a.get_possible_values() {
                push(v.get_help().map(|s| s.to_string()));
            }
        }
        for s in cmd.get_subcommands() {
            collect(s, out);
        }
    }
    let mut cmd = cmd.clone();
    cmd.build();
    let mut out = Vec::new();
    collect(&cmd, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    #[test]
    fn the_language_is_read_from_the_flag_then_the_environment() {
        // A value after `--` is not the flag; an unknown language leaves the default.
        let cases: [(&[&str], Option<&str>, Lang); 6] = [
            (&["--lang", "nl", "score"], None, Lang::Nl),
            (&["score", "--lang=nl"], None, Lang::Nl),
            (&["score"], Some("nl"), Lang::Nl),
            (&["--lang", "en"], Some("nl"), Lang::En),
            (&["--", "--lang", "nl"], None, Lang::En),
            (&["--lang", "fr"], None, Lang::En),
        ];
        for (words, env, lang) in cases {
            let args: Vec<OsString> = std::iter::once("wavegate")
                .chain(words.iter().copied())
                .map(OsString::from)
                .collect();
            assert_eq!(requested(&args, env), lang, "{words:?} {env:?}");
        }
    }

    #[test]
    fn every_help_text_has_its_dutch() {
        let missing: Vec<String> = texts(&crate::cli_command())
            .into_iter()
            .filter(|t| dutch(t).is_none())
            .collect();
        assert_eq!(missing, Vec::<String>::new(), "help without Dutch");
    }

    /// The help of `path` (subcommands of `wavegate`) as `-h` (short) or `--help` prints it.
    fn help(path: &[&str], long: bool) -> String {
        let mut cmd = localized(crate::cli_command(), Lang::Nl);
        for name in path {
            cmd = cmd.find_subcommand(name).unwrap().clone();
        }
        match long {
            true => cmd.render_long_help().to_string(),
            false => cmd.render_help().to_string(),
        }
    }

    #[test]
    fn the_dutch_help_has_no_english_heading_or_note() {
        for (path, long) in [
            (&[][..], false),
            (&["score"][..], false),
            (&["score"][..], true),
            (&["serve"][..], false),
            (&["training", "export"][..], true),
            (&["admin"][..], false),
        ] {
            let text = help(path, long);
            for english in [
                "Usage",
                "Options",
                "Commands",
                "Arguments",
                "Print",
                "default:",
                "possible values",
                "Possible values",
                "env:",
                "[OPTIONS]",
                "<COMMAND>",
            ] {
                assert!(!text.contains(english), "{path:?}: {english} in\n{text}");
            }
        }
        let score = help(&["score"], false);
        assert!(
            score.contains("Gebruik: wavegate score [OPTIES] --data <DIR>"),
            "{score}"
        );
        assert!(
            score.contains(
                "Uitvoerformaat [mogelijke waarden: table, json, markdown, html] [standaard: table]"
            ),
            "{score}"
        );
        let export = help(&["training", "export"], true);
        assert!(
            export.contains("- xapi: Een JSON-array van xAPI-1.0.3-statements"),
            "{export}"
        );
        assert!(
            export.contains("[omgevingsvariabele: WAVEGATE_DB]"),
            "{export}"
        );
    }

    #[test]
    fn a_usage_error_is_said_in_dutch() {
        let cases: [(&[&str], &[&str]); 6] = [
            (
                &["--lang", "nl", "score"],
                &[
                    "fout: deze verplichte argumenten ontbreken:\n  --data <DIR>",
                    "Gebruik: wavegate score",
                ],
            ),
            (
                &["score", "--data", "d", "--fromat", "json"],
                &["onbekend argument '--fromat'", "bedoel je '--format'?"],
            ),
            (
                &["score", "--data", "d", "--format", "pdf"],
                &[
                    "ongeldige waarde 'pdf' voor '--format <FORMAT>'",
                    "[mogelijke waarden: table, json, markdown, html]",
                ],
            ),
            (
                &["score", "--data", "d", "--at", "morgen"],
                &["verwacht een datum zoals 2027-02-01"],
            ),
            (&["scor"], &["bedoel je 'score'?"]),
            (
                &["--lang", "nl"],
                &[
                    "'wavegate' vraagt een opdracht, maar kreeg er geen",
                    "score, demo-data",
                ],
            ),
        ];
        for (words, said) in cases {
            let e = localized(crate::cli_command(), Lang::Nl)
                .try_get_matches_from(std::iter::once(&"wavegate").chain(words))
                .unwrap_err();
            let text = error_in_dutch(&e).unwrap();
            assert!(text.starts_with("fout: "), "{text}");
            for part in said {
                assert!(text.contains(part), "{words:?}: {part} in\n{text}");
            }
        }
    }

    #[test]
    fn no_table_entry_is_left_over() {
        let used = texts(&crate::cli_command());
        for (en, _) in DUTCH {
            assert!(used.iter().any(|t| t == en), "no longer in the help: {en}");
        }
    }
}
