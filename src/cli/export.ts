import { createWriteStream } from "node:fs";
import { Command, Option } from "commander";
import { exportOrganizationsCsv, exportPeopleCsv } from "../flows/export-csv";
import { withServices } from "./run";

export function exportCommand(): Command {
  return new Command("export")
    .description("Export a list as CSV, with the same filters as the list")
    .addArgument(new Command().createArgument("<entity>", "what to export").choices(["people", "organizations"]))
    .option("-o, --output <file>", "write to a file instead of standard output")
    .option("--q <text>", "free-text search")
    .addOption(
      new Option("--stage <stage>", "lifecycle stage").choices([
        "interested",
        "prospect",
        "lead",
        "customer",
        "former_customer",
      ]),
    )
    .option("--city <city>", "current town")
    .option("--filter <field:op:value...>", "attribute filters, e.g. custom.tier:eq:gold")
    .action(
      async (
        entity: "people" | "organizations",
        options: { output?: string; q?: string; stage?: string; city?: string; filter?: string[] },
      ) => {
        await withServices(async (services) => {
          const ctx = services.systemCtx("export");
          const output = options.output ? createWriteStream(options.output) : process.stdout;
          const count =
            entity === "people"
              ? await exportPeopleCsv(
                  ctx,
                  {
                    q: options.q,
                    lifecycleStage: options.stage as never,
                    city: options.city,
                    filters: (options.filter ?? []).map((entry) => {
                      const [field = "", op = "", ...rest] = entry.split(":");
                      return { field, op: op as never, ...(rest.length ? { value: rest.join(":") } : {}) };
                    }),
                  },
                  output,
                )
              : await exportOrganizationsCsv(ctx, { q: options.q, city: options.city }, output);
          if (options.output)
            process.stderr.write(`Exported ${count} ${count === 1 ? "row" : "rows"} to ${options.output}\n`);
        });
      },
    );
}
