//! Where the trainee is in a module: the screens the module page and the quiz move between.

/// Where the trainee is in a module.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// The module's overview.
    Overview,
    /// The n-th lesson of those to study (all of them, or after a substantive change the
    /// changed ones).
    Lesson(usize),
    /// The n-th of all the module's lessons, opened again from the overview's list whatever
    /// the stage (to reread the steps while doing them, or restudy before a retry).
    Reread(usize),
    /// The quiz.
    Quiz,
    /// The certificate.
    Certificate,
}
