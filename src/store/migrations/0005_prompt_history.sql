-- Choosing today's prompt looks up, for each prompt, the last day it was answered. This
-- index answers that from the index alone (entries in the trash do not count).
DROP INDEX entries_by_prompt;
CREATE INDEX entries_prompt_history ON entries (prompt_id, day)
    WHERE prompt_id IS NOT NULL AND deleted_at IS NULL;
