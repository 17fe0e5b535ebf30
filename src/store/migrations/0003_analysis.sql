-- What the write-time analysis found in each entry (computed once, when the entry is saved).
CREATE TABLE entry_analysis (
    entry_id   INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    valence    REAL NOT NULL,
    words      INTEGER NOT NULL,
    insight    INTEGER NOT NULL,
    causal     INTEGER NOT NULL,
    absolutist INTEGER NOT NULL,
    positive   INTEGER NOT NULL,
    negative   INTEGER NOT NULL,
    i_words    INTEGER NOT NULL,
    we_words   INTEGER NOT NULL
);
CREATE INDEX entry_analysis_by_version ON entry_analysis (version);

-- Feelings named in the text, trust signs and themes, with how often each occurs.
CREATE TABLE entry_signals (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL CHECK (kind IN ('feeling', 'sign', 'theme')),
    name     TEXT NOT NULL,
    count    INTEGER NOT NULL,
    PRIMARY KEY (entry_id, kind, name)
) WITHOUT ROWID;
CREATE INDEX entry_signals_by_name ON entry_signals (kind, name, entry_id);
