import { eq } from "drizzle-orm";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { notFound } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { FieldErrors } from "../../kernel/field-errors";
import { parseInput } from "../../kernel/validate";
import { assertMayWrite } from "./access";
import { assertPersonnummerFree } from "./create-person";
import { validateCustomValues } from "./custom-values";
import { type TUpdatePersonInput, ZUpdatePersonInput } from "./inputs";
import { sourceOf, stampLineage } from "./lineage";
import { loadCustomAttributes } from "./list-custom-attributes";
import { greetingFor, normalizeNames, normalizePersonnummer, resolvePreferredParts } from "./normalize";
import { erasedRecord, mergedAway } from "./owner-ref";
import { loadPersonDetail } from "./person-detail";
import { refreshPersonSearch } from "./refresh-search";
import { people } from "./schema";
import type { TPerson } from "./views";

export const PERSON_UPDATED = "person.updated";

/** Changes the given fields only; the greeting name follows the given names and their marking. */
export async function updatePerson(ctx: Ctx, id: string, input: TUpdatePersonInput): Promise<TPerson> {
  const data = parseInput(ZUpdatePersonInput, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(people).where(eq(people.id, id)).for("update");
    if (!row) throw notFound("person", id);
    if (row.erasedAt) throw erasedRecord(id, row.erasedAt);
    if (row.mergedInto) throw mergedAway(id, row.mergedInto);
    assertMayWrite(tx, "person", row);
    const before = await loadPersonDetail(tx.db, id);
    // A change that names no field changes nothing, and leaves nothing in the audit log.
    if (before && Object.keys(data).every((key) => key === "source")) return before;
    const errors = new FieldErrors();
    const names = normalizeNames(data.givenNames ?? row.givenNames, data.surname ?? row.surname);
    const namesChanged = data.givenNames !== undefined;
    const choosing = data.preferredNameMarking !== undefined || data.preferredGivenName !== undefined;
    let preferred = row.preferredNameParts;
    if (choosing) preferred = resolvePreferredParts(names.givenNames, data, errors);
    else if (namesChanged && names.givenNames !== row.givenNames) preferred = null;
    const identity =
      data.personnummer === undefined
        ? undefined
        : data.personnummer === null || data.personnummer === ""
          ? null
          : normalizePersonnummer(data.personnummer, "personnummer", errors, tx.clock.now());
    // The personnummer holds the birth date: one kept (or given now) and a different birth date
    // cannot both be true.
    const birthDateOfPersonnummer =
      identity !== undefined ? (identity?.birthDate ?? null) : row.personnummer ? row.birthDate : null;
    if (data.birthDate && birthDateOfPersonnummer && data.birthDate !== birthDateOfPersonnummer) {
      errors.add("birthDate", "contradicts_personnummer", `The personnummer says ${birthDateOfPersonnummer}`);
    }
    const custom =
      data.custom === undefined
        ? undefined
        : validateCustomValues(await loadCustomAttributes(tx.db, "person"), data.custom, errors, { requireAll: false });
    errors.throwIfAny();
    if (identity) await assertPersonnummerFree(tx, identity.personnummer, id);

    const greeting = greetingFor(names.givenNames, preferred);
    const source = sourceOf(tx, data.source);
    const changed = Object.keys(input).filter((key) => key !== "source");
    const mergedCustom = custom ? { ...row.custom, ...custom } : row.custom;
    for (const [key, value] of Object.entries(mergedCustom)) if (value === null) delete mergedCustom[key];
    await tx.db
      .update(people)
      .set({
        givenNames: names.givenNames,
        surname: names.surname,
        preferredNameParts: preferred,
        greetingName: greeting.name,
        greetingUncertain: greeting.uncertain,
        ...(identity !== undefined
          ? {
              personnummer: identity?.personnummer ?? null,
              personnummerKind: identity?.personnummerKind ?? null,
              birthDate: identity?.birthDate ?? data.birthDate ?? row.birthDate,
            }
          : data.birthDate !== undefined
            ? { birthDate: data.birthDate }
            : {}),
        ...(data.language ? { language: data.language } : {}),
        ...(data.timeZone ? { timeZone: data.timeZone } : {}),
        ...(data.lifecycleStage ? { lifecycleStage: data.lifecycleStage } : {}),
        ...(data.ownerId !== undefined ? { ownerId: data.ownerId } : {}),
        ...(data.ownerTeamId !== undefined ? { ownerTeamId: data.ownerTeamId } : {}),
        custom: mergedCustom,
        lineage: stampLineage(row.lineage, changed, source),
        updatedAt: tx.clock.now(),
      })
      .where(eq(people.id, id));
    await refreshPersonSearch(tx.db, id);
    const after = await loadPersonDetail(tx.db, id);
    if (!after) throw notFound("person", id);
    await recordAudit(tx, { action: "person.update", entity: "person", entityId: id, before, after });
    await emitEvent(tx, PERSON_UPDATED, {
      personId: id,
      changed,
      lifecycleStage: { before: row.lifecycleStage, after: after.lifecycleStage },
    });
    return after;
  });
}
