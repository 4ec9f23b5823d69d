import type { Ctx } from "../kernel/ctx";
import { type RuleEngine, readRuleCursor, writeRuleCursor } from "../modules/rules";
import { committedEventsBetween } from "../modules/tracking";

const CURSOR = "tracked-events";
/** Events this young are left to the after-commit hook; a process that committed them may still be deciding. */
const SETTLE_MS = 30_000;
const PAGE = 5_000;

/** The smallest UUIDv7 of a millisecond: ids below it were made before that instant. */
function idAt(ms: number): string {
  const hex = ms.toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

/**
 * Rules decide on each tracked event right after it commits, in the process that took it. If
 * that process died in between, this sweep (each minute) hands the events rules listen for to
 * the engine again; a firing is kept once per rule, person and event, so nothing fires twice.
 */
export async function sweepEventRules(ctx: Ctx, engine: RuleEngine): Promise<{ events: number }> {
  const byKey = await engine.rulesByKey(ctx);
  const kinds = [...byKey.keys()]
    .filter((key) => key.startsWith("event:") && (byKey.get(key)?.length ?? 0) > 0)
    .map((key) => {
      // `event:<type>:<name>`, or `event:<type>:*` for every event of the type; names may hold colons.
      const rest = key.slice("event:".length);
      const colon = rest.indexOf(":");
      const name = rest.slice(colon + 1);
      return { type: rest.slice(0, colon), name: name === "*" ? null : name };
    });
  const now = ctx.clock.now().getTime();
  const before = idAt(now - SETTLE_MS);
  const after = (await readRuleCursor(ctx, CURSOR)) ?? idAt(now - 10 * 60_000);
  if (after >= before) return { events: 0 };
  const events = await committedEventsBetween(ctx, { afterId: after, beforeId: before, kinds, limit: PAGE });
  if (events.length > 0) await engine.handleEvents(ctx, events);
  await writeRuleCursor(ctx, CURSOR, events.length === PAGE ? (events.at(-1)?.id as string) : before);
  return { events: events.length };
}
