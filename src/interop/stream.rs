//! Parsing an export as it is read: the outer layer is walked key by key and the entries one
//! at a time, so a 100,000-entry file never sits in memory. Tells which JSON format of the
//! table (`formats::FORMATS`) it is from the keys before the entries and the first entry.

use std::fmt;
use std::io::{BufReader, Read};

use anyhow::{Result, anyhow};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::formats::{Format, understood};
use super::guard::{Budget, too_big};
use super::importer::{Item, Options, Reader};
use super::readers;

/// How a document ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It has an entry list, this long.
    Entries(usize),
    /// Well-formed JSON with no "entries" at the top.
    NoEntries,
}

/// Reads one JSON document, handing its entries to `emit` in order.
pub(super) fn read<R: Read>(
    name: &str,
    reader: R,
    budget: &Budget,
    wanted: Option<Format>,
    options: &Options,
    emit: &mut dyn FnMut(Item) -> bool,
    moment: &mut dyn FnMut(MomentItem),
) -> Result<Outcome> {
    let mut ctx = Ctx {
        name,
        wanted,
        options,
        emit,
        moment,
        moments: 0,
        budget,
        format: None,
        declared: None,
        version: None,
        keys: Vec::new(),
        entries_key: false,
        in_list: false,
        count: 0,
        fatal: None,
        stopped: false,
    };
    let mut de = serde_json::Deserializer::from_reader(BufReader::with_capacity(1 << 16, reader));
    let parsed = Top(&mut ctx).deserialize(&mut de).and_then(|()| de.end());
    if let Err(e) = parsed {
        return Err(ctx.explain(e));
    }
    if !ctx.entries_key {
        return Ok(Outcome::NoEntries);
    }
    if ctx.format.is_none() {
        // An empty list: the keys around it must say what it is.
        ctx.choose(None)?;
    }
    Ok(Outcome::Entries(ctx.count))
}

/// One moment of a mend export's `"moments"`: ready to save, or why it cannot be.
pub type MomentItem = Result<crate::moments::Moment, super::Problem>;

struct Ctx<'a> {
    name: &'a str,
    wanted: Option<Format>,
    options: &'a Options,
    emit: &'a mut dyn FnMut(Item) -> bool,
    /// Where the moments of a mend export go, and how many there were.
    moment: &'a mut dyn FnMut(MomentItem),
    moments: usize,
    budget: &'a Budget,
    format: Option<Format>,
    /// The top-level "format" and "version", and the keys that tell formats apart met
    /// before the entries.
    declared: Option<Value>,
    version: Option<Value>,
    keys: Vec<String>,
    entries_key: bool,
    in_list: bool,
    count: usize,
    /// Why reading stopped, when it was not the JSON's fault.
    fatal: Option<anyhow::Error>,
    stopped: bool,
}

