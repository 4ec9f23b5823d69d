import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const ADDRESS_KINDS = ["home", "postal", "visiting", "billing", "delivery"] as const;
export const LIFECYCLE_STAGES = ["interested", "prospect", "lead", "customer", "former_customer"] as const;
export const CONTACT_CHANNELS = ["email", "sms", "letter", "phone"] as const;

/** Where a value came from: the system, its id there, and when we received it. */
export interface TLineage {
  system: string;
  externalId: string | null;
  receivedAt: string;
}

const lineageColumns = {
  sourceSystem: text("source_system").notNull(),
  sourceExternalId: text("source_external_id"),
  sourceReceivedAt: timestamp("source_received_at", { withTimezone: true }).notNull(),
};

const ownership = {
  ownerId: uuid("owner_id"),
  ownerTeamId: uuid("owner_team_id"),
};

export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey(),
    /** All given names as registered, e.g. "Karl Stig Emanuel". */
    givenNames: text("given_names").notNull(),
    /** 1-based positions of the preferred parts (hyphenated names count as separate parts). */
    preferredNameParts: smallint("preferred_name_parts").array(),
    /** The name to greet the person by: derived from the marking, never typed in. */
    greetingName: text("greeting_name").notNull(),
    greetingUncertain: boolean("greeting_uncertain").notNull(),
    surname: text("surname").notNull(),
    /** 12 digits; a samordningsnummer has 60 added to the day. */
    personnummer: text("personnummer"),
    personnummerKind: text("personnummer_kind", { enum: ["personnummer", "samordningsnummer"] }),
    birthDate: date("birth_date", { mode: "string" }),
    language: text("language").notNull().default("sv"),
    timeZone: text("time_zone").notNull().default("Europe/Stockholm"),
    lifecycleStage: text("lifecycle_stage", { enum: LIFECYCLE_STAGES }).notNull().default("interested"),
    ...ownership,
    profilingObjection: boolean("profiling_objection").notNull().default(false),
    profilingObjectionAt: timestamp("profiling_objection_at", { withTimezone: true }),
    custom: jsonb("custom").$type<Record<string, unknown>>().notNull().default({}),
    /** Per scalar field: the source record its current value came from. */
    lineage: jsonb("lineage").$type<Record<string, TLineage>>().notNull().default({}),
    /** Folded given names, surname and employers; its words feed person_name_words. */
    searchText: text("search_text").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    mergedInto: uuid("merged_into"),
    /**
     * When staff last called, met or e-mailed the person: the latest of their logged calls,
     * meetings and e-mails, kept here so a list can be ordered and filtered by it.
     */
    lastContactAt: timestamp("last_contact_at", { withTimezone: true }),
    /**
     * The earliest call, meeting or e-mail booked ahead: a booked meeting is no contact yet; when
     * its time comes, it becomes the last contact (see the refresh-last-contact flow's sweep).
     */
    nextContactAt: timestamp("next_contact_at", { withTimezone: true }),
  },
  (t) => [
    // personnummer is COLLATE "C" (migration 0018): this index also serves prefix search.
    uniqueIndex("people_personnummer_idx").on(t.personnummer).where(sql`personnummer is not null`),
    index("people_name_idx").on(t.surname, t.givenNames, t.id),
    // Partial where most rows hold nothing: an imported person has no owner, a person's address no
    // organisation, and an index entry for each of them only costs every write.
    index("people_owner_idx").on(t.ownerId).where(sql`owner_id is not null`),
    index("people_owner_team_idx").on(t.ownerTeamId).where(sql`owner_team_id is not null`),
    index("people_stage_idx").on(t.lifecycleStage),
    index("people_custom_idx").using("gin", t.custom),
    // Duplicate detection looks for people born the same day (lib/match blocking).
    index("people_birth_date_idx").on(t.birthDate).where(sql`merged_into is null and erased_at is null`),
    // The list ordered by registration, newest first.
    index("people_created_idx").on(t.createdAt).where(sql`merged_into is null and erased_at is null`),
    // The list by last contact, and "not contacted since".
    index("people_last_contact_idx")
      .on(t.lastContactAt)
      .where(sql`merged_into is null and erased_at is null and last_contact_at is not null`),
    index("people_next_contact_idx").on(t.nextContactAt).where(sql`next_contact_at is not null`),
  ],
);

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey(),
    name: text("name").notNull(),
    organisationsnummer: text("organisationsnummer"),
    groupDigit: smallint("group_digit"),
    legalForm: text("legal_form"),
    vatNumber: text("vat_number"),
    sniCode: text("sni_code"),
    industry: text("industry"),
    employees: integer("employees"),
    revenueSek: bigint("revenue_sek", { mode: "number" }),
    website: text("website"),
    parentId: uuid("parent_id"),
    ...ownership,
    custom: jsonb("custom").$type<Record<string, unknown>>().notNull().default({}),
    lineage: jsonb("lineage").$type<Record<string, TLineage>>().notNull().default({}),
    searchText: text("search_text").notNull().default(""),
    /**
     * The last call, meeting or e-mail with the company: logged on it, or with someone who works
     * there now (their `last_contact_at`). Derived; see the refresh-last-contact flow.
     */
    lastContactAt: timestamp("last_contact_at", { withTimezone: true }),
    /** The earliest call, meeting or e-mail booked ahead: when it comes, it becomes the last contact. */
    nextContactAt: timestamp("next_contact_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("organizations_last_contact_idx").on(t.lastContactAt).where(sql`last_contact_at is not null`),
    index("organizations_next_contact_idx").on(t.nextContactAt).where(sql`next_contact_at is not null`),
    uniqueIndex("organizations_orgnr_idx").on(t.organisationsnummer).where(sql`organisationsnummer is not null`),
    index("organizations_name_idx").on(t.name, t.id),
    index("organizations_parent_idx").on(t.parentId),
    index("organizations_owner_idx").on(t.ownerId).where(sql`owner_id is not null`),
    index("organizations_owner_team_idx").on(t.ownerTeamId).where(sql`owner_team_id is not null`),
    index("organizations_search_trgm_idx").using("gist", sql`${t.searchText} gist_trgm_ops`),
  ],
);

