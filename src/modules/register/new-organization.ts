import type { z } from "zod";
import type { Ctx } from "../../kernel/ctx";
import { newId } from "../../kernel/ctx";
import type { FieldErrors } from "../../kernel/field-errors";
import { type NormalEmail, type NormalPhone, normalizeEmails, normalizePhones } from "./contact-points";
import type { TCustomAttribute } from "./custom-attribute-definition";
import { validateCustomValues } from "./custom-values";
import type { ZCreateOrganizationInput } from "./inputs";
import { sourceOf, stampLineage } from "./lineage";
import { type NormalAddress, normalizeAddress, normalizeSniCode } from "./normalize";
import { normalizeWebsite } from "./normalize-website";
import { cleanOrganizationName, organizationIdentity, organizationSearchText } from "./organization-fields";
import type { organizations, TLineage } from "./schema";

/** A new organisation as it is to be stored: its row, contact points and the source they came from. */
export interface TNewOrganization {
  row: typeof organizations.$inferSelect;
  emails: NormalEmail[];
  phones: NormalPhone[];
  address: NormalAddress | null;
  source: TLineage;
  externalId: string | null;
}

/**
 * Validates a new organisation's input and builds what is stored, without writing it: each fault
 * goes to `errors` (null is returned then). `given` names the fields the input set, whose lineage
 * the source stamps. Checks against the register (a number or external id already held) are the
 * caller's: one organisation asks once, an import's batch once for all its rows.
 */
export function newOrganization(
  ctx: Ctx,
  data: z.output<typeof ZCreateOrganizationInput>,
  given: readonly string[],
  definitions: readonly TCustomAttribute[],
  errors: FieldErrors,
): TNewOrganization | null {
  const faults = errors.list.length;
  const identity = organizationIdentity(data, errors);
  const website = normalizeWebsite(data.website, "website", errors);
  const sniCode = normalizeSniCode(data.sniCode, "sniCode", errors);
  const emails = normalizeEmails(data.emails, "emails", errors);
  const phones = normalizePhones(data.phones, "phones", errors);
  const address = data.address
    ? normalizeAddress({ ...data.address, kind: data.address.kind ?? "visiting" }, "address", errors)
    : null;
  const custom = validateCustomValues(definitions, data.custom ?? {}, errors, { requireAll: true });
  if (errors.list.length > faults) return null;
  const source = sourceOf(ctx, data.source, data.externalId);
  const now = ctx.clock.now();
  const name = cleanOrganizationName(data.name);
  const fields = given.filter((key) => !["emails", "phones", "address", "source", "externalId"].includes(key));
  return {
    row: {
      id: newId(ctx),
      name,
      ...identity,
      sniCode: sniCode ?? null,
      industry: data.industry ?? null,
      employees: data.employees ?? null,
      revenueSek: data.revenueSek ?? null,
      website: website ?? null,
      parentId: data.parentId ?? null,
      // Absent: whoever registers the record is responsible for it; null: nobody is.
      ownerId: data.ownerId !== undefined ? data.ownerId : ctx.actor.kind === "system" ? null : ctx.actor.userId,
      ownerTeamId: data.ownerTeamId ?? null,
      custom: Object.fromEntries(Object.entries(custom).filter(([, value]) => value !== null)),
      lineage: stampLineage({}, fields, source),
      searchText: organizationSearchText(name, identity, website),
      lastContactAt: null,
      nextContactAt: null,
      createdAt: now,
      updatedAt: now,
    },
    emails,
    phones,
    address,
    source,
    externalId: data.externalId ?? null,
  };
}
