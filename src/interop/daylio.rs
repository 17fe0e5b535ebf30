//! Entries of a Daylio CSV export. The columns are
//! `full_date,date,weekday,time,mood,activities,note_title,note` (older exports:
//! `year,date,weekday,time,mood,activities,note`); activities are separated by ` | `, and the
//! mood is a label (rad, good, meh, bad, awful by default, which people may rename, several
//! to a level). Moods become 1–5 through a `MoodMap`; activities become tags; the note's
//! title and text become the body.

use std::io::Read;

use chrono::{NaiveDate, NaiveTime};
use uuid::Uuid;

use anyhow::{Result, anyhow, bail};

use super::importer::{Item, Options, TextRows};
use super::moods::MoodMap;
use super::{Found, Problem, Record, check_body_size, derived_uuid, local_moment};

/// Namespace of the uuids made for Daylio entries (which have none in the export): the same
/// row always gets the same uuid, so importing a file twice adds nothing the second time.
const NAMESPACE: Uuid = Uuid::from_u128(0x8a61_3f0e_52c4_4d8e_b7a9_0c2e_61d4_f5b3);

/// Whether a first line is a Daylio export's header.
pub fn is_header(line: &str) -> bool {
    let line = line
        .trim_start_matches('\u{feff}')
        .trim()
        .to_ascii_lowercase();
    line.starts_with("full_date,date,weekday,time,mood,activities")
        || line.starts_with("year,date,weekday,time,mood,activities")
}

/// Which column holds what: the two export layouts differ.
struct Columns {
    full_date: Option<usize>,
    year: Option<usize>,
    date: usize,
    time: usize,
    mood: usize,
    activities: usize,
    title: Option<usize>,
    note: usize,
}

impl Columns {
    fn of(header: &csv::StringRecord) -> Result<Columns, Problem> {
        let find = |name: &str| {
            header.iter().position(|h| {
                h.trim_start_matches('\u{feff}')
                    .trim()
                    .eq_ignore_ascii_case(name)
            })
        };
        let need = |name: &str| {
            find(name).ok_or_else(|| format!("the Daylio export has no \"{name}\" column"))
        };
        let columns = Columns {
            full_date: find("full_date"),
            year: find("year"),
            date: need("date")?,
            time: need("time")?,
            mood: need("mood")?,
            activities: need("activities")?,
            title: find("note_title"),
            note: need("note")?,
        };
        if columns.full_date.is_none() && columns.year.is_none() {
            return Err(
                "the Daylio export has neither a \"full_date\" nor a \"year\" column".into(),
            );
        }
        Ok(columns)
    }
}

/// One row of the export, read.
#[derive(Debug)]
pub struct Row {
    /// Its line in the file (the header is line 1).
    pub line: u64,
    /// Its date as written, for messages.
    pub date: Option<String>,
    pub record: Result<Record, Problem>,
}

/// The export's rows as records, in the order of the file.
pub struct Rows<R: Read> {
    csv: csv::Reader<R>,
    columns: Columns,
    moods: MoodMap,
    row: csv::StringRecord,
    /// Why reading stopped before the end: what follows a broken row cannot be trusted.
    pub broken: Option<csv::Error>,
}

impl<R: Read> Rows<R> {
    pub fn new(input: R, moods: MoodMap) -> Result<Rows<R>, csv::Error> {
        let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(input);
        let header = csv.headers()?.clone();
        Ok(Rows {
            columns: Columns::of(&header)
                .map_err(|p| csv::Error::from(std::io::Error::other(p)))?,
            csv,
            moods,
            row: csv::StringRecord::new(),
            broken: None,
        })
    }
}

impl<R: Read> Iterator for Rows<R> {
    type Item = Row;

    fn next(&mut self) -> Option<Row> {
        if self.broken.is_some() {
            return None;
        }
        match self.csv.read_record(&mut self.row) {
            Ok(false) => None,
            Ok(true) => {
                let c = &self.columns;
                let field = |i: usize| self.row.get(i).unwrap_or("").trim();
                let date = match (c.full_date, c.year) {
                    (Some(i), _) => field(i).to_string(),
                    (None, year) => format!("{} {}", field(c.date), year.map(field).unwrap_or("")),
                };
                Some(Row {
                    line: self.row.position().map_or(0, |p| p.line()),
                    date: (!date.trim().is_empty()).then(|| super::shorten(date.trim())),
                    record: record(&self.row, c, &self.moods),
                })
            }
            Err(e) => {
                self.broken = Some(e);
                None
            }
        }
    }
}

