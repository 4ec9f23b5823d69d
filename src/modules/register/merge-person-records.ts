import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "../../db/rows";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { AppError, notFound } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { assertMayWrite } from "./access";
import { inferPreferredName } from "./infer-preferred-name";
import { erasedRecord } from "./owner-ref";
import { refreshPersonSearch } from "./refresh-search";
import {
  addresses,
  channelPreferences,
  consents,
  emails,
  externalIds,
  people,
  phones,
  roles,
  type TLineage,
} from "./schema";
import { settleMergedAddresses } from "./settle-merged-addresses";

export const PERSON_MERGED = "person.merged";

/** The register fields survivorship decides, each moving as one (a name with its marking). */
export const MERGE_FIELDS = [
  "name",
  "surname",
  "personnummer",
  "birthDate",
  "language",
  "timeZone",
  "lifecycleStage",
  "owner",
] as const;
export type TMergeField = (typeof MERGE_FIELDS)[number];
export const SURVIVORSHIP_RULES = ["source_trust", "most_recent", "most_complete"] as const;
export type TSurvivorshipRule = (typeof SURVIVORSHIP_RULES)[number];

export const ZSurvivorship = z.object({
  rules: z.record(z.enum(MERGE_FIELDS), z.enum(SURVIVORSHIP_RULES)),
  /** Higher is more trusted, per source system (`population-register`, `webshop`, `web`, …). */
  trust: z.record(z.string(), z.number()),
});
export type TSurvivorship = z.infer<typeof ZSurvivorship>;

/** Columns of `people` that each merge field covers; `lineage` is kept per column name. */
export const FIELD_COLUMNS: Record<TMergeField, ReadonlyArray<keyof typeof people.$inferSelect>> = {
  name: ["givenNames", "preferredNameParts", "greetingName", "greetingUncertain"],
  surname: ["surname"],
  personnummer: ["personnummer", "personnummerKind"],
  birthDate: ["birthDate"],
  language: ["language"],
  timeZone: ["timeZone"],
  lifecycleStage: ["lifecycleStage"],
  owner: ["ownerId", "ownerTeamId"],
};
const LINEAGE_KEY: Record<TMergeField, string> = {
  name: "givenNames",
  surname: "surname",
  personnummer: "personnummer",
  birthDate: "birthDate",
  language: "language",
  timeZone: "timeZone",
  lifecycleStage: "lifecycleStage",
  owner: "ownerId",
};

type PersonRow = typeof people.$inferSelect;

/** What a merge changed, so that an unmerge can put it back. */
export interface TRegisterMergeSnapshot {
  survivorBefore: PersonRow;
  mergedBefore: PersonRow;
  /** The fields whose value the survivor took from the merged record. */
  takenFields: TMergeField[];
  /** The name the person goes by, learnt from the other record (see inferPreferredName). */
  inferredName?: { preferredNameParts: number[]; greetingName: string; greetingUncertain: false };
  moved: {
    emails: string[];
    phones: string[];
    addresses: string[];
    consents: string[];
    channelPreferences: string[];
    roles: string[];
    externalIds: Array<{ system: string; externalId: string }>;
  };
  /** Moved e-mails and phones that were primary and gave way to the survivor's. */
  demotedPrimaries: string[];
  /** Current addresses the merge closed (see settleMergedAddresses): an unmerge opens them again. */
  closedAddresses?: string[];
  /** Moved e-mails and phones set aside because the survivor has the same address or number. */
  removedDuplicates?: string[];
}

function completeness(row: PersonRow, field: TMergeField): number {
  if (field === "name") return row.givenNames.split(/\s+/).length * 10 + (row.preferredNameParts?.length ? 5 : 0);
  return FIELD_COLUMNS[field].filter((column) => row[column] !== null && row[column] !== "").length;
}

