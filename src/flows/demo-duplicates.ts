import type { Ctx } from "../kernel/ctx";
import { importPeople, type TPersonImportRow } from "../modules/register";

/** Every how many demo customers one also arrived through the web shop. */
const EVERY = 25;

/**
 * A few demo customers who also signed up in the web shop, written down a little differently,
 * as real registers have them: the name they go by and a phone number typed with dashes; all the
 * given names without a marking, a birth date and the postcode with a space; or a surname
 * without its å, ä or ö. None carries the personnummer (the shop never asked), so the matcher
 * has to find them on names, birth dates, addresses, e-mail and phone: some are merged at once,
 * the rest wait in the review queue. Uses its own random sequence, so the rest of the demo data
 * stays the same whatever happens here.
 */
export async function loadDemoDuplicates(ctx: Ctx, rows: ReadonlyArray<{ values: TPersonImportRow }>): Promise<number> {
  const duplicates: Array<{ row: number; values: TPersonImportRow }> = [];
  for (let index = 0; index < rows.length; index += EVERY) {
    const original = rows[index]?.values;
    if (!original?.givenNames || !original.surname) continue;
    const given = original.givenNames.split(" ");
    const marking = Number(original.preferredNameMarking?.[0] ?? "1");
    const called = given[marking - 1] ?? (given[0] as string);
    const pnr = original.personnummer ?? "";
    const common = { externalId: `WEB-${String(index + 1).padStart(5, "0")}`, surname: original.surname };
    const variant = (index / EVERY) % 3;
    const values: TPersonImportRow =
      variant === 0
        ? {
            ...common,
            givenNames: called,
            email: original.email,
            mobile: dashed(original.mobile ?? ""),
            street: original.street,
            postalCode: original.postalCode,
            city: original.city,
          }
        : variant === 1
          ? {
              ...common,
              givenNames: original.givenNames,
              birthDate: `${pnr.slice(0, 4)}-${pnr.slice(4, 6)}-${pnr.slice(6, 8)}`,
              street: original.street,
              postalCode: `${original.postalCode?.slice(0, 3)} ${original.postalCode?.slice(3)}`,
              city: original.city,
            }
          : {
              ...common,
              givenNames: called,
              surname: withoutSwedishLetters(original.surname),
              email: original.email,
            };
    duplicates.push({ row: duplicates.length + 1, values });
  }
  const result = await importPeople(ctx, duplicates, { system: "webshop" });
  if (result.errors.length > 0)
    throw new Error(`demo duplicates failed validation: ${JSON.stringify(result.errors[0])}`);
  return result.created;
}

/** 0701234567 as people type it: 070-123 45 67. */
const dashed = (mobile: string) =>
  `${mobile.slice(0, 3)}-${mobile.slice(3, 6)} ${mobile.slice(6, 8)} ${mobile.slice(8)}`;

const withoutSwedishLetters = (name: string) =>
  name
    .replaceAll("å", "a")
    .replaceAll("ä", "a")
    .replaceAll("ö", "o")
    .replaceAll("Å", "A")
    .replaceAll("Ä", "A")
    .replaceAll("Ö", "O");
