import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escalateCaseAction } from "../../src/flows/rule-actions/escalate-case-action";
import { ManualClock } from "../../src/kernel/clock";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

const REPEATED_COMPLAINTS = { field: "cases.category.complaint.count_90d", op: "gt", value: 1 };

describe.each(STORE_KINDS)("rules: repeated complaints open a call-back case and escalate [%s]", (kind) => {
  let api: TestApi;
  const clock = new ManualClock("2026-11-02T08:00:00Z");
  const ids: Record<string, string> = {};
  /** The second-line team the rule escalates to: a real team, as a case's queue must be. */
  let SECOND_LINE = "";

  const open = async (personId: string, category: string, openedAt?: string) => {
    const response = await api.call({
      method: "POST",
      url: "/api/cases",
      payload: { personId, subject: `Ärende om ${category}`, category, ...(openedAt ? { openedAt } : {}) },
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; number: number };
  };
  const settle = async () => {
    for (let round = 0; round < 5; round++) await api.services.bus.dispatchPending();
  };
  const firings = async () =>
    (await api.call({ url: `/api/rule-firings?ruleId=${ids.rule}` })).body.items as Array<{
      personId: string;
      status: string;
      explanation: string[];
      results: Array<Record<string, unknown>>;
    }>;

  beforeAll(async () => {
    api = await openTestApi(kind, { clock });
    const team = await api.call({ method: "POST", url: "/api/teams", payload: { name: "Andra linjen" } });
    expect(team.status).toBe(201);
    SECOND_LINE = team.body.id;
    for (const [name, givenNames, marking, surname] of [
      ["stig", "Karl Stig Emanuel", "20", "Lindgren"],
      ["anna", "Anna", undefined, "Holm"],
    ] as const) {
      const person = await api.call({
        method: "POST",
        url: "/api/people",
        payload: { givenNames, surname, ...(marking ? { preferredNameMarking: marking } : {}) },
      });
      ids[name] = person.body.id;
    }
    const rule = await api.call({
      method: "POST",
      url: "/api/rules",
      payload: {
        name: "Upprepade klagomål",
        trigger: { type: "record", entity: "case", on: "created" },
        condition: REPEATED_COMPLAINTS,
        actions: [
          { type: "escalate", config: { category: "complaint", teamId: SECOND_LINE } },
          {
            type: "open_case",
            config: {
              subject: "Ring {greetingName} {surname} om klagomålen",
              category: "callback",
              priority: "high",
              line: 2,
              teamId: SECOND_LINE,
            },
          },
        ],
      },
    });
    expect(rule.status).toBe(201);
    expect(rule.body.conditionText).toBe("complaint.count_90d > 1");
    ids.rule = rule.body.id;
    await settle();
  });
  afterAll(async () => api?.close());

  it("does not fire while the complaints in 90 days are not more than one", async () => {
    const old = await open(ids.stig as string, "complaint", "2026-07-01T09:00:00Z");
    await api.call({ method: "PATCH", url: `/api/cases/${old.id}`, payload: { status: "resolved" } });
    ids.recent = (await open(ids.stig as string, "complaint", "2026-10-20T09:00:00Z")).id;
    await open(ids.anna as string, "complaint");
    await open(ids.anna as string, "billing");
    await settle();
    expect(await firings()).toEqual([]);
  });

  it("escalates the open complaints and opens a call-back case on the second complaint in 90 days", async () => {
    const latest = await open(ids.stig as string, "complaint");
    await settle();
    const done = (await firings()).filter((firing) => firing.status === "done");
    expect(done).toHaveLength(1);
    expect(done[0]?.personId).toBe(ids.stig);
    // The firing log words the stored trace in the asker's language: the admin's is Swedish.
    expect(done[0]?.explanation).toEqual(["✓ complaint.count_90d = 2, mer än 1"]);
    const [escalation, opening] = done[0]?.results ?? [];
    expect(escalation).toMatchObject({ type: "escalate", ok: true });
    const escalatedIds = ((escalation?.escalated ?? []) as Array<{ caseId: string }>).map((item) => item.caseId);
    expect(escalatedIds.sort()).toEqual([ids.recent, latest.id].sort());
    for (const id of [ids.recent, latest.id]) {
      const escalated = (await api.call({ url: `/api/cases/${id}` })).body;
      expect(escalated).toMatchObject({ line: 2, escalationLevel: 1, teamId: SECOND_LINE });
      expect(escalated.events.at(-1).data.reason).toContain("Upprepade klagomål");
    }
    expect(opening).toMatchObject({ type: "open_case", ok: true });
    const callback = (await api.call({ url: `/api/cases/${opening?.caseId}` })).body;
    expect(callback).toMatchObject({
      personId: ids.stig,
      subject: "Ring Stig Lindgren om klagomålen",
      category: "callback",
      priority: "high",
      line: 2,
      teamId: SECOND_LINE,
      sourceSystem: "rules",
    });
    expect(callback.description).toBe('Regeln "Upprepade klagomål" utlöstes:\n✓ complaint.count_90d = 2, mer än 1');
    expect(callback.events[0].actorLabel).toBe(`rule:${ids.rule}`);
  });

  it("explains the firing in English to a user who chose English, while the case keeps its Swedish text", async () => {
    const { key, userId } = await api.keyFor("support");
    const chosen = await api.call({ method: "PATCH", url: `/api/users/${userId}`, payload: { locale: "en" } });
    expect(chosen.body.locale).toBe("en");
    const log = await api.call({ url: `/api/rule-firings?ruleId=${ids.rule}&personId=${ids.stig}`, key });
    const done = (
      log.body.items as Array<{ status: string; explanation: string[]; results: Array<{ caseId?: string }> }>
    )
      .filter((firing) => firing.status === "done")
      .at(-1);
    expect(done?.explanation).toEqual(["✓ complaint.count_90d = 2, more than 1"]);
    const callback = (await api.call({ url: `/api/cases/${done?.results[1]?.caseId}`, key })).body;
    expect(callback.description).toContain("✓ complaint.count_90d = 2, mer än 1");
  });

  it("agrees with the SQL compiler on who matches", async () => {
    const dry = await api.call({
      method: "POST",
      url: "/api/rules/dry-run",
      payload: { condition: REPEATED_COMPLAINTS },
    });
    expect(dry.body).toMatchObject({ count: 1, sample: [ids.stig] });
  });

  it("does not act again on the case its own action opened, nor escalate a case twice", async () => {
    const all = await firings();
    expect(all.filter((firing) => firing.status === "skipped")).toHaveLength(1);
    const fourth = await open(ids.stig as string, "complaint");
    await settle();
    const done = (await firings()).filter((firing) => firing.status === "done");
    expect(done).toHaveLength(2);
    const newest = done.find((firing) =>
      ((firing.results[0]?.escalated ?? []) as Array<{ caseId: string }>).some((item) => item.caseId === fourth.id),
    );
    expect(newest?.results[0]?.escalated).toEqual([expect.objectContaining({ caseId: fourth.id, level: 1 })]);
  });

  it("escalates nothing, without failing, for a person without open cases of the category", async () => {
    const ctx = api.services.systemCtx("test");
    const result = await escalateCaseAction.execute(
      ctx,
      { category: "delivery" },
      {
        ruleId: ids.rule as string,
        ruleName: "Test",
        firingId: "f",
        actionIndex: 0,
        personId: ids.anna as string,
        explanation: [],
      },
    );
    expect(result).toEqual({ escalated: [] });
  });
});
