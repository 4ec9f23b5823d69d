import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { migrationsFolder } from "../../src/db/migrate";
import { createPerson, getPerson, setChannelPreference } from "../../src/modules/register";
import { describeStores } from "../support/services";

/**
 * Channel preferences kept before they had a source came through the API, the only way to set
 * them then; migration 0031 says so, and dates each to when it was set.
 */
describeStores("channel preferences kept before migration 0031", (suite) => {
  it("names the API as their source, received when they were set", async () => {
    const ctx = suite.services().systemCtx("test");
    const person = await createPerson(ctx, { givenNames: "Äldre", surname: "Valsson" });
    await setChannelPreference(ctx, person.id, { topic: "orders", channel: "sms" });
    const setAt = (await getPerson(ctx, person.id)).channelPreferences[0]?.updatedAt;
    // The table as it was: no source columns.
    await ctx.db.execute(
      sql`alter table channel_preferences drop column source_system, drop column source_external_id, drop column source_received_at`,
    );
    const migration = readFileSync(join(migrationsFolder, "0031_channel_preference_source.sql"), "utf8");
    for (const statement of migration.split("--> statement-breakpoint")) await ctx.db.execute(sql.raw(statement));

    const [preference] = (await getPerson(ctx, person.id)).channelPreferences;
    expect(preference).toMatchObject({ topic: "orders", channel: "sms" });
    expect(preference?.source).toEqual({ system: "api", externalId: null, receivedAt: setAt?.toISOString() });
  });
});
