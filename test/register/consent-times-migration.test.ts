import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { migrationsFolder } from "../../src/db/migrate";
import { createPerson, getPerson, recordConsent } from "../../src/modules/register";
import { describeStores } from "../support/services";

/**
 * Decisions stored before consents were ordered by the time of recording carry the sender's time
 * as recorded_at; migration 0020 gives them the time they were written, which their id holds.
 */
describeStores("consent times recorded before migration 0020", (suite) => {
  it("lets a withdrawal recorded after a grant dated 2999 count once migrated", async () => {
    const ctx = suite.services().systemCtx("test");
    const person = await createPerson(ctx, { givenNames: "Gamla", surname: "Raden" });
    await recordConsent(ctx, person.id, { purpose: "marketing", channel: "email", status: "granted" });
    // As the old code stored a grant with source.receivedAt 2999-01-01.
    await ctx.db.execute(
      sql`update consents set recorded_at = '2999-01-01T00:00:00Z', source_received_at = '2999-01-01T00:00:00Z'
          where person_id = ${person.id}`,
    );
    await recordConsent(ctx, person.id, { purpose: "marketing", channel: "email", status: "withdrawn" });
    expect((await getPerson(ctx, person.id)).consents[0]?.status).toBe("granted");

    const migration = readFileSync(join(migrationsFolder, "0020_consent_recorded_at.sql"), "utf8");
    for (const statement of migration.split("--> statement-breakpoint")) {
      await ctx.db.execute(sql.raw(statement));
    }
    const [current] = (await getPerson(ctx, person.id)).consents;
    expect(current?.status).toBe("withdrawn");
    const rows = (await ctx.db.execute(
      sql`select recorded_at, source_received_at from consents where person_id = ${person.id} order by id`,
    )) as unknown as { rows: Array<{ recorded_at: unknown; source_received_at: unknown }> };
    const times = rows.rows.map((row) => [new Date(String(row.recorded_at)), new Date(String(row.source_received_at))]);
    // The grant: recorded when it was written (its id's time, not 2999), and given no later.
    const [recordedAt, givenAt] = times[0] ?? [];
    expect(recordedAt?.getUTCFullYear()).toBe(ctx.clock.now().getUTCFullYear());
    expect(givenAt).toEqual(recordedAt);
  });
});
