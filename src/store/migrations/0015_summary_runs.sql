-- The runs of consecutive days written: one row for each stretch of days in a row that have
-- entries outside the trash (the days of `summary_days`), from `first_day` to `last_day`, both
-- included. The streak ("N days in a row") is the run that holds the day or the day before,
-- found with one look-up rather than a walk back over every day of it. Every write keeps the
-- runs in step with `summary_days` in the same transaction (store/summary_runs.rs): a day
-- gained joins the runs on either side of it, a day lost splits its run. A day that is not a
-- date (written from outside mend) belongs to no run.
CREATE TABLE summary_runs (
    first_day TEXT PRIMARY KEY,
    last_day  TEXT NOT NULL
) WITHOUT ROWID;

-- Only the streak's walk read the days alone.
DROP INDEX summary_days_by_day;

-- Existing journals: the runs of the days counted so far. Within a run a day's julian day less
-- its rank is the same number; `date(julianday(day)) IS day` leaves out strings that are not
-- dates (2026-02-30 would be read as 2 March).
INSERT INTO summary_runs (first_day, last_day)
SELECT min(day), max(day) FROM (
    SELECT day, julianday(day) - row_number() OVER (ORDER BY day) AS run
    FROM summary_days WHERE date(julianday(day)) IS day
) GROUP BY run;
