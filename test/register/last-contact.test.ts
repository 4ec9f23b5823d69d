import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsFolder } from "../../src/db/migrate";
import { refreshDueContacts } from "../../src/flows/refresh-last-contact";
import type { ManualClock } from "../../src/kernel/clock";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

/**
 * A seller finds the customers nobody has talked to for a while: the register keeps when each
 * person was last called, met or e-mailed, shows it, and orders and filters the list by it.
 */
describe.each(STORE_KINDS)("last contact [%s]", (kind) => {
  let api: TestApi;
  const person = async (givenNames: string) => {
    const created = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames, surname: "Kontaktsson" },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id as string;
  };
  const log = async (personId: string, kind: string, occurredAt: string) => {
    const logged = await api.call({
      method: "POST",
      url: "/api/activities",
      payload: { personId, kind, subject: `${kind} ${occurredAt}`, occurredAt },
    });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
  };
  const lastContact = async (id: string) => (await api.call({ url: `/api/people/${id}` })).body.lastContactAt;
  const names = async (query: string) =>
    (await api.call({ url: `/api/people?q=Kontaktsson&${query}` })).body.items.map(
      (item: { givenNames: string; lastContactAt: string | null }) => `${item.givenNames} ${item.lastContactAt ?? "-"}`,
    );

  beforeAll(async () => {
    api = await openTestApi(kind);
    // Every contact logged below has happened by then, unless a test books one ahead.
    (api.services.clock as ManualClock).set(new Date("2026-11-24T12:00:00Z"));
  });
  afterAll(async () => api?.close());

  it("keeps the latest call, meeting or e-mail, and orders and filters the list by it", async () => {
    const anna = await person("Anna");
    const bo = await person("Bo");
    await person("Cia");
    expect(await lastContact(anna)).toBeNull();
    await log(anna, "call", "2026-10-01T10:00:00Z");
    expect(await lastContact(anna)).toBe("2026-10-01T10:00:00.000Z");
    // A note or a task is not contact with the customer; an older meeting does not move it back.
    await log(anna, "note", "2026-11-01T10:00:00Z");
    await log(anna, "meeting", "2026-09-01T10:00:00Z");
    expect(await lastContact(anna)).toBe("2026-10-01T10:00:00.000Z");
    await log(bo, "email", "2026-11-10T08:30:00Z");

    expect(await names("sort=-lastContactAt")).toEqual([
      "Bo 2026-11-10T08:30:00.000Z",
      "Anna 2026-10-01T10:00:00.000Z",
      "Cia -",
    ]);
    expect(await names("sort=lastContactAt")).toEqual([
      "Anna 2026-10-01T10:00:00.000Z",
      "Bo 2026-11-10T08:30:00.000Z",
      "Cia -",
    ]);
    // Not contacted since November, and never contacted.
    expect(await names("filter=lastContactAt:lt:2026-11-01")).toEqual(["Anna 2026-10-01T10:00:00.000Z"]);
    expect(await names("filter=lastContactAt:empty")).toEqual(["Cia -"]);
    const bad = await api.call({ url: "/api/people?filter=lastContactAt:lt:igår" });
    expect(bad.status).toBe(400);
  });

  it("follows the activities through a merge, its undoing and an erasure", async () => {
    const kept = await person("Dag");
    const other = await person("Dagny");
    await log(other, "call", "2026-08-15T12:00:00Z");
    const merge = await api.call({ method: "POST", url: `/api/people/${kept}/merge`, payload: { otherId: other } });
    expect(merge.status, JSON.stringify(merge.body)).toBe(200);
    expect(await lastContact(kept)).toBe("2026-08-15T12:00:00.000Z");
    const undo = await api.call({ method: "POST", url: `/api/merges/${merge.body.id}/undo` });
    expect(undo.status).toBe(200);
    expect(await lastContact(kept)).toBeNull();
    expect(await lastContact(other)).toBe("2026-08-15T12:00:00.000Z");

    const erased = await api.call({
      method: "POST",
      url: `/api/people/${other}/erasure`,
      payload: { reason: "Kundens begäran" },
    });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(await lastContact(other)).toBeNull();
  });

  it("gives the people contacted before the column was kept their last contact, once migrated", async () => {
    const earlier = await person("Erik");
    await log(earlier, "meeting", "2026-07-01T09:00:00Z");
    await log(earlier, "task", "2026-12-01T09:00:00Z");
    // As the register was before migration 0029.
    const db = api.services.store.db;
    await db.execute(sql`update people set last_contact_at = null where id = ${earlier}`);
    expect(await lastContact(earlier)).toBeNull();
    const migration = readFileSync(join(migrationsFolder, "0029_people_last_contact.sql"), "utf8");
    const [, , backfill] = migration.split("--> statement-breakpoint");
    await db.execute(sql.raw(backfill ?? ""));
    expect(await lastContact(earlier)).toBe("2026-07-01T09:00:00.000Z");
  });

  it("lets a rule find the leads nobody has called, met or e-mailed for a month", async () => {
    const clock = api.services.clock as ManualClock;
    clock.set(new Date("2026-11-24T09:00:00Z"));
    const lead = async (givenNames: string) => {
      const id = await person(givenNames);
      await api.call({ method: "PATCH", url: `/api/people/${id}`, payload: { lifecycleStage: "lead" } });
      return id;
    };
    const forgotten = await lead("Frida");
    const recent = await lead("Gustav");
    const never = await lead("Hilda");
    const booked = await lead("Ivar");
    await log(forgotten, "call", "2026-09-20T10:00:00Z");
    await log(recent, "call", "2026-11-20T10:00:00Z");
    // Not called since September either, but a meeting is booked: someone is on it.
    await log(booked, "call", "2026-09-10T10:00:00Z");
    await log(booked, "meeting", "2026-12-20T10:00:00Z");
    const condition = {
      all: [
        { field: "person.lifecycle_stage", op: "eq", value: "lead" },
        { field: "person.next_contact_at", op: "is_not_set" },
        {
          any: [
            { field: "person.last_contact_at", op: "more_than_ago", value: { amount: 30, unit: "days" } },
            { field: "person.last_contact_at", op: "is_not_set" },
          ],
        },
      ],
    };
    const dry = await api.call({ method: "POST", url: "/api/rules/dry-run", payload: { condition } });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.count).toBe(2);
    expect([...dry.body.sample].sort()).toEqual([forgotten, never].sort());
    expect(dry.body.sample).not.toContain(recent);
    expect(dry.body.sample).not.toContain(booked);
  });

  it("keeps a company's last contact: logged on it, or with anyone who works there now", async () => {
    const company = async (name: string) => {
      const created = await api.call({ method: "POST", url: "/api/organizations", payload: { name } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body.id as string;
    };
    const companyContact = async (id: string) =>
      (await api.call({ url: `/api/organizations/${id}` })).body.lastContactAt;
    const companies = async (query: string) =>
      (await api.call({ url: `/api/organizations?q=Kontakt&${query}` })).body.items.map(
        (item: { name: string; lastContactAt: string | null }) => `${item.name} ${item.lastContactAt ?? "-"}`,
      );
    const bygg = await company("Kontaktbygg AB");
    const data = await company("Kontaktdata AB");
    await company("Kontaktlös AB");
    const ivar = await person("Ivar");
    const jonna = await person("Jonna");
    const role = await api.call({
      method: "POST",
      url: "/api/roles",
      payload: { personId: ivar, organizationId: bygg },
    });
    expect(role.status, JSON.stringify(role.body)).toBe(201);
    // A call with someone who works there is contact with the company.
    await log(ivar, "call", "2026-10-05T09:00:00Z");
    expect(await companyContact(bygg)).toBe("2026-10-05T09:00:00.000Z");
    // A meeting logged on the company itself, and a note, which is no contact.
    const meeting = await api.call({
      method: "POST",
      url: "/api/activities",
      payload: { organizationId: data, kind: "meeting", subject: "Avtalsmöte", occurredAt: "2026-11-12T13:00:00Z" },
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
    await api.call({
      method: "POST",
      url: "/api/activities",
      payload: { organizationId: bygg, kind: "note", subject: "Ny växel", occurredAt: "2026-11-20T13:00:00Z" },
    });
    expect(await companyContact(data)).toBe("2026-11-12T13:00:00.000Z");
    expect(await companyContact(bygg)).toBe("2026-10-05T09:00:00.000Z");

    expect(await companies("sort=lastContactAt")).toEqual([
      "Kontaktbygg AB 2026-10-05T09:00:00.000Z",
      "Kontaktdata AB 2026-11-12T13:00:00.000Z",
      "Kontaktlös AB -",
    ]);
    expect(await companies("filter=lastContactAt:lt:2026-11-01")).toEqual(["Kontaktbygg AB 2026-10-05T09:00:00.000Z"]);
    expect(await companies("filter=lastContactAt:empty")).toEqual(["Kontaktlös AB -"]);

    // Someone contacted last week starts at Kontaktdata: the company's last contact follows them
    // once the dispatcher has handled the new role; when Ivar leaves Kontaktbygg, his call goes.
    await log(jonna, "email", "2026-11-18T07:45:00Z");
    await api.call({ method: "POST", url: "/api/roles", payload: { personId: jonna, organizationId: data } });
    await api.services.bus.dispatchPending();
    expect(await companyContact(data)).toBe("2026-11-18T07:45:00.000Z");
    const ivarsRole = role.body.roleId as string;
    expect((await api.call({ method: "DELETE", url: `/api/roles/${ivarsRole}` })).status).toBe(204);
    await api.services.bus.dispatchPending();
    expect(await companyContact(bygg)).toBeNull();

    // Erasing Jonna takes her e-mail, and with it the company's latest contact.
    const erased = await api.call({
      method: "POST",
      url: `/api/people/${jonna}/erasure`,
      payload: { reason: "Begäran" },
    });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(await companyContact(data)).toBe("2026-11-12T13:00:00.000Z");
  });

  it("gives the companies contacted before the column was kept their last contact, once migrated", async () => {
    const created = await api.call({
      method: "POST",
      url: "/api/organizations",
      payload: { name: "Kontakthistorik AB" },
    });
    const id = created.body.id as string;
    const karl = await person("Karl");
    await api.call({ method: "POST", url: "/api/roles", payload: { personId: karl, organizationId: id } });
    await log(karl, "meeting", "2026-06-01T09:00:00Z");
    const db = api.services.store.db;
    await db.execute(sql`update organizations set last_contact_at = null where id = ${id}`);
    const migration = readFileSync(join(migrationsFolder, "0030_last_contact_planned.sql"), "utf8");
    for (const statement of migration.split("--> statement-breakpoint").filter((part) => part.includes("UPDATE"))) {
      await db.execute(sql.raw(statement));
    }
    expect((await api.call({ url: `/api/organizations/${id}` })).body.lastContactAt).toBe("2026-06-01T09:00:00.000Z");
  });

  it("keeps a meeting booked ahead as the next contact, and makes it the last once its time has come", async () => {
    const clock = api.services.clock as ManualClock;
    clock.set(new Date("2026-11-24T12:00:00Z"));
    const created = await api.call({
      method: "POST",
      url: "/api/organizations",
      payload: { name: "Kontaktbokning AB" },
    });
    const company = created.body.id as string;
    const lena = await person("Lena");
    await api.call({ method: "POST", url: "/api/roles", payload: { personId: lena, organizationId: company } });
    await api.services.bus.dispatchPending();
    await log(lena, "call", "2026-11-02T10:00:00Z");
    await log(lena, "meeting", "2026-12-01T09:00:00Z");
    const detail = async () => (await api.call({ url: `/api/people/${lena}` })).body;
    const companyDetail = async () => (await api.call({ url: `/api/organizations/${company}` })).body;
    expect(await detail()).toMatchObject({
      lastContactAt: "2026-11-02T10:00:00.000Z",
      nextContactAt: "2026-12-01T09:00:00.000Z",
    });
    expect(await companyDetail()).toMatchObject({
      lastContactAt: "2026-11-02T10:00:00.000Z",
      nextContactAt: "2026-12-01T09:00:00.000Z",
    });
    // "Not contacted since November" still finds her: the meeting has not happened yet.
    expect(await names("filter=lastContactAt:lt:2026-11-20")).toContain("Lena 2026-11-02T10:00:00.000Z");
    // The overview's "Att höra av sig till" leaves her out: someone is already following her up.
    expect(await names("filter=lastContactAt:lt:2026-11-20&filter=nextContactAt:empty")).not.toContain(
      "Lena 2026-11-02T10:00:00.000Z",
    );
    // The soonest booked first: Lena's meeting, then Ivar's (the rule's lead, above).
    expect((await names("sort=nextContactAt")).slice(0, 2)).toEqual([
      "Lena 2026-11-02T10:00:00.000Z",
      "Ivar 2026-09-10T10:00:00.000Z",
    ]);
    const booked = await api.call({ url: "/api/organizations?q=Kontaktbokning&sort=nextContactAt" });
    expect(booked.body.items[0]).toMatchObject({
      name: "Kontaktbokning AB",
      nextContactAt: "2026-12-01T09:00:00.000Z",
    });
    // The meetings booked for the first of December.
    expect(await names("filter=nextContactAt:gte:2026-12-01&filter=nextContactAt:lt:2026-12-02")).toEqual([
      "Lena 2026-11-02T10:00:00.000Z",
    ]);

    // Nothing is due before the meeting; once it has been held, the sweep makes it the last contact.
    expect(await refreshDueContacts(api.services.systemCtx("test"))).toBe(0);
    clock.set(new Date("2026-12-01T10:00:00Z"));
    expect(await refreshDueContacts(api.services.systemCtx("test"))).toBe(2);
    expect(await detail()).toMatchObject({ lastContactAt: "2026-12-01T09:00:00.000Z", nextContactAt: null });
    expect(await companyDetail()).toMatchObject({ lastContactAt: "2026-12-01T09:00:00.000Z", nextContactAt: null });
    expect(await refreshDueContacts(api.services.systemCtx("test"))).toBe(0);
    clock.set(new Date("2026-11-24T12:00:00Z"));
  });
});
