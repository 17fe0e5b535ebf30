//! Mood labels and the moods 1–5 they stand for, for exports that keep moods as words
//! (Daylio's rad, good, meh, bad and awful, which people may rename, several to a level).

use std::collections::HashMap;

use crate::model::Mood;

/// Daylio's five default mood labels, best first.
const DEFAULT_MOODS: [(&str, u8); 5] = [
    ("rad", 5),
    ("good", 4),
    ("meh", 3),
    ("bad", 2),
    ("awful", 1),
];

/// Mood labels and the mood each means: Daylio's defaults, with the person's own on top.
#[derive(Debug, Clone)]
pub struct MoodMap(HashMap<String, Mood>);

impl Default for MoodMap {
    fn default() -> Self {
        MoodMap(
            DEFAULT_MOODS
                .iter()
                .filter_map(|(label, n)| Some((label.to_string(), Mood::new(*n)?)))
                .collect(),
        )
    }
}

impl MoodMap {
    /// `--mood-map "rad=5,good=4,fine=3"`: labels added to (or replacing) the defaults.
    pub fn with(spec: &str) -> Result<MoodMap, String> {
        let mut map = MoodMap::default();
        for pair in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (label, value) = pair.rsplit_once('=').ok_or_else(|| {
                format!("{pair:?} in --mood-map is not label=mood — write it like \"rad=5,good=4\"")
            })?;
            let mood =
                Mood::parse(value.trim()).map_err(|e| format!("{pair:?} in --mood-map: {e}"))?;
            let label = label.trim().to_lowercase();
            if label.is_empty() {
                return Err(format!(
                    "{pair:?} in --mood-map has no label — write it like \"rad=5\""
                ));
            }
            map.0.insert(label, mood);
        }
        Ok(map)
    }

    pub fn get(&self, label: &str) -> Option<Mood> {
        self.0.get(&label.trim().to_lowercase()).copied()
    }
}
