import { and, inArray, isNull } from "drizzle-orm";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { parseEmail, parsePersonnummer, parsePhone } from "../../lib/se";
import { recordsByExternalId } from "./records-by-external-id";
import { emails, people, phones } from "./schema";

export interface TPersonRef {
  /** The person's id in `system`, as an import file refers to its customers. */
  externalId?: string | undefined;
  personnummer?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

/** A ref's person, or why there is none: no one, or several people sharing its e-mail or phone. */
export type TPersonRefMatch = { personId: string } | { ambiguous: "email" | "phone" } | null;

/**
 * Finds the people that rows of another file or a tracking call refer to: by external id in the
 * same source system first, then personnummer, then e-mail, then phone. Unresolved refs give null.
 */
export async function resolvePersonRefs(
  ctx: Ctx,
  system: string,
  refs: readonly TPersonRef[],
): Promise<Array<string | null>> {
  // A tracking call keeps to the person an e-mail or phone was last seen with, shared or not.
  return (await lookUpPersonRefs(ctx, system, refs)).map((found) => found?.personId ?? null);
}

/**
 * As `resolvePersonRefs`, but an e-mail or phone that several people share (a family's address)
 * names no one of them: the match says so, for an import to report instead of picking one.
 */
export async function matchPersonRefs(
  ctx: Ctx,
  system: string,
  refs: readonly TPersonRef[],
): Promise<Array<TPersonRefMatch>> {
  return (await lookUpPersonRefs(ctx, system, refs)).map((found) =>
    !found ? null : found.sharedBy ? { ambiguous: found.sharedBy } : { personId: found.personId },
  );
}

async function lookUpPersonRefs(
  ctx: Ctx,
  system: string,
  refs: readonly TPersonRef[],
): Promise<Array<{ personId: string; sharedBy?: "email" | "phone" } | null>> {
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
    recordsByExternalId(ctx, "person", system, externals).then((found) => [...found].map(([key, id]) => ({ key, id }))),
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
  /** How many people hold each key: an e-mail or a phone may be a whole family's. */
  const holders = (rows: Array<{ key: string | null; id: string | null }>) => {
    const people = new Map<string, Set<string>>();
    for (const row of rows) {
      if (row.key && row.id) people.set(row.key, (people.get(row.key) ?? new Set()).add(row.id));
    }
    return (key: string) => people.get(key)?.size ?? 0;
  };
  const externalMap = index(byExternal);
  const pnrMap = index(byPnr);
  const emailMap = index(byEmail);
  const phoneMap = index(byPhone);
  const emailHolders = holders(byEmail);
  const phoneHolders = holders(byPhone);
  return refs.map((ref) => {
    const externalId = ref.externalId ? externalMap.get(ref.externalId) : undefined;
    if (externalId) return { personId: externalId };
    if (ref.personnummer) {
      const parsed = parsePersonnummer(ref.personnummer, ctx.clock.now());
      const id = parsed.ok ? pnrMap.get(parsed.value.normalized) : undefined;
      if (id) return { personId: id };
    }
    if (ref.email) {
      const parsed = parseEmail(ref.email);
      const id = parsed.ok ? emailMap.get(parsed.value.canonical) : undefined;
      if (parsed.ok && id) {
        return emailHolders(parsed.value.canonical) > 1 ? { personId: id, sharedBy: "email" } : { personId: id };
      }
    }
    if (ref.phone) {
      const parsed = parsePhone(ref.phone);
      const id = parsed.ok ? phoneMap.get(parsed.value.e164) : undefined;
      if (parsed.ok && id) {
        return phoneHolders(parsed.value.e164) > 1 ? { personId: id, sharedBy: "phone" } : { personId: id };
      }
    }
    return null;
  });
}
