//! Reading a large export from a stream in rounds of a few megabytes, each ending on a record
//! boundary, so the whole file is never held in memory at once.
//!
//! Holding a 75 MB answers file costs more than the copy: the kernel hands out and clears fresh
//! pages for it, which on a busy machine took longer than parsing it. A round reuses one buffer.

use super::decode::separator_hint;
use super::rows::{before_byte_order_mark, count_byte, scan_more, scan_parts};
use super::{FileProblem, Header, InputError, Rows};
use std::io::Read;

/// About how much of the file one round holds.
pub const ROUND_BYTES: usize = 4 << 20;

/// Reads `reader` in rounds of about `round_bytes`, giving `each` the header and every round's
/// data rows, cut into up to `parts` pieces as [`scan_parts`] cuts them. Rows, lines and errors
/// are those of [`scan_parts`] on the whole file.
///
/// Returns `Ok(None)` when the file is not UTF-8. Windows-1252 is chosen for a file as a whole
/// (see [`decode_owned`](super::decode_owned)), so the caller starts again from the whole text;
/// what `each` was given so far is void.
pub fn scan_rounds<R: Read>(
    file: &str,
    mut reader: R,
    round_bytes: usize,
    parts: usize,
    mut each: impl FnMut(&Header, Vec<Rows<'_>>) -> Result<(), InputError>,
) -> Result<Option<Header>, InputError> {
    let round_bytes = round_bytes.max(1);
    let mut buf: Vec<u8> = Vec::new();
    let mut head: Option<Header> = None;
    // The line of the file on which `buf` starts.
    let mut line = 1u64;
    let mut wanted = round_bytes;
    // Where a line feed could still end a record: nothing before it did when the buffer was
    // last looked at, and what is appended does not change that, so one record longer than a
    // round is searched once, not once per round.
    let mut unsearched = 0;
    loop {
        let at_end = fill(file, &mut reader, &mut buf, wanted)?;
        let end = if at_end {
            buf.len()
        } else {
            match record_end(&buf, unsearched) {
                // The first round holds the header and something more than blank space, or
                // the whole file would be found empty where it is not.
                Some(end) if head.is_some() || !only_blank(&buf[..end]) => end,
                // One record longer than a round (or a long blank start): read on.
                _ => {
                    unsearched = buf.len().saturating_sub(3);
                    wanted = buf.len() + round_bytes;
                    continue;
                }
            }
        };
        let Ok(text) = std::str::from_utf8(&buf[..end]) else {
            return Ok(None);
        };
        match &head {
            Some(h) => each(h, scan_more(h, text, line, parts))?,
            None => {
                let (h, rows) = scan_parts(file, text, parts)?;
                each(&h, rows)?;
                head = Some(h);
            }
        }
        if at_end {
            return Ok(head);
        }
        line += count_byte(&buf[..end], b'\n');
        buf.drain(..end);
        wanted = round_bytes;
        unsearched = 0;
    }
}

/// Reads until `buf` holds `wanted` bytes; `true` when the file ended first.
fn fill(
    file: &str,
    reader: &mut impl Read,
    buf: &mut Vec<u8>,
    wanted: usize,
) -> Result<bool, InputError> {
    let missing = wanted.saturating_sub(buf.len());
    buf.reserve(missing);
    let read = reader.take(missing as u64).read_to_end(buf).map_err(|e| {
        InputError::file(
            file,
            0,
            FileProblem::Unreadable {
                detail: e.to_string(),
            },
        )
    })?;
    Ok(read < missing)
}

/// Just past the last line feed of `bytes` outside quotes (an even number of quotes before it),
/// where [`scan_parts`] could cut too, looking no further back than `from`. The last three
/// bytes are not looked at: whether a byte-order mark follows a line feed there is only known
/// after the next read.
fn record_end(bytes: &[u8], from: usize) -> Option<usize> {
    let last = bytes.len().checked_sub(4)?;
    let mut quotes = count_byte(&bytes[..=last], b'"');
    for i in (from.min(last + 1)..=last).rev() {
        match bytes[i] {
            b'"' => quotes -= 1,
            b'\n' if quotes.is_multiple_of(2) && !before_byte_order_mark(bytes, i) => {
                return Some(i + 1);
            }
            _ => {}
        }
    }
    None
}

/// Whether `bytes` hold no header yet: only blank space, after a byte-order mark and Excel's
/// `sep=;` line.
fn only_blank(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let bytes = match std::str::from_utf8(bytes).ok().and_then(separator_hint) {
        Some((_, rest)) => rest.as_bytes(),
        None => bytes,
    };
    bytes.iter().all(u8::is_ascii_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row (line and cells) or the first error, as one string per row.
    fn rows_of(
        mut pieces: Vec<Rows<'_>>,
        head: &Header,
        out: &mut Vec<String>,
    ) -> Result<(), InputError> {
        for rows in &mut pieces {
            while let Some(row) = rows.next_row(head)? {
                let cells: Vec<&str> = row.record.iter().collect();
                out.push(format!("{}:{}", row.line, cells.join("|")));
            }
        }
        Ok(())
    }

    fn whole(text: &str) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        let (head, pieces) = scan_parts("f.csv", text, 1).map_err(|e| e.to_string())?;
        rows_of(pieces, &head, &mut out).map_err(|e| e.to_string())?;
        Ok(out)
    }

    fn in_rounds(bytes: &[u8], round: usize, parts: usize) -> Option<Result<Vec<String>, String>> {
        let mut out = Vec::new();
        match scan_rounds("f.csv", bytes, round, parts, |head, pieces| {
            rows_of(pieces, head, &mut out)
        }) {
            Ok(Some(_)) => Some(Ok(out)),
            Ok(None) => None,
            Err(e) => Some(Err(e.to_string())),
        }
    }

    #[test]
    fn rows_read_in_rounds_are_the_rows_of_the_whole_file() {
        let mut text = String::from("\u{FEFF}id;note\r\n");
        for k in 0..60 {
            match k % 4 {
                0 => text.push_str(&format!("{k};\"two\nlines; \"\"quoted\"\"\"\r\n")),
                1 => text.push_str("\r\n\n"),
                2 => text.push_str(&format!("\u{FEFF}{k};mark\n")),
                _ => text.push_str(&format!("{k};é\n")),
            }
        }
        let want = whole(&text).unwrap();
        assert_eq!(want.len(), 45);
        for round in [1, 2, 3, 5, 8, 13, 64, 1 << 20] {
            for parts in [1, 2, 3] {
                let got = in_rounds(text.as_bytes(), round, parts).unwrap();
                assert_eq!(got.as_ref(), Ok(&want), "round {round}, {parts} parts");
            }
        }
    }

    #[test]
    fn an_error_in_a_later_round_names_the_line_of_the_whole_file() {
        let mut text = String::from("id,note\n");
        for k in 0..40 {
            text.push_str(&format!("{k},\"a\nb\"\n"));
        }
        text.push_str("41,x,y\n");
        let want = whole(&text).unwrap_err();
        assert!(want.contains("82"), "{want}");
        for round in [7, 16, 100] {
            assert_eq!(
                in_rounds(text.as_bytes(), round, 2),
                Some(Err(want.clone())),
                "{round}"
            );
        }
    }

    #[test]
    fn rounds_keep_the_lines_after_a_separator_line_and_drop_a_dos_end_mark() {
        let mut text = String::from("sep=;\r\nid;note\r\n");
        for k in 0..30 {
            text.push_str(&format!("{k};\"a\nb\"\r\n"));
        }
        text.push('\u{1a}');
        let want = whole(&text).unwrap();
        assert_eq!((want.len(), want[0].as_str()), (30, "3:0|a\nb\r"));
        for round in [5, 16, 100] {
            assert_eq!(in_rounds(text.as_bytes(), round, 2), Some(Ok(want.clone())));
        }
        let bad = text.replace("29;", "29;x;y;");
        let want = whole(&bad).unwrap_err();
        assert!(want.contains("line 61"), "{want}");
        for round in [5, 16, 100] {
            assert_eq!(in_rounds(bad.as_bytes(), round, 2), Some(Err(want.clone())));
        }
    }

    #[test]
    fn a_blank_start_and_a_file_that_is_not_utf8_are_left_to_the_whole_file() {
        let blank = format!("{}\nid\n1\n", " ".repeat(40));
        assert_eq!(in_rounds(blank.as_bytes(), 4, 1), Some(whole(&blank)));
        assert_eq!(in_rounds(b"id\n1\n2\n3\n\xe9\n", 4, 1), None);
        let empty = in_rounds(b"  \n\n", 1, 1).unwrap().unwrap_err();
        assert_eq!(empty, whole("  \n\n").unwrap_err());
    }
}
