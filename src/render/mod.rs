//! Turning data into text: the terminal view of entries. Renderers never query the journal.

pub mod layout;
pub mod shown;
pub mod terminal;

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

/// Writes `value` as pretty JSON followed by a newline.
pub fn json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}
