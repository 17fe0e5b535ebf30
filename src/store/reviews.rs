//! Reviews (`mend review`): entries whose `data` is `{"kind": "review", ...}` (the view
//! `reviews` of migration 0011 shows them as columns). Read here for the next review's
//! "last intention", the summary's tally of intentions kept, and the nudge.

use anyhow::Result;
use chrono::NaiveDate;

use super::Journal;
use crate::review::Review;

/// A saved review and the entry that holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub entry: i64,
    pub day: NaiveDate,
    pub review: Review,
}

const SELECT: &str = "SELECT e.id, e.day, e.data FROM entries e \
     WHERE e.deleted_at IS NULL AND e.data IS NOT NULL AND json_valid(e.data) \
     AND json_extract(e.data, '$.kind') = 'review'";

impl Journal {
    /// The newest review (outside the trash) that set an intention, written on or before
    /// `day`.
    pub fn last_intention(&self, day: NaiveDate) -> Result<Option<Saved>> {
        let sql = format!(
            "{SELECT} AND e.day <= ?1 AND coalesce(json_extract(e.data, '$.intention'), '') <> '' \
             ORDER BY e.day DESC, e.created DESC, e.id DESC LIMIT 1"
        );
        Ok(self.reviews_where(&sql, &[&day.to_string()])?.pop())
    }

    /// The reviews written from `from` to `to` (both included), oldest first.
    pub fn reviews_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Saved>> {
        let sql =
            format!("{SELECT} AND e.day >= ?1 AND e.day <= ?2 ORDER BY e.day, e.created, e.id");
        self.reviews_where(&sql, &[&from.to_string(), &to.to_string()])
    }

    /// Entries (the trash included) whose data says they are a review but cannot be read as
    /// one: `mend check` names them.
    pub fn unreadable_reviews(&self) -> Result<Vec<i64>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, data FROM entries WHERE data IS NOT NULL AND json_valid(data) \
             AND json_extract(data, '$.kind') = 'review' ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        let mut bad = Vec::new();
        for row in rows {
            let (id, data) = row?;
            let value = serde_json::from_str(&data).ok();
            if Review::from_fields(value.as_ref()).is_none() {
                bad.push(id);
            }
        }
        Ok(bad)
    }

    fn reviews_where(&self, sql: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<Saved>> {
        let mut stmt = self.conn().prepare_cached(sql)?;
        let rows = stmt.query_map(args, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (entry, day, data) = row?;
            // A review edited by hand into something else is simply not one any more.
            let value: serde_json::Value = match serde_json::from_str(&data) {
                Ok(v) => v,
                Err(_) => continue,
            };
            if let (Some(review), Ok(day)) = (Review::from_fields(Some(&value)), day.parse()) {
                out.push(Saved { entry, day, review });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::model::NewEntry;
    use crate::review::{Kept, Span};

    #[test]
    fn the_last_intention_and_the_reviews_of_a_period() {
        let j = Journal::open_in_memory().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 29, 12, 0, 0).unwrap();
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let save = |d: &str, intention: Option<&str>, kept: Option<Kept>| {
            let mut r = Review::new(Span::Week, day(d), vec![]);
            r.intention = intention.map(str::to_string);
            r.kept = kept;
            let entry = NewEntry {
                body: r.body(),
                fields: Some(r.to_value()),
                ..NewEntry::on(day(d))
            };
            j.insert(&entry, now).unwrap()
        };
        save("2026-11-08", Some("Walk together"), None);
        let second = save("2026-11-15", Some("Ask, not assume"), Some(Kept::Yes));
        save("2026-11-22", None, Some(Kept::No));
        j.insert(&NewEntry::on(day("2026-11-23")), now).unwrap();

        let last = j.last_intention(day("2026-11-29")).unwrap().unwrap();
        assert_eq!(last.entry, second);
        assert_eq!(last.review.intention.as_deref(), Some("Ask, not assume"));
        assert!(j.last_intention(day("2026-11-01")).unwrap().is_none());
        let period = j
            .reviews_between(day("2026-11-10"), day("2026-11-29"))
            .unwrap();
        let kept: Vec<Option<Kept>> = period.iter().map(|s| s.review.kept).collect();
        assert_eq!(kept, [Some(Kept::Yes), Some(Kept::No)]);
        let in_view: i64 = j
            .conn()
            .query_row("SELECT count(*) FROM reviews WHERE kept = 'yes'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(in_view, 1);
        assert!(j.unreadable_reviews().unwrap().is_empty());
        j.conn()
            .execute(
                "UPDATE entries SET data = json_set(data, '$.kept', 'often') WHERE id = ?",
                [second],
            )
            .unwrap();
        assert_eq!(j.unreadable_reviews().unwrap(), vec![second]);
    }
}
