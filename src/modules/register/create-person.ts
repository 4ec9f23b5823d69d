import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, newId, withTransaction } from "../../kernel/ctx";
import { AppError } from "../../kernel/errors";
import { emitEvent } from "../../kernel/events";
import { FieldErrors } from "../../kernel/field-errors";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { insertAddress, insertEmails, insertPhones, normalizeEmails, normalizePhones } from "./contact-points";
import { validateCustomValues } from "./custom-values";
import { type TCreatePersonInput, ZCreatePersonInput } from "./inputs";
import { sourceOf, stampLineage } from "./lineage";
import { loadCustomAttributes } from "./list-custom-attributes";
import {
  greetingFor,
  normalizeAddress,
  normalizeNames,
  normalizePersonnummer,
  resolvePreferredParts,
} from "./normalize";
import { loadPersonDetail } from "./person-detail";
import { refreshPersonSearch } from "./refresh-search";
import { externalIds, people } from "./schema";
import type { TPerson } from "./views";

export const PERSON_CREATED = "person.created";

export async function createPerson(ctx: Ctx, input: TCreatePersonInput): Promise<TPerson> {
  authorize(ctx.actor, "register", "write");
  const data = parseInput(ZCreatePersonInput, input);
  return withTransaction(ctx, async (tx) => {
    const errors = new FieldErrors();
    const names = normalizeNames(data.givenNames, data.surname);
    const preferred = resolvePreferredParts(names.givenNames, data, errors);
    const identity = data.personnummer
      ? normalizePersonnummer(data.personnummer, "personnummer", errors, tx.clock.now())
      : null;
    const emailList = normalizeEmails(data.emails, "emails", errors);
    const phoneList = normalizePhones(data.phones, "phones", errors);
    const address = data.address ? normalizeAddress(data.address, "address", errors) : null;
    const custom = validateCustomValues(await loadCustomAttributes(tx.db, "person"), data.custom ?? {}, errors, {
      requireAll: true,
    });
    if (identity?.birthDate && data.birthDate && identity.birthDate !== data.birthDate) {
      errors.add("birthDate", "contradicts_personnummer", `The personnummer says ${identity.birthDate}`);
    }
    errors.throwIfAny();

    if (identity) await assertPersonnummerFree(tx, identity.personnummer);
    const source = sourceOf(tx, data.source, data.externalId);
    if (data.externalId) await assertExternalIdFree(tx, source.system, data.externalId);

    const id = newId(tx);
    const now = tx.clock.now();
    const greeting = greetingFor(names.givenNames, preferred);
    const fields = Object.keys(input).filter(
      (key) => !["emails", "phones", "address", "source", "externalId"].includes(key),
    );
    await tx.db.insert(people).values({
      id,
      givenNames: names.givenNames,
      preferredNameParts: preferred,
      greetingName: greeting.name,
      greetingUncertain: greeting.uncertain,
      surname: names.surname,
      personnummer: identity?.personnummer ?? null,
      personnummerKind: identity?.personnummerKind ?? null,
      birthDate: identity?.birthDate ?? data.birthDate ?? null,
      language: data.language ?? "sv",
      timeZone: data.timeZone ?? "Europe/Stockholm",
      lifecycleStage: data.lifecycleStage ?? "interested",
      // Absent: whoever registers the record is responsible for it; null: nobody is.
      ownerId: data.ownerId !== undefined ? data.ownerId : tx.actor.kind === "system" ? null : tx.actor.userId,
      ownerTeamId: data.ownerTeamId ?? null,
      custom: Object.fromEntries(Object.entries(custom).filter(([, value]) => value !== null)),
      lineage: stampLineage({}, fields, source),
      createdAt: now,
      updatedAt: now,
    });
    const owner = { personId: id };
    await insertEmails(tx, owner, emailList, source);
    await insertPhones(tx, owner, phoneList, source);
    if (address) await insertAddress(tx, owner, address, source);
    if (data.externalId) {
      await tx.db.insert(externalIds).values({
        system: source.system,
        externalId: data.externalId,
        entity: "person",
        entityId: id,
        receivedAt: now,
      });
    }
    await refreshPersonSearch(tx.db, id);
    const person = await loadPersonDetail(tx.db, id);
    if (!person) throw new Error("person vanished inside its own transaction");
    await recordAudit(tx, { action: "person.create", entity: "person", entityId: id, after: person });
    await emitEvent(tx, PERSON_CREATED, { personId: id, source });
    return person;
  });
}

export async function assertPersonnummerFree(ctx: Ctx, personnummer: string, exceptId?: string): Promise<void> {
  const [holder] = await ctx.db.select({ id: people.id }).from(people).where(eq(people.personnummer, personnummer));
  if (holder && holder.id !== exceptId) {
    throw new AppError("conflict", "Another person in the register has this personnummer", {
      fields: [{ field: "personnummer", code: "duplicate", message: "Already registered on another person" }],
      extra: { existingId: holder.id },
    });
  }
}

async function assertExternalIdFree(ctx: Ctx, system: string, externalId: string): Promise<void> {
  const [holder] = await ctx.db
    .select({ id: externalIds.entityId })
    .from(externalIds)
    .where(
      and(eq(externalIds.entity, "person"), eq(externalIds.system, system), eq(externalIds.externalId, externalId)),
    );
  if (holder) {
    throw new AppError("conflict", `${system} id ${externalId} already belongs to a person`, {
      fields: [{ field: "externalId", code: "duplicate", message: "Already linked to another person" }],
      extra: { existingId: holder.id },
    });
  }
}