impl Ctx<'_> {
    fn stop<E: de::Error>(&mut self, why: anyhow::Error) -> E {
        self.fatal = Some(why);
        E::custom("stopped")
    }

    fn not_an_export(&self) -> anyhow::Error {
        anyhow!(
            "{} is not an export mend can read — {}",
            self.name,
            understood()
        )
    }

    /// Settles the format, from --format or from what has been read so far.
    fn choose(&mut self, first: Option<&Value>) -> Result<Format> {
        let format = match self.wanted {
            Some(format) => format,
            None => readers::detect_json(
                self.declared.as_ref(),
                &self.keys,
                first.and_then(Value::as_object),
            )
            .ok_or_else(|| {
                anyhow!(
                    "{} is not an export mend can read — {}; --format says which it is",
                    self.name,
                    understood()
                )
            })?,
        };
        self.format = Some(format);
        self.check_version()?;
        Ok(format)
    }

    /// A mend export from a newer mend is refused: its entries may mean more than this one
    /// understands.
    fn check_version(&self) -> Result<()> {
        let (Some(Format::Mend), Some(version)) = (self.format, &self.version) else {
            return Ok(());
        };
        match version.as_u64() {
            Some(v) if v <= super::mend::VERSION => Ok(()),
            Some(v) => Err(anyhow!(
                "{} was written by a newer mend (export format version {v}) — update mend to import it",
                self.name
            )),
            None => Err(anyhow!(
                "{}: \"version\" is not a number — nothing was imported",
                self.name
            )),
        }
    }

    fn entry(&mut self, value: Value) -> Result<bool> {
        self.count += 1;
        let format = match self.format {
            Some(f) => f,
            None => self.choose(Some(&value))?,
        };
        let (label, result) = match (&value, readers::reader(format)) {
            (Value::Object(o), Reader::Json(reader)) => {
                (reader.label(o), reader.record(o, self.options))
            }
            (Value::Object(_), Reader::Text(_)) => {
                (None, Err("this format is not JSON".to_string()))
            }
            _ => (None, Err("an entry must be a JSON object".to_string())),
        };
        let record = result.map_err(|reason| {
            let label = label.map(|l| format!(" ({l})")).unwrap_or_default();
            format!("{}: entry {}{label}: {reason}", self.name, self.count)
        });
        Ok((self.emit)(Item {
            number: self.count,
            record,
        }))
    }

    /// The moment log of a mend export: small, so read as one list.
    fn moment_list(&mut self, list: Value) -> Result<()> {
        let Value::Array(items) = list else {
            return Err(anyhow!(
                "{}: \"moments\" is not a list — nothing was imported",
                self.name
            ));
        };
        for item in items {
            self.moments += 1;
            let label = super::moments::label(&item)
                .map(|l| format!(" ({l})"))
                .unwrap_or_default();
            let number = self.moments;
            let record = super::moments::record(&item)
                .map_err(|why| format!("{}: moment {number}{label}: {why}", self.name));
            (self.moment)(record);
        }
        Ok(())
    }

    /// The one line for a document that could not be read to its end.
    fn explain(&mut self, e: serde_json::Error) -> anyhow::Error {
        let name = self.name;
        if self.stopped {
            return anyhow!("the import stopped before {name} was read");
        }
        if let Some(fatal) = self.fatal.take() {
            return fatal;
        }
        if self.budget.too_big.get() {
            return too_big(name);
        }
        if let Some(at) = self.budget.not_utf8.get() {
            return anyhow!(
                "{name} is not UTF-8 text (a stray byte at position {at}) — {}",
                understood()
            );
        }
        match e.classify() {
            serde_json::error::Category::Io => {
                let e = std::io::Error::from(e);
                anyhow!(
                    "could not read {name} ({e}) — check that the file is there and readable by you"
                )
            }
            serde_json::error::Category::Data if self.entries_key && !self.in_list => {
                anyhow!("{name}: \"entries\" is not a list — nothing was imported")
            }
            serde_json::error::Category::Data => self.not_an_export(),
            _ => anyhow!(
                "{name} is not valid JSON ({e}) — nothing was imported; {}",
                understood()
            ),
        }
    }
}

/// The document: an object with "entries", or a bare list of entries.
struct Top<'c, 'a>(&'c mut Ctx<'a>);

