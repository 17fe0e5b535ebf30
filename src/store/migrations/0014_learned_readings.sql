-- A reading of a trust sign may come from the learned reader (src/analysis/learned.rs) rather
-- than from the rules: 1 when it does. Rows written before are the rules' (0). Analyser
-- version 6 writes it; `mend reindex` brings older rows up to date.
ALTER TABLE entry_readings ADD COLUMN learned INTEGER NOT NULL DEFAULT 0;
