CREATE TABLE "name_vocabulary" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_name_words" (
	"word" text NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "person_name_words_word_person_id_pk" PRIMARY KEY("word","person_id")
);
--> statement-breakpoint
CREATE INDEX "name_vocabulary_trgm_idx" ON "name_vocabulary" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "name_vocabulary_prefix_idx" ON "name_vocabulary" USING btree ("word" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "person_name_words_person_idx" ON "person_name_words" USING btree ("person_id");