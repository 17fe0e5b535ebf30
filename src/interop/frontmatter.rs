//! YAML front matter for the files of a split export, as Obsidian and static-site tools read
//! it. Only keys with values are written; text is always double-quoted with YAML escapes.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::model::Entry;

/// The facts of one file: an entry, or the entries of a day or month.
#[derive(Debug, Default)]
pub struct Facts {
    first_day: Option<NaiveDate>,
    count: usize,
    moods: Vec<u8>,
    feelings: BTreeSet<String>,
    tags: BTreeSet<String>,
    prompts: Vec<String>,
    themes: BTreeSet<String>,
}

impl Facts {
    pub fn add(&mut self, entry: &Entry) {
        self.first_day.get_or_insert(entry.day);
        self.count += 1;
        self.moods.extend(entry.mood.map(|m| m.value()));
        self.feelings.extend(entry.feelings.iter().cloned());
        self.tags.extend(entry.tags.iter().cloned());
        if let Some(p) = &entry.prompt {
            if !self.prompts.contains(&p.id) {
                self.prompts.push(p.id.clone());
            }
            self.themes.extend(p.theme.iter().cloned());
        }
    }

    pub fn count(&self) -> usize {
        self.count
    }

    /// Front matter of a file holding exactly one entry: `date`, `mood`, `feelings`, `tags`,
    /// `prompt` and `theme`.
    pub fn for_entry(&self) -> String {
        let mut y = Yaml::default();
        y.day("date", self.first_day);
        if let Some(m) = self.moods.first() {
            y.line("mood", &m.to_string());
        }
        y.list("feelings", &self.feelings);
        y.list("tags", &self.tags);
        if let Some(p) = self.prompts.first() {
            y.line("prompt", &quote(p));
        }
        if let Some(t) = self.themes.first() {
            y.line("theme", &quote(t));
        }
        y.finish()
    }

    /// Front matter of a day's or a month's file: `date` (the first day), `month` (month files),
    /// `entries`, `mood` (the average of the moods given), `feelings`, `tags`, `prompts` and
    /// `themes`.
    pub fn for_group(&self, month: Option<&str>) -> String {
        let mut y = Yaml::default();
        y.day("date", self.first_day);
        if let Some(m) = month {
            y.line("month", &quote(m));
        }
        y.line("entries", &self.count.to_string());
        if !self.moods.is_empty() {
            let sum: u32 = self.moods.iter().map(|&m| u32::from(m)).sum();
            let tenths = (f64::from(sum) * 10.0 / self.moods.len() as f64).round() / 10.0;
            y.line("mood", &tenths.to_string());
        }
        y.list("feelings", &self.feelings);
        y.list("tags", &self.tags);
        y.list("prompts", &self.prompts);
        y.list("themes", &self.themes);
        y.finish()
    }
}

#[derive(Default)]
struct Yaml(String);

impl Yaml {
    fn line(&mut self, key: &str, value: &str) {
        self.0.push_str(&format!("{key}: {value}\n"));
    }

    fn day(&mut self, key: &str, day: Option<NaiveDate>) {
        if let Some(d) = day {
            self.line(key, &d.format("%Y-%m-%d").to_string());
        }
    }

    fn list<'a>(&mut self, key: &str, items: impl IntoIterator<Item = &'a String>) {
        let mut items = items.into_iter().peekable();
        if items.peek().is_none() {
            return;
        }
        self.0.push_str(&format!("{key}:\n"));
        for item in items {
            self.0.push_str(&format!("  - {}\n", quote(item)));
        }
    }

    fn finish(self) -> String {
        format!("---\n{}---\n", self.0)
    }
}

/// A YAML double-quoted scalar: backslash, quote and every character YAML does not allow
/// as it is (control characters, byte-order marks, non-characters) are escaped.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if printable(c) => out.push(c),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// YAML 1.2's printable characters, less the byte-order mark.
fn printable(c: char) -> bool {
    matches!(c as u32,
        0x20..=0x7e | 0x85 | 0xa0..=0xd7ff | 0xe000..=0xfefe | 0xff00..=0xfffd | 0x10000..=0x10ffff)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mood, PromptRef};
    use chrono::{TimeZone, Utc};

    fn entry(day: &str, mood: Option<u8>, tags: &[&str]) -> Entry {
        let t = Utc.with_ymd_and_hms(2026, 11, 21, 18, 30, 0).unwrap();
        Entry {
            id: 1,
            uuid: "u".into(),
            day: day.parse().unwrap(),
            created: t,
            updated: t,
            mood: mood.and_then(Mood::new),
            feelings: vec!["hope".into()],
            tags: tags.iter().map(|s| s.to_string()).collect(),
            prompt: Some(PromptRef {
                id: "trust/first".into(),
                text: "Q".into(),
                theme: Some("trust".into()),
            }),
            path: None,
            fields: None,
            body: String::new(),
            deleted: None,
        }
    }

    #[test]
    fn quotes_anything_safely() {
        assert_eq!(quote("plain"), "\"plain\"");
        assert_eq!(
            quote("a \"b\" \\ c\nd\u{7}\u{feff}\u{85}é"),
            "\"a \\\"b\\\" \\\\ c\\nd\\u0007\\ufeff\u{85}é\""
        );
    }

    #[test]
    fn entry_and_group_front_matter() {
        let mut one = Facts::default();
        one.add(&entry("2026-11-21", Some(4), &["partner"]));
        assert_eq!(
            one.for_entry(),
            "---\ndate: 2026-11-21\nmood: 4\nfeelings:\n  - \"hope\"\ntags:\n  - \"partner\"\nprompt: \"trust/first\"\ntheme: \"trust\"\n---\n"
        );
        let mut month = Facts::default();
        month.add(&entry("2026-11-02", Some(4), &[]));
        month.add(&entry("2026-11-21", Some(1), &["walk"]));
        month.add(&entry("2026-11-22", None, &[]));
        let y = month.for_group(Some("2026-11"));
        assert!(
            y.starts_with("---\ndate: 2026-11-02\nmonth: \"2026-11\"\nentries: 3\nmood: 2.5\n"),
            "{y}"
        );
        assert!(
            y.contains("prompts:\n  - \"trust/first\"\nthemes:\n  - \"trust\"\n---\n"),
            "{y}"
        );
        assert_eq!(month.count(), 3);
    }
}
