//! One module per subcommand.

pub mod admin;
pub mod demo_data;
pub mod export_program;
pub mod module;
pub mod score;
pub mod serve;
pub mod survey;
pub mod training;

/// Writes command output to standard output. A reader that stops early (`… | head`) is no
/// error: the rest of the output is simply not wanted.
pub(crate) fn emit(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
