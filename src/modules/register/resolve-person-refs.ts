import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { parseEmail, parsePersonnummer } from "../../lib/se";
import { emails, externalIds, people } from "./schema";

export interface TPersonRef {
  /** The person's id in `system`, as an import file refers to its customers. */
  externalId?: string | undefined;
  personnummer?: string | undefined;
  email?: string | undefined;
}

/**
 * Finds the people that rows of another file refer to (orders, activities): by external id in
 * the same source system first, then personnummer, then e-mail. Unresolved refs give null.
 */
export async function resolvePersonRefs(
  ctx: Ctx,
  system: string,
  refs: readonly TPersonRef[],
): Promise<Array<string | null>> {
  authorize(ctx.actor, "register", "read");
  const externals = [...new Set(refs.flatMap((ref) => (ref.externalId ? [ref.externalId] : [])))];
  const pnrs = [
    ...new Set(
      refs.flatMap((ref) => {
        const parsed = ref.personnummer ? parsePersonnummer(ref.personnummer, ctx.clock.now()) : null;
        return parsed?.ok ? [parsed.value.normalized] : [];
      }),
    ),
  ];
  const mails = [
    ...new Set(
      refs.flatMap((ref) => {
        const parsed = ref.email ? parseEmail(ref.email) : null;
        return parsed?.ok ? [parsed.value.canonical] : [];
      }),
    ),
  ];
  const [byExternal, byPnr, byEmail] = await Promise.all([
    externals.length
      ? ctx.db
          .select({ key: externalIds.externalId, id: externalIds.entityId })
          .from(externalIds)
          .where(
            and(
              eq(externalIds.entity, "person"),
              eq(externalIds.system, system),
              inArray(externalIds.externalId, externals),
            ),
          )
      : [],
    pnrs.length
      ? ctx.db
          .select({ key: people.personnummer, id: people.id })
          .from(people)
          .where(inArray(people.personnummer, pnrs))
      : [],
    mails.length
      ? ctx.db
          .select({ key: emails.canonical, id: emails.personId })
          .from(emails)
          .where(and(inArray(emails.canonical, mails), isNull(emails.removedAt)))
      : [],
  ]);
  const index = (rows: Array<{ key: string | null; id: string | null }>) =>
    new Map(rows.flatMap((row) => (row.key && row.id ? [[row.key, row.id] as const] : [])));
  const externalMap = index(byExternal);
  const pnrMap = index(byPnr);
  const emailMap = index(byEmail);
  return refs.map((ref) => {
    if (ref.externalId && externalMap.has(ref.externalId)) return externalMap.get(ref.externalId) ?? null;
    if (ref.personnummer) {
      const parsed = parsePersonnummer(ref.personnummer, ctx.clock.now());
      if (parsed.ok && pnrMap.has(parsed.value.normalized)) return pnrMap.get(parsed.value.normalized) ?? null;
    }
    if (ref.email) {
      const parsed = parseEmail(ref.email);
      if (parsed.ok && emailMap.has(parsed.value.canonical)) return emailMap.get(parsed.value.canonical) ?? null;
    }
    return null;
  });
}
