//! mend: a private, local-first journal for working through trust in relationships.
//!
//! The binary (`src/main.rs`) parses the command line and dispatches to `commands`; the
//! library holds everything else, so that tests and fuzz targets can reach the parsers.

pub mod analysis;
pub mod app;
pub mod ask;
pub mod cli;
pub mod commands;
pub mod compose;
pub mod config;
pub mod dates;
pub mod drafts;
pub mod editor;
pub mod feelings;
pub mod harden;
pub mod home;
pub mod interop;
pub mod interrupt;
pub mod math;
pub mod model;
pub mod moments;
pub mod pager;
pub mod progress;
pub mod prompts;
pub mod refs;
pub mod render;
pub mod report;
pub mod review;
pub mod secret;
pub mod settings;
pub mod sitting;
pub mod store;
pub mod summary;
pub mod text;
