//! The moment log: small moments of reaching for connection — a bid, in Gottman's word — and
//! whether they were turned toward, away from or against. Gottman and Levenson observed that
//! couples who stayed together turned toward each other's bids far more often than couples
//! who later parted; mend only counts what was logged, it predicts nothing.

use chrono::{DateTime, NaiveDate, Utc};
use clap::ValueEnum;
use serde::{Deserialize, Serialize};

/// Who reached out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Reached {
    /// You reached out
    Me,
    /// Your partner reached out
    Partner,
}

/// How the bid was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Response {
    /// Noticed and answered, even briefly
    Toward,
    /// Missed or ignored
    Away,
    /// Met with irritation or hostility
    Against,
}

impl Reached {
    pub fn as_str(self) -> &'static str {
        match self {
            Reached::Me => "me",
            Reached::Partner => "partner",
        }
    }

    pub fn parse(text: &str) -> Option<Reached> {
        <Reached as ValueEnum>::from_str(text, true).ok()
    }

    /// "You reached out", "Your partner reached out".
    pub fn describe(self) -> &'static str {
        match self {
            Reached::Me => "you reached out",
            Reached::Partner => "your partner reached out",
        }
    }
}

impl Response {
    pub fn as_str(self) -> &'static str {
        match self {
            Response::Toward => "toward",
            Response::Away => "away",
            Response::Against => "against",
        }
    }

    pub fn parse(text: &str) -> Option<Response> {
        <Response as ValueEnum>::from_str(text, true).ok()
    }

    pub fn describe(self) -> &'static str {
        match self {
            Response::Toward => "turned toward",
            Response::Away => "turned away",
            Response::Against => "turned against",
        }
    }
}

/// A moment about to be logged.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMoment {
    pub day: NaiveDate,
    pub at: Option<DateTime<Utc>>,
    pub reached: Reached,
    pub response: Response,
    pub text: String,
}

/// A logged moment, in the shape of `mend moments --json` and the JSON export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Moment {
    pub id: i64,
    pub uuid: String,
    pub day: NaiveDate,
    pub created: DateTime<Utc>,
    pub reached: Reached,
    pub response: Response,
    pub text: String,
}

/// How a list of moments was met: the counts behind "turned toward N of M".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub toward: u32,
    pub away: u32,
    pub against: u32,
}

impl Tally {
    pub fn of<'a>(moments: impl IntoIterator<Item = &'a Moment>) -> Tally {
        let mut t = Tally::default();
        for m in moments {
            match m.response {
                Response::Toward => t.toward += 1,
                Response::Away => t.away += 1,
                Response::Against => t.against += 1,
            }
        }
        t
    }

    pub fn total(&self) -> u32 {
        self.toward + self.away + self.against
    }
}
