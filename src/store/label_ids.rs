//! The entries behind one label, read on their own: for labels whose entries a summary
//! names when it was built from counts rather than from entry ids.

use anyhow::Result;
use rusqlite::params;

use super::Journal;
use super::summary::Source;

impl Journal {
    /// The ids in `lo..=hi` of the entries carrying one label (feelings chosen or found).
    /// Ids may include entries in the trash or outside the window: callers keep their own.
    pub fn summary_label_ids(
        &self,
        source: Source,
        name: &str,
        lo: i64,
        hi: i64,
    ) -> Result<Vec<i64>> {
        let sql = match source {
            Source::Sign => {
                "SELECT entry_id FROM entry_signals WHERE kind = 'sign' AND name = ?1 \
                 AND entry_id BETWEEN ?2 AND ?3"
            }
            Source::Theme => {
                "SELECT entry_id FROM entry_signals WHERE kind = 'theme' AND name = ?1 \
                 AND entry_id BETWEEN ?2 AND ?3"
            }
            Source::FoundFeeling | Source::ChosenFeeling => {
                "SELECT entry_id FROM entry_feelings WHERE feeling = ?1 \
                 AND entry_id BETWEEN ?2 AND ?3 UNION \
                 SELECT entry_id FROM entry_signals WHERE kind = 'feeling' AND name = ?1 \
                 AND entry_id BETWEEN ?2 AND ?3"
            }
            Source::Tag => {
                "SELECT entry_id FROM entry_tags WHERE tag = ?1 AND entry_id BETWEEN ?2 AND ?3"
            }
        };
        let mut stmt = self.conn().prepare_cached(sql)?;
        let ids = stmt.query_map(params![name, lo, hi], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }
}
