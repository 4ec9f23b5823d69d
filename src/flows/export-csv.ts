import type { Writable } from "node:stream";
import { stringify } from "csv-stringify";
import type { Ctx } from "../kernel/ctx";
import { installationTimeZone } from "../kernel/local-time";
import { listDirectory } from "../modules/access";
import {
  listCustomAttributes,
  listOrganizations,
  listPeople,
  organizationExportDetails,
  personExportDetails,
  type TExportAddress,
  type TListOrganizationsInput,
  type TListPeopleInput,
  type TOrganizationSummary,
  type TPersonSummary,
} from "../modules/register";

/** Who is responsible for the records: the seller and the team, by the names a file names them by. */
const RESPONSIBLE_COLUMNS = ["owner", "ownerTeam"];

/**
 * The names of the colleagues a record can be given to, by id. A deactivated seller is left out
 * (the cell stays empty): the import could not give a customer back to them.
 */
async function responsibleNames(ctx: Ctx) {
  const directory = await listDirectory(ctx);
  const users = new Map(directory.users.map((user) => [user.id, user.name]));
  const teams = new Map(directory.teams.map((team) => [team.id, team.name]));
  return (record: { ownerId: string | null; ownerTeamId: string | null }) => [
    (record.ownerId && users.get(record.ownerId)) ?? "",
    (record.ownerTeamId && teams.get(record.ownerTeamId)) ?? "",
  ];
}

/** An instant as a Swedish spreadsheet reads one: 2026-11-24 13:05 in the installation's time zone. */
function localMinute(at: Date | null): string {
  if (at === null) return "";
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: installationTimeZone(),
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);
}

const ADDRESS_COLUMNS = ["addressKind", "careOf", "street", "box", "apartment", "postalCode", "city", "country"];

const addressCells = (address: TExportAddress | null | undefined) =>
  address
    ? [
        address.kind,
        address.careOf ?? "",
        address.street ?? "",
        address.box ?? "",
        address.apartment ?? "",
        address.postalCode ?? "",
        address.city ?? "",
        address.country,
      ]
    : ADDRESS_COLUMNS.map(() => "");

/**
 * How the file is written. `comma` (the default) is plain CSV with decimal points; `semicolon` is
 * what Swedish Excel opens as columns: `;` between cells, decimal commas, Windows line ends and
 * personnummer and organisationsnummer with their hyphen (as twelve bare digits Excel would show
 * and save a personnummer as 1,91212E+11). The import reads both back unchanged.
 */
export const EXPORT_SEPARATORS = ["comma", "semicolon"] as const;
export type TExportSeparator = (typeof EXPORT_SEPARATORS)[number];
export interface TCsvFormat {
  separator: TExportSeparator;
}
const PLAIN_CSV: TCsvFormat = { separator: "comma" };

/** Writes the rows of a prepared export; returns how many. */
export type TCsvWriter = (output: Writable) => Promise<number>;

/**
 * Writes every person matching the list filters as CSV, page by page, so an export of the whole
 * register never holds more than one page in memory. Custom attributes get a column each. The
 * columns are the import's own, with the register's id as `lanthandelId`: a file edited in a
 * spreadsheet imports back onto the same people (`greetingName`, `lastContactAt` and
 * `nextContactAt` are derived and read only). `owner` and `ownerTeam` name the seller and team, as an import reads them.
 */
export async function exportPeopleCsv(
  ctx: Ctx,
  filters: TListPeopleInput,
  output: Writable,
  format: TCsvFormat = PLAIN_CSV,
): Promise<number> {
  return (await preparePeopleCsv(ctx, filters, format))(output);
}

/**
 * Reads the first page before anything is written, so that filters the list refuses (an
 * unknown field, a bad value) fail as an error response, not as a cut-off file.
 */
export async function preparePeopleCsv(
  ctx: Ctx,
  filters: TListPeopleInput,
  format: TCsvFormat = PLAIN_CSV,
): Promise<TCsvWriter> {
  const attributes = await listCustomAttributes(ctx, "person");
  const columns = [
    "lanthandelId",
    "givenNames",
    "preferredGivenName",
    "greetingName",
    "surname",
    "personnummer",
    "birthDate",
    "language",
    "lifecycleStage",
    ...RESPONSIBLE_COLUMNS,
    "lastContactAt",
    "nextContactAt",
    "email",
    "phone",
    ...ADDRESS_COLUMNS,
    ...attributes.map((attribute) => `custom.${attribute.key}`),
  ];
  const cells = cellWriters(format);
  const responsible = await responsibleNames(ctx);
  return preparePages(columns, format, async (cursor) => {
    const page = await listPeople(ctx, { ...filters, limit: 500, ...(cursor ? { cursor } : {}) });
    const details = await personExportDetails(
      ctx,
      page.items.map((person) => person.id),
    );
    const row = (person: TPersonSummary) => {
      const more = details.get(person.id);
      return [
        person.id,
        person.givenNames,
        more?.preferredGivenName ?? "",
        person.greetingName,
        person.surname,
        cells.identity(person.personnummer),
        more?.birthDate ?? "",
        more?.language ?? "",
        person.lifecycleStage,
        ...responsible(person),
        localMinute(person.lastContactAt),
        localMinute(person.nextContactAt),
        person.email ?? "",
        person.phone ?? "",
        ...addressCells(more?.address),
        ...attributes.map((attribute) => cells.custom(person.custom[attribute.key])),
      ];
    };
    return { rows: page.items.map(row), nextCursor: page.nextCursor };
  });
}

