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
import { type TCreateOrganizationInput, ZCreateOrganizationInput } from "./inputs";
import { sourceOf, stampLineage } from "./lineage";
import { loadCustomAttributes } from "./list-custom-attributes";
import { normalizeAddress, normalizeSniCode } from "./normalize";
import { normalizeWebsite } from "./normalize-website";
import { loadOrganizationDetail } from "./organization-detail";
import {
  assertOrganisationsnummerFree,
  assertValidParent,
  cleanOrganizationName,
  organizationIdentity,
  organizationSearchText,
} from "./organization-fields";
import { externalIds, organizations } from "./schema";
import type { TOrganizationDetail } from "./views";

export const ORGANIZATION_CREATED = "organization.created";

export async function createOrganization(ctx: Ctx, input: TCreateOrganizationInput): Promise<TOrganizationDetail> {
  authorize(ctx.actor, "register", "write");
  const data = parseInput(ZCreateOrganizationInput, input);
  return withTransaction(ctx, async (tx) => {
    const errors = new FieldErrors();
    const identity = organizationIdentity(data, errors);
    const website = normalizeWebsite(data.website, "website", errors);
    const sniCode = normalizeSniCode(data.sniCode, "sniCode", errors);
    const emailList = normalizeEmails(data.emails, "emails", errors);
    const phoneList = normalizePhones(data.phones, "phones", errors);
    const address = data.address
      ? normalizeAddress({ ...data.address, kind: data.address.kind ?? "visiting" }, "address", errors)
      : null;
    const custom = validateCustomValues(await loadCustomAttributes(tx.db, "organization"), data.custom ?? {}, errors, {
      requireAll: true,
    });
    errors.throwIfAny();
    if (identity.organisationsnummer) {
      const field = data.organisationsnummer ? "organisationsnummer" : "vatNumber";
      await assertOrganisationsnummerFree(tx, identity.organisationsnummer, undefined, field);
    }
    if (data.parentId) await assertValidParent(tx, null, data.parentId);
    const source = sourceOf(tx, data.source, data.externalId);
    if (data.externalId) {
      const [holder] = await tx.db
        .select({ id: externalIds.entityId })
        .from(externalIds)
        .where(
          and(
            eq(externalIds.entity, "organization"),
            eq(externalIds.system, source.system),
            eq(externalIds.externalId, data.externalId),
          ),
        );
      if (holder) {
        throw new AppError("conflict", `${source.system} id ${data.externalId} already belongs to an organisation`, {
          fields: [{ field: "externalId", code: "duplicate", message: "Already linked" }],
          extra: { existingId: holder.id },
        });
      }
    }
    const id = newId(tx);
    const now = tx.clock.now();
    const name = cleanOrganizationName(data.name);
    const fields = Object.keys(input).filter(
      (key) => !["emails", "phones", "address", "source", "externalId"].includes(key),
    );
    await tx.db.insert(organizations).values({
      id,
      name,
      ...identity,
      sniCode: sniCode ?? null,
      industry: data.industry ?? null,
      employees: data.employees ?? null,
      revenueSek: data.revenueSek ?? null,
      website: website ?? null,
      parentId: data.parentId ?? null,
      // Absent: whoever registers the record is responsible for it; null: nobody is.
      ownerId: data.ownerId !== undefined ? data.ownerId : tx.actor.kind === "system" ? null : tx.actor.userId,
      ownerTeamId: data.ownerTeamId ?? null,
      custom: Object.fromEntries(Object.entries(custom).filter(([, value]) => value !== null)),
      lineage: stampLineage({}, fields, source),
      searchText: organizationSearchText(name, identity, website),
      createdAt: now,
      updatedAt: now,
    });
    const owner = { organizationId: id };
    await insertEmails(tx, owner, emailList, source);
    await insertPhones(tx, owner, phoneList, source);
    if (address) await insertAddress(tx, owner, address, source);
    if (data.externalId) {
      await tx.db.insert(externalIds).values({
        system: source.system,
        externalId: data.externalId,
        entity: "organization",
        entityId: id,
        receivedAt: now,
      });
    }
    const organization = await loadOrganizationDetail(tx.db, id);
    if (!organization) throw new Error("organisation vanished inside its own transaction");
    await recordAudit(tx, { action: "organization.create", entity: "organization", entityId: id, after: organization });
    await emitEvent(tx, ORGANIZATION_CREATED, { organizationId: id });
    return organization;
  });
}
