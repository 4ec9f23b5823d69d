import { sql } from "drizzle-orm";
import { insertJsonRows } from "../../db/bulk";
import { queryRows } from "../../db/rows";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId } from "../../kernel/ctx";
import { emitEvent } from "../../kernel/events";
import type { TSegmentMessage } from "./segment-message";

export const IDENTITY_LINKED = "tracking.identity_linked";
export const IDENTITY_CONFLICT = "tracking.identity_conflict";

/**
 * Finds the person that identify traits name, and registers one when asked and the traits say
 * enough. Supplied by the composition root: matching people is the register's business.
 */
export interface PersonFinder {
  findOrCreatePerson(
    ctx: Ctx,
    input: { sourceName: string; userId: string | null; traits: Record<string, unknown>; create: boolean },
  ): Promise<{ personId: string; created: boolean } | null>;
}

export interface IdentityLinks {
  /** The person a message belongs to, as far as identities are known after this batch. */
  personOf(message: Pick<TSegmentMessage, "userId" | "anonymousId">): string | null;
  /** Moves earlier events and trait buckets of newly linked ids to their person. */
  stitch(ctx: Ctx): Promise<void>;
}

type Kind = "anonymous" | "user";
type TSource = { id: string; name: string };
const keyOf = (kind: Kind, value: string) => `${kind}\t${value}`;

interface NewLink {
  kind: Kind;
  value: string;
  person_id: string;
  source_id: string;
  linked_at: string;
  message_id: string;
}

/** The subject of computed-trait buckets: the person, or the anonymous visitor until identified. */
export function subjectOf(message: Pick<TSegmentMessage, "userId" | "anonymousId">, links: IdentityLinks) {
  const person = links.personOf(message);
  if (person) return person;
  if (message.anonymousId) return `a:${message.anonymousId}`;
  if (message.userId) return `u:${message.userId}`;
  return null;
}

/**
 * Resolves the identities in a batch. `identify` and `alias` link anonymous and user ids to a
 * person (found through the register, or registered); an id already linked to someone else is
 * flagged as a conflict and left as it was, never silently moved or merged.
 */
export async function linkIdentities(
  ctx: Ctx,
  items: ReadonlyArray<{ source: TSource; message: TSegmentMessage }>,
  finder: PersonFinder,
): Promise<IdentityLinks> {
  const known = await loadKnown(
    ctx,
    items.map((item) => item.message),
  );
  const newLinks: NewLink[] = [];
  /** Links an id to a person, or flags it when it already belongs to someone else. */
  const claim = async (
    { source, message }: { source: TSource; message: TSegmentMessage },
    kind: Kind,
    value: string | null,
    personId: string,
  ) => {
    if (!value) return;
    const linked = known.get(keyOf(kind, value));
    if (linked === undefined) {
      known.set(keyOf(kind, value), personId);
      newLinks.push({
        kind,
        value,
        person_id: personId,
        source_id: source.id,
        linked_at: ctx.clock.now().toISOString(),
        message_id: message.messageId,
      });
    } else if (linked !== personId) {
      await flagConflict(ctx, source.id, message, kind, value, linked, personId);
    }
  };

  for (const item of items) {
    const { message, source } = item;
    if (message.type === "identify") {
      const byUser = message.userId ? known.get(keyOf("user", message.userId)) : undefined;
      const byAnonymous = message.anonymousId ? known.get(keyOf("anonymous", message.anonymousId)) : undefined;
      let personId = byUser;
      if (!personId) {
        const found = await finder.findOrCreatePerson(ctx, {
          sourceName: source.name,
          userId: message.userId,
          traits: message.traits ?? {},
          create: byAnonymous === undefined,
        });
        personId = found?.personId ?? byAnonymous;
      }
      if (!personId) continue;
      await claim(item, "user", message.userId, personId);
      await claim(item, "anonymous", message.anonymousId, personId);
    } else if (message.type === "alias" && message.userId && message.previousId) {
      const byUser = known.get(keyOf("user", message.userId));
      const previousKind: Kind = known.has(keyOf("user", message.previousId)) ? "user" : "anonymous";
      const byPrevious = known.get(keyOf(previousKind, message.previousId));
      if (byUser) await claim(item, previousKind, message.previousId, byUser);
      else if (byPrevious) await claim(item, "user", message.userId, byPrevious);
    }
  }

  if (newLinks.length > 0) {
    await insertJsonRows(
      ctx.db,
      "tracking_identities",
      {
        kind: "text",
        value: "text",
        person_id: "uuid",
        source_id: "uuid",
        linked_at: "timestamptz",
        message_id: "text",
      },
      newLinks,
      sql`on conflict (kind, value) do nothing`,
    );
    for (const entry of newLinks) {
      const payload = { kind: entry.kind, value: entry.value, personId: entry.person_id, sourceId: entry.source_id };
      await emitEvent(ctx, IDENTITY_LINKED, payload);
      await recordAudit(ctx, { action: "identity.link", entity: "person", entityId: entry.person_id, after: payload });
    }
  }

  return {
    personOf: (message) =>
      (message.userId ? known.get(keyOf("user", message.userId)) : undefined) ??
      (message.anonymousId ? known.get(keyOf("anonymous", message.anonymousId)) : undefined) ??
      null,
    stitch: (tx) => stitchLinks(tx, newLinks),
  };
}

