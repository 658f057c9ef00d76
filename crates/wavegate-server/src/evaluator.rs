//! Readiness evaluations within bounds: at most a few at once (each holds a program's files and
//! data set in memory), on blocking threads, a request waiting at most a time limit for its
//! answer. What was built is kept: the last data directories with the stamp of the store they
//! were built from (while the stamp holds, the directory is the same), and the last reports
//! with everything they depend on, so asking again about unchanged data neither builds nor
//! evaluates again.

use crate::clock::Clock;
use crate::datadir::{self, DataError, ProgramData};
use crate::store::Store;
use crate::threads::Threads;
use chrono::NaiveDate;
use std::collections::VecDeque;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::time::{Instant, timeout_at};
use wavegate_core::api::InputFile;
use wavegate_core::i18n::Lang;
use wavegate_core::readiness::datadir::Missing;
use wavegate_core::readiness::{PastEvaluation, Report, evaluate_on};
use wavegate_core::survey::merge::MergeError;
use wavegate_core::tabular::InputError;

/// How many evaluations (or exports) run at once: each holds a whole program in memory, and the
/// machine a pilot runs on may have two cores.
pub const SLOTS: usize = 2;
/// How long a request waits for a slot and its evaluation together.
pub const LIMIT: Duration = Duration::from_secs(30);
/// What `Retry-After` says when no evaluation could be given in time.
pub const RETRY_AFTER_SECS: u64 = 5;
/// How many finished evaluations are kept.
const KEPT: usize = 8;
/// How many built data directories are kept (a 100,000-person program's is about 100 MB).
const KEPT_DATA: usize = 2;

/// Data directories kept, with the program each is of, latest first.
type KeptData = Mutex<VecDeque<(String, Arc<ProgramData>)>>;

/// Runs evaluations within the bounds; clones share them.
#[derive(Clone)]
pub struct Evaluator {
    slots: Arc<Semaphore>,
    limit: Duration,
    kept: Arc<Mutex<VecDeque<Arc<Done>>>>,
    kept_data: Arc<KeptData>,
}

/// Everything an evaluation depends on besides the code: equal keys give equal reports.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Key {
    program_id: String,
    at: NaiveDate,
    lang: Lang,
    inputs: Vec<InputFile>,
    history: Vec<PastEvaluation>,
}

/// A finished evaluation.
#[derive(Debug)]
pub struct Done {
    key: Key,
    /// When it was computed (RFC 3339, UTC).
    pub computed_at: String,
    /// The files it was computed from.
    pub inputs: Vec<InputFile>,
    /// The report.
    pub report: Report,
    /// The report's JSON, byte for byte as `wavegate score --format json` prints it.
    pub json: String,
}

/// Why no evaluation was given.
#[derive(Debug)]
pub enum EvalError {
    /// No program by that id.
    NotFound,
    /// A required file is absent.
    Missing(Missing),
    /// The files do not read together; the first problem, as `wavegate score` reports it.
    Rejected(InputError),
    /// No slot came free, or the evaluation ran over the time limit.
    Busy,
    /// A server fault.
    Internal(String),
}

impl From<DataError> for EvalError {
    fn from(e: DataError) -> EvalError {
        match e {
            DataError::NotFound => EvalError::NotFound,
            DataError::Merge(MergeError::Imported(e)) => EvalError::Rejected(e),
            other => EvalError::Internal(other.to_string()),
        }
    }
}

impl Default for Evaluator {
    fn default() -> Evaluator {
        Evaluator::new(SLOTS, LIMIT)
    }
}

impl Evaluator {
    /// At most `slots` at once, a request waiting at most `limit`.
    pub fn new(slots: usize, limit: Duration) -> Evaluator {
        Evaluator {
            slots: Arc::new(Semaphore::new(slots)),
            limit,
            kept: Arc::default(),
            kept_data: Arc::default(),
        }
    }

    /// Runs `work` in a slot. A request that stops waiting does not stop the work: it keeps its
    /// slot until done (so the bound holds), and a finished evaluation is kept for the next ask.
    async fn bounded<T, F>(&self, work: F) -> Result<T, EvalError>
    where
        T: Send + 'static,
        F: Future<Output = Result<T, EvalError>> + Send + 'static,
    {
        let deadline = Instant::now() + self.limit;
        let permit = timeout_at(deadline, self.slots.clone().acquire_owned())
            .await
            .map_err(|_| EvalError::Busy)?
            .map_err(|e| EvalError::Internal(e.to_string()))?;
        let task = tokio::spawn(async move {
            let _slot = permit;
            work.await
        });
        match timeout_at(deadline, task).await {
            Err(_) => Err(EvalError::Busy),
            Ok(Err(e)) => Err(EvalError::Internal(format!("evaluation task: {e}"))),
            Ok(Ok(result)) => result,
        }
    }

