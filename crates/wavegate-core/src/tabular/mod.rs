//! Reading the CSV files planners bring, as their source systems write them.
//!
//! Accepts UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's "Unicode text"),
//! Windows-1252 (what Dutch Excel writes for "CSV (gescheiden door lijstscheidingsteken)"), `,`,
//! `;` or tab delimiters, quoted fields with embedded
//! newlines, and header names in any case with surrounding spaces. Every problem is an
//! [`InputError`] naming the file, line, column and what was expected, so a planner can fix the
//! file; callers reject the whole file on the first error.

mod decode;
mod error;
mod guarded;
mod header;
pub mod limits;
mod records;
mod rounds;
mod rows;
mod table;

pub(crate) use decode::count_lead_bytes;
pub use decode::{
    InMemory, IntoText, ReadSeek, Seekable, Source, Utf16, decode_owned, decode_text, read_text,
    reads_as_utf8, utf8_counts, utf16_mark,
};
pub use error::{Expect, FileProblem, InputError};
pub(crate) use error::{quoted, shown};
pub use guarded::{guarded_copy, needs_guarded_copy, write_guarded_copy};
pub use header::{Header, header_key};
pub use rounds::{ROUND_BYTES, scan_rounds};
pub use rows::{RowRef, Rows, scan, scan_more, scan_parts};
pub use table::{Row, Table};

/// A column found in a table's header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Col(usize);

impl Col {
    /// The 1-based column number, as error messages give it.
    pub fn number(self) -> usize {
        self.0 + 1
    }
}

/// A row's cells, whether owned ([`Row`]) or borrowed from a streaming read ([`RowRef`]).
pub trait Cells {
    /// The cell at `index` as written (untrimmed); empty past the end of a short row.
    fn cell(&self, index: usize) -> &str;
    /// The line in the file where this row starts (1-based; the header is line 1).
    fn line(&self) -> u64;
    /// Whether a cell of this row may start with a spreadsheet formula guard (`'`) to undo: a
    /// stretch of file without a single `'` has none, and its cells skip the search.
    fn may_hold_guards(&self) -> bool {
        true
    }
}