/** A person's role at an organisation; a person may hold roles at several. */
export const roles = pgTable(
  "roles",
  {
    id: uuid("id").primaryKey(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    title: text("title"),
    department: text("department"),
    isPrimaryContact: boolean("is_primary_contact").notNull().default(false),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull(),
    validTo: timestamp("valid_to", { withTimezone: true }),
  },
  (t) => [index("roles_person_idx").on(t.personId), index("roles_org_idx").on(t.organizationId)],
);

/** Addresses with history: a move closes the old row (valid_to) and opens a new one. */
export const addresses = pgTable(
  "addresses",
  {
    id: uuid("id").primaryKey(),
    personId: uuid("person_id").references(() => people.id),
    organizationId: uuid("organization_id").references(() => organizations.id),
    kind: text("kind", { enum: ADDRESS_KINDS }).notNull(),
    street: text("street"),
    careOf: text("care_of"),
    box: text("box"),
    apartment: text("apartment"),
    postalCode: text("postal_code"),
    city: text("city"),
    country: text("country").notNull().default("SE"),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull(),
    /** Whether `validFrom` is a moving date someone stated, or only when the register learnt of it. */
    validFromStated: boolean("valid_from_stated").notNull().default(false),
    validTo: timestamp("valid_to", { withTimezone: true }),
    ...lineageColumns,
  },
  (t) => [
    index("addresses_person_idx").on(t.personId, t.validFrom).where(sql`person_id is not null`),
    index("addresses_org_idx").on(t.organizationId, t.validFrom).where(sql`organization_id is not null`),
    index("addresses_current_city_idx").on(t.city).where(sql`valid_to is null`),
    index("addresses_current_postal_idx").on(t.postalCode).where(sql`valid_to is null`),
  ],
);

export const emails = pgTable(
  "emails",
  {
    id: uuid("id").primaryKey(),
    personId: uuid("person_id").references(() => people.id),
    organizationId: uuid("organization_id").references(() => organizations.id),
    address: text("address").notNull(),
    /** Fully lower-cased, for matching and look-up. */
    canonical: text("canonical").notNull(),
    kind: text("kind", { enum: ["private", "work", "other"] })
      .notNull()
      .default("private"),
    isPrimary: boolean("is_primary").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    ...lineageColumns,
  },
  (t) => [
    index("emails_canonical_idx").on(t.canonical.op("text_pattern_ops")),
    index("emails_person_idx").on(t.personId),
    index("emails_org_idx").on(t.organizationId).where(sql`organization_id is not null`),
  ],
);

export const phones = pgTable(
  "phones",
  {
    id: uuid("id").primaryKey(),
    personId: uuid("person_id").references(() => people.id),
    organizationId: uuid("organization_id").references(() => organizations.id),
    e164: text("e164").notNull(),
    type: text("type", { enum: ["mobile", "landline", "voip", "other"] }).notNull(),
    kind: text("kind", { enum: ["private", "work", "other"] })
      .notNull()
      .default("private"),
    isPrimary: boolean("is_primary").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    ...lineageColumns,
  },
  (t) => [
    index("phones_e164_idx").on(t.e164.op("text_pattern_ops")),
    index("phones_person_idx").on(t.personId),
    index("phones_org_idx").on(t.organizationId).where(sql`organization_id is not null`),
  ],
);

/**
 * Append-only consent history: the row recorded last per purpose and channel is the current state.
 * `recorded_at` is the server's time of recording; when the customer gave it is `source_received_at`.
 */
export const consents = pgTable(
  "consents",
  {
    id: uuid("id").primaryKey(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    purpose: text("purpose").notNull(),
    channel: text("channel", { enum: CONTACT_CHANNELS }).notNull(),
    status: text("status", { enum: ["granted", "withdrawn"] }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    note: text("note"),
    ...lineageColumns,
  },
  (t) => [
    index("consents_person_idx").on(t.personId, t.purpose, t.channel, t.recordedAt),
    // Who ever gave or withdrew a consent: the few people a rare answer filters a list to.
    index("consents_status_idx").on(t.purpose, t.channel, t.status, t.personId),
  ],
);

/** Which channel a person prefers, about what, and when they may be reached there. */
export const channelPreferences = pgTable(
  "channel_preferences",
  {
    id: uuid("id").primaryKey(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    /** What the contact is about, e.g. `orders`, `support`, `offers`; `*` for anything. */
    topic: text("topic").notNull(),
    channel: text("channel", { enum: CONTACT_CHANNELS }).notNull(),
    /** Weekdays (1 = Monday) and local hours when this channel is welcome. */
    window: jsonb("window").$type<{ days: number[]; from: string; to: string } | null>(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    /** Who told us: the system the preference came from and when the customer gave it. */
    ...lineageColumns,
  },
  (t) => [uniqueIndex("channel_preferences_topic_idx").on(t.personId, t.topic)],
);

export const CUSTOM_ATTRIBUTE_TYPES = ["text", "number", "date", "boolean", "choice", "kronor"] as const;

export const customAttributes = pgTable(
  "custom_attributes",
  {
    id: uuid("id").primaryKey(),
    entity: text("entity", { enum: ["person", "organization"] }).notNull(),
    key: text("key").notNull(),
    label: text("label").notNull(),
    description: text("description"),
    type: text("type", { enum: CUSTOM_ATTRIBUTE_TYPES }).notNull(),
    choices: text("choices").array(),
    required: boolean("required").notNull().default(false),
    /** Set while retired: hidden from forms and lists, its values kept. */
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("custom_attributes_key_idx").on(t.entity, t.key)],
);

/** The ids a record has in other systems; imports are idempotent on them. */
export const externalIds = pgTable(
  "external_ids",
  {
    system: text("system").notNull(),
    externalId: text("external_id").notNull(),
    entity: text("entity", { enum: ["person", "organization"] }).notNull(),
    entityId: uuid("entity_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("external_ids_key_idx").on(t.entity, t.system, t.externalId),
    index("external_ids_entity_idx").on(t.entityId),
  ],
);

/**
 * Every word of every person's search text, kept by a trigger on people (migration 0005), so a
 * name query can go from matching words to people through a btree.
 */
export const personNameWords = pgTable(
  "person_name_words",
  {
    word: text("word").notNull(),
    personId: uuid("person_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.word, t.personId] }), index("person_name_words_person_idx").on(t.personId)],
);

/**
 * The distinct name words: a few thousand rows where people are a million. Fuzzy matching
 * (trigrams) runs here, then the matching words lead to people.
 */
export const nameVocabulary = pgTable(
  "name_vocabulary",
  {
    word: text("word").primaryKey(),
  },
  (t) => [
    index("name_vocabulary_trgm_idx").using("gin", sql`${t.word} gin_trgm_ops`),
    index("name_vocabulary_prefix_idx").on(t.word.op("text_pattern_ops")),
  ],
);

export const SAVED_LIST_ENTITIES = ["person", "organization"] as const;

/**
 * A list's search, filters and order kept under a name ("Guldkunder i Väst"), for the user who
 * saved it or, shared, for everyone who may read the register. The query is the list's own, as
 * `GET /api/people` or `/api/organizations` takes it.
 */
export const savedLists = pgTable(
  "saved_lists",
  {
    id: uuid("id").primaryKey(),
    entity: text("entity", { enum: SAVED_LIST_ENTITIES }).notNull(),
    name: text("name").notNull(),
    query: jsonb("query").$type<Record<string, string | string[]>>().notNull(),
    /** The user who saved it; only they (or an admin) change or delete it. */
    userId: uuid("user_id").notNull(),
    shared: boolean("shared").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("saved_lists_name_idx").on(t.userId, t.entity, sql`lower(${t.name})`)],
);