async function loadKnown(ctx: Ctx, messages: readonly TSegmentMessage[]): Promise<Map<string, string>> {
  const wanted = new Map<string, { k: Kind; v: string }>();
  const want = (kind: Kind, value: string | null) => {
    if (value) wanted.set(keyOf(kind, value), { k: kind, v: value });
  };
  for (const message of messages) {
    want("anonymous", message.anonymousId);
    want("user", message.userId);
    if (message.previousId) {
      want("anonymous", message.previousId);
      want("user", message.previousId);
    }
  }
  const known = new Map<string, string>();
  if (wanted.size === 0) return known;
  const rows = await queryRows<{ kind: Kind; value: string; person_id: string }>(
    ctx.db,
    sql`select i.kind, i.value, i.person_id from tracking_identities i
        join jsonb_to_recordset(${JSON.stringify([...wanted.values()])}::jsonb) as w(k text, v text)
          on i.kind = w.k and i.value = w.v`,
  );
  for (const row of rows) known.set(keyOf(row.kind, row.value), row.person_id);
  return known;
}

async function flagConflict(
  ctx: Ctx,
  sourceId: string,
  message: TSegmentMessage,
  kind: Kind,
  value: string,
  linkedPersonId: string,
  claimedPersonId: string,
): Promise<void> {
  const reason =
    kind === "anonymous"
      ? "This device's anonymous id is already linked to another person (a shared device?)"
      : "This user id is already linked to another person";
  const id = newId(ctx);
  await ctx.db.execute(
    sql`insert into identity_conflicts (id, kind, value, linked_person_id, claimed_person_id, reason, source_id, message_id, status, detected_at)
        values (${id}, ${kind}, ${value}, ${linkedPersonId}, ${claimedPersonId}, ${reason}, ${sourceId}, ${message.messageId}, 'open', ${ctx.clock.now().toISOString()})`,
  );
  const payload = { id, kind, value, linkedPersonId, claimedPersonId, reason };
  await emitEvent(ctx, IDENTITY_CONFLICT, payload);
  await recordAudit(ctx, { action: "identity.conflict", entity: "identity_conflict", entityId: id, after: payload });
}

async function stitchLinks(ctx: Ctx, links: readonly NewLink[]): Promise<void> {
  for (const entry of links) {
    const column = entry.kind === "anonymous" ? sql`anonymous_id` : sql`user_id`;
    await ctx.db.execute(
      sql`update tracked_events set person_id = ${entry.person_id} where ${column} = ${entry.value} and person_id is null`,
    );
    const subject = `${entry.kind === "anonymous" ? "a" : "u"}:${entry.value}`;
    await moveBuckets(ctx, subject, entry.person_id);
  }
}

/** Folds one subject's trait buckets into another's: a visitor's history becomes the person's. */
export async function moveBuckets(ctx: Pick<Ctx, "db">, from: string, to: string): Promise<void> {
  await ctx.db.execute(
    sql`insert into computed_trait_buckets (trait_id, subject, day, count, sum, min, max)
        select trait_id, ${to}, day, count, sum, min, max from computed_trait_buckets where subject = ${from}
        on conflict (subject, trait_id, day) do update set
          count = computed_trait_buckets.count + excluded.count,
          sum = computed_trait_buckets.sum + excluded.sum,
          min = least(computed_trait_buckets.min, excluded.min),
          max = greatest(computed_trait_buckets.max, excluded.max)`,
  );
  await ctx.db.execute(sql`delete from computed_trait_buckets where subject = ${from}`);
}
