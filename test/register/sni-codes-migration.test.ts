import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { migrationsFolder } from "../../src/db/migrate";
import { createOrganization, getOrganization } from "../../src/modules/register";
import { describeStores } from "../support/services";

/** SNI codes stored as typed before 0023 ("62010") are brought to the one form the register writes. */
describeStores("SNI codes stored before migration 0023", (suite) => {
  it("writes a code stored without its dot the one way, and leaves written ones as they are", async () => {
    const ctx = suite.services().systemCtx("test");
    const plain = await createOrganization(ctx, { name: "Gamla Koden AB" });
    const dotted = await createOrganization(ctx, { name: "Rätta Koden AB", sniCode: "47.910" });
    const division = await createOrganization(ctx, { name: "Korta Koden AB", sniCode: "62" });
    // As the old code stored what was typed.
    await ctx.db.execute(sql`update organizations set sni_code = '62010' where id = ${plain.id}`);

    const migration = readFileSync(join(migrationsFolder, "0023_normalize_sni_codes.sql"), "utf8");
    for (const statement of migration.split("--> statement-breakpoint")) await ctx.db.execute(sql.raw(statement));

    expect((await getOrganization(ctx, plain.id)).sniCode).toBe("62.010");
    expect((await getOrganization(ctx, dotted.id)).sniCode).toBe("47.910");
    expect((await getOrganization(ctx, division.id)).sniCode).toBe("62");
  });
});
