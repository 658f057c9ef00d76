//! The completion certificate: which module and version, who, and the date it was earned. The
//! app renders it for printing; `to_text` is the plain-text form.
//!
//! It is issued from the progress against a version's lineage, so after an editorial change it
//! names the new version with the date the trainee earned it, and after a substantive change it
//! is issued again, dated, once the changed lessons are re-studied and their topics retaken.
//! Meanwhile the trainee keeps the certificate of the latest earlier version they did
//! ([`Progress::earlier_done`], [`Certificate::held`]): a new version must not take away
//! proof of what they finished. A certificate names the version it covers as it read then
//! ([`CoveredVersion`]): its title, not the one a later version gave the module.

use super::model::Module;
use super::progress::Progress;
use super::status::Status;
use super::versions::{Lineage, ModuleHistory};
use crate::i18n::{Lang, Text};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A completion certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    /// The module id.
    pub module_id: String,
    /// The module's title.
    pub title: Text,
    /// The version it certifies.
    pub version: u32,
    /// The trainee's name, as the caller gave it.
    pub trainee: String,
    /// The day the module was done (the completion rule satisfied), from the progress's times,
    /// in UTC: what the server's texts say, having no time zone of the trainee's.
    pub earned_on: NaiveDate,
    /// The moment it was done, for the trainee's app to write the day of their own time zone
    /// (done at 01:30 in Amsterdam is the next day there, not UTC's).
    pub earned_at: DateTime<Utc>,
    /// The registration, printed as a reference a planner can look up.
    pub registration: String,
    /// The module's languages, for the app to offer.
    pub languages: Vec<Lang>,
}

/// What a certificate names of the version it covers: its number, and the module's title and
/// languages in that version. The trainee's device holds only the latest version, so the
/// server hands over the earlier one's title and languages a certificate still stands for
/// (`MyModule::earlier_title`, `MyModule::earlier_languages`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoveredVersion {
    /// The version.
    pub version: u32,
    /// The module's title in it.
    pub title: Text,
    /// The module's languages in it.
    pub languages: Vec<Lang>,
}

impl CoveredVersion {
    /// What a certificate of `module` (one version) names.
    pub fn of(module: &Module) -> CoveredVersion {
        CoveredVersion {
            version: module.version,
            title: module.title.clone(),
            languages: module.languages.clone(),
        }
    }

    /// The latest version before `history`'s latest that the trainee did
    /// ([`Progress::earlier_done`]): where they stood in it, and what its certificate names.
    pub fn earlier_done(
        progress: &Progress,
        history: &ModuleHistory,
    ) -> Option<(Status, CoveredVersion)> {
        let status = progress.earlier_done(history)?;
        let covered = CoveredVersion::of(history.get(status.version)?);
        Some((status, covered))
    }
}

/// Why there is no certificate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum CertificateError {
    /// The trainee has not done this version of the module.
    #[error("module `{module_id}` version {version} is not done yet")]
    NotDone {
        /// The module.
        module_id: String,
        /// The version.
        version: u32,
    },
}

impl CertificateError {
    /// The problem in words.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CertificateError::NotDone { module_id, version }, Lang::Nl) => {
                format!("module `{module_id}` versie {version} is nog niet afgerond")
            }
            (e, Lang::En) => e.to_string(),
        }
    }
}

pub use crate::i18n::long_date;

impl Certificate {
    /// The certificate for a trainee who has done `module` (described by `lineage`), or why not.
    pub fn issue(
        progress: &Progress,
        module: &Module,
        lineage: &Lineage,
        trainee: &str,
    ) -> Result<Certificate, CertificateError> {
        let status = progress.status(module, lineage);
        Certificate::of_status(&status, progress, &CoveredVersion::of(module), trainee)
    }

    /// The certificate of the version `status` judged, once it is done, or why not. `covered`
    /// is that version: the certificate names its title, and no other version's.
    pub fn of_status(
        status: &Status,
        progress: &Progress,
        covered: &CoveredVersion,
        trainee: &str,
    ) -> Result<Certificate, CertificateError> {
        let done = status
            .done_at
            .filter(|_| progress.module_id == status.module_id && covered.version == status.version)
            .ok_or_else(|| CertificateError::NotDone {
                module_id: status.module_id.clone(),
                version: status.version,
            })?;
        Ok(Certificate {
            module_id: status.module_id.clone(),
            title: covered.title.clone(),
            version: status.version,
            trainee: super::assign::person_name(trainee).to_string(),
            earned_on: done.date_naive(),
            earned_at: done,
            registration: progress.registration.clone(),
            languages: covered.languages.clone(),
        })
    }

