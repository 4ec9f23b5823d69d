-- Keeps person_name_words and name_vocabulary in step with people.search_text. A trigger, not
-- application code, because every way a person's names change (create, update, import, merge,
-- erasure) ends in that one column.
CREATE OR REPLACE FUNCTION people_name_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.search_text IS NOT DISTINCT FROM OLD.search_text THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM person_name_words WHERE person_id = OLD.id;
  END IF;
  INSERT INTO person_name_words (word, person_id)
    SELECT DISTINCT w, NEW.id FROM unnest(string_to_array(btrim(NEW.search_text), ' ')) AS w WHERE w <> ''
    ON CONFLICT DO NOTHING;
  INSERT INTO name_vocabulary (word)
    SELECT DISTINCT w FROM unnest(string_to_array(btrim(NEW.search_text), ' ')) AS w WHERE w <> ''
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER people_name_words AFTER INSERT OR UPDATE OF search_text ON people
  FOR EACH ROW EXECUTE FUNCTION people_name_words();
--> statement-breakpoint
-- People already in the register get their words now.
INSERT INTO person_name_words (word, person_id)
  SELECT DISTINCT w, p.id FROM people p, unnest(string_to_array(btrim(p.search_text), ' ')) AS w WHERE w <> ''
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO name_vocabulary (word)
  SELECT DISTINCT word FROM person_name_words ON CONFLICT DO NOTHING;
