import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { queryRows } from "../../src/db/rows";
import { mergePeople, unmergePeople } from "../../src/flows/merge-people";
import { erasePerson } from "../../src/flows/privacy";
import type { Ctx } from "../../src/kernel/ctx";
import {
  loadOrderFacts,
  OPEN_ORDER_STATUSES,
  ORDER_STATUSES,
  recordOrder,
  recordOrders,
} from "../../src/modules/orders";
import { createPerson } from "../../src/modules/register";
import { describeStores, inRollback } from "../support/services";

// Rules read each person's order figures from `person_order_facts`, which triggers on `orders`
// keep. Whatever way orders are written (recorded, re-imported with a new status, moved by a
// merge and back by an unmerge, cut loose by an erasure), the table must say what aggregating
// the orders themselves says, with "open" meaning what the orders module means by it.

interface Figures {
  person_id: string;
  open_sek: string;
  total_sek: string;
  count: number;
  last_order_at: string | null;
}

async function stored(ctx: Ctx): Promise<Figures[]> {
  return queryRows<Figures>(
    ctx.db,
    sql`select person_id::text, open_sek::text, total_sek::text, count, last_order_at::text
        from person_order_facts order by person_id`,
  );
}

async function recounted(ctx: Ctx): Promise<Figures[]> {
  const open = sql.join(
    OPEN_ORDER_STATUSES.map((status) => sql`${status}`),
    sql`, `,
  );
  return queryRows<Figures>(
    ctx.db,
    sql`select person_id::text,
          coalesce(sum(total_sek) filter (where status in (${open})), 0)::numeric(16, 2)::text as open_sek,
          coalesce(sum(total_sek) filter (where status not in ('cancelled', 'returned')), 0)::numeric(16, 2)::text as total_sek,
          count(*)::int as count, max(ordered_at)::text as last_order_at
        from orders where person_id is not null group by person_id order by person_id`,
  );
}

describeStores("rules: order facts kept by the orders triggers", (suite) => {
  let ctx: Ctx;
  beforeAll(() => {
    ctx = suite.services().systemCtx("test");
  });

  it("match a recount of the orders after every kind of write", async () => {
    await inRollback(ctx, async (tx) => {
      const person = async (givenNames: string) => (await createPerson(tx, { givenNames, surname: "Orderström" })).id;
      const stig = await person("Stig");
      const anna = await person("Anna");
      const olle = await person("Olle");
      expect(await stored(tx)).toEqual([]);

      // Every status once, with amounts to the öre, for Stig; two for Anna; none for Olle.
      for (const [index, status] of ORDER_STATUSES.entries()) {
        await recordOrder(tx, {
          personId: stig,
          status,
          totalSek: 1000.25 * (index + 1),
          orderedAt: new Date(Date.UTC(2026, 9, 1 + index)),
          source: { system: "shop", externalId: `S-${index}` },
        });
      }
      await recordOrder(tx, { personId: anna, totalSek: 12_000, orderedAt: new Date("2026-10-20T10:00:00Z") });
      await recordOrder(tx, {
        personId: anna,
        status: "paid",
        totalSek: 500,
        orderedAt: new Date("2026-10-21T10:00:00Z"),
        source: { system: "shop", externalId: "A-1" },
      });
      expect(await stored(tx)).toEqual(await recounted(tx));
      const facts = await loadOrderFacts(tx, [stig, anna, olle]);
      // open, confirmed, shipped and invoiced: 1000.25 × (1 + 2 + 3 + 5)
      expect(facts.get(stig)?.open_sek).toBe(11_002.75);
      expect(facts.get(stig)?.count).toBe(8);
      expect(facts.get(anna)).toEqual({
        open_sek: 12_000,
        total_sek: 12_500,
        count: 2,
        last_order_at: new Date("2026-10-21T10:00:00Z"),
      });
      expect(facts.get(olle)).toEqual({ open_sek: 0, total_sek: 0, count: 0, last_order_at: null });

      // The shop sends an order again as paid: it is no longer open.
      await recordOrder(tx, {
        personId: stig,
        status: "paid",
        totalSek: 1000.25,
        orderedAt: new Date(Date.UTC(2026, 9, 1)),
        source: { system: "shop", externalId: "S-0" },
      });
      expect((await loadOrderFacts(tx, [stig])).get(stig)?.open_sek).toBe(10_002.5);
      expect(await stored(tx)).toEqual(await recounted(tx));

      // A merge moves Anna's orders to Stig, the unmerge gives them back.
      const merge = await mergePeople(tx, { survivorId: stig, mergedId: anna });
      expect((await stored(tx)).map((row) => row.person_id)).toEqual([stig]);
      expect(await stored(tx)).toEqual(await recounted(tx));
      await unmergePeople(tx, merge.id);
      expect(await stored(tx)).toEqual(await recounted(tx));
      expect((await loadOrderFacts(tx, [anna])).get(anna)?.count).toBe(2);

      // Erasure cuts Anna's orders loose: she has no figures left, the orders stay for statistics.
      await erasePerson(tx, anna, "Begäran om radering");
      expect((await stored(tx)).map((row) => row.person_id)).toEqual([stig]);
      expect(await stored(tx)).toEqual(await recounted(tx));

      // An installation upgraded with orders already in place gets its figures from the
      // migration's own backfill statement.
      const migration = readFileSync("drizzle/0016_person_order_facts.sql", "utf8");
      const backfill = migration
        .split("--> statement-breakpoint")
        .find((part) => part.includes("INSERT INTO person_order_facts (person_id"));
      expect(backfill).toBeDefined();
      await tx.db.execute(sql`delete from person_order_facts`);
      await tx.db.execute(sql.raw(backfill as string));
      expect(await stored(tx)).toEqual(await recounted(tx));
      expect((await stored(tx)).length).toBe(1);

      // An import's batch: two new orders, one of them sent again further down as cancelled.
      const batch = await recordOrders(tx, [
        {
          personId: olle,
          totalSek: 200,
          orderedAt: new Date("2026-10-22T10:00:00Z"),
          source: { system: "shop", externalId: "O-1" },
        },
        {
          personId: olle,
          status: "paid",
          totalSek: 300,
          orderedAt: new Date("2026-10-23T10:00:00Z"),
          source: { system: "shop", externalId: "O-2" },
        },
        {
          personId: olle,
          status: "cancelled",
          totalSek: 200,
          orderedAt: new Date("2026-10-22T10:00:00Z"),
          source: { system: "shop", externalId: "O-1" },
        },
      ]);
      expect(batch.map((result) => ("outcome" in result ? result.outcome : result.error.code))).toEqual([
        "created",
        "created",
        "updated",
      ]);
      expect((await loadOrderFacts(tx, [olle])).get(olle)).toEqual({
        open_sek: 0,
        total_sek: 300,
        count: 2,
        last_order_at: new Date("2026-10-23T10:00:00Z"),
      });
      expect(await stored(tx)).toEqual(await recounted(tx));
    });
  });
});
