import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { sequentially } from "../../db/sequentially";
import type { Db } from "../../db/types";
import { encodeTilltalsnamn } from "../../lib/se";
import { addressView, emailView, phoneView } from "./contact-views";
import { lineageFromColumns } from "./lineage";
import {
  addresses,
  channelPreferences,
  consents,
  emails,
  externalIds,
  organizations,
  people,
  phones,
  roles,
} from "./schema";
import type { TPerson } from "./views";

export type PersonRow = typeof people.$inferSelect;

/** The whole person: every current contact point, the address history, consents and roles. */
export async function loadPersonDetail(db: Db, id: string): Promise<TPerson | null> {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  if (!row) return null;
  const [addressRows, emailRows, phoneRows, consentRows, preferenceRows, roleRows, idRows] = await sequentially([
    db.select().from(addresses).where(eq(addresses.personId, id)).orderBy(desc(addresses.validFrom)),
    db
      .select()
      .from(emails)
      .where(and(eq(emails.personId, id), isNull(emails.removedAt)))
      .orderBy(desc(emails.isPrimary), asc(emails.createdAt)),
    db
      .select()
      .from(phones)
      .where(and(eq(phones.personId, id), isNull(phones.removedAt)))
      .orderBy(desc(phones.isPrimary), asc(phones.createdAt)),
    db.select().from(consents).where(eq(consents.personId, id)).orderBy(desc(consents.recordedAt), desc(consents.id)),
    db
      .select()
      .from(channelPreferences)
      .where(eq(channelPreferences.personId, id))
      .orderBy(asc(channelPreferences.topic)),
    db
      .select({ role: roles, organizationName: organizations.name })
      .from(roles)
      .innerJoin(organizations, eq(organizations.id, roles.organizationId))
      .where(eq(roles.personId, id))
      .orderBy(desc(roles.validFrom)),
    db
      .select({ system: externalIds.system, externalId: externalIds.externalId })
      .from(externalIds)
      .where(and(eq(externalIds.entity, "person"), eq(externalIds.entityId, id))),
  ]);
  const latestConsents = new Map<string, (typeof consentRows)[number]>();
  for (const consent of consentRows) {
    const key = `${consent.purpose}/${consent.channel}`;
    if (!latestConsents.has(key)) latestConsents.set(key, consent);
  }
  return {
    ...personCore(row),
    externalIds: idRows,
    addresses: addressRows.map(addressView),
    emails: emailRows.map(emailView),
    phones: phoneRows.map(phoneView),
    consents: [...latestConsents.values()].map((consent) => ({
      purpose: consent.purpose,
      channel: consent.channel,
      status: consent.status,
      recordedAt: consent.recordedAt,
      note: consent.note,
      source: lineageFromColumns(consent),
    })),
    channelPreferences: preferenceRows.map((preference) => ({
      topic: preference.topic,
      channel: preference.channel,
      window: preference.window,
      updatedAt: preference.updatedAt,
      source: lineageFromColumns(preference),
    })),
    roles: roleRows.map(({ role, organizationName }) => ({
      ...role,
      organizationName,
      personName: `${row.greetingName} ${row.surname}`,
    })),
  };
}

export function personCore(row: PersonRow) {
  return {
    id: row.id,
    givenNames: row.givenNames,
    preferredNameParts: row.preferredNameParts,
    preferredNameMarking: row.preferredNameParts?.length ? encodeTilltalsnamn(row.preferredNameParts) : null,
    greetingName: row.greetingName,
    greetingUncertain: row.greetingUncertain,
    surname: row.surname,
    personnummer: row.personnummer,
    personnummerKind: row.personnummerKind,
    birthDate: row.birthDate,
    language: row.language,
    timeZone: row.timeZone,
    lifecycleStage: row.lifecycleStage,
    ownerId: row.ownerId,
    ownerTeamId: row.ownerTeamId,
    profilingObjection: row.profilingObjection,
    profilingObjectionAt: row.profilingObjectionAt,
    custom: row.custom,
    lineage: row.lineage,
    lastContactAt: row.lastContactAt,
    nextContactAt: row.nextContactAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    erasedAt: row.erasedAt,
    mergedInto: row.mergedInto,
  };
}
