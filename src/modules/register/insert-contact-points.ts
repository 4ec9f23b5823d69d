import { copyRows } from "../../db/bulk";
import { type Ctx, newId } from "../../kernel/ctx";
import type { NormalEmail, NormalPhone } from "./contact-points";
import type { NormalAddress } from "./normalize";
import type { TLineage } from "./schema";

const LINEAGE_TYPES = { source_system: "text", source_external_id: "text", source_received_at: "timestamptz" };

function lineageJson(source: TLineage) {
  return { source_system: source.system, source_external_id: source.externalId, source_received_at: source.receivedAt };
}

/** A new record's contact points, and the source they came from. */
export interface TNewContactPoints {
  ownerId: string;
  emails: readonly NormalEmail[];
  phones: readonly NormalPhone[];
  address: NormalAddress | null;
  /** The new address's id, where the caller names it (to audit the move); else a new one. */
  addressId?: string;
  source: TLineage;
}

/**
 * The e-mails, phones and addresses of an import batch's new people or organisations, with one
 * statement per table (see copyRows). An address without a moving date is valid from `now`.
 */
export async function insertContactPoints(
  ctx: Ctx,
  ownerColumn: "person_id" | "organization_id",
  owners: readonly TNewContactPoints[],
  now: Date = ctx.clock.now(),
): Promise<void> {
  const at = now.toISOString();
  await copyRows(
    ctx.db,
    "emails",
    {
      id: "uuid",
      [ownerColumn]: "uuid",
      address: "text",
      canonical: "text",
      kind: "text",
      is_primary: "boolean",
      created_at: "timestamptz",
      ...LINEAGE_TYPES,
    },
    owners.flatMap((owner) =>
      owner.emails.map((email) => ({
        id: newId(ctx),
        [ownerColumn]: owner.ownerId,
        address: email.address,
        canonical: email.canonical,
        kind: email.kind,
        is_primary: email.isPrimary,
        created_at: at,
        ...lineageJson(owner.source),
      })),
    ),
  );
  await copyRows(
    ctx.db,
    "phones",
    {
      id: "uuid",
      [ownerColumn]: "uuid",
      e164: "text",
      type: "text",
      kind: "text",
      is_primary: "boolean",
      created_at: "timestamptz",
      ...LINEAGE_TYPES,
    },
    owners.flatMap((owner) =>
      owner.phones.map((phone) => ({
        id: newId(ctx),
        [ownerColumn]: owner.ownerId,
        e164: phone.e164,
        type: phone.type,
        kind: phone.kind,
        is_primary: phone.isPrimary,
        created_at: at,
        ...lineageJson(owner.source),
      })),
    ),
  );
  await copyRows(
    ctx.db,
    "addresses",
    {
      id: "uuid",
      [ownerColumn]: "uuid",
      kind: "text",
      street: "text",
      care_of: "text",
      box: "text",
      apartment: "text",
      postal_code: "text",
      city: "text",
      country: "text",
      valid_from: "timestamptz",
      valid_from_stated: "boolean",
      ...LINEAGE_TYPES,
    },
    owners.flatMap(({ ownerId, address, addressId, source }) =>
      address
        ? [
            {
              id: addressId ?? newId(ctx),
              [ownerColumn]: ownerId,
              kind: address.kind,
              street: address.street,
              care_of: address.careOf,
              box: address.box,
              apartment: address.apartment,
              postal_code: address.postalCode,
              city: address.city,
              country: address.country,
              valid_from: (address.validFrom ?? now).toISOString(),
              valid_from_stated: address.validFrom !== null && address.validFrom !== undefined,
              ...lineageJson(source),
            },
          ]
        : [],
    ),
  );
}