/** Which record's value survives for a field, by the configured rule; ties keep the survivor's. */
export function survivingSide(
  field: TMergeField,
  survivor: PersonRow,
  merged: PersonRow,
  survivorship: TSurvivorship,
): "survivor" | "merged" {
  const emptyOf = (row: PersonRow) =>
    FIELD_COLUMNS[field].every((column) => row[column] === null || row[column] === "");
  if (emptyOf(merged)) return "survivor";
  if (emptyOf(survivor)) return "merged";
  // A value some source gave beats one the register filled in itself (a new record's stage
  // "interested", language "sv"); a birth date read from a personnummer has that as its source.
  const sourced = (row: PersonRow) =>
    row.lineage[LINEAGE_KEY[field]] !== undefined || (field === "birthDate" && row.lineage.personnummer !== undefined);
  if (sourced(survivor) !== sourced(merged)) return sourced(merged) ? "merged" : "survivor";
  const plain = (value: string) =>
    value
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  if (field === "name" && plain(survivor.givenNames) === plain(merged.givenNames)) {
    // The same given names, one record knowing which the person goes by: that one wins, or the
    // merge would forget the marking and greet Karin as Eva.
    const marked = (row: PersonRow) => (row.preferredNameParts?.length ?? 0) > 0;
    if (marked(survivor) !== marked(merged)) return marked(merged) ? "merged" : "survivor";
  }
  if (field === "name" || field === "surname") {
    // "Wikstrom" and "Wikström" are one name written two ways: the one with the letters wins.
    const text = (row: PersonRow) => (field === "name" ? row.givenNames : row.surname);
    const marks = (value: string) => value.normalize("NFD").length - value.normalize("NFC").length;
    if (plain(text(survivor)) === plain(text(merged)) && marks(text(survivor)) !== marks(text(merged))) {
      return marks(text(merged)) > marks(text(survivor)) ? "merged" : "survivor";
    }
  }
  const lineageOf = (row: PersonRow): TLineage | undefined => row.lineage[LINEAGE_KEY[field]];
  const rule = survivorship.rules[field] ?? "most_recent";
  if (rule === "source_trust") {
    const trustOf = (row: PersonRow) => survivorship.trust[lineageOf(row)?.system ?? ""] ?? 0;
    if (trustOf(merged) > trustOf(survivor)) return "merged";
    if (trustOf(merged) < trustOf(survivor)) return "survivor";
  }
  if (rule === "most_complete") {
    if (completeness(merged, field) > completeness(survivor, field)) return "merged";
    if (completeness(merged, field) < completeness(survivor, field)) return "survivor";
  }
  const receivedOf = (row: PersonRow) => lineageOf(row)?.receivedAt ?? row.updatedAt.toISOString();
  return receivedOf(merged) > receivedOf(survivor) ? "merged" : "survivor";
}

/**
 * Merges one person's record into another's. Scalar fields follow the survivorship rules;
 * contact points, address history, consents, roles and external ids are all kept, moved to the
 * survivor with their lineage. The merged record stays, hidden and pointing at the survivor, so
 * the merge can be undone; an objection to profiling on either record survives.
 */
