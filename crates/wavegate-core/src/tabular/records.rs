//! CSV records read straight from text in memory with `csv_core`. The csv crate's reader first
//! copies its input through an 8 KiB buffer; for 100 MB of exports that copy was a tenth of the
//! whole run. Records, positions and line numbers are the ones the csv crate gives.

use csv_core::ReadRecordResult;

/// Reads records from `input`, which it never copies.
pub(super) struct RecordReader<'t> {
    core: csv_core::Reader,
    input: &'t [u8],
    /// Bytes of `input` consumed.
    byte: usize,
    /// The line the next record starts on (counted by `csv_core`, from 1).
    line: u64,
}

impl<'t> RecordReader<'t> {
    /// Records end at a line feed; the CR of a Windows line end stays on the last field, where
    /// trimming removes it (with CR/LF handling the csv crate's line numbers come out one short
    /// in Windows files). Old Mac files with bare CRs keep CR/LF handling.
    pub(super) fn new(delimiter: u8, input: &'t [u8], has_line_feeds: bool) -> RecordReader<'t> {
        let terminator = if has_line_feeds {
            csv_core::Terminator::Any(b'\n')
        } else {
            csv_core::Terminator::CRLF
        };
        RecordReader {
            core: csv_core::ReaderBuilder::new()
                .delimiter(delimiter)
                .terminator(terminator)
                .build(),
            input,
            byte: 0,
            line: 1,
        }
    }

    /// Bytes of the input read so far.
    pub(super) fn byte(&self) -> usize {
        self.byte
    }

    /// Reads the next record into `record`; `false` at the end of the input.
    pub(super) fn read(&mut self, record: &mut Record) -> bool {
        let mut out = std::mem::take(&mut record.text).into_bytes();
        out.resize(out.capacity().max(256), 0);
        record.ends.resize(record.ends.capacity().max(16), 0);
        record.start = (self.byte, self.line);
        let (mut written, mut fields) = (0, 0);
        let found = loop {
            let (result, read, wrote, ended) = self.core.read_record(
                &self.input[self.byte..],
                &mut out[written..],
                &mut record.ends[fields..],
            );
            self.byte += read;
            self.line = self.core.line();
            written += wrote;
            fields += ended;
            match result {
                // The input is all there: the next call, with nothing left, ends the record.
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => {
                    let len = record.ends.len();
                    record.ends.resize(len * 2, 0);
                }
                ReadRecordResult::Record => break true,
                ReadRecordResult::End => break false,
            }
        };
        out.truncate(written);
        record.ends.truncate(if found { fields } else { 0 });
        // The fields are the input (text) without quotes and separators, which are ASCII and so
        // never inside a character: they are text too. Should that ever fail, nothing is lost
        // but the record's characters that are not text.
        record.text = String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        found
    }
}

/// One record: its fields, one after another in `text`, and where it started.
#[derive(Clone, Debug, Default)]
pub(super) struct Record {
    text: String,
    ends: Vec<usize>,
    /// Byte (in the reader's input) and line where reading this record began.
    start: (usize, u64),
}

impl Record {
    /// The number of fields.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Field `i`, if there is one.
    pub(super) fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start..end)
    }

    /// The fields in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i).unwrap_or_default())
    }

    /// All fields together, without separators.
    pub(super) fn as_slice(&self) -> &str {
        &self.text
    }

    /// Byte (in the reader's input) and line where reading this record began; blank lines
    /// before it are counted in, as with the csv crate.
    pub(super) fn start(&self) -> (usize, u64) {
        self.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record as the csv crate reads it: fields, start byte and start line.
    fn by_csv_crate(text: &str, delimiter: u8, lf: bool) -> Vec<(Vec<String>, u64, u64)> {
        let terminator = if lf {
            csv::Terminator::Any(b'\n')
        } else {
            csv::Terminator::CRLF
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .terminator(terminator)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut out = Vec::new();
        while reader.read_record(&mut record).unwrap() {
            let p = record.position().unwrap();
            out.push((
                record.iter().map(String::from).collect(),
                p.byte(),
                p.line(),
            ));
        }
        out
    }

    fn by_us(text: &str, delimiter: u8, lf: bool) -> Vec<(Vec<String>, u64, u64)> {
        let mut reader = RecordReader::new(delimiter, text.as_bytes(), lf);
        let mut record = Record::default();
        let mut out = Vec::new();
        while reader.read(&mut record) {
            let (byte, line) = record.start();
            out.push((record.iter().map(String::from).collect(), byte as u64, line));
        }
        out
    }

    #[test]
    fn records_are_read_as_the_csv_crate_reads_them() {
        let long = "x".repeat(700);
        let many = vec!["f"; 40].join(";");
        for text in [
            "\u{FEFF}a;b\r\n1;\"two\nlines; \"\"q\"\"\"\r\n\r\n\n3;é\n".to_string(),
            "a;b\n\"unclosed;x\n4;5".to_string(),
            format!("a;b\n{long};{many}\n\n;;;\n  \n"),
            "a;b\rc;d\r\"e\r\";f".to_string(),
            String::new(),
            "\n\n\n".to_string(),
        ] {
            for lf in [true, false] {
                assert_eq!(
                    by_us(&text, b';', lf),
                    by_csv_crate(&text, b';', lf),
                    "{text:?} {lf}"
                );
            }
        }
    }
}
