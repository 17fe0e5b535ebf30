//! The formats `mend import` reads, in one table: the name `--format` takes, the words
//! messages and `--help` use, and whether it may come zipped. Each format's reader is in a
//! file of its own (it implements a trait of `importer.rs`), and `readers.rs` says which
//! reader reads it and tells the formats apart.
//!
//! Adding a format: its file, a variant of `Format` with its row here, and its arm in
//! `readers::reader` (the compiler asks for it). `--format`, detection and the messages follow.

/// A format mend imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Mend,
    DayOne,
    Jrnl,
    Daylio,
}

/// One row of the table.
pub struct Spec {
    pub format: Format,
    /// The name `--format` takes.
    pub name: &'static str,
    /// The name people know it by, for messages.
    pub title: &'static str,
    /// What it is, for `--help`.
    pub help: &'static str,
    /// How messages name the files mend reads ("jrnl JSON (`jrnl --export json`)").
    pub about: &'static str,
    /// Whether its exports may come as a .zip of JSON files.
    pub zipped: bool,
}

/// Every format, in the order detection asks them.
pub static FORMATS: [Spec; 4] = [
    Spec {
        format: Format::Mend,
        name: "mend",
        title: "mend",
        help: "A mend JSON export",
        about: "mend JSON (`mend export --format json`)",
        zipped: false,
    },
    Spec {
        format: Format::DayOne,
        name: "dayone",
        title: "Day One",
        help: "A Day One JSON export (Journal.json, or the export .zip)",
        about: "Day One JSON exports (Journal.json or the export .zip)",
        zipped: true,
    },
    Spec {
        format: Format::Jrnl,
        name: "jrnl",
        title: "jrnl",
        help: "`jrnl --export json`",
        about: "jrnl JSON (`jrnl --export json`)",
        zipped: false,
    },
    Spec {
        format: Format::Daylio,
        name: "daylio",
        title: "Daylio",
        help: "A Daylio CSV export",
        about: "Daylio CSV exports",
        zipped: false,
    },
];

impl Format {
    /// Its row of the table.
    pub fn spec(self) -> &'static Spec {
        FORMATS
            .iter()
            .find(|s| s.format == self)
            .expect("every format has a row in FORMATS (checked by a test)")
    }

    /// The format `--format NAME` names.
    pub fn named(name: &str) -> Option<Format> {
        FORMATS.iter().find(|s| s.name == name).map(|s| s.format)
    }
}

/// "mend reads A, B and C", for messages about a file mend cannot read.
pub fn understood() -> String {
    let abouts: Vec<&str> = FORMATS.iter().map(|s| s.about).collect();
    let (last, rest) = abouts.split_last().expect("the table is not empty");
    format!("mend reads {}, and {last}", rest.join(", "))
}

/// The formats whose exports may come as a zip.
pub fn zipped() -> impl Iterator<Item = &'static Spec> {
    FORMATS.iter().filter(|s| s.zipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails to compile when a variant is added, until it is listed here too.
    fn listed(format: Format) -> Format {
        match format {
            Format::Mend | Format::DayOne | Format::Jrnl | Format::Daylio => format,
        }
    }

    #[test]
    fn every_format_has_one_row_and_a_name_of_its_own() {
        for format in [Format::Mend, Format::DayOne, Format::Jrnl, Format::Daylio].map(listed) {
            assert_eq!(
                FORMATS.iter().filter(|s| s.format == format).count(),
                1,
                "{format:?}"
            );
            assert_eq!(Format::named(format.spec().name), Some(format));
        }
        assert_eq!(Format::named("auto"), None);
    }

    #[test]
    fn the_message_names_every_format() {
        let words = understood();
        for spec in &FORMATS {
            assert!(words.contains(spec.about), "{words}");
        }
    }
}