impl<'de> DeserializeSeed<'de> for Top<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Top<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an export")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        // A plain list of entries, such as `mend list --json` prints.
        self.0.entries_key = true;
        Entries(self.0).visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let ctx = self.0;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "entries" if !ctx.entries_key => {
                    ctx.entries_key = true;
                    ctx.budget.before_entries.set(false);
                    map.next_value_seed(Entries(ctx))?;
                }
                "moments" => {
                    let list: Value = map.next_value()?;
                    if let Err(e) = ctx.moment_list(list) {
                        return Err(ctx.stop(e));
                    }
                }
                "format" => ctx.declared = Some(map.next_value()?),
                "version" => {
                    ctx.version = Some(map.next_value()?);
                    if let Err(e) = ctx.check_version() {
                        return Err(ctx.stop(e));
                    }
                }
                other => {
                    if readers::is_telling_key(other) && !ctx.keys.iter().any(|k| k == other) {
                        ctx.keys.push(other.to_string());
                    }
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// The list of entries, read one at a time.
struct Entries<'c, 'a>(&'c mut Ctx<'a>);

impl<'de> DeserializeSeed<'de> for Entries<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Entries<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of entries")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let ctx = self.0;
        ctx.in_list = true;
        ctx.budget.before_entries.set(false);
        while let Some(value) = seq.next_element::<Value>()? {
            match ctx.entry(value) {
                Ok(true) => {}
                Ok(false) => {
                    ctx.stopped = true;
                    return Err(de::Error::custom("stopped"));
                }
                Err(e) => return Err(ctx.stop(e)),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interop::source::Source;

    /// Reads `text` as an import and gives its entries (records or problems) or its error.
    fn read_all(text: &str, wanted: Option<Format>) -> Result<Vec<Item>> {
        let mut items = Vec::new();
        Source::from_bytes("x.json", text.as_bytes().to_vec()).entries(
            wanted,
            &Options::default(),
            &|_| {},
            &mut |item| {
                items.push(item);
                true
            },
        )?;
        Ok(items)
    }

    fn error_of(text: &str) -> String {
        read_all(text, None).unwrap_err().to_string()
    }

    #[test]
    fn tells_the_formats_apart() {
        let mend = r#"{"format": "mend", "version": 1, "entries": [
            {"id": 3, "uuid": "6f1c1f3e-2a6b-4a57-9a4e-0d1f6b2b9e10", "day": "2026-11-21",
             "created": "2026-11-21T10:00:00Z", "body": "Hello."}]}"#;
        let items = read_all(mend, None).unwrap();
        assert_eq!(items[0].record.as_ref().unwrap().order, Some(3));
        let jrnl = r#"{"tags": {}, "entries": [{"title": "Hi.", "body": "", "date": "2026-11-21",
            "time": "10:00", "tags": ["@x"], "starred": false}]}"#;
        let items = read_all(jrnl, None).unwrap();
        assert_eq!(items[0].record.as_ref().unwrap().item.entry.tags, ["x"]);
        let items = read_all(
            r#"{"metadata": {"version": "1.0"}, "entries": [{"text": "x"}]}"#,
            None,
        )
        .unwrap();
        let problem = items[0].record.as_ref().unwrap_err();
        assert!(problem.contains("\"uuid\" is missing"), "{problem}");
        let bare = r#"[{"uuid": "6f1c1f3e-2a6b-4a57-9a4e-0d1f6b2b9e10", "day": "2026-11-21",
            "created": "2026-11-21T10:00:00Z", "body": "Listed."}]"#;
        let items = read_all(bare, None).unwrap();
        assert_eq!(items[0].record.as_ref().unwrap().item.entry.body, "Listed.");
        assert!(
            read_all(r#"{"format": "mend", "entries": []}"#, None)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn whole_file_problems_are_one_line_each() {
        let e = error_of(r#"{"notes": []}"#);
        assert!(e.contains("not an export mend can read"), "{e}");
        let e = error_of(r#"{"format": "other", "entries": [{"a": 1}]}"#);
        assert!(e.contains("not an export mend can read"), "{e}");
        let e = error_of(r#"{"format": "mend", "entries": [1, 2"#);
        assert!(e.contains("not valid JSON"), "{e}");
        let e = error_of(r#"{"format": "mend", "entries": []} trailing"#);
        assert!(e.contains("not valid JSON"), "{e}");
        let e = error_of("42");
        assert!(e.contains("not an export"), "{e}");
        let e = error_of(r#"{"format": "mend", "version": 9, "entries": []}"#);
        assert!(e.contains("newer mend"), "{e}");
        let e = error_of(r#"{"format": "mend", "entries": [], "version": 9}"#);
        assert!(e.contains("newer mend"), "{e}");
        let e = error_of(r#"{"format": "mend", "version": "one", "entries": []}"#);
        assert!(e.contains("\"version\" is not a number"), "{e}");
        let e = error_of(r#"{"format": "mend", "entries": {}}"#);
        assert!(e.contains("not a list"), "{e}");
        let e = error_of("\u{feff}[1, 2]");
        assert!(e.contains("not an export mend can read"), "{e}");
    }

    #[test]
    fn entries_that_are_not_objects_are_named() {
        let items = read_all(r#"[1]"#, Some(Format::Mend)).unwrap();
        assert_eq!(
            items[0].record.as_ref().unwrap_err(),
            "x.json: entry 1: an entry must be a JSON object"
        );
    }

    #[test]
    fn the_reader_stops_when_told() {
        let text = format!("[{}]", vec!["{}"; 100].join(","));
        let mut seen = 0;
        let e = Source::from_bytes("x.json", text.into_bytes())
            .entries(
                Some(Format::Mend),
                &Options::default(),
                &|_| {},
                &mut |_| {
                    seen += 1;
                    seen < 3
                },
            )
            .unwrap_err();
        assert_eq!(seen, 3);
        assert!(e.to_string().contains("stopped"), "{e}");
    }
}
