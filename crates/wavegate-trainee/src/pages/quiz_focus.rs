//! The ids the quiz moves focus to. Each press of Check, Next, See the results or Try again
//! brings something new (the feedback, the next question, the results) and mostly replaces the
//! button pressed, which takes focus with it to the page's body; a screen reader would then say
//! nothing of what came instead.

/// The heading of the question shown.
pub const QUESTION: &str = "quiz-question";
/// The feedback on the question just checked.
pub const FEEDBACK: &str = "quiz-feedback";
/// The heading of an attempt's results.
pub const RESULT: &str = "quiz-result";
