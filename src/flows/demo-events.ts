import { systemActor } from "../kernel/actor";
import type { Ctx } from "../kernel/ctx";
import { loadCountryLookup } from "../lib/enrich";
import { profilingObjectors } from "../modules/register";
import type { RuleEngine } from "../modules/rules";
import { createWriteKey } from "../modules/sources";
import { collectEvents, defineComputedTrait, listComputedTraits, type TCommittedEvent } from "../modules/tracking";
import { registerPersonFinder } from "./identify-person";

const DAY = 86_400_000;
const PAGES = [
  ["Start", "/"],
  ["Kaffe", "/produkter/kaffe"],
  ["Te", "/produkter/te"],
  ["Kassa", "/kassa"],
  ["Mina sidor", "/mina-sidor"],
  ["Kundtjänst", "/kundtjanst"],
] as const;
const ARRIVALS = [
  "?utm_source=nyhetsbrev&utm_medium=email&utm_campaign=h%C3%B6strea",
  "?gclid=demo",
  "",
  "",
  "?utm_source=facebook&utm_medium=social",
];
const AGENTS = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
];

/** The computed traits the demo's events feed and its rule reads. */
export async function defineDemoTraits(ctx: Ctx): Promise<void> {
  const existing = new Set((await listComputedTraits(ctx)).map((trait) => trait.key));
  if (!existing.has("page_views_30d")) {
    await defineComputedTrait(ctx, {
      key: "page_views_30d",
      label: "Webbesök, 30 dagar",
      eventType: "page",
      aggregate: "count",
      windowDays: 30,
    });
  }
  if (!existing.has("complaint_calls_90d")) {
    await defineComputedTrait(ctx, {
      key: "complaint_calls_90d",
      label: "Klagomålssamtal, 90 dagar",
      eventType: "track",
      eventName: "Support Call",
      filters: [{ property: "reason", op: "eq", value: "complaint" }],
      aggregate: "count",
      windowDays: 90,
    });
  }
}

export interface DemoVisitor {
  id: string;
  email: string | null;
  /** Calls to complain again and again, and hardly visits the shop: the sales letter's customer. */
  unhappy?: boolean;
}

/**
 * What the demo people did on the demo shop and with customer service over the last month:
 * identified visits, page views from newsletters, ads and social media, and support calls, sent
 * through the tracking API's own verb. Given the rule engine, the rules decide on the events as
 * they would on the API's, and the demo waits for their decisions.
 */
export async function loadDemoEvents(
  ctx: Ctx,
  people: readonly DemoVisitor[],
  random: () => number,
  engine?: RuleEngine,
): Promise<{ events: number }> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const decisions: Array<Promise<unknown>> = [];
  const rulesCtx = { ...ctx, actor: systemActor("rules") };
  const { source } = await createWriteKey(ctx, { name: "Demobutiken", kind: "web" });
  const deps = {
    finder: registerPersonFinder,
    objectors: profilingObjectors,
    countries: await loadCountryLookup().catch(() => null),
    ipMode: "truncate" as const,
    defaultTimeZone: "Europe/Stockholm",
    ...(engine
      ? {
          onCommitted: (events: TCommittedEvent[]) => {
            const deciding = engine.handleEvents(rulesCtx, events);
            // Marked as handled now, so a failure cannot end the process before the demo awaits it below.
            deciding.catch(() => {});
            decisions.push(deciding);
          },
        }
      : {}),
  };
  const now = ctx.clock.now().getTime();
  let events = 0;
  let batch: Array<Record<string, unknown>> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const body = { batch };
    await collectEvents(
      ctx,
      {
        source,
        body,
        endpoint: "batch",
        bodyBytes: JSON.stringify(body).length,
        requestIp: null,
        requestUserAgent: null,
      },
      deps,
    );
    events += batch.length;
    batch = [];
  };
  for (const [index, person] of people.entries()) {
    if (!person.email || (!person.unhappy && random() < 0.3)) continue;
    const anonymousId = `demo-visitor-${index}`;
    const userAgent = pick(AGENTS);
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY - Math.floor(random() * DAY)).toISOString();
    batch.push({
      type: "identify",
      anonymousId,
      userId: `demo-${index}`,
      traits: { email: person.email },
      timestamp: at(30),
    });
    const visits = person.unhappy ? 1 + Math.floor(random() * 3) : Math.floor(random() * 9);
    for (let visit = 0; visit < visits; visit++) {
      const [title, path] = pick(PAGES);
      const url = `https://butik.example.se${path}${pick(ARRIVALS)}`;
      batch.push({
        type: "page",
        anonymousId,
        name: title,
        properties: { title, path, url },
        context: { userAgent, page: { url, path, title }, timezone: "Europe/Stockholm", ip: "1.178.93.17" },
        timestamp: at(Math.floor(random() * 30)),
      });
    }
    const reasons = person.unhappy
      ? ["question", ...Array.from({ length: 4 + Math.floor(random() * 2) }, () => "complaint")]
      : random() < 0.12
        ? Array.from({ length: 1 + Math.floor(random() * 5) }, () => (random() < 0.6 ? "complaint" : "question"))
        : [];
    for (const reason of reasons) {
      batch.push({
        type: "track",
        userId: `demo-${index}`,
        event: "Support Call",
        properties: { reason, queue: "kundtjänst" },
        timestamp: at(Math.floor(random() * 80)),
      });
    }
    if (batch.length > 300) await flush();
  }
  await flush();
  await Promise.all(decisions);
  return { events };
}
