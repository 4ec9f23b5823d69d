-- Identifiers compared byte by byte: message ids, trait-bucket subjects and tracking ids are
-- keys, never sorted for a reader, and under the database's locale every btree step of the
-- tens of thousands of inserts a second the tracking API makes went through strcoll.
ALTER TABLE tracked_message_ids ALTER COLUMN message_id TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE computed_trait_buckets ALTER COLUMN subject TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE tracked_events ALTER COLUMN anonymous_id TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE tracked_events ALTER COLUMN user_id TYPE text COLLATE "C";
--> statement-breakpoint
ALTER TABLE tracking_identities ALTER COLUMN value TYPE text COLLATE "C";