/// The row of `interop::formats::FORMATS` for Daylio.
pub struct Importer;

impl TextRows for Importer {
    fn is_header(&self, line: &str) -> bool {
        is_header(line)
    }

    fn read(
        &self,
        name: &str,
        text: &mut dyn Read,
        options: &Options,
        emit: &mut dyn FnMut(Item) -> bool,
    ) -> Result<usize> {
        let mut rows = Rows::new(text, options.moods.clone()).map_err(|e| unreadable(name, &e))?;
        let mut count = 0;
        for row in rows.by_ref() {
            count += 1;
            let date = row.date.map(|d| format!(" ({d})")).unwrap_or_default();
            let record = row
                .record
                .map_err(|reason| format!("{name}: line {}{date}: {reason}", row.line));
            if !emit(Item {
                number: count,
                record,
            }) {
                bail!("the import stopped before {name} was read");
            }
        }
        match rows.broken {
            Some(e) => Err(unreadable(name, &e)),
            None => Ok(count),
        }
    }
}

/// The one line for a file that cannot be read as a Daylio export.
fn unreadable(name: &str, e: &csv::Error) -> anyhow::Error {
    let line = e
        .position()
        .map(|p| format!(" at line {}", p.line()))
        .unwrap_or_default();
    match e.kind() {
        csv::ErrorKind::Io(io) => anyhow!("{name}{line}: {io} — nothing was imported"),
        _ => anyhow!(
            "{name}{line} cannot be read as a Daylio CSV export ({e}) — nothing was imported"
        ),
    }
}

fn record(row: &csv::StringRecord, c: &Columns, moods: &MoodMap) -> Result<Record, Problem> {
    let field = |i: usize| row.get(i).unwrap_or("").trim();
    let day = match c.full_date {
        Some(i) => NaiveDate::parse_from_str(field(i), "%Y-%m-%d")
            .map_err(|_| format!("full_date {:?} is not a date such as 2024-05-01", field(i)))?,
        None => {
            let year = c.year.map(field).unwrap_or("");
            old_day(year, field(c.date))?
        }
    };
    let time = clock(field(c.time))?;
    let label = field(c.mood);
    let mood = match label {
        "" => None,
        _ => Some(moods.get(label).ok_or_else(|| {
            format!(
                "the mood {label:?} is not one mend knows — add it with --mood-map, e.g. --mood-map \"{}=4\"",
                label.to_lowercase()
            )
        })?),
    };
    let activities: Vec<String> = field(c.activities)
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect();
    let title = c.title.map(field).unwrap_or("");
    let note = note_text(row.get(c.note).unwrap_or(""));
    let body = match (title.is_empty(), note.is_empty()) {
        (true, _) => note.clone(),
        (false, true) => title.to_string(),
        (false, false) => format!("{title}\n\n{note}"),
    };
    check_body_size(&body)?;
    let created = local_moment(day.and_time(time));
    let uuid = derived_uuid(
        &NAMESPACE,
        &[
            &day.to_string(),
            field(c.time),
            label,
            field(c.activities),
            title,
            &note,
        ],
    );
    Ok(Record::found(Found {
        uuid,
        day,
        created,
        updated: created,
        body,
        mood,
        tags: activities,
        starred: false,
    }))
}

