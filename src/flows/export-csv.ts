import type { Writable } from "node:stream";
import { stringify } from "csv-stringify";
import type { Ctx } from "../kernel/ctx";
import {
  listCustomAttributes,
  listOrganizations,
  listPeople,
  type TListPeopleInput,
  type TOrganizationSummary,
  type TPersonSummary,
} from "../modules/register";

/**
 * Writes every person matching the list filters as CSV, page by page, so an export of the whole
 * register never holds more than one page in memory. Custom attributes get a column each.
 */
export async function exportPeopleCsv(ctx: Ctx, filters: TListPeopleInput, output: Writable): Promise<number> {
  const attributes = await listCustomAttributes(ctx, "person");
  const columns = [
    "id",
    "givenNames",
    "greetingName",
    "surname",
    "personnummer",
    "lifecycleStage",
    "email",
    "phone",
    "city",
    ...attributes.map((attribute) => `custom.${attribute.key}`),
  ];
  const row = (person: TPersonSummary) => [
    person.id,
    person.givenNames,
    person.greetingName,
    person.surname,
    person.personnummer ?? "",
    person.lifecycleStage,
    person.email ?? "",
    person.phone ?? "",
    person.city ?? "",
    ...attributes.map((attribute) => String(person.custom[attribute.key] ?? "")),
  ];
  return writePages(output, columns, async (cursor) => {
    const page = await listPeople(ctx, { ...filters, limit: 500, ...(cursor ? { cursor } : {}) });
    return { rows: page.items.map(row), nextCursor: page.nextCursor };
  });
}

export async function exportOrganizationsCsv(
  ctx: Ctx,
  filters: Parameters<typeof listOrganizations>[1],
  output: Writable,
): Promise<number> {
  const columns = [
    "id",
    "name",
    "organisationsnummer",
    "legalForm",
    "industry",
    "sniCode",
    "employees",
    "city",
    "people",
  ];
  const row = (organization: TOrganizationSummary) => [
    organization.id,
    organization.name,
    organization.organisationsnummer ?? "",
    organization.legalForm ?? "",
    organization.industry ?? "",
    organization.sniCode ?? "",
    organization.employees ?? "",
    organization.city ?? "",
    organization.people,
  ];
  return writePages(output, columns, async (cursor) => {
    const page = await listOrganizations(ctx, { ...filters, limit: 500, ...(cursor ? { cursor } : {}) });
    return { rows: page.items.map(row), nextCursor: page.nextCursor };
  });
}

async function writePages(
  output: Writable,
  columns: string[],
  fetchPage: (cursor: string | null) => Promise<{ rows: unknown[][]; nextCursor: string | null }>,
): Promise<number> {
  const csv = stringify({ header: true, columns, bom: true });
  csv.pipe(output);
  let cursor: string | null = null;
  let count = 0;
  do {
    const page = await fetchPage(cursor);
    for (const row of page.rows) {
      if (!csv.write(row.map(spreadsheetSafe))) await new Promise((resolve) => csv.once("drain", resolve));
      count += 1;
    }
    cursor = page.nextCursor;
  } while (cursor);
  await new Promise<void>((resolve, reject) => {
    output.once("error", reject);
    csv.once("end", resolve);
    csv.end();
  });
  return count;
}

/** A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab or return). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Numbers and phone numbers start with + or - too, and no spreadsheet can do harm with them. */
const PLAIN_NUMBER = /^[+-]?[\d\s().,-]*\d[\d\s().,-]*$/;

/**
 * Neutralises cells that Excel or LibreOffice would evaluate (CSV injection: a customer named
 * `=HYPERLINK(…)` must stay a name) by prefixing an apostrophe, which the spreadsheet hides and
 * the import takes off again.
 */
export function spreadsheetSafe(value: unknown): unknown {
  if (typeof value !== "string" || !FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}
