-- The UTC offset, in minutes, of the clock an entry was written on: its time is shown on
-- that clock wherever the journal is read, so the day and the time always agree. NULL for
-- entries written before it was recorded and for imported entries (shown on the reader's clock).
ALTER TABLE entries ADD COLUMN written_offset INTEGER
    CHECK (written_offset IS NULL OR written_offset BETWEEN -1440 AND 1440);
