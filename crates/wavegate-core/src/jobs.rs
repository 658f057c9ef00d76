//! Independent jobs and who runs them: the core has no threads (it runs in the browser too), so
//! the caller decides whether jobs run one after another or side by side.

/// Runs independent jobs and gives back their results in the same order. The command line and
/// the server run the jobs on threads, everything else one after another with [`InOrder`].
pub trait Runner: Sync {
    /// How many jobs can usefully run at once.
    fn parallelism(&self) -> usize;
    /// Runs the jobs; result `i` is job `i`'s.
    fn run<'t, T: Send + 't>(&self, jobs: Vec<Job<'t, T>>) -> Vec<T>;
}

/// One job of a [`Runner`].
pub type Job<'t, T> = Box<dyn FnOnce() -> T + Send + 't>;

/// Runs jobs one after another, on the calling thread.
#[derive(Clone, Copy, Debug, Default)]
pub struct InOrder;

impl Runner for InOrder {
    fn parallelism(&self) -> usize {
        1
    }

    fn run<'t, T: Send + 't>(&self, jobs: Vec<Job<'t, T>>) -> Vec<T> {
        jobs.into_iter().map(|job| job()).collect()
    }
}

/// For tests of code that runs jobs: says it has four cores and runs the jobs last first, as
/// threads might finish them, giving the results back in order.
#[cfg(test)]
pub(crate) struct Backwards;

#[cfg(test)]
impl Runner for Backwards {
    fn parallelism(&self) -> usize {
        4
    }

    fn run<'t, T: Send + 't>(&self, jobs: Vec<Job<'t, T>>) -> Vec<T> {
        let mut out: Vec<T> = jobs.into_iter().rev().map(|job| job()).collect();
        out.reverse();
        out
    }
}
