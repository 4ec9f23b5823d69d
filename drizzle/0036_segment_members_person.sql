-- A person's segment memberships, read by rules that ask about segments at each event, at an
-- erasure and in a privacy export: the list memberships had an index by person, the segment
-- memberships only one by segment, so each read scanned every membership of every segment.
CREATE INDEX "segment_members_person_idx" ON "segment_members" USING btree ("person_id");