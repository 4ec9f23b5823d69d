import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepEventRules } from "../../src/flows/sweep-event-rules";
import { ManualClock } from "../../src/kernel/clock";
import { createPerson } from "../../src/modules/register";
import { saveRule } from "../../src/modules/rules";
import { createWriteKey } from "../../src/modules/sources";
import { collectEvents } from "../../src/modules/tracking";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

/**
 * A process that commits events and dies before its rules decide must not cost the decision:
 * the minute sweep hands the events to the engine again, and each still fires once.
 */
// Event ids are UUIDv7 and never go back within a process: one clock for both stores, starting at
// the real now (request ids follow the real clock), only ever moved forward.
const clock = new ManualClock(new Date());

describe.each(STORE_KINDS)("rules on events the deciding process never saw [%s]", (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind, { clock });
  });
  afterAll(async () => api?.close());

  it("fires for events committed without their after-commit decision, once", async () => {
    const ctx = api.services.systemCtx("test");
    const person = await createPerson(ctx, {
      givenNames: "Tove",
      surname: "Lind",
      emails: [{ address: "tove@example.se" }],
    });
    const source = (await createWriteKey(ctx, { name: "Kassa" })).source;
    const rule = await saveRule(ctx, api.services.rules, {
      name: "Välkommen",
      trigger: { type: "event", eventType: "track", eventName: "Signed Up" },
      condition: { field: "person.lifecycle_stage", op: "eq", value: "interested" },
      actions: [{ type: "add_to_list", config: { list: "Nya kunder" } }],
    });
    // The deciding hook is left out, as if the process had died right after the commit.
    const deps = { ...(await api.services.trackingDeps()), onCommitted: undefined };
    await collectEvents(
      ctx,
      {
        source,
        body: {
          batch: [
            { type: "identify", userId: "t-1", traits: { email: "tove@example.se" } },
            { type: "track", userId: "t-1", event: "Signed Up", messageId: "signup-1" },
          ],
        },
        endpoint: "batch",
        bodyBytes: 200,
        requestIp: null,
        requestUserAgent: null,
      },
      deps,
    );
    const firings = async () => (await api.call({ url: `/api/rule-firings?ruleId=${rule.id}` })).body.items;
    expect(await firings()).toHaveLength(0);
    // Events younger than half a minute are left to their own process.
    expect((await sweepEventRules(ctx, api.services.rules)).events).toBe(0);
    clock.advance(31_000);
    expect((await sweepEventRules(ctx, api.services.rules)).events).toBe(1);
    expect(await firings()).toEqual([expect.objectContaining({ personId: person.id, status: "done" })]);
    // A second sweep reads on from where the first stopped.
    clock.advance(60_000);
    expect((await sweepEventRules(ctx, api.services.rules)).events).toBe(0);
    expect(await firings()).toHaveLength(1);
  });
});
