-- New people get their name words in one set-based statement per insert statement instead of a
-- row trigger: an import of a thousand people ran the row trigger's two inserts a thousand times,
-- which cost as much database time as writing the people themselves. Updates keep the row trigger
-- (a transition table cannot be combined with UPDATE OF a column).
CREATE OR REPLACE FUNCTION people_name_words_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_name_words (word, person_id)
    SELECT DISTINCT w, n.id FROM inserted_people n, unnest(string_to_array(btrim(n.search_text), ' ')) AS w
    WHERE w <> ''
    ON CONFLICT DO NOTHING;
  INSERT INTO name_vocabulary (word)
    SELECT DISTINCT w FROM inserted_people n, unnest(string_to_array(btrim(n.search_text), ' ')) AS w
    WHERE w <> ''
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER people_name_words ON people;
--> statement-breakpoint
CREATE TRIGGER people_name_words AFTER UPDATE OF search_text ON people
  FOR EACH ROW EXECUTE FUNCTION people_name_words();
--> statement-breakpoint
CREATE TRIGGER people_name_words_inserted AFTER INSERT ON people
  REFERENCING NEW TABLE AS inserted_people
  FOR EACH STATEMENT EXECUTE FUNCTION people_name_words_inserted();
