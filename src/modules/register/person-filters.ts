import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { TFilterField } from "./filters";
import { CONTACT_CHANNELS, LIFECYCLE_STAGES } from "./schema";

/** The built-in fields of a person that `filter=field:op:value` takes, on `people p`. */
export const PERSON_FILTER_FIELDS: Readonly<Record<string, TFilterField>> = {
  givenNames: { column: sql`p.given_names`, type: "text" },
  greetingName: { column: sql`p.greeting_name`, type: "text" },
  surname: { column: sql`p.surname`, type: "text" },
  personnummer: { column: sql`p.personnummer`, type: "presence" },
  birthDate: { column: sql`p.birth_date`, type: "date" },
  language: { column: sql`p.language`, type: "text" },
  timeZone: { column: sql`p.time_zone`, type: "text" },
  lifecycleStage: { column: sql`p.lifecycle_stage`, type: "enum", values: LIFECYCLE_STAGES },
  ownerId: { column: sql`p.owner_id`, type: "uuid" },
  ownerTeamId: { column: sql`p.owner_team_id`, type: "uuid" },
  email: {
    column: sql`(select e.address from emails e where e.person_id = p.id and e.removed_at is null limit 1)`,
    type: "presence",
  },
  phone: {
    column: sql`(select ph.e164 from phones ph where ph.person_id = p.id and ph.removed_at is null limit 1)`,
    type: "presence",
  },
  createdAt: { column: sql`p.created_at`, type: "timestamp" },
  updatedAt: { column: sql`p.updated_at`, type: "timestamp" },
  lastContactAt: { column: sql`p.last_contact_at`, type: "timestamp" },
  nextContactAt: { column: sql`p.next_contact_at`, type: "timestamp" },
};

export const CONSENT_FILTER_STATUSES = ["granted", "withdrawn", "none"] as const;

/**
 * The current consent decision for a purpose and channel: `granted`, `withdrawn`, or `none`
 * (never asked). Marketing selects who may be contacted with `marketing:email:granted`.
 */
export const ZConsentFilter = z.strictObject({
  purpose: z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, "A lower-case purpose such as marketing or newsletter"),
  channel: z.enum(CONTACT_CHANNELS),
  status: z.enum(CONSENT_FILTER_STATUSES),
});
export type TConsentFilter = z.infer<typeof ZConsentFilter>;

/** The latest decision wins, as on the person's page (consents are an append-only history). */
/**
 * Everyone who ever gave the answer a consent filter asks for, through `consents_status_idx`: more
 * than the filter's people (some changed their answer since), never fewer. A list reads a rare
 * answer's people through it (see `readPart` in the people list); "never asked" has none.
 */
export function consentSuperset(filter: TConsentFilter): SQL | null {
  if (filter.status === "none") return null;
  return sql`p.id in (select c.person_id from consents c
    where c.purpose = ${filter.purpose} and c.channel = ${filter.channel} and c.status = ${filter.status})`;
}

export function consentCondition(filter: TConsentFilter): SQL {
  const latest = sql`(select c.status from consents c
    where c.person_id = p.id and c.purpose = ${filter.purpose} and c.channel = ${filter.channel}
    order by c.recorded_at desc, c.id desc limit 1)`;
  return filter.status === "none" ? sql`${latest} is null` : sql`${latest} = ${filter.status}`;
}
