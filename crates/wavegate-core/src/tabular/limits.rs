//! How large a CSV file's parts may be: bounds that no real export comes near, so that a
//! hostile or broken file costs a bounded amount of memory and time per field and per row.
//!
//! The whole file is read into memory (the importers are linear in its size); what these bounds
//! stop is a single part growing without end: one field of 40 MB (a missing closing quote makes
//! the rest of the file one field), or a header of a million columns. Past a bound the file is
//! rejected with an error naming the line and column.

/// The most bytes one field may hold: 64 KiB. The longest real values are free-text answers and
/// ticket descriptions; a survey text answer is limited far below this by the app.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// The most columns a file may have: 16,384, the most Excel itself can hold, so every file a
/// planner could have opened and saved in Excel fits.
pub const MAX_COLUMNS: usize = 16_384;
