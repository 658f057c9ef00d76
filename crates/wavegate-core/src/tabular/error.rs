//! [`InputError`]: what is wrong with an input file, and where (file, line, column).

use std::fmt;

/// What is wrong with an input file, and where.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct InputError {
    /// The file's name as the user knows it (e.g. `roster.csv`).
    pub file: String,
    /// 1-based line number; 0 when the problem is the file as a whole.
    pub line: u64,
    /// 1-based column number, when one column is at fault.
    pub column: Option<usize>,
    /// The column's header, when known.
    pub column_name: Option<String>,
    /// What was expected and what was found.
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ", line {}", self.line)?;
        }
        if let Some(c) = self.column {
            write!(f, ", column {c}")?;
            if let Some(name) = &self.column_name {
                write!(f, " ({name})")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl InputError {
    /// An error about the file as a whole (unreadable, empty, missing column).
    pub fn file(file: &str, line: u64, message: impl Into<String>) -> InputError {
        InputError {
            file: file.to_string(),
            line,
            column: None,
            column_name: None,
            message: message.into(),
        }
    }
}
