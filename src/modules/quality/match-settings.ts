import { eq } from "drizzle-orm";
import { z } from "zod";
import { actingUserId } from "../../kernel/actor";
import { recordAudit } from "../../kernel/audit";
import { type Ctx, withTransaction } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import { parseInput } from "../../kernel/validate";
import { DEFAULT_MATCH_MODEL, type MatchModel } from "../../lib/match";
import { matchSettings } from "./schema";

export const MERGE_FIELD_NAMES = [
  "name",
  "surname",
  "personnummer",
  "birthDate",
  "language",
  "timeZone",
  "lifecycleStage",
  "owner",
] as const;

/** Sources an admin may rank; higher wins under `source_trust`. */
export const DEFAULT_SURVIVORSHIP = {
  rules: {
    name: "source_trust",
    surname: "most_recent",
    personnummer: "source_trust",
    birthDate: "source_trust",
    language: "most_recent",
    timeZone: "most_recent",
    lifecycleStage: "most_recent",
    owner: "most_recent",
  },
  trust: { "population-register": 100, import: 60, web: 50, api: 50 },
} as const;

const ZRule = z.enum(["source_trust", "most_recent", "most_complete"]);
// Loose objects: a model the matcher grows (new flags, per-field figures) must survive a save.
const ZLevel = z.looseObject({
  id: z.string(),
  label: z.string(),
  m: z.number().gt(0).lte(1),
  u: z.number().gt(0).lte(1),
  isNull: z.boolean().optional(),
  termFrequency: z.boolean().optional(),
  blocksAutoMerge: z.boolean().optional(),
  identifies: z.boolean().optional(),
  overridesBlocks: z.boolean().optional(),
});

export const ZMatchSettings = z.object({
  model: z.looseObject({
    version: z.literal(1),
    prior: z.number().gt(0).lt(1),
    thresholds: z
      .object({ autoMerge: z.number().gt(0).lt(1), review: z.number().gt(0).lt(1) })
      .refine((value) => value.review <= value.autoMerge, {
        message: "review must not exceed autoMerge",
        path: ["review"],
      }),
    termFrequencyMinimum: z.number().gt(0).lt(1),
    fields: z.array(
      z.looseObject({
        field: z.enum(["personnummer", "given_names", "surname", "birth_date", "address", "email", "phone"]),
        label: z.string(),
        levels: z.array(ZLevel).min(1),
        termFrequencyAdjustment: z.boolean(),
        sameAddressU: z.record(z.string(), z.number().min(0).max(1)).optional(),
        sameAddressOtherSurnameU: z.record(z.string(), z.number().min(0).max(1)).optional(),
      }),
    ),
  }),
  survivorship: z.object({
    rules: z.record(z.enum(MERGE_FIELD_NAMES), ZRule),
    trust: z.record(z.string().max(60), z.number().min(0).max(1000)),
  }),
  origin: z.enum(["default", "admin", "estimated"]),
  updatedAt: z.date().nullable(),
});
export type TMatchSettings = z.infer<typeof ZMatchSettings>;

export const ZUpdateMatchSettingsInput = ZMatchSettings.pick({ model: true, survivorship: true }).partial();

export async function getMatchSettings(ctx: Ctx): Promise<TMatchSettings> {
  authorize(ctx.actor, "register", "read");
  const [row] = await ctx.db.select().from(matchSettings).where(eq(matchSettings.id, "default"));
  if (!row) {
    return {
      model: DEFAULT_MATCH_MODEL as TMatchSettings["model"],
      survivorship: structuredClone(DEFAULT_SURVIVORSHIP) as TMatchSettings["survivorship"],
      origin: "default",
      updatedAt: null,
    };
  }
  return {
    model: row.model as TMatchSettings["model"],
    survivorship: row.survivorship as TMatchSettings["survivorship"],
    origin: row.origin,
    updatedAt: row.updatedAt,
  };
}

/** An admin sets m and u, thresholds or survivorship by hand, or stores an estimated model. */
export async function updateMatchSettings(
  ctx: Ctx,
  input: z.input<typeof ZUpdateMatchSettingsInput>,
  origin: "admin" | "estimated" = "admin",
): Promise<TMatchSettings> {
  authorize(ctx.actor, "access", "write");
  const data = parseInput(ZUpdateMatchSettingsInput, input);
  return withTransaction(ctx, async (tx) => {
    const current = await getMatchSettings(tx);
    const next = {
      model: (data.model ?? current.model) as MatchModel as TMatchSettings["model"],
      survivorship: data.survivorship ?? current.survivorship,
    };
    const values = { ...next, origin, updatedAt: tx.clock.now(), updatedBy: actingUserId(tx.actor) };
    await tx.db
      .insert(matchSettings)
      .values({ id: "default", ...values })
      .onConflictDoUpdate({ target: matchSettings.id, set: values });
    await recordAudit(tx, {
      action: "match_settings.update",
      entity: "match_settings",
      entityId: null,
      before: current,
      after: next,
    });
    return { ...next, origin, updatedAt: values.updatedAt };
  });
}