    /// The certificate a trainee holds: the latest version's (`latest`, described by
    /// `lineage`) once it is done, else meanwhile that of the latest earlier version they did
    /// (`earlier`, [`CoveredVersion::earlier_done`]), else why there is none. The one rule the
    /// trainee app (over what the server handed it) and the server ([`Certificate::held_in`])
    /// follow, so both show the same certificate.
    pub fn held(
        progress: &Progress,
        latest: &Module,
        lineage: &Lineage,
        earlier: Option<(&Status, &CoveredVersion)>,
        trainee: &str,
    ) -> Result<Certificate, CertificateError> {
        Certificate::issue(progress, latest, lineage, trainee).or_else(|why| {
            let (status, covered) = earlier.ok_or(why)?;
            Certificate::of_status(status, progress, covered, trainee)
        })
    }

    /// [`Certificate::held`] over a module's whole `history`, which the server holds.
    pub fn held_in(
        progress: &Progress,
        history: &ModuleHistory,
        trainee: &str,
    ) -> Result<Certificate, CertificateError> {
        let (Some(latest), Some(lineage)) = (history.latest(), history.lineage()) else {
            return Err(CertificateError::NotDone {
                module_id: progress.module_id.clone(),
                version: 0,
            });
        };
        let earlier = CoveredVersion::earlier_done(progress, history);
        let earlier = earlier.as_ref().map(|(status, covered)| (status, covered));
        Certificate::held(progress, latest, &lineage, earlier, trainee)
    }

    /// The language the certificate is written in whatever the reader's: the one language of
    /// the version it covers, when it has one only, so its words never surround a title in
    /// another; else none, and each reader reads it in theirs.
    pub fn only_language(&self) -> Option<Lang> {
        match self.languages[..] {
            [only] => Some(only),
            _ => None,
        }
    }

    /// The heading.
    pub fn heading(lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => "Certificaat",
            Lang::En => "Certificate",
        }
    }

    /// What the trainee did, between their name and the module's title on the printed card;
    /// without a name (a roster without one) it stands on its own rather than after a blank.
    pub fn completed(named: bool, lang: Lang) -> &'static str {
        match (named, lang) {
            (true, Lang::Nl) => "heeft de zelfstudiemodule afgerond",
            (true, Lang::En) => "completed the self-study module",
            (false, Lang::Nl) => "Zelfstudiemodule afgerond",
            (false, Lang::En) => "Self-study module completed",
        }
    }

    /// The sentence that certifies.
    pub fn statement(&self, lang: Lang) -> String {
        let title = self.title.get(lang);
        let date = long_date(self.earned_on, lang);
        // Without a name in the roster the sentence does without one, rather than start blank.
        if self.trainee.is_empty() {
            return match lang {
                Lang::Nl => format!(
                    "De zelfstudiemodule \u{201c}{title}\u{201d} (versie {}) is afgerond op {date}.",
                    self.version
                ),
                Lang::En => format!(
                    "The self-study module \u{201c}{title}\u{201d} (version {}) was completed on {date}.",
                    self.version
                ),
            };
        }
        match lang {
            Lang::Nl => format!(
                "{} heeft de zelfstudiemodule \u{201c}{title}\u{201d} (versie {}) afgerond op {date}.",
                self.trainee, self.version
            ),
            Lang::En => format!(
                "{} completed the self-study module \u{201c}{title}\u{201d} (version {}) on {date}.",
                self.trainee, self.version
            ),
        }
    }

    /// The reference line.
    pub fn reference(&self, lang: Lang) -> String {
        match lang {
            Lang::Nl => format!(
                "Kenmerk: {} v{} · {}",
                self.module_id, self.version, self.registration
            ),
            Lang::En => format!(
                "Reference: {} v{} · {}",
                self.module_id, self.version, self.registration
            ),
        }
    }

    /// The certificate as plain text.
    pub fn to_text(&self, lang: Lang) -> String {
        format!(
            "{}\n\n{}\n\n{}\n\n{}\n",
            Certificate::heading(lang),
            self.title.get(lang),
            self.statement(lang),
            self.reference(lang)
        )
    }
}