    /// A program's data directory, built in a slot (a large program's files are large) or
    /// kept from before, given to `then` on a blocking thread: for exports.
    pub async fn with_data<T, F>(
        &self,
        store: &Store,
        program_id: &str,
        then: F,
    ) -> Result<T, EvalError>
    where
        T: Send + 'static,
        F: FnOnce(&ProgramData) -> Result<T, EvalError> + Send + 'static,
    {
        let (store, program_id) = (store.clone(), program_id.to_string());
        let kept_data = self.kept_data.clone();
        self.bounded(async move {
            let data = data_of(&kept_data, &store, &program_id).await?;
            tokio::task::spawn_blocking(move || then(&data))
                .await
                .map_err(|e| EvalError::Internal(format!("export: {e}")))?
        })
        .await
    }

    /// Evaluates a program's readiness at `at` in `lang`, with its stored evaluations as the
    /// history EXPAND reads.
    pub async fn readiness(
        &self,
        store: &Store,
        clock: &Clock,
        program_id: &str,
        at: NaiveDate,
        lang: Lang,
    ) -> Result<Arc<Done>, EvalError> {
        let (store, clock, program_id) = (store.clone(), clock.clone(), program_id.to_string());
        let (kept, kept_data) = (self.kept.clone(), self.kept_data.clone());
        self.bounded(async move {
            let started = std::time::Instant::now();
            let data = data_of(&kept_data, &store, &program_id).await?;
            let built = started.elapsed();
            if let Some(missing) = data.dir.missing() {
                return Err(EvalError::Missing(missing));
            }
            let history = data
                .history
                .iter()
                .map(|(at, json)| {
                    PastEvaluation::from_json(json)
                        .map_err(|e| EvalError::Internal(format!("stored evaluation {at}: {e}")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let key = Key {
                program_id,
                at,
                lang,
                inputs: data.inputs.clone(),
                history,
            };
            if let Some(done) = lookup(&kept, &key) {
                return Ok(done);
            }
            let done = tokio::task::spawn_blocking(move || run(data, key, &clock))
                .await
                .map_err(|e| EvalError::Internal(format!("evaluation: {e}")))??;
            // What a large program costs, for whoever sizes the server.
            tracing::info!(
                program = %done.key.program_id,
                build_ms = built.as_millis() as u64,
                total_ms = started.elapsed().as_millis() as u64,
                "readiness evaluated"
            );
            let done = Arc::new(done);
            keep(&kept, done.clone());
            Ok(done)
        })
        .await
    }
}

/// The program's data directory: the one kept when the store's stamp still matches it, else
/// built now (and kept).
async fn data_of(
    kept: &KeptData,
    store: &Store,
    program_id: &str,
) -> Result<Arc<ProgramData>, EvalError> {
    let stamp = store
        .sources_stamp(program_id)
        .await
        .map_err(|e| EvalError::Internal(e.to_string()))?
        .ok_or(EvalError::NotFound)?;
    {
        let kept = kept.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((_, data)) = kept
            .iter()
            .find(|(p, d)| p == program_id && d.stamp == stamp)
        {
            return Ok(data.clone());
        }
    }
    // Built from a read of its own: it carries the stamp of that read, which may be newer.
    let data = Arc::new(datadir::build(store, program_id).await?);
    let mut kept = kept.lock().unwrap_or_else(|p| p.into_inner());
    kept.retain(|(p, _)| p != program_id);
    kept.push_front((program_id.to_string(), data.clone()));
    kept.truncate(KEPT_DATA);
    Ok(data)
}

/// Loads and evaluates, on a blocking thread.
fn run(data: Arc<ProgramData>, key: Key, clock: &Clock) -> Result<Done, EvalError> {
    // The files are parsed on threads, as `wavegate score` does: at most two evaluations run
    // at once, so this takes at most twice the jobs of one.
    let loaded = data.load().map_err(EvalError::Rejected)?;
    let (program, set) = &*loaded;
    let report = evaluate_on(set, program, key.at, key.lang, &key.history, &Threads);
    let json = report
        .to_json()
        .map_err(|e| EvalError::Internal(format!("report JSON: {e}")))?;
    Ok(Done {
        computed_at: clock.stamp(),
        inputs: data.inputs.clone(),
        report,
        json,
        key,
    })
}

fn lookup(kept: &Mutex<VecDeque<Arc<Done>>>, key: &Key) -> Option<Arc<Done>> {
    let kept = kept.lock().unwrap_or_else(|p| p.into_inner());
    kept.iter().find(|d| d.key == *key).cloned()
}

fn keep(kept: &Mutex<VecDeque<Arc<Done>>>, done: Arc<Done>) {
    let mut kept = kept.lock().unwrap_or_else(|p| p.into_inner());
    kept.retain(|d| d.key != done.key);
    kept.push_front(done);
    kept.truncate(KEPT);
}
