-- An organisation's e-mails and phones found by its id: the organisation page and an import's
-- batch read them so, and without an index each read scanned every person's e-mails and phones.
-- Partial, as the address index by organisation: most rows belong to people.
CREATE INDEX "emails_org_idx" ON "emails" USING btree ("organization_id") WHERE organization_id is not null;--> statement-breakpoint
CREATE INDEX "phones_org_idx" ON "phones" USING btree ("organization_id") WHERE organization_id is not null;