import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeStores } from "../../test/support/services";
import { queryRows } from "../db/rows";
import { systemActor } from "./actor";
import { createCtx, withTransaction } from "./ctx";
import { EventBus, emitEvent, emitEvents } from "./events";

describeStores("transactional outbox", ({ services }) => {
  const newBus = () => {
    const { store, clock, log } = services();
    return new EventBus({ db: store.db, clock, log });
  };

  it("delivers an event only after its transaction commits, and not at all after a rollback", async () => {
    const bus = newBus();
    const seen: string[] = [];
    bus.on("test.committed", "collect", async (event) => {
      seen.push((event.payload as { n: string }).n);
    });
    bus.on("test.rolled_back", "collect", async (event) => {
      seen.push((event.payload as { n: string }).n);
    });
    const ctx = services().systemCtx("test");
    await withTransaction(ctx, (tx) => emitEvent(tx, "test.committed", { n: "kept" }));
    await expect(
      withTransaction(ctx, async (tx) => {
        await emitEvent(tx, "test.rolled_back", { n: "lost" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    while ((await bus.dispatchPending()) > 0) {}
    expect(seen).toEqual(["kept"]);
  });

  it("delivers each of many events emitted together once, in order, and none after a rollback", async () => {
    const bus = newBus();
    const seen: number[] = [];
    bus.on("test.many", "collect", async (event) => {
      seen.push((event.payload as { n: number }).n);
    });
    const ctx = services().systemCtx("test");
    const payloads = Array.from({ length: 2_500 }, (_, n) => ({ n }));
    await expect(
      withTransaction(ctx, async (tx) => {
        await emitEvents(tx, "test.many", payloads);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const ids = await withTransaction(ctx, (tx) => emitEvents(tx, "test.many", payloads));
    expect(new Set(ids).size).toBe(2_500);
    while ((await bus.dispatchPending()) > 0) {}
    expect(seen).toEqual(payloads.map(({ n }) => n));
  });

  it("delivers an event emitted after a backlog of background work before the rest of that backlog", async () => {
    const bus = newBus();
    const seen: string[] = [];
    bus.on("test.bulk", "collect", async (event) => {
      seen.push(`bulk ${(event.payload as { n: number }).n}`);
    });
    bus.on("test.message", "collect", async () => {
      seen.push("message");
    });
    const ctx = services().systemCtx("test");
    const backlog = Array.from({ length: 20 }, (_, n) => ({ n }));
    await withTransaction(ctx, (tx) => emitEvents(tx, "test.bulk", backlog, { background: true }));
    await expect(bus.pendingCounts()).resolves.toEqual({ immediate: 0, background: 20 });
    await bus.dispatchPending();
    // A message is queued while the backlog is being worked off: it goes next, not last.
    await withTransaction(ctx, (tx) => emitEvent(tx, "test.message", {}));
    await expect(bus.pendingCounts()).resolves.toEqual({ immediate: 1, background: 16 });
    while ((await bus.dispatchPending()) > 0) {}
    expect(seen.indexOf("message")).toBe(4);
    expect(seen.filter((entry) => entry !== "message")).toEqual(backlog.map(({ n }) => `bulk ${n}`));
  });

  it("gives the background lane a turn after ten batches of other events, under a steady stream", async () => {
    const { store, clock, log } = services();
    const bus = new EventBus({ db: store.db, clock, log, batchSize: 2, backgroundBatchSize: 1 });
    const seen: string[] = [];
    bus.on("test.check", "collect", async () => {
      seen.push("check");
    });
    bus.on("test.visit", "collect", async () => {
      seen.push("visit");
    });
    const ctx = services().systemCtx("test");
    await withTransaction(ctx, (tx) => emitEvent(tx, "test.check", {}, { background: true }));
    // A web shop's visits keep coming: two more for each batch handled, never fewer than due.
    await withTransaction(ctx, (tx) =>
      emitEvents(
        tx,
        "test.visit",
        Array.from({ length: 4 }, () => ({})),
      ),
    );
    for (let batch = 0; batch < 12; batch++) {
      await bus.dispatchPending();
      await withTransaction(ctx, (tx) => emitEvents(tx, "test.visit", [{}, {}]));
    }
    // Ten batches of two visits, then the check, then visits again.
    expect(seen.indexOf("check")).toBe(20);
    expect(seen.filter((entry) => entry === "visit")).toHaveLength(22);
    while ((await bus.dispatchPending()) > 0) {}
  });

  it("retries a failed handler without repeating the handlers that succeeded", async () => {
    const bus = newBus();
    const calls = { steady: 0, flaky: 0 };
    bus.on("test.retry", "steady", async () => {
      calls.steady++;
    });
    bus.on("test.retry", "flaky", async () => {
      calls.flaky++;
      if (calls.flaky === 1) throw new Error("first time fails");
    });
    const ctx = services().systemCtx("test");
    const id = await withTransaction(ctx, (tx) => emitEvent(tx, "test.retry", {}));
    await bus.dispatchPending();
    expect(calls).toEqual({ steady: 1, flaky: 1 });
    const [pending] = await queryRows<{ status: string; last_error: string }>(
      services().store.db,
      sql`select status, last_error from outbox_events where id = ${id}`,
    );
    expect(pending).toMatchObject({ status: "pending", last_error: expect.stringContaining("first time fails") });

    // The back-off hides the event until it is due again.
    await bus.dispatchPending();
    expect(calls.flaky).toBe(1);
    const clock = services().clock as unknown as { advance(ms: number): void };
    clock.advance(60_000);
    await bus.dispatchPending();
    expect(calls).toEqual({ steady: 1, flaky: 2 });
    const [done] = await queryRows<{ status: string }>(
      services().store.db,
      sql`select status from outbox_events where id = ${id}`,
    );
    expect(done?.status).toBe("done");
  });

  it("stops after the event in hand, and gives the rest of its batch back due at once and unattempted", async () => {
    const bus = newBus();
    const handled: number[] = [];
    bus.on("test.backlog", "slow", async (event) => {
      const n = (event.payload as { n: number }).n;
      handled.push(n);
      // A shutdown arrives while the second event of the batch is being handled.
      if (n === 1) void bus.stop();
    });
    const ctx = services().systemCtx("test");
    for (let n = 0; n < 5; n++) await withTransaction(ctx, (tx) => emitEvent(tx, "test.backlog", { n }));
    await bus.dispatchPending();
    expect(handled).toEqual([0, 1]);
    const left = await queryRows<{ attempts: number; due: boolean }>(
      services().store.db,
      sql`select attempts, available_at <= ${services().clock.now().toISOString()}::timestamptz as due
          from outbox_events where type = 'test.backlog' and status = 'pending' order by id`,
    );
    expect(left).toEqual([
      { attempts: 0, due: true },
      { attempts: 0, due: true },
      { attempts: 0, due: true },
    ]);
    // The next process delivers them as if nothing had happened.
    const next = newBus();
    next.on("test.backlog", "slow", async (event) => {
      handled.push((event.payload as { n: number }).n);
    });
    await next.dispatchPending();
    expect(handled).toEqual([0, 1, 2, 3, 4]);
  });

  it("writes a handler's changes and its completion mark in one transaction", async () => {
    const bus = newBus();
    let attempts = 0;
    bus.on("test.atomic", "writer", async (_event, ctx) => {
      attempts++;
      await ctx.db.execute(
        sql`insert into rate_limits (key, window_start, count) values ('atomic', now(), ${attempts})`,
      );
      if (attempts === 1) throw new Error("crash after the write");
    });
    const ctx = createCtx(services().ctxBase, systemActor("test"));
    await withTransaction(ctx, (tx) => emitEvent(tx, "test.atomic", {}));
    await bus.dispatchPending();
    (services().clock as unknown as { advance(ms: number): void }).advance(60_000);
    await bus.dispatchPending();
    const rows = await queryRows<{ count: number }>(
      services().store.db,
      sql`select count from rate_limits where key = 'atomic'`,
    );
    expect(rows).toEqual([{ count: 2 }]);
  });
});