/**
 * Organisations as CSV, like people: the import's columns; `legalForm`, `lastContactAt`,
 * `nextContactAt` and `people` are derived.
 */
export async function exportOrganizationsCsv(
  ctx: Ctx,
  filters: TListOrganizationsInput,
  output: Writable,
  format: TCsvFormat = PLAIN_CSV,
): Promise<number> {
  return (await prepareOrganizationsCsv(ctx, filters, format))(output);
}

export async function prepareOrganizationsCsv(
  ctx: Ctx,
  filters: TListOrganizationsInput,
  format: TCsvFormat = PLAIN_CSV,
): Promise<TCsvWriter> {
  const attributes = await listCustomAttributes(ctx, "organization");
  const columns = [
    "lanthandelId",
    "name",
    "organisationsnummer",
    "legalForm",
    "vatNumber",
    "industry",
    "sniCode",
    "employees",
    "revenueSek",
    "website",
    ...RESPONSIBLE_COLUMNS,
    "lastContactAt",
    "nextContactAt",
    ...ADDRESS_COLUMNS,
    "people",
    ...attributes.map((attribute) => `custom.${attribute.key}`),
  ];
  const cells = cellWriters(format);
  const responsible = await responsibleNames(ctx);
  return preparePages(columns, format, async (cursor) => {
    const page = await listOrganizations(ctx, { ...filters, limit: 500, ...(cursor ? { cursor } : {}) });
    const details = await organizationExportDetails(
      ctx,
      page.items.map((organization) => organization.id),
    );
    const row = (organization: TOrganizationSummary) => {
      const more = details.get(organization.id);
      return [
        organization.id,
        organization.name,
        cells.identity(organization.organisationsnummer),
        organization.legalForm ?? "",
        more?.vatNumber ?? "",
        organization.industry ?? "",
        organization.sniCode ?? "",
        cells.custom(organization.employees),
        cells.custom(more?.revenueSek),
        more?.website ?? "",
        ...(more ? responsible(more) : ["", ""]),
        localMinute(organization.lastContactAt),
        localMinute(organization.nextContactAt),
        ...addressCells(more?.address),
        organization.people,
        ...attributes.map((attribute) => cells.custom(more?.custom[attribute.key])),
      ];
    };
    return { rows: page.items.map(row), nextCursor: page.nextCursor };
  });
}

/** A custom value as the import reads it back: yes/no as true/false, numbers with the file's decimal mark. */
const customCell = (value: unknown, decimalComma: boolean) =>
  value === null || value === undefined
    ? ""
    : typeof value === "number"
      ? // Written out in full: a spreadsheet and the import both read 0.0000001, neither 1e-7.
        value
          .toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 })
          .replace(".", decimalComma ? "," : ".")
      : String(value);

/** 191212121212 → 19121212-1212, 5563488229 → 556348-8229: text to a spreadsheet, not a number. */
const hyphenated = (digits: string) => `${digits.slice(0, -4)}-${digits.slice(-4)}`;

function cellWriters(format: TCsvFormat) {
  const excel = format.separator === "semicolon";
  return {
    custom: (value: unknown) => customCell(value, excel),
    identity: (value: string | null | undefined) => (!value ? "" : excel ? hyphenated(value) : value),
  };
}

type PageOfRows = { rows: unknown[][]; nextCursor: string | null };

async function preparePages(
  columns: string[],
  format: TCsvFormat,
  fetchPage: (cursor: string | null) => Promise<PageOfRows>,
): Promise<TCsvWriter> {
  const first = await fetchPage(null);
  return async (output) => {
    const csv = stringify({
      header: true,
      columns,
      bom: true,
      ...(format.separator === "semicolon" ? { delimiter: ";", record_delimiter: "windows" as const } : {}),
    });
    csv.pipe(output);
    let page: PageOfRows | null = first;
    let count = 0;
    while (page) {
      for (const row of page.rows) {
        if (!csv.write(row.map(spreadsheetSafe))) await new Promise((resolve) => csv.once("drain", resolve));
        count += 1;
      }
      page = page.nextCursor ? await fetchPage(page.nextCursor) : null;
    }
    await new Promise<void>((resolve, reject) => {
      output.once("error", reject);
      csv.once("end", resolve);
      csv.end();
    });
    return count;
  };
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
