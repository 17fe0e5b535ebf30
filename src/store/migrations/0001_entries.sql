-- Entries, their feelings and tags, and a full-text index over the body.
CREATE TABLE entries (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid         TEXT NOT NULL UNIQUE,
    day          TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    created      TEXT NOT NULL,
    updated      TEXT NOT NULL,
    body         TEXT NOT NULL,
    mood         INTEGER CHECK (mood BETWEEN 1 AND 5),
    prompt_id    TEXT,
    prompt_text  TEXT,
    prompt_theme TEXT,
    deleted_at   TEXT
);

CREATE INDEX entries_by_day ON entries (day, created, id) WHERE deleted_at IS NULL;
CREATE INDEX entries_in_trash ON entries (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX entries_by_month_day ON entries (substr(day, 6, 5)) WHERE deleted_at IS NULL;

CREATE TABLE entry_feelings (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    feeling  TEXT NOT NULL,
    PRIMARY KEY (entry_id, feeling)
) WITHOUT ROWID;
CREATE INDEX entry_feelings_by_feeling ON entry_feelings (feeling, entry_id);

CREATE TABLE entry_tags (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (entry_id, tag)
) WITHOUT ROWID;
CREATE INDEX entry_tags_by_tag ON entry_tags (tag, entry_id);

CREATE VIRTUAL TABLE entries_fts USING fts5 (
    body,
    content = 'entries',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF body ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, body) VALUES ('delete', old.id, old.body);
    INSERT INTO entries_fts (rowid, body) VALUES (new.id, new.body);
END;
