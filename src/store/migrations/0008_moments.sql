-- Small moments of reaching for connection ("bids"): who reached, what it was, and how it
-- was met. Kept apart from entries: a moment is a line, not a journal entry.
CREATE TABLE moments (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid     TEXT NOT NULL UNIQUE,
    day      TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created  TEXT NOT NULL,
    -- Who reached out: 'me' (the writer) or 'partner'.
    reached  TEXT NOT NULL CHECK (reached IN ('me', 'partner')),
    -- How it was met: 'toward', 'away' or 'against'.
    response TEXT NOT NULL CHECK (response IN ('toward', 'away', 'against')),
    text     TEXT NOT NULL
);
CREATE INDEX moments_by_day ON moments (day, created, id);
