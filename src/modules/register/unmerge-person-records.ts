import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { AppError, notFound } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { assertMayWrite } from "./access";
import { FIELD_COLUMNS, type TRegisterMergeSnapshot } from "./merge-person-records";
import { erasedRecord } from "./owner-ref";
import { refreshPersonSearch } from "./refresh-search";
import { addresses, channelPreferences, consents, emails, externalIds, people, phones, roles } from "./schema";

export const PERSON_UNMERGED = "person.unmerged";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Undoes a merge from its snapshot. The merged record comes back as it was; what it brought to
 * the survivor goes back to it, as far as it is still there. A field the survivor took from the
 * merged record is given back its earlier value unless someone has changed it since: a later
 * edit is a fact of its own, and an unmerge must not lose it.
 */
export async function unmergePersonRecords(
  ctx: Ctx,
  snapshot: TRegisterMergeSnapshot,
  mergedAt: Date,
): Promise<{ restoredFields: string[]; withdrawalsKept: number }> {
  const survivorId = snapshot.survivorBefore.id;
  const mergedId = snapshot.mergedBefore.id;
  return withTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .select()
      .from(people)
      .where(inArray(people.id, [survivorId, mergedId]))
      .for("update");
    const survivor = rows.find((row) => row.id === survivorId);
    const merged = rows.find((row) => row.id === mergedId);
    if (!survivor) throw notFound("person", survivorId);
    if (!merged) throw notFound("person", mergedId);
    for (const row of [survivor, merged]) if (row.erasedAt) throw erasedRecord(row.id, row.erasedAt);
    if (merged.mergedInto !== survivorId) throw new AppError("conflict", "These records are not merged");
    assertMayWrite(tx, "person", survivor);

    const restore: Record<string, unknown> = {};
    const restoredFields: string[] = [];
    // What the merge left in each field it changed: the merged record's value, and for the name
    // the marking it learnt on top of whichever record's names survived.
    const nameSource = snapshot.takenFields.includes("name") ? snapshot.mergedBefore : snapshot.survivorBefore;
    const changed = snapshot.inferredName
      ? [...new Set([...snapshot.takenFields, "name" as const])]
      : snapshot.takenFields;
    for (const field of changed) {
      const columns = FIELD_COLUMNS[field];
      const left: Record<string, unknown> =
        field === "name" && snapshot.inferredName
          ? { ...nameSource, ...snapshot.inferredName }
          : (snapshot.mergedBefore as Record<string, unknown>);
      const untouched = columns.every((column) => same(survivor[column], left[column]));
      if (!untouched) continue;
      for (const column of columns) restore[column] = snapshot.survivorBefore[column];
      restoredFields.push(field);
    }
    const objection = objectionAfterUnmerge(snapshot, survivor, mergedAt);
    if (objection.survivor) {
      Object.assign(restore, objection.survivor);
      restoredFields.push("profilingObjection");
    }
    // The survivor first gives back what it took, which frees the personnummer for its owner.
    if (Object.keys(restore).length > 0) {
      await tx.db
        .update(people)
        .set({ ...restore, updatedAt: tx.clock.now() })
        .where(eq(people.id, survivorId));
    }
    const { mergedBefore } = snapshot;
    await tx.db
      .update(people)
      .set({
        personnummer: mergedBefore.personnummer,
        personnummerKind: mergedBefore.personnummerKind,
        mergedInto: null,
        ...objection.merged,
        updatedAt: tx.clock.now(),
      })
      .where(eq(people.id, mergedId));

    const back = async <T extends typeof emails | typeof phones | typeof addresses | typeof consents | typeof roles>(
      table: T,
      ids: string[],
    ) => {
      if (ids.length === 0) return;
      await tx.db
        .update(table)
        .set({ personId: mergedId } as never)
        .where(and(inArray(table.id, ids), eq(table.personId, survivorId)));
    };
    await back(emails, snapshot.moved.emails);
    await back(phones, snapshot.moved.phones);
    await back(addresses, snapshot.moved.addresses);
    if (snapshot.closedAddresses?.length) {
      await tx.db.update(addresses).set({ validTo: null }).where(inArray(addresses.id, snapshot.closedAddresses));
    }
    await back(consents, snapshot.moved.consents);
    const withdrawalsKept = await keepWithdrawals(tx, survivorId, mergedId, snapshot.moved.consents, mergedAt);
    await back(roles, snapshot.moved.roles);
    if (snapshot.moved.channelPreferences.length) {
      await tx.db
        .update(channelPreferences)
        .set({ personId: mergedId })
        .where(
          and(
            inArray(channelPreferences.id, snapshot.moved.channelPreferences),
            eq(channelPreferences.personId, survivorId),
          ),
        );
    }
    for (const key of snapshot.moved.externalIds) {
      await tx.db
        .update(externalIds)
        .set({ entityId: mergedId })
        .where(
          and(
            eq(externalIds.entity, "person"),
            eq(externalIds.system, key.system),
            eq(externalIds.externalId, key.externalId),
            eq(externalIds.entityId, survivorId),
          ),
        );
    }
    if (snapshot.removedDuplicates?.length) {
      await tx.db.update(emails).set({ removedAt: null }).where(inArray(emails.id, snapshot.removedDuplicates));
      await tx.db.update(phones).set({ removedAt: null }).where(inArray(phones.id, snapshot.removedDuplicates));
    }
    if (snapshot.demotedPrimaries.length) {
      await tx.db.update(emails).set({ isPrimary: true }).where(inArray(emails.id, snapshot.demotedPrimaries));
      await tx.db.update(phones).set({ isPrimary: true }).where(inArray(phones.id, snapshot.demotedPrimaries));
    }
    await refreshPersonSearch(tx.db, survivorId);
    await refreshPersonSearch(tx.db, mergedId);
    await recordAudit(tx, {
      action: "person.unmerge",
      entity: "person",
      entityId: survivorId,
      after: { survivor: survivorId, restored: mergedId, restoredFields, withdrawalsKept },
    });
    await emitEvent(tx, PERSON_UNMERGED, { survivorId, mergedId, restoredFields });
    return { restoredFields, withdrawalsKept };
  });
}

