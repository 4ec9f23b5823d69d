import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { parseEmail, parsePersonnummer, parsePhone } from "../../lib/se";
import { emails, externalIds, people, phones } from "./schema";

export interface TPersonRef {
  /** The person's id in `system`, as an import file refers to its customers. */
  externalId?: string | undefined;
  personnummer?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

/**
 * Finds the people that rows of another file or a tracking call refer to: by external id in the
 * same source system first, then personnummer, then e-mail, then phone. Unresolved refs give null.
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
  const numbers = [
    ...new Set(
      refs.flatMap((ref) => {
        const parsed = ref.phone ? parsePhone(ref.phone) : null;
        return parsed?.ok ? [parsed.value.e164] : [];
      }),
    ),
  ];
  const [byExternal, byPnr, byEmail, byPhone] = await Promise.all([
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
    numbers.length
      ? ctx.db
          .select({ key: phones.e164, id: phones.personId })
          .from(phones)
          .where(and(inArray(phones.e164, numbers), isNull(phones.removedAt)))
      : [],
  ]);
  const index = (rows: Array<{ key: string | null; id: string | null }>) =>
    new Map(rows.flatMap((row) => (row.key && row.id ? [[row.key, row.id] as const] : [])));
  const externalMap = index(byExternal);
  const pnrMap = index(byPnr);
  const emailMap = index(byEmail);
  const phoneMap = index(byPhone);
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
    if (ref.phone) {
      const parsed = parsePhone(ref.phone);
      if (parsed.ok && phoneMap.has(parsed.value.e164)) return phoneMap.get(parsed.value.e164) ?? null;
    }
    return null;
  });
}
