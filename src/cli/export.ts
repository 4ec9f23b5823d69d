import { createWriteStream } from "node:fs";
import { Command, Option } from "commander";
import {
  EXPORT_SEPARATORS,
  prepareOrganizationsCsv,
  preparePeopleCsv,
  type TExportSeparator,
} from "../flows/export-csv";
import { AppError } from "../kernel/errors";
import { parseInput } from "../kernel/validate";
import {
  findSavedList,
  LIFECYCLE_STAGES,
  organizationsListInput,
  peopleListInput,
  ZOrganizationsExportQuery,
  ZPeopleExportQuery,
} from "../modules/register";
import { withServices } from "./run";

interface ExportOptions {
  output?: string;
  q?: string;
  stage?: string;
  owner?: string;
  organization?: string;
  parent?: string;
  group?: string;
  sni?: string;
  city?: string;
  filter?: string[];
  consent?: string[];
  sort?: string;
  list?: string;
  separator: TExportSeparator;
}

/** The list's own filters: a saved list brings all of them, so none is given beside it. */
const FILTERS = [
  "q",
  "stage",
  "owner",
  "organization",
  "parent",
  "group",
  "sni",
  "city",
  "filter",
  "consent",
  "sort",
] as const;

/** Options that only one of the lists has. */
const PEOPLE_ONLY = ["stage", "organization", "consent"] as const;
const ORGANIZATIONS_ONLY = ["parent", "group", "sni"] as const;

export function exportCommand(): Command {
  return new Command("export")
    .description("Export a list as CSV, with the same filters as the list (GET /api/people, /api/organizations)")
    .addArgument(new Command().createArgument("<entity>", "what to export").choices(["people", "organizations"]))
    .option("-o, --output <file>", "write to a file instead of standard output")
    .addOption(
      new Option("--separator <separator>", "semicolon: for Swedish Excel (decimal commas); comma: plain CSV")
        .choices(EXPORT_SEPARATORS)
        .default("comma"),
    )
    .option("--q <text>", "free-text search")
    .addOption(new Option("--stage <stage>", "people: lifecycle stage").choices(LIFECYCLE_STAGES))
    .option("--owner <id>", "owner (user id)")
    .option("--organization <id>", "people: working at this organisation")
    .option("--parent <id>", "organisations: the direct subsidiaries of this one")
    .option("--group <id>", "organisations: this one and every subsidiary under it")
    .option("--sni <code>", "organisations: SNI code (its start)")
    .option("--city <city>", "current town")
    .option("--filter <field:op:value...>", "filters as the list takes them, e.g. custom.tier:eq:gold")
    .option("--consent <purpose:channel:status...>", "people: current consent, e.g. marketing:email:granted")
    .option(
      "--sort <order>",
      "the rows' order: name, createdAt, birthDate (people), employees, revenueSek, people (organisations) or custom.<key>; -field turns it round",
    )
    .option("--list <name>", "a saved list shared in the app (Sparade listor), by its name: its filters and order")
    .action(async (entity: "people" | "organizations", options: ExportOptions) => {
      const beside = options.list === undefined ? [] : FILTERS.filter((name) => options[name] !== undefined);
      if (beside.length > 0) {
        throw new AppError("validation_failed", `--list brings its own filters; leave out --${beside.join(", --")}`, {
          fields: beside.map((name) => ({ field: name, code: "conflicts", message: "Given beside --list" })),
        });
      }
      const foreign = (entity === "people" ? ORGANIZATIONS_ONLY : PEOPLE_ONLY).filter(
        (name) => options[name] !== undefined,
      );
      if (foreign.length > 0) {
        throw new AppError("validation_failed", `--${foreign.join(", --")} cannot filter ${entity}`, {
          fields: foreign.map((name) => ({ field: name, code: "unknown_field", message: `Not a filter of ${entity}` })),
        });
      }
      await withServices(async (services) => {
        const ctx = services.systemCtx("export");
        const saved =
          options.list === undefined
            ? null
            : (await findSavedList(ctx, entity === "people" ? "person" : "organization", options.list)).query;
        // Parsed with the export endpoint's own schema: the CLI and the API take the same filters.
        const write =
          entity === "people"
            ? await preparePeopleCsv(
                ctx,
                peopleListInput(
                  parseInput(
                    ZPeopleExportQuery,
                    saved ?? {
                      q: options.q,
                      lifecycleStage: options.stage,
                      ownerId: options.owner,
                      organizationId: options.organization,
                      city: options.city,
                      filter: options.filter,
                      consent: options.consent,
                      sort: options.sort,
                    },
                  ),
                ),
                { separator: options.separator },
              )
            : await prepareOrganizationsCsv(
                ctx,
                organizationsListInput(
                  parseInput(
                    ZOrganizationsExportQuery,
                    saved ?? {
                      q: options.q,
                      ownerId: options.owner,
                      parentId: options.parent,
                      groupId: options.group,
                      sniCode: options.sni,
                      city: options.city,
                      filter: options.filter,
                      sort: options.sort,
                    },
                  ),
                ),
                { separator: options.separator },
              );
        const output = options.output ? createWriteStream(options.output) : process.stdout;
        const count = await write(output);
        if (options.output)
          process.stderr.write(`Exported ${count} ${count === 1 ? "row" : "rows"} to ${options.output}\n`);
      });
    });
}
