import { expect, it } from "vitest";
import { describeStores, inRollback } from "../../../test/support/services";
import type { UserActor } from "../../kernel/actor";
import type { ManualClock } from "../../kernel/clock";
import type { Ctx } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { uuidv7 } from "../../kernel/ids";
import { listAuditEntries } from "../audit";
import {
  anonymiseCasesOfPerson,
  escalateCase,
  exportCasesOfPerson,
  getCase,
  listCases,
  moveCasesOfPerson,
  openCase,
  returnCases,
  updateCase,
} from "./index";

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const asUser = (ctx: Ctx, role: UserActor["role"], teamIds: string[] = []): Ctx => ({
  ...ctx,
  actor: { kind: "user", userId: uuidv7(), label: `${role}@example.se`, role, teamIds, locale: "sv" },
});

describeStores("cases", ({ services }) => {
  const admin = () => services().systemCtx("test");

  it("opens a case as new on first line, numbered, with its opening in the history and the audit log", async () => {
    await inRollback(admin(), async (ctx) => {
      const personId = uuidv7();
      const { case: first, created } = await openCase(ctx, {
        personId,
        subject: "Trasig leverans",
        category: "  Delivery Damage ",
        channel: "phone",
      });
      expect(created).toBe(true);
      expect(first).toMatchObject({
        personId,
        status: "new",
        line: 1,
        escalationLevel: 0,
        priority: "normal",
        category: "delivery_damage",
        sourceSystem: "web",
      });
      expect(first.events.map((event) => event.kind)).toEqual(["opened"]);
      const { case: second } = await openCase(ctx, { personId, subject: "Faktura", category: "billing" });
      expect(second.number).toBe(first.number + 1);
      const { case: untold } = await openCase(ctx, { personId, subject: "Ringde, oklart om vad" });
      expect(untold.category).toBe("general");
      const audit = await listAuditEntries(ctx, { entity: "case", entityId: first.id });
      expect(audit.items.map((entry) => entry.action)).toEqual(["case.open"]);
    });
  });

  it("refuses a case without a person or organisation, or with a category rules cannot name, field by field", async () => {
    const error = await rejection(openCase(admin(), { subject: "", category: "a.b" }));
    expect(error.code).toBe("validation_failed");
    expect(error.fields.map((field) => field.field).sort()).toEqual(["category", "personId", "subject"]);
  });

  it("returns the same case when a source sends the same ticket again", async () => {
    await inRollback(admin(), async (ctx) => {
      const input = {
        personId: uuidv7(),
        subject: "Ärende från helpdesk",
        category: "question",
        source: { system: "helpdesk", externalId: "T-9" },
      };
      const first = await openCase(ctx, input);
      const again = await openCase(ctx, { ...input, subject: "Ändrad rubrik" });
      expect(again).toMatchObject({ created: false, case: { id: first.case.id, subject: "Ärende från helpdesk" } });
    });
  });

  it("moves a case through its statuses, timing resolution and closing, and refuses what cannot happen", async () => {
    await inRollback(admin(), async (ctx) => {
      const clock = services().clock as ManualClock;
      clock.set("2026-11-02T09:00:00Z");
      const { case: opened } = await openCase(ctx, {
        personId: uuidv7(),
        subject: "Fel på fakturan",
        category: "billing",
      });
      const waiting = await updateCase(ctx, opened.id, { status: "waiting", note: "Väntar på kundens kvitto" });
      expect(waiting.status).toBe("waiting");
      clock.set("2026-11-03T10:00:00Z");
      const resolved = await updateCase(ctx, opened.id, { status: "resolved" });
      expect(resolved.resolvedAt?.toISOString()).toBe("2026-11-03T10:00:00.000Z");
      const reopened = await updateCase(ctx, opened.id, { status: "open" });
      expect(reopened.resolvedAt).toBeNull();
      clock.set("2026-11-04T08:00:00Z");
      const closed = await updateCase(ctx, opened.id, { status: "closed" });
      expect(closed).toMatchObject({ status: "closed" });
      expect(closed.closedAt?.toISOString()).toBe("2026-11-04T08:00:00.000Z");
      expect(closed.resolvedAt?.toISOString()).toBe("2026-11-04T08:00:00.000Z");
      expect(closed.events.map((event) => [event.kind, event.data.to ?? event.data.text ?? null])).toEqual([
        ["opened", null],
        ["status_changed", "waiting"],
        ["note", "Väntar på kundens kvitto"],
        ["status_changed", "resolved"],
        ["status_changed", "open"],
        ["status_changed", "closed"],
      ]);

      const backToNew = await rejection(updateCase(ctx, opened.id, { status: "new" }));
      expect(backToNew.code).toBe("conflict");
      expect(backToNew.fields[0]).toMatchObject({ field: "status", code: "invalid_transition" });
      const edit = await rejection(updateCase(ctx, opened.id, { priority: "high" }));
      expect(edit.fields[0]).toMatchObject({ field: "priority", code: "case_closed" });
      const noted = await updateCase(ctx, opened.id, { note: "Kunden ringde och tackade" });
      expect(noted.events.at(-1)).toMatchObject({ kind: "note", data: { text: "Kunden ringde och tackade" } });
      const nothing = await rejection(updateCase(ctx, opened.id, {}));
      expect(nothing.fields[0]?.field).toBe("(body)");
    });
  });

  it("escalates from first line to second, to another team, and refuses a resolved case", async () => {
    await inRollback(admin(), async (ctx) => {
      const firstLine = uuidv7();
      const secondLine = uuidv7();
      const agent = uuidv7();
      const { case: opened } = await openCase(ctx, {
        personId: uuidv7(),
        subject: "Klagomål",
        category: "complaint",
        teamId: firstLine,
        assigneeId: agent,
      });
      const escalated = await escalateCase(ctx, opened.id, { teamId: secondLine, reason: "Kräver tekniker" });
      expect(escalated).toMatchObject({ line: 2, escalationLevel: 1, teamId: secondLine, assigneeId: null });
      expect(escalated.escalatedAt).not.toBeNull();
      expect(escalated.events.at(-1)).toMatchObject({
        kind: "escalated",
        data: { fromLine: 1, toLine: 2, level: 1, reason: "Kräver tekniker" },
      });
      const again = await escalateCase(ctx, opened.id);
      expect(again).toMatchObject({ line: 2, escalationLevel: 2, teamId: secondLine });
      await updateCase(ctx, opened.id, { status: "resolved" });
      const refused = await rejection(escalateCase(ctx, opened.id));
      expect(refused.code).toBe("conflict");
    });
  });

  it("lets support work on unassigned cases and their team's, not other teams'; sales only reads", async () => {
    await inRollback(admin(), async (ctx) => {
      const ours = uuidv7();
      const theirs = uuidv7();
      const support = asUser(ctx, "support", [ours]);
      const { case: unassigned } = await openCase(support, { personId: uuidv7(), subject: "A", category: "billing" });
      const { case: ourCase } = await openCase(ctx, {
        personId: uuidv7(),
        subject: "B",
        category: "billing",
        teamId: ours,
      });
      const { case: theirCase } = await openCase(ctx, {
        personId: uuidv7(),
        subject: "C",
        category: "billing",
        teamId: theirs,
      });
      await updateCase(support, unassigned.id, { status: "open" });
      await escalateCase(support, ourCase.id, {});
      expect((await rejection(updateCase(support, theirCase.id, { status: "open" }))).code).toBe("forbidden");
      const sales = asUser(ctx, "sales");
      expect((await rejection(openCase(sales, { personId: uuidv7(), subject: "D", category: "x" }))).code).toBe(
        "forbidden",
      );
      expect((await getCase(sales, theirCase.id)).id).toBe(theirCase.id);
    });
  });

  it("lists by person, status, category, line and assignee, newest first, a page at a time", async () => {
    await inRollback(admin(), async (ctx) => {
      const personId = uuidv7();
      const assigneeId = uuidv7();
      const days = ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05"];
      const ids: string[] = [];
      for (const [index, day] of days.entries()) {
        const { case: opened } = await openCase(ctx, {
          personId,
          subject: `Ärende ${index}`,
          category: index % 2 === 0 ? "complaint" : "billing",
          openedAt: `${day}T08:00:00Z`,
          ...(index === 4 ? { assigneeId } : {}),
        });
        ids.push(opened.id);
      }
      await updateCase(ctx, ids[0] as string, { status: "resolved" });
      await escalateCase(ctx, ids[2] as string);
      const first = await listCases(ctx, { personId, limit: 2 });
      expect(first.items.map((item) => item.id)).toEqual([ids[4], ids[3]]);
      const second = await listCases(ctx, { personId, limit: 2, cursor: first.nextCursor ?? undefined });
      expect(second.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
      const third = await listCases(ctx, { personId, limit: 2, cursor: second.nextCursor ?? undefined });
      expect(third).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
      const open = await listCases(ctx, { personId, status: "new,open,waiting", category: "Complaint" });
      expect(open.items.map((item) => item.id)).toEqual([ids[4], ids[2]]);
      expect((await listCases(ctx, { personId, line: 2 })).items.map((item) => item.id)).toEqual([ids[2]]);
      expect((await listCases(ctx, { assigneeId })).items.map((item) => item.id)).toEqual([ids[4]]);
      const bad = await rejection(listCases(ctx, { status: "open,pending" }));
      expect(bad.fields[0]?.field).toMatch(/^status/);
      const badCursor = await rejection(listCases(ctx, { cursor: "nonsense" }));
      expect(badCursor.fields[0]).toMatchObject({ field: "cursor", code: "invalid_cursor" });
    });
  });

  it("moves cases to a merge survivor and back, and erasure keeps the statistics but not the words", async () => {
    await inRollback(admin(), async (ctx) => {
      const survivor = uuidv7();
      const merged = await openCase(ctx, { personId: uuidv7(), subject: "Hemligt", category: "complaint" });
      const mergedId = merged.case.personId as string;
      const moved = await moveCasesOfPerson(ctx, mergedId, survivor);
      expect(moved).toEqual([merged.case.id]);
      expect((await getCase(ctx, merged.case.id)).personId).toBe(survivor);
      await returnCases(ctx, moved, survivor, mergedId);
      expect((await getCase(ctx, merged.case.id)).personId).toBe(mergedId);

      await updateCase(ctx, merged.case.id, { note: "Kunden heter egentligen något annat" });
      await escalateCase(ctx, merged.case.id, { reason: "Kunden är arg" });
      expect(await exportCasesOfPerson(ctx, mergedId)).toEqual([
        expect.objectContaining({ subject: "Hemligt", events: expect.any(Array) }),
      ]);
      expect(await anonymiseCasesOfPerson(ctx, mergedId)).toEqual([merged.case.id]);
      const after = await getCase(ctx, merged.case.id);
      expect(after).toMatchObject({ personId: null, subject: "(raderat)", description: null, category: "complaint" });
      expect(after.escalationLevel).toBe(1);
      expect(JSON.stringify(after.events)).not.toMatch(/egentligen|arg/);
      expect(after.events.map((event) => event.kind)).toEqual(["opened", "note", "escalated"]);
    });
  });
});