/**
 * A consent withdrawn while the records were one was withdrawn by the customer for every address
 * they then had, the merged record's too: undoing the merge must not bring back a grant the
 * customer took back. Each purpose and channel whose latest decision on the survivor is a
 * withdrawal made since the merge is withdrawn on the restored record as well. Grants are not
 * copied: a grant is given for a record, and restoring a record means it may be someone else.
 */
async function keepWithdrawals(
  ctx: Ctx,
  survivorId: string,
  restoredId: string,
  movedBack: string[],
  mergedAt: Date,
): Promise<number> {
  const decisions = await ctx.db
    .select()
    .from(consents)
    .where(inArray(consents.personId, [survivorId, restoredId]))
    .orderBy(consents.recordedAt);
  const latest = (personId: string) => {
    const byTopic = new Map<string, typeof consents.$inferSelect>();
    for (const row of decisions) if (row.personId === personId) byTopic.set(`${row.purpose}\u0000${row.channel}`, row);
    return byTopic;
  };
  const restored = latest(restoredId);
  let kept = 0;
  for (const [topic, decision] of latest(survivorId)) {
    if (decision.status !== "withdrawn" || movedBack.includes(decision.id) || decision.recordedAt < mergedAt) continue;
    const current = restored.get(topic);
    if (current?.status !== "granted") continue;
    await ctx.db.insert(consents).values({
      ...decision,
      id: newId(ctx),
      personId: restoredId,
      note: "Återkallat medan posterna var sammanslagna",
    });
    kept += 1;
  }
  return kept;
}

type PersonRow = typeof people.$inferSelect;
type TObjectionColumns = Pick<PersonRow, "profilingObjection" | "profilingObjectionAt">;

/**
 * Whose objection to profiling it is after an undo. One the merge brought in from the other
 * record goes back with that record, so the survivor is profiled as before. One recorded while
 * they were one record stays on both, as nobody can tell which of the two people asked.
 */
function objectionAfterUnmerge(
  snapshot: TRegisterMergeSnapshot,
  survivor: PersonRow,
  mergedAt: Date,
): { survivor?: TObjectionColumns; merged?: TObjectionColumns } {
  if (!survivor.profilingObjection) return {};
  const recordedAt = survivor.profilingObjectionAt ? new Date(survivor.profilingObjectionAt) : null;
  if (recordedAt && recordedAt.getTime() >= mergedAt.getTime()) {
    return { merged: { profilingObjection: true, profilingObjectionAt: recordedAt } };
  }
  if (snapshot.survivorBefore.profilingObjection || !snapshot.mergedBefore.profilingObjection) return {};
  return { survivor: { profilingObjection: false, profilingObjectionAt: null } };
}
