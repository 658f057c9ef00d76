//! Parsed rosters, kept by their file's SHA-256 and the program they were read with, so the
//! pages that need the roster (group lists, invitations, mail-merge e-mails, rates per group)
//! parse a 100,000-person roster once rather than on every request. A stored file never changes
//! (files are stored under their hash), so an entry cannot go stale: a new import is a new hash,
//! and a changed program.toml (waves, split attributes) is a new key.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use wavegate_core::readiness::Program;
use wavegate_core::readiness::data::Roster;

/// How many parsed rosters are kept: one per program a team works on at once, and the one
/// before an import while a page still asks for it.
const KEPT: usize = 4;

struct Entry {
    sha256: String,
    program: Program,
    roster: Arc<Roster>,
}

/// The kept rosters, most recently used first; shared by the clones of the server's state.
/// One roster is parsed at a time: requests that miss together wait for the first one's
/// parse and find it kept, instead of each parsing the file again (six parallel page loads
/// of a 48 MB roster took 1.7 GB and 208 s each).
#[derive(Clone, Default)]
pub struct RosterCache {
    kept: Arc<Mutex<VecDeque<Entry>>>,
    parsing: Arc<tokio::sync::Mutex<()>>,
}

impl RosterCache {
    /// The right to parse a roster: held while parsing, so the next request finds it kept.
    pub async fn parsing(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.parsing.lock().await
    }

    /// The roster read from the file with this hash under this program, if kept.
    pub fn get(&self, sha256: &str, program: &Program) -> Option<Arc<Roster>> {
        let mut kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
        let i = kept
            .iter()
            .position(|e| e.sha256 == sha256 && e.program == *program)?;
        let entry = kept.remove(i)?;
        let roster = entry.roster.clone();
        kept.push_front(entry);
        Some(roster)
    }

    /// Keeps a roster just read, dropping the least recently used beyond [`KEPT`].
    pub fn keep(&self, sha256: &str, program: &Program, roster: Arc<Roster>) {
        let mut kept = self.kept.lock().unwrap_or_else(|p| p.into_inner());
        kept.retain(|e| !(e.sha256 == sha256 && e.program == *program));
        kept.push_front(Entry {
            sha256: sha256.to_string(),
            program: program.clone(),
            roster,
        });
        kept.truncate(KEPT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(name: &str) -> Program {
        Program::parse(&format!(
            "name = \"{name}\"\n[[wave]]\nid = \"pilot\"\nstart = 2027-01-11\nend = 2027-01-29\n"
        ))
        .unwrap()
    }

    #[test]
    fn a_roster_is_found_only_under_its_file_and_program_and_the_oldest_goes_first() {
        let cache = RosterCache::default();
        let (a, b) = (program("A"), program("B"));
        let roster = Arc::new(Roster::default());
        cache.keep("f1", &a, roster.clone());
        assert!(Arc::ptr_eq(&cache.get("f1", &a).unwrap(), &roster));
        // Another file, or the same file read with another program.toml, is not it.
        assert!(cache.get("f2", &a).is_none());
        assert!(cache.get("f1", &b).is_none());
        for i in 2..=KEPT {
            cache.keep(&format!("f{i}"), &a, Arc::new(Roster::default()));
        }
        // Used just now, f1 stays when one more comes; f2, the least recently used, goes.
        assert!(cache.get("f1", &a).is_some());
        cache.keep("f9", &a, Arc::new(Roster::default()));
        assert!(cache.get("f1", &a).is_some());
        assert!(cache.get("f2", &a).is_none());
    }
}
