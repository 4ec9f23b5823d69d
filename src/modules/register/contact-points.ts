import type { z } from "zod";
import type { Ctx } from "../../kernel/ctx";
import { newId } from "../../kernel/ctx";
import type { FieldErrors } from "../../kernel/field-errors";
import type { ZEmailInput, ZPhoneInput } from "./inputs";
import { lineageColumns } from "./lineage";
import { type NormalAddress, normalizeEmailAddress, normalizePhoneNumber } from "./normalize";
import { addresses, emails, phones, type TLineage } from "./schema";

type Owner = { personId: string; organizationId?: undefined } | { organizationId: string; personId?: undefined };

export interface NormalEmail {
  address: string;
  canonical: string;
  kind: "private" | "work" | "other";
  isPrimary: boolean;
}

export interface NormalPhone {
  e164: string;
  type: "mobile" | "landline" | "voip" | "other";
  kind: "private" | "work" | "other";
  isPrimary: boolean;
}

/** Normalises a list of e-mails; the first is primary unless one says otherwise. Duplicates are dropped. */
export function normalizeEmails(
  inputs: ReadonlyArray<z.output<typeof ZEmailInput>>,
  field: string,
  errors: FieldErrors,
): NormalEmail[] {
  const seen = new Set<string>();
  const result: NormalEmail[] = [];
  inputs.forEach((input, index) => {
    const parsed = normalizeEmailAddress(input.address, `${field}.${index}.address`, errors);
    if (!parsed || seen.has(parsed.canonical)) return;
    seen.add(parsed.canonical);
    result.push({
      address: parsed.address,
      canonical: parsed.canonical,
      kind: input.kind,
      isPrimary: input.isPrimary ?? false,
    });
  });
  if (result.length > 0 && !result.some((email) => email.isPrimary) && result[0]) result[0].isPrimary = true;
  return result;
}

export function normalizePhones(
  inputs: ReadonlyArray<z.output<typeof ZPhoneInput>>,
  field: string,
  errors: FieldErrors,
): NormalPhone[] {
  const seen = new Set<string>();
  const result: NormalPhone[] = [];
  inputs.forEach((input, index) => {
    const parsed = normalizePhoneNumber(input.number, `${field}.${index}.number`, errors);
    if (!parsed || seen.has(parsed.e164)) return;
    seen.add(parsed.e164);
    result.push({ e164: parsed.e164, type: parsed.type, kind: input.kind, isPrimary: input.isPrimary ?? false });
  });
  if (result.length > 0 && !result.some((phone) => phone.isPrimary) && result[0]) result[0].isPrimary = true;
  return result;
}

export async function insertEmails(ctx: Ctx, owner: Owner, list: NormalEmail[], source: TLineage): Promise<void> {
  if (list.length === 0) return;
  const now = ctx.clock.now();
  await ctx.db
    .insert(emails)
    .values(list.map((email) => ({ id: newId(ctx), ...owner, ...email, createdAt: now, ...lineageColumns(source) })));
}

export async function insertPhones(ctx: Ctx, owner: Owner, list: NormalPhone[], source: TLineage): Promise<void> {
  if (list.length === 0) return;
  const now = ctx.clock.now();
  await ctx.db
    .insert(phones)
    .values(list.map((phone) => ({ id: newId(ctx), ...owner, ...phone, createdAt: now, ...lineageColumns(source) })));
}

export async function insertAddress(ctx: Ctx, owner: Owner, address: NormalAddress, source: TLineage): Promise<string> {
  const id = newId(ctx);
  const { validFrom, ...rest } = address;
  await ctx.db.insert(addresses).values({
    id,
    ...owner,
    ...rest,
    validFrom: validFrom ?? ctx.clock.now(),
    validFromStated: validFrom !== null && validFrom !== undefined,
    validTo: null,
    ...lineageColumns(source),
  });
  return id;
}
