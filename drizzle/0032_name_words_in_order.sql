-- New name words are taken in word order. An import writes two batches at once on PostgreSQL,
-- and two transactions inserting the same new words in different orders each waited for a word
-- the other held: a deadlock, which PostgreSQL breaks by failing one of them. In one order the
-- second simply waits for the first.
CREATE OR REPLACE FUNCTION people_name_words_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_name_words (word, person_id)
    SELECT DISTINCT w, n.id FROM inserted_people n, unnest(string_to_array(btrim(n.search_text), ' ')) AS w
    WHERE w <> ''
    ON CONFLICT DO NOTHING;
  INSERT INTO name_vocabulary (word)
    SELECT w FROM (
      SELECT DISTINCT w FROM inserted_people n, unnest(string_to_array(btrim(n.search_text), ' ')) AS w
      WHERE w <> ''
    ) AS words
    ORDER BY w
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
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
    SELECT w FROM (
      SELECT DISTINCT w FROM unnest(string_to_array(btrim(NEW.search_text), ' ')) AS w WHERE w <> ''
    ) AS words
    ORDER BY w
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