/// Older exports: a `year` column and a `date` such as "May 1" or "1 May".
fn old_day(year: &str, date: &str) -> Result<NaiveDate, Problem> {
    let text = format!("{date} {year}");
    ["%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&text, f).ok())
        .ok_or_else(|| format!("the date {date:?} of {year:?} is not a day mend can read"))
}

/// "20:46", "8:46 pm", "8:46 PM", "08:46".
fn clock(text: &str) -> Result<NaiveTime, Problem> {
    let lower = text.to_lowercase();
    ["%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M%p", "%I:%M:%S %p"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(&lower, f).ok())
        .ok_or_else(|| format!("time {text:?} is not a time of day such as 20:46 or 8:46 pm"))
}

/// Notes keep their words; the line breaks Daylio writes as `<br>` become real ones.
fn note_text(raw: &str) -> String {
    let mut text = raw.to_string();
    for br in ["<br/>", "<br />", "<br>", "<BR>"] {
        text = text.replace(br, "\n");
    }
    text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mood;

    const NEW: &str = "full_date,date,weekday,time,mood,activities,note_title,note\n\
        2024-05-02,May 2,Thursday,21:15,meh,work | partner,Long day,\"We talked about the trip.<br>He listened. #talk\"\n\
        2024-05-01,May 1,Wednesday,8:05 am,rad,,,\n";

    fn rows(text: &str, moods: MoodMap) -> Vec<(u64, Result<Record, Problem>)> {
        Rows::new(text.as_bytes(), moods)
            .unwrap()
            .map(|row| (row.line, row.record))
            .collect()
    }

    #[test]
    fn reads_the_current_layout() {
        let got = rows(NEW, MoodMap::default());
        assert_eq!(got.len(), 2);
        let (line, first) = &got[0];
        assert_eq!(*line, 2);
        let e = &first.as_ref().unwrap().item.entry;
        assert_eq!(e.day.to_string(), "2024-05-02");
        assert_eq!(
            e.body,
            "Long day\n\nWe talked about the trip.\nHe listened. #talk"
        );
        assert_eq!(e.mood, Mood::new(3));
        assert_eq!(e.tags, ["work", "partner", "talk"]);
        let e = &got[1].1.as_ref().unwrap().item.entry;
        assert_eq!(e.mood, Mood::new(5));
        assert_eq!(e.body, "");
        // Importing the same row again gives the same entry.
        let again = rows(NEW, MoodMap::default());
        assert_eq!(
            again[0].1.as_ref().unwrap().item.uuid,
            first.as_ref().unwrap().item.uuid
        );
    }

    #[test]
    fn reads_the_older_layout() {
        let text = "year,date,weekday,time,mood,activities,note\n\
            2019,May 12,Sunday,8:46 pm,good,friends,\"A quiet walk\"\n\
            2019,3 June,Monday,07:10,awful,,\n";
        let got = rows(text, MoodMap::default());
        let e = &got[0].1.as_ref().unwrap().item.entry;
        assert_eq!(e.day.to_string(), "2019-05-12");
        assert_eq!(e.mood, Mood::new(4));
        assert_eq!(e.body, "A quiet walk");
        let e = &got[1].1.as_ref().unwrap().item.entry;
        assert_eq!(e.day.to_string(), "2019-06-03");
        assert_eq!(e.mood, Mood::new(1));
    }

    #[test]
    fn renamed_moods_need_a_map_and_an_unknown_one_is_named() {
        let text = "full_date,date,weekday,time,mood,activities,note_title,note\n\
            2024-05-01,May 1,Wednesday,10:00,super,,,x\n\
            2024-05-01,May 1,Wednesday,11:00,so-so,,,y\n";
        let got = rows(text, MoodMap::default());
        let problem = got[0].1.as_ref().unwrap_err();
        assert!(
            problem.contains("\"super\"") && problem.contains("--mood-map"),
            "{problem}"
        );
        let got = rows(text, MoodMap::with("super=5, so-so=3").unwrap());
        assert_eq!(got[0].1.as_ref().unwrap().item.entry.mood, Mood::new(5));
        assert_eq!(got[1].1.as_ref().unwrap().item.entry.mood, Mood::new(3));
        for bad in ["super", "super=9", "=3"] {
            assert!(MoodMap::with(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bad_rows_are_named_by_line() {
        let text = "full_date,date,weekday,time,mood,activities,note_title,note\n\
            2024-02-30,Feb 30,Friday,10:00,good,,,x\n\
            2024-02-01,Feb 1,Thursday,25:00,good,,,x\n";
        let got = rows(text, MoodMap::default());
        assert_eq!(got[0].0, 2);
        assert!(got[0].1.as_ref().unwrap_err().contains("2024-02-30"));
        assert_eq!(got[1].0, 3);
        assert!(got[1].1.as_ref().unwrap_err().contains("25:00"));
        assert!(Rows::new("date,mood\n".as_bytes(), MoodMap::default()).is_err());
    }

    #[test]
    fn headers_are_recognised() {
        assert!(is_header(NEW.lines().next().unwrap()));
        assert!(is_header(
            "\u{feff}year,date,weekday,time,mood,activities,note"
        ));
        assert!(!is_header("{\"entries\": []}"));
    }
}
