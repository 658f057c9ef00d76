//! Imported program files: the bytes in a directory beside the database (named by their
//! SHA-256, written through a temporary file, fsync and rename), every import recorded in
//! SQLite; the latest import of a kind is the file in use.

use super::invitations::rejudge_anonymous_links;
use super::program_exists;
use super::{Store, StoreError};
use rusqlite::{OptionalExtension, params};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where a store keeps file bytes.
#[derive(Debug)]
pub(super) struct FilesDir {
    pub(super) dir: PathBuf,
    /// For an in-memory store: removed with the store.
    _temporary: Option<tempfile::TempDir>,
}

impl FilesDir {
    /// The directory beside a database file: `wavegate.sqlite` → `wavegate.files/`.
    pub(super) fn beside(db: &Path) -> Result<FilesDir, StoreError> {
        let dir = db.with_extension("files");
        std::fs::create_dir_all(&dir).map_err(|e| StoreError::Files(e.to_string()))?;
        Ok(FilesDir {
            dir,
            _temporary: None,
        })
    }

    /// A temporary directory, for an in-memory store.
    pub(super) fn temporary() -> Result<FilesDir, StoreError> {
        let t = tempfile::tempdir().map_err(|e| StoreError::Files(e.to_string()))?;
        Ok(FilesDir {
            dir: t.path().to_path_buf(),
            _temporary: Some(t),
        })
    }
}

/// A file being received: a temporary file in the files directory (so storing it is a rename),
/// removed when dropped unless stored.
#[derive(Debug)]
pub struct StagedFile {
    tmp: tempfile::NamedTempFile,
}

impl StagedFile {
    /// Appends bytes.
    pub fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.tmp.as_file_mut().write_all(bytes)
    }

    /// Where it is, to read it back.
    pub fn path(&self) -> &Path {
        self.tmp.path()
    }
}

/// An import to record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewImport {
    /// The program.
    pub program_id: String,
    /// The kind (`roster`, `devices`, …).
    pub kind: String,
    /// The file's name as uploaded.
    pub file_name: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256, hex (also the stored file's name).
    pub sha256: String,
    /// Records read.
    pub rows: u64,
    /// Who imported it.
    pub imported_by: String,
    /// When.
    pub imported_at: String,
}

/// An import as recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRow {
    /// What was recorded.
    pub import: NewImport,
    /// Whether it is the latest of its kind.
    pub current: bool,
}

fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn sync_dir(dir: &Path) -> std::io::Result<()> {
    // A rename is durable only once the directory holding it is; not possible on every platform.
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

impl Store {
    /// A new temporary file to receive an upload into.
    pub fn stage_file(&self) -> Result<StagedFile, StoreError> {
        let tmp = tempfile::Builder::new()
            .prefix(".upload-")
            .tempfile_in(&self.files.dir)
            .map_err(|e| StoreError::Files(e.to_string()))?;
        Ok(StagedFile { tmp })
    }

    /// Stores a received file and records its import, making it the program's file of its kind:
    /// the bytes are on disk (fsync, rename, fsync of the directory) before the row that points
    /// at them is committed, so a crash leaves either the old file in use or the new one.
    pub async fn record_import(
        &self,
        staged: StagedFile,
        import: NewImport,
    ) -> Result<ImportRow, StoreError> {
        let (row, ()) = self
            .record_import_with(staged, import, |_, _| Ok(()))
            .await?;
        Ok(row)
    }

    /// Records a roster's import as [`Store::record_import`] does and, in the same immediate
    /// transaction, judges every anonymous survey link of the program that still opens on the
    /// new roster: `capacity` reads a link's attributes (JSON) and gives the answers it now
    /// takes (its group's people), or `None` when the new roster leaves its group under 5
    /// people, and then the link is revoked at the import's time. The links are selected
    /// inside the transaction, so a link made meanwhile is judged too, and either the roster
    /// is in use with its links judged or neither happened. `capacity` failing fails the
    /// whole. Returns how many links it revoked.
    pub async fn record_roster_import<F>(
        &self,
        staged: StagedFile,
        import: NewImport,
        capacity: F,
    ) -> Result<(ImportRow, u64), StoreError>
    where
        F: Fn(&str) -> Result<Option<u64>, String> + Send + 'static,
    {
        self.record_import_with(staged, import, move |tx, import| {
            rejudge_anonymous_links(tx, &import.program_id, &import.imported_at, &capacity)
        })
        .await
    }

    /// Stores the file, then records its import and runs `then` in one immediate transaction.
    async fn record_import_with<R, F>(
        &self,
        staged: StagedFile,
        import: NewImport,
        then: F,
    ) -> Result<(ImportRow, R), StoreError>
    where
        R: Send + 'static,
        F: FnOnce(&rusqlite::Transaction<'_>, &NewImport) -> Result<R, StoreError> + Send + 'static,
    {
        if !is_sha256_hex(&import.sha256) {
            return Err(StoreError::Files(format!(
                "not a SHA-256: {}",
                import.sha256
            )));
        }
        let dir = self.files.dir.clone();
        let target = dir.join(&import.sha256);
        tokio::task::spawn_blocking(move || -> Result<(), StoreError> {
            let io = |e: std::io::Error| StoreError::Files(e.to_string());
            if target.exists() {
                // The same bytes were stored before (content addressed): nothing to write.
                return Ok(());
            }
            staged.tmp.as_file().sync_all().map_err(io)?;
            staged.tmp.persist(&target).map_err(|e| io(e.error))?;
            sync_dir(&dir).map_err(io)
        })
        .await
        .map_err(|e| StoreError::Task(e.to_string()))??;
        self.call(move |c| {
            let tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            if !program_exists(&tx, &import.program_id)? {
                return Err(StoreError::Files(format!("no program {}", import.program_id)));
            }
            tx.execute(
                "INSERT INTO imports (program_id, kind, file_name, bytes, sha256, rows, imported_by, imported_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    import.program_id,
                    import.kind,
                    import.file_name,
                    i64::try_from(import.bytes).unwrap_or(i64::MAX),
                    import.sha256,
                    i64::try_from(import.rows).unwrap_or(i64::MAX),
                    import.imported_by,
                    import.imported_at
                ],
            )?;
            let then = then(&tx, &import)?;
            tx.commit()?;
            Ok((
                ImportRow {
                    import,
                    current: true,
                },
                then,
            ))
        })
        .await
    }

    /// Every import of a program, newest first; `None` for an unknown program.
    pub async fn imports(&self, program_id: &str) -> Result<Option<Vec<ImportRow>>, StoreError> {
        let p = program_id.to_string();
        self.call(move |c| {
            let tx = c.transaction()?;
            if !program_exists(&tx, &p)? {
                return Ok(None);
            }
            let mut stmt = tx.prepare(
                "SELECT i.program_id, i.kind, i.file_name, i.bytes, i.sha256, i.rows, i.imported_by, i.imported_at,
                        i.id = (SELECT max(j.id) FROM imports j WHERE j.program_id = i.program_id AND j.kind = i.kind)
                 FROM imports i WHERE i.program_id = ?1 ORDER BY i.id DESC",
            )?;
            let rows = stmt.query_map([&p], |r| {
                Ok(ImportRow {
                    import: import_row(r)?,
                    current: r.get(8)?,
                })
            })?;
            let out = rows.collect::<Result<Vec<_>, _>>()?;
            drop(stmt);
            Ok(Some(out))
        })
        .await
    }

    /// The program's file of a kind in use now, and where its bytes are.
    pub async fn current_file(
        &self,
        program_id: &str,
        kind: &str,
    ) -> Result<Option<(NewImport, PathBuf)>, StoreError> {
        let (p, k) = (program_id.to_string(), kind.to_string());
        let found = self
            .call(move |c| {
                Ok(c.query_row(
                    "SELECT program_id, kind, file_name, bytes, sha256, rows, imported_by, imported_at
                     FROM imports WHERE program_id = ?1 AND kind = ?2 ORDER BY id DESC LIMIT 1",
                    params![p, k],
                    import_row,
                )
                .optional()?)
            })
            .await?;
        Ok(found.map(|import| {
            let path = self.files.dir.join(&import.sha256);
            (import, path)
        }))
    }
}

pub(super) fn import_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<NewImport> {
    let bytes: i64 = r.get(3)?;
    let rows: i64 = r.get(5)?;
    Ok(NewImport {
        program_id: r.get(0)?,
        kind: r.get(1)?,
        file_name: r.get(2)?,
        bytes: u64::try_from(bytes).unwrap_or(0),
        sha256: r.get(4)?,
        rows: u64::try_from(rows).unwrap_or(0),
        imported_by: r.get(6)?,
        imported_at: r.get(7)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{NOW, seeded};

    fn import(sha: &str, rows: u64) -> NewImport {
        NewImport {
            program_id: "p".into(),
            kind: "roster".into(),
            file_name: "roster.csv".into(),
            bytes: 3,
            sha256: sha.into(),
            rows,
            imported_by: "ann@example.org".into(),
            imported_at: NOW.into(),
        }
    }

    #[tokio::test]
    async fn the_latest_import_of_a_kind_is_current_and_its_bytes_are_kept() {
        let store = seeded().await;
        for (sha, bytes) in [("a".repeat(64), b"one"), ("b".repeat(64), b"two")] {
            let mut staged = store.stage_file().unwrap();
            staged.write_all(bytes).unwrap();
            store.record_import(staged, import(&sha, 1)).await.unwrap();
        }
        let (current, path) = store.current_file("p", "roster").await.unwrap().unwrap();
        assert_eq!(current.sha256, "b".repeat(64));
        assert_eq!(std::fs::read(path).unwrap(), b"two");
        let listed = store.imports("p").await.unwrap().unwrap();
        let flags: Vec<bool> = listed.iter().map(|i| i.current).collect();
        assert_eq!(flags, vec![true, false]);
        assert_eq!(store.imports("nope").await.unwrap(), None);
        // Only the two stored files remain: no temporary file is left behind.
        let names = std::fs::read_dir(&store.files.dir).unwrap().count();
        assert_eq!(names, 2);
    }

    #[tokio::test]
    async fn a_roster_import_revokes_the_anonymous_links_it_judges_too_small_in_its_transaction() {
        let store = seeded().await;
        let stage = |bytes: &[u8]| {
            let mut staged = store.stage_file().unwrap();
            staged.write_all(bytes).unwrap();
            staged
        };
        // The judgement fails: neither the import nor a revocation happened.
        let failed = store
            .record_roster_import(stage(b"one"), import(&"a".repeat(64), 1), |_| {
                Err("unreadable attributes".into())
            })
            .await;
        assert!(matches!(failed, Err(StoreError::Corrupt(_))), "{failed:?}");
        assert!(store.current_file("p", "roster").await.unwrap().is_none());
        assert!(
            store
                .invitation("anon")
                .await
                .unwrap()
                .unwrap()
                .revoked_at
                .is_none()
        );
        // The seeded anonymous link carries `{}`; the personal link is never judged.
        let judged = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let seen = judged.clone();
        let (row, revoked) = store
            .record_roster_import(stage(b"two"), import(&"b".repeat(64), 1), move |a| {
                seen.lock().unwrap().push(a.to_string());
                Ok((a != "{}").then_some(7))
            })
            .await
            .unwrap();
        assert!(row.current);
        assert_eq!(revoked, 1);
        assert_eq!(*judged.lock().unwrap(), vec!["{}".to_string()]);
        let anon = store.invitation("anon").await.unwrap().unwrap();
        assert_eq!(anon.revoked_at.as_deref(), Some(NOW));
        assert!(
            store
                .invitation("t1")
                .await
                .unwrap()
                .unwrap()
                .revoked_at
                .is_none()
        );
        let (current, _) = store.current_file("p", "roster").await.unwrap().unwrap();
        assert_eq!(current.sha256, "b".repeat(64));
        // Revoked links are not judged again.
        let (_, revoked) = store
            .record_roster_import(stage(b"three"), import(&"c".repeat(64), 1), |_| Ok(None))
            .await
            .unwrap();
        assert_eq!(revoked, 0);
    }

    #[tokio::test]
    async fn a_staged_file_that_is_not_stored_leaves_nothing() {
        let store = seeded().await;
        let mut staged = store.stage_file().unwrap();
        staged.write_all(b"x").unwrap();
        drop(staged);
        assert_eq!(std::fs::read_dir(&store.files.dir).unwrap().count(), 0);
        assert!(store.current_file("p", "roster").await.unwrap().is_none());
    }
}
