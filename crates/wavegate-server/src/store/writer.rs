//! Group commit of responses: one writer task takes every submitted response from a queue and
//! stores those waiting together in one transaction (each in its own savepoint, so one bad
//! response fails alone), answering each only after the transaction committed. One fsync then
//! carries many responses, and exactly-once holds as before: an answer means it is on disk, and
//! a retry of the same id finds it.

use super::StoreError;
use super::link_keys::LinkKeys;
use super::responses::{InsertOutcome, NewResponse, insert_response};
use rusqlite::Connection;
use std::sync::{Arc, Mutex};
use tokio::sync::{mpsc, oneshot};

/// Most responses in one transaction (a bound on the time one batch holds the database).
const MAX_BATCH: usize = 256;
/// Responses waiting for the writer before submitters wait to queue.
const QUEUE: usize = 4096;

type Reply = oneshot::Sender<Result<InsertOutcome, StoreError>>;

/// The queue into the writer task, started on first use (inside the server's runtime).
pub(super) struct Writer {
    queue: std::sync::OnceLock<mpsc::Sender<(NewResponse, Reply)>>,
    conn: Arc<Mutex<Connection>>,
    keys: Arc<LinkKeys>,
}

impl Writer {
    pub(super) fn new(conn: Arc<Mutex<Connection>>, keys: Arc<LinkKeys>) -> Writer {
        Writer {
            queue: std::sync::OnceLock::new(),
            conn,
            keys,
        }
    }

    /// Stores `new` with whatever else is waiting; answers after the commit.
    pub(super) async fn insert(&self, new: NewResponse) -> Result<InsertOutcome, StoreError> {
        let queue = self.queue.get_or_init(|| {
            let (tx, rx) = mpsc::channel(QUEUE);
            tokio::spawn(run(rx, self.conn.clone(), self.keys.clone()));
            tx
        });
        let (reply, answer) = oneshot::channel();
        queue
            .send((new, reply))
            .await
            .map_err(|_| StoreError::Task("the response writer stopped".into()))?;
        answer
            .await
            .map_err(|_| StoreError::Task("the response writer dropped a response".into()))?
    }
}

async fn run(
    mut rx: mpsc::Receiver<(NewResponse, Reply)>,
    conn: Arc<Mutex<Connection>>,
    keys: Arc<LinkKeys>,
) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(next) => batch.push(next),
                Err(_) => break,
            }
        }
        let (news, replies): (Vec<NewResponse>, Vec<Reply>) = batch.into_iter().unzip();
        let (conn, keys) = (conn.clone(), keys.clone());
        let written = tokio::task::spawn_blocking(move || {
            let mut guard = conn.lock().unwrap_or_else(|p| p.into_inner());
            write_batch(&mut guard, &keys, &news)
        })
        .await;
        match written {
            Ok(Ok(outcomes)) => {
                for (reply, outcome) in replies.into_iter().zip(outcomes) {
                    let _ = reply.send(outcome.map_err(StoreError::Task));
                }
            }
            // Nothing of the batch committed: every submitter hears so and may retry.
            Ok(Err(e)) => {
                let why = e.to_string();
                for reply in replies {
                    let _ = reply.send(Err(StoreError::Task(why.clone())));
                }
            }
            Err(e) => {
                for reply in replies {
                    let _ = reply.send(Err(StoreError::Task(e.to_string())));
                }
            }
        }
    }
}

/// One transaction over the batch; each response in a savepoint of its own.
fn write_batch(
    c: &mut Connection,
    keys: &LinkKeys,
    news: &[NewResponse],
) -> Result<Vec<Result<InsertOutcome, String>>, StoreError> {
    let mut tx = c.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let mut out = Vec::with_capacity(news.len());
    for new in news {
        let sp = tx.savepoint()?;
        match insert_response(&sp, keys, new) {
            Ok(outcome) => {
                sp.commit()?;
                out.push(Ok(outcome));
            }
            Err(e) => {
                drop(sp);
                out.push(Err(e.to_string()));
            }
        }
    }
    tx.commit()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use crate::store::test_support::{self, seeded};
    use crate::store::{InsertOutcome, Store};

    /// [`test_support::submit`] as a task of its own.
    async fn submit(store: Store, token: &'static str, id: String) -> InsertOutcome {
        test_support::submit(&store, token, &id).await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn many_at_once_are_each_stored_exactly_once_and_answered_after_the_commit() {
        let store = seeded().await;
        let mut tasks = Vec::new();
        for i in 0..300 {
            // Every id twice: the second is a retry, however the batches fall.
            for _ in 0..2 {
                tasks.push(tokio::spawn(submit(
                    store.clone(),
                    "anon",
                    format!("a-{i:06}"),
                )));
            }
        }
        for i in 0..3 {
            tasks.push(tokio::spawn(submit(
                store.clone(),
                "t1",
                format!("p-{i:06}"),
            )));
        }
        let mut stored = 0;
        let mut again = 0;
        let mut used = 0;
        for t in tasks {
            match t.await.unwrap() {
                InsertOutcome::Stored { .. } => stored += 1,
                InsertOutcome::AlreadyStored { .. } => again += 1,
                InsertOutcome::InvitationUsed => used += 1,
                InsertOutcome::LinkFull => unreachable!("the seeded anonymous link has no bound"),
            }
        }
        assert_eq!((stored, again, used), (301, 300, 2));
        let overview = store.programs_overview().await.unwrap();
        assert_eq!(overview[0].surveys[0].survey.responses, 301);
    }
}
