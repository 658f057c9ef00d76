//! `wavegate module …`: validate self-study modules and print the built-in ones. Reading files
//! happens here; everything else is `wavegate_core::training`.

use super::messages::Builtin;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wavegate_core::i18n::{Lang, Text};
use wavegate_core::training::{Module, templates};

/// Module subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Check a module definition; print an outline, or every problem with its JSON path.
    Validate {
        /// The definition (JSON, format `wavegate.module/1`).
        file: PathBuf,
    },
    /// Print a built-in module as JSON, or list them without an id.
    Template {
        /// enroll-windows, enroll-android, enroll-ios, enroll-macos, what-changes, get-help or
        /// admin-operations.
        id: Option<String>,
    },
}

impl super::BuiltinDefinition for Module {
    const KIND: Builtin = Builtin::Module;
    const IDS: &'static [&'static str] = &templates::IDS;
    const ID_WIDTH: usize = 18;
    fn builtin(id: &str) -> Option<Module> {
        templates::builtin(id)
    }
    fn to_json(&self) -> String {
        self.to_json_pretty()
    }
    fn title(&self) -> &Text {
        &self.title
    }
}

/// Runs the subcommand; everything a person reads is in `lang`.
pub fn run(command: Command, lang: Lang) -> anyhow::Result<ExitCode> {
    match command {
        Command::Validate { file } => validate(&file, lang),
        Command::Template { id } => super::template::<Module>(id.as_deref(), lang),
    }
}

fn validate(file: &Path, lang: Lang) -> anyhow::Result<ExitCode> {
    let json = super::read_text(file, lang)?;
    match Module::from_json(&json) {
        Ok(module) => {
            super::emit(&outline(&module, lang))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => {
            let problems: Vec<_> = errors
                .iter()
                .map(|e| (e.path.as_str(), e.message(lang)))
                .collect();
            super::print_problems(file, &problems, lang);
            Ok(ExitCode::FAILURE)
        }
    }
}

/// `OK` and a short outline: lessons with their minutes and topics, the quiz per topic, targets.
fn outline(m: &Module, lang: Lang) -> String {
    let nl = lang == Lang::Nl;
    let questions = m.quiz.as_ref().map_or(0, |q| q.questions.len());
    let mut out = format!(
        "OK: {} v{}, \"{}\" ({} {}, {questions} {}, ~{} min)\n",
        m.id,
        m.version,
        m.title.get(lang),
        m.lessons.len(),
        if nl { "lessen" } else { "lessons" },
        if nl { "vragen" } else { "questions" },
        m.estimate_minutes,
    );
    let everyone = if nl { "iedereen" } else { "everyone" };
    let targets = if m.targets.is_empty() {
        everyone.to_string()
    } else {
        m.targets
            .iter()
            .map(|(k, v)| format!("{k} = {}", v.join(" | ")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push_str(&format!(
        "  {}: {targets}; {}: {}\n",
        if nl { "voor" } else { "for" },
        if nl { "afgerond als" } else { "done when" },
        m.completion.name()
    ));
    for l in &m.lessons {
        let minutes = l.minutes.map_or(String::new(), |n| format!("{n} min"));
        let line = format!("    {:<18} {:<7} {}", l.id, minutes, l.topics.join(", "));
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if let Some(quiz) = &m.quiz {
        let mut policy = vec![format!(
            "{} {}",
            if nl { "slaaggrens" } else { "pass mark" },
            quiz.pass_mark
        )];
        if let Some(max) = quiz.attempts.max {
            policy.push(format!(
                "{} {max} {}",
                if nl { "max." } else { "at most" },
                if nl { "pogingen" } else { "attempts" }
            ));
        }
        if quiz.attempts.wait_minutes > 0 {
            policy.push(format!(
                "{} {} min",
                if nl { "wachttijd" } else { "wait" },
                quiz.attempts.wait_minutes
            ));
        }
        out.push_str(&format!("  quiz: {}\n", policy.join(", ")));
        for t in &m.topics {
            let count = quiz.questions.iter().filter(|q| q.topic == t.id).count();
            let asked = quiz.draw.get(&t.id).map_or(count, |&n| n as usize);
            out.push_str(&format!(
                "    {:<18} {asked} {} {count} {}\n",
                t.id,
                if nl { "van" } else { "of" },
                if nl { "vragen" } else { "questions" }
            ));
        }
    }
    if !m.changes.is_empty() {
        out.push_str(if nl {
            "  wijzigingen:\n"
        } else {
            "  changes:\n"
        });
        for c in &m.changes {
            let kind = match (c.kind, nl) {
                (wavegate_core::training::ChangeKind::Editorial, true) => "redactioneel",
                (wavegate_core::training::ChangeKind::Editorial, false) => "editorial",
                (wavegate_core::training::ChangeKind::Substantive, true) => "inhoudelijk",
                (wavegate_core::training::ChangeKind::Substantive, false) => "substantive",
            };
            out.push_str(&format!(
                "    {:<18} {kind}: {}\n",
                c.lesson,
                c.note.get(lang)
            ));
        }
    }
    out
}
