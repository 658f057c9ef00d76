//! The completion certificate: which module and version, who, and the date it was earned. The
//! app renders it for printing; `to_text` is the plain-text form.
//!
//! It is issued from the progress against a version's lineage, so after an editorial change it
//! names the new version with the date the trainee earned it, and after a substantive change it
//! is issued again, dated, once the changed lessons are re-studied and their topics retaken.

use super::model::Module;
use super::progress::Progress;
use super::versions::Lineage;
use crate::i18n::{Lang, Text};
use chrono::NaiveDate;
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
    /// The day the module was done (the completion rule satisfied), from the progress's times.
    pub earned_on: NaiveDate,
    /// The registration, printed as a reference a planner can look up.
    pub registration: String,
    /// The module's languages, for the app to offer.
    pub languages: Vec<Lang>,
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
        let done = status
            .done_at
            .filter(|_| progress.module_id == module.id)
            .ok_or_else(|| CertificateError::NotDone {
                module_id: module.id.clone(),
                version: module.version,
            })?;
        Ok(Certificate {
            module_id: module.id.clone(),
            title: module.title.clone(),
            version: module.version,
            trainee: trainee.trim().to_string(),
            earned_on: done.date_naive(),
            registration: progress.registration.clone(),
            languages: module.languages.clone(),
        })
    }

    /// The heading.
    pub fn heading(lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => "Certificaat",
            Lang::En => "Certificate",
        }
    }

    /// What the trainee did, between their name and the module's title on the printed card.
    pub fn completed(lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => "heeft de zelfstudiemodule afgerond",
            Lang::En => "completed the self-study module",
        }
    }

    /// The sentence that certifies.
    pub fn statement(&self, lang: Lang) -> String {
        let title = self.title.get(lang);
        let date = long_date(self.earned_on, lang);
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
