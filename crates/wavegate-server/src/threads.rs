//! Running the core's import jobs on threads: one scoped thread per job. The core has none (it
//! runs in the browser too); the server's evaluations and `wavegate score` use this runner.

use wavegate_core::readiness::import::Runner;

/// Runs each job on its own scoped thread and gives the results back in job order.
#[derive(Clone, Copy, Debug, Default)]
pub struct Threads;

impl Runner for Threads {
    fn parallelism(&self) -> usize {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }

    fn run<'t, T: Send + 't>(&self, jobs: Vec<Box<dyn FnOnce() -> T + Send + 't>>) -> Vec<T> {
        std::thread::scope(|s| {
            let handles: Vec<_> = jobs.into_iter().map(|job| s.spawn(job)).collect();
            handles
                .into_iter()
                // A panic in a parser is a bug: pass it on rather than invent a result.
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    }
}