export async function mergePersonRecords(
  ctx: Ctx,
  input: { survivorId: string; mergedId: string; survivorship: TSurvivorship },
): Promise<TRegisterMergeSnapshot> {
  const { survivorId, mergedId } = input;
  if (survivorId === mergedId) throw new AppError("bad_request", "A person cannot be merged with themselves");
  return withTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .select()
      .from(people)
      .where(inArray(people.id, [survivorId, mergedId]))
      .orderBy(people.id)
      .for("update");
    const survivor = rows.find((row) => row.id === survivorId);
    const merged = rows.find((row) => row.id === mergedId);
    if (!survivor || survivor.mergedInto) throw notFound("person", survivorId);
    if (!merged || merged.mergedInto) throw notFound("person", mergedId);
    for (const row of [survivor, merged]) if (row.erasedAt) throw erasedRecord(row.id, row.erasedAt);
    assertMayWrite(tx, "person", survivor);
    assertMayWrite(tx, "person", merged);

    const takenFields = MERGE_FIELDS.filter(
      (field) => survivingSide(field, survivor, merged, input.survivorship) === "merged",
    );
    const update: Partial<PersonRow> = {};
    const lineage = { ...merged.lineage, ...survivor.lineage };
    for (const field of takenFields) {
      for (const column of FIELD_COLUMNS[field]) Object.assign(update, { [column]: merged[column] });
      const key = LINEAGE_KEY[field];
      if (merged.lineage[key]) lineage[key] = merged.lineage[key];
    }
    const nameFrom = takenFields.includes("name") ? merged : survivor;
    const learnt = inferPreferredName(
      nameFrom.givenNames,
      nameFrom.preferredNameParts,
      (nameFrom === merged ? survivor : merged).givenNames,
    );
    const inferredName = learnt
      ? { preferredNameParts: learnt.parts, greetingName: learnt.greeting, greetingUncertain: false as const }
      : undefined;
    if (inferredName) Object.assign(update, inferredName);
    const custom = { ...merged.custom, ...survivor.custom };
    const objects = survivor.profilingObjection || merged.profilingObjection;
    // The unique personnummer moves: the merged record lets go of it first.
    await tx.db
      .update(people)
      .set({ mergedInto: survivorId, personnummer: null, updatedAt: tx.clock.now() })
      .where(eq(people.id, mergedId));
    await tx.db
      .update(people)
      .set({
        ...update,
        custom,
        lineage,
        profilingObjection: objects,
        profilingObjectionAt: objects ? (survivor.profilingObjectionAt ?? merged.profilingObjectionAt) : null,
        updatedAt: tx.clock.now(),
      })
      .where(eq(people.id, survivorId));

    const move = async <T extends typeof emails | typeof phones | typeof addresses | typeof consents | typeof roles>(
      table: T,
    ): Promise<string[]> => {
      const moved = await tx.db
        .update(table)
        .set({ personId: survivorId } as never)
        .where(eq(table.personId, mergedId))
        .returning({ id: table.id });
      return moved.map((row) => row.id);
    };
    const movedEmails = await move(emails);
    const movedPhones = await move(phones);
    const movedAddresses = await move(addresses);
    const closedAddresses = await settleMergedAddresses(tx, survivorId, movedAddresses);
    const movedConsents = await move(consents);
    const movedRoles = await move(roles);
    // A preference per topic: the survivor's own wins, the merged record's others join it.
    const survivorTopics = await tx.db
      .select({ topic: channelPreferences.topic })
      .from(channelPreferences)
      .where(eq(channelPreferences.personId, survivorId));
    const taken = survivorTopics.map((row) => row.topic);
    const movedPreferences = await tx.db
      .update(channelPreferences)
      .set({ personId: survivorId })
      .where(
        and(
          eq(channelPreferences.personId, mergedId),
          ...(taken.length ? [notInArray(channelPreferences.topic, taken)] : []),
        ),
      )
      .returning({ id: channelPreferences.id });
    const movedExternal = await tx.db
      .update(externalIds)
      .set({ entityId: survivorId })
      .where(and(eq(externalIds.entity, "person"), eq(externalIds.entityId, mergedId)))
      .returning({ system: externalIds.system, externalId: externalIds.externalId });
    // The same e-mail or number on both records is one contact point: the merged record's copy is
    // set aside (kept, with its lineage, for an unmerge), so nobody is written to twice.
    const removedDuplicates: string[] = [];
    for (const [table, moved, key] of [
      [emails, movedEmails, "canonical"],
      [phones, movedPhones, "e164"],
    ] as const) {
      if (moved.length === 0) continue;
      const movedIds = sql.join(
        moved.map((id) => sql`${id}::uuid`),
        sql`, `,
      );
      const rows = await queryRows<{ id: string }>(
        tx.db,
        sql`update ${table} m set removed_at = ${tx.clock.now().toISOString()}::timestamptz
            where m.id in (${movedIds}) and m.removed_at is null
              and exists (select 1 from ${table} s where s.person_id = ${survivorId} and s.removed_at is null
                and s.id not in (${movedIds}) and s.${sql.identifier(key)} = m.${sql.identifier(key)})
            returning m.id`,
      );
      removedDuplicates.push(...rows.map((row) => row.id));
    }
    // The survivor keeps its own primary e-mail and phone; the merged record's become secondary.
    const demoted: string[] = [];
    for (const [table, moved] of [
      [emails, movedEmails],
      [phones, movedPhones],
    ] as const) {
      if (moved.length === 0) continue;
      const rows = await tx.db
        .update(table)
        .set({ isPrimary: false })
        .where(
          and(
            inArray(table.id, moved),
            eq(table.isPrimary, true),
            sql`exists (select 1 from ${table} s where s.person_id = ${survivorId} and s.is_primary and s.removed_at is null and s.id not in (${sql.join(
              moved.map((id) => sql`${id}::uuid`),
              sql`, `,
            )}))`,
          ),
        )
        .returning({ id: table.id });
      demoted.push(...rows.map((row) => row.id));
    }
    await refreshPersonSearch(tx.db, survivorId);
    await tx.db.update(people).set({ searchText: "" }).where(eq(people.id, mergedId));

    const snapshot: TRegisterMergeSnapshot = {
      survivorBefore: survivor,
      mergedBefore: merged,
      takenFields,
      ...(inferredName ? { inferredName } : {}),
      moved: {
        emails: movedEmails,
        phones: movedPhones,
        addresses: movedAddresses,
        consents: movedConsents,
        channelPreferences: movedPreferences.map((row) => row.id),
        roles: movedRoles,
        externalIds: movedExternal,
      },
      demotedPrimaries: demoted,
      closedAddresses,
      removedDuplicates,
    };
    await recordAudit(tx, {
      action: "person.merge",
      entity: "person",
      entityId: survivorId,
      before: { survivor: survivor.id, merged: merged.id },
      after: { takenFields, moved: snapshot.moved },
    });
    await emitEvent(tx, PERSON_MERGED, { survivorId, mergedId, takenFields });
    return snapshot;
  });
}
