import { inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { emitEvents } from "../../kernel/events";
import { FieldErrors } from "../../kernel/field-errors";
import { authorize } from "../../kernel/permissions";
import { zSystemName } from "../../kernel/validate";
import { mayWrite } from "./access";
import { insertCreatedPeople } from "./import-people-insert";
import {
  applyUpdate,
  loadKnownPeople,
  planPersonUpdate,
  type TPersonWrite,
  writePersonUpdates,
} from "./import-people-update";
import {
  type NormalRow,
  normalizeRow,
  sourceRecordId,
  type TImportAssignees,
  type TImportBatchResult,
  type TImportRowError,
  type TPersonImportRow,
} from "./import-row";
import { loadCustomAttributes } from "./list-custom-attributes";
import { recordsByExternalId } from "./records-by-external-id";
import { people, type TLineage } from "./schema";

export type {
  TImportAssignee,
  TImportAssignees,
  TImportBatchResult,
  TImportRowError,
  TPersonImportRow,
} from "./import-row";

export const ZImportOptions = z.object({
  system: zSystemName(),
  /** How the file writes decimals: `,` in semicolon files (Swedish Excel), `.` in comma files. */
  decimalMark: z.enum([",", "."]).default(","),
});

export const PEOPLE_IMPORTED = "person.imported";
/** How many imported people one `person.imported` event names. */
const MATCH_CHUNK = 25;

/** A batch after validation and normalisation, ready to be written. */
export interface TPreparedPeopleBatch {
  system: string;
  now: Date;
  valid: NormalRow[];
  errors: TImportRowError[];
  /** Rows that repeat an earlier row of the batch cell for cell: nothing to write for them. */
  repeated: number;
}

/**
 * Imports one batch of people from a source system, idempotently: a row whose external id (or
 * personnummer) is already known updates that person, a new one creates a person. Rows that
 * fail are reported with the row number and field; the valid rows of the batch still land.
 */
export async function importPeople(
  ctx: Ctx,
  rows: ReadonlyArray<{ row: number; values: TPersonImportRow }>,
  options: z.input<typeof ZImportOptions>,
  assignees?: TImportAssignees,
): Promise<TImportBatchResult> {
  return commitPeopleBatch(ctx, await preparePeopleBatch(ctx, rows, options, assignees));
}

/**
 * The first half of an import batch: validation and normalisation, no writes. A streaming
 * import prepares the next batch while the previous one is being committed.
 */
export async function preparePeopleBatch(
  ctx: Ctx,
  rows: ReadonlyArray<{ row: number; values: TPersonImportRow }>,
  options: z.input<typeof ZImportOptions>,
  /** Whom the rows' owner and team cells name (see `findAssignees`); without it those cells are refused. */
  assignees?: TImportAssignees,
): Promise<TPreparedPeopleBatch> {
  authorize(ctx.actor, "register", "write");
  const { system, decimalMark } = ZImportOptions.parse(options);
  const definitions = await loadCustomAttributes(ctx.db, "person");
  const errors: TImportRowError[] = [];
  const valid: NormalRow[] = [];
  const seenExternal = new Map<string, string>();
  let repeated = 0;
  const seenPerson = new Set<string>();
  const now = ctx.clock.now();
  for (const { row, values } of rows) {
    const fieldErrors = new FieldErrors();
    const normal = normalizeRow(values, fieldErrors, definitions, now, decimalMark, assignees);
    if (normal?.externalId && seenExternal.has(normal.externalId)) {
      // A row copied twice says nothing new; one that differs leaves unclear which is right.
      if (seenExternal.get(normal.externalId) === JSON.stringify(values) && fieldErrors.list.length === 0) {
        repeated += 1;
        continue;
      }
      fieldErrors.add(
        "externalId",
        "duplicate_in_file",
        `External id ${normal.externalId} appears twice in the file, with different values`,
      );
    }
    if (normal?.personId && seenPerson.has(normal.personId)) {
      fieldErrors.add("personId", "duplicate_in_file", `The person ${normal.personId} appears twice in the file`);
    }
    if (fieldErrors.list.length > 0 || !normal) {
      errors.push(...fieldErrors.list.map((error) => ({ row, ...error })));
      continue;
    }
    if (normal.externalId) seenExternal.set(normal.externalId, JSON.stringify(values));
    if (normal.personId) seenPerson.add(normal.personId);
    valid.push({ ...normal, row });
  }
  return { system, now, valid, errors, repeated };
}

/** The second half: one transaction that creates the new people and updates the known ones. */
export async function commitPeopleBatch(ctx: Ctx, prepared: TPreparedPeopleBatch): Promise<TImportBatchResult> {
  authorize(ctx.actor, "register", "write");
  return writePeopleBatch(ctx, prepared);
}

async function writePeopleBatch(ctx: Ctx, prepared: TPreparedPeopleBatch): Promise<TImportBatchResult> {
  const { system, now, valid, repeated } = prepared;
  const errors = [...prepared.errors];
  const failedRows = new Set(errors.map((error) => error.row));
  if (valid.length === 0) return { created: 0, updated: 0, unchanged: repeated, failed: failedRows.size, errors };

  return withTransaction(ctx, async (tx) => {
    const byExternal = await recordsByExternalId(
      tx,
      "person",
      system,
      valid.flatMap((row) => (row.externalId ? [row.externalId] : [])),
    );
    const pnrs = valid.flatMap((row) => (row.personnummer ? [row.personnummer.personnummer] : []));
    const holders = pnrs.length
      ? await tx.db
          .select({ id: people.id, personnummer: people.personnummer })
          .from(people)
          .where(inArray(people.personnummer, pnrs))
      : [];
    const byPnr = new Map(holders.map((row) => [row.personnummer, row.id]));
    const named = await survivorsOf(
      tx,
      valid.flatMap((row) => (row.personId ? [row.personId] : [])),
    );

    const creates: Array<NormalRow & { id: string; externalId: string | null }> = [];
    let updates: Array<NormalRow & { id: string; linkExternal: boolean }> = [];
    const reject = (row: NormalRow, field: string, code: string, message: string) =>
      errors.push({ row: row.row, field, code, message });
    // Rows with one personnummer are one person, whether they meet in one batch or in two: the
    // first creates or finds them, and the later ones link their ids to that person.
    const pnrInBatch = new Map<string, string>();
    for (const row of valid) {
      const pnr = row.personnummer?.personnummer;
      const linked = row.externalId ? byExternal.get(row.externalId) : undefined;
      let existing = linked;
      if (row.personId) {
        // A row that names the person (an edited export) updates them, or the record they were merged into.
        const target = named.get(row.personId);
        if (!target) {
          reject(row, "personId", "unknown_person", "No person in the register has this id");
          continue;
        }
        if (target.erased) {
          reject(row, "personId", "erased", "This person has been erased from the register");
          continue;
        }
        if (linked && linked !== target.id) {
          reject(row, "externalId", "duplicate", "This external id belongs to another person in the register");
          continue;
        }
        existing = target.id;
      }
      const pnrHolder = pnr ? (pnrInBatch.get(pnr) ?? byPnr.get(pnr)) : undefined;
      let personId: string;
      if (existing && pnrHolder && pnrHolder !== existing) {
        reject(row, "personnummer", "duplicate", "This personnummer belongs to another person in the register");
        continue;
      } else if (existing) {
        personId = existing;
        updates.push({ ...row, id: existing, linkExternal: row.externalId !== null && !linked });
      } else if (pnrHolder) {
        personId = pnrHolder;
        updates.push({ ...row, id: pnrHolder, linkExternal: row.externalId !== null });
      } else if (row.externalId || pnr) {
        // Without a source id the personnummer alone names them: a new file finds them by it.
        personId = newId(tx);
        creates.push({ ...row, id: personId, externalId: row.externalId });
      } else {
        reject(row, "personnummer", "invalid", "Without a source id the row needs a valid personnummer");
        continue;
      }
      if (pnr && !pnrInBatch.has(pnr)) pnrInBatch.set(pnr, personId);
    }
    // A file may only change the customers its importer may change (a seller: their team's).
    if (updates.length > 0 && authorize(tx.actor, "register", "write") !== "all") {
      const owners = await tx.db
        .select({ id: people.id, ownerId: people.ownerId, ownerTeamId: people.ownerTeamId })
        .from(people)
        .where(inArray(people.id, [...new Set(updates.map((row) => row.id))]));
      const forbidden = new Set(owners.filter((owner) => !mayWrite(tx, owner)).map((owner) => owner.id));
      updates = updates.filter((row) => {
        if (!forbidden.has(row.id)) return true;
        reject(
          row,
          "(row)",
          "forbidden",
          "This customer is owned by another user or team; your role may not change it",
        );
        return false;
      });
    }
    const failed = new Set(errors.map((error) => error.row)).size;

    const source = (row: NormalRow): TLineage => ({
      system,
      externalId: sourceRecordId(row),
      receivedAt: now.toISOString(),
    });
    if (creates.length > 0) await insertCreatedPeople(tx, creates, source, system, now);
    const changed: typeof updates = [];
    const knownPeople = await loadKnownPeople(
      tx,
      updates.map((row) => row.id),
    );
    // Each person's first row of the batch is written with the others'; a later row for them
    // (another id with their personnummer) compares with what was just written, after them.
    const writes: TPersonWrite[] = [];
    const later: typeof updates = [];
    const planned = new Set<string>();
    for (const row of updates) {
      const known = knownPeople.get(row.id);
      if (planned.has(row.id) || !known) {
        later.push(row);
        continue;
      }
      planned.add(row.id);
      const write = planPersonUpdate(row, source(row), now, known);
      if (!write) continue;
      writes.push(write);
      changed.push(row);
    }
    await writePersonUpdates(tx, writes, system, now);
    for (const row of later) if (await applyUpdate(tx, row, source(row), system, now)) changed.push(row);

    await recordAudit(tx, {
      action: "person.import_batch",
      entity: "person",
      entityId: null,
      after: {
        system,
        created: creates.map((row) => ({ id: row.id, externalId: row.externalId })),
        updated: changed.map((row) => ({ id: row.id, externalId: sourceRecordId(row) })),
        unchanged: updates.length - changed.length,
      },
    });
    // Small events: each is matched against the register in a transaction of its own, and on the
    // embedded store that transaction holds the only connection. One event per batch of 1 000
    // kept a starting server from answering for seconds, and a stopping one from stopping.
    const createdIds = creates.map((row) => row.id);
    const updatedIds = changed.map((row) => row.id);
    const chunks: Array<{ system: string; created: string[]; updated: string[] }> = [];
    for (let start = 0; start < createdIds.length + updatedIds.length; start += MATCH_CHUNK) {
      const end = start + MATCH_CHUNK;
      chunks.push({
        system,
        created: createdIds.slice(start, end),
        updated: updatedIds.slice(Math.max(0, start - createdIds.length), Math.max(0, end - createdIds.length)),
      });
    }
    // A million-row import is hours of matching: messages and rules go first meanwhile.
    await emitEvents(tx, PEOPLE_IMPORTED, chunks, { background: true });
    return {
      created: creates.length,
      updated: changed.length,
      unchanged: updates.length - changed.length + repeated,
      failed,
      errors,
    };
  });
}

/**
 * The people that rows name by their register id, each followed to the record it was merged
 * into (a file exported before a merge still reaches the customer). Unknown ids are left out.
 */
async function survivorsOf(ctx: Ctx, ids: string[]): Promise<Map<string, { id: string; erased: boolean }>> {
  const found = new Map<string, { id: string; erased: boolean }>();
  let pending = new Map(ids.map((id) => [id, id]));
  // Merges can chain (a into b, later b into c); a few steps reach any survivor.
  for (let step = 0; step < 8 && pending.size > 0; step++) {
    const rows = await ctx.db
      .select({ id: people.id, mergedInto: people.mergedInto, erasedAt: people.erasedAt })
      .from(people)
      .where(inArray(people.id, [...new Set(pending.values())]));
    const byId = new Map(rows.map((row) => [row.id, row]));
    const next = new Map<string, string>();
    for (const [asked, current] of pending) {
      const row = byId.get(current);
      if (!row) continue;
      if (row.mergedInto) next.set(asked, row.mergedInto);
      else found.set(asked, { id: row.id, erased: row.erasedAt !== null });
    }
    pending = next;
  }
  return found;
}
