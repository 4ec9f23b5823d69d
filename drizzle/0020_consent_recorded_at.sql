-- A consent's recorded_at was the sender's receivedAt, so a decision dated ahead (2999-01-01)
-- outranked every withdrawal recorded after it. It is now when the register recorded the
-- decision, which the row's id already holds: a UUIDv7 begins with the Unix milliseconds of the
-- moment it was made. The sender's time stays in source_received_at.
UPDATE "consents"
SET "recorded_at" = to_timestamp(('x' || substr(replace("id"::text, '-', ''), 1, 12))::bit(48)::bigint / 1000.0)
WHERE substr("id"::text, 15, 1) = '7';
--> statement-breakpoint
-- A customer cannot have given a decision after the register recorded it: such a time (beyond
-- five minutes of clock skew) is the sender's error, and as a withdrawal's time it would refuse
-- every later grant as older. It becomes the time of recording.
UPDATE "consents"
SET "source_received_at" = "recorded_at"
WHERE "source_received_at" > "recorded_at" + interval '5 minutes';
