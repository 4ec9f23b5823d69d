import { createReadStream, statSync, writeFileSync } from "node:fs";
import { SingleBar } from "cli-progress";
import { Command, Option } from "commander";
import { stringify } from "csv-stringify/sync";
import { IMPORT_ENTITIES, importCsv, type TImportEntity } from "../flows/import-csv";
import { withServices } from "./run";

function parseMapping(value: string, previous: Record<string, string>): Record<string, string> {
  for (const pair of value.split(",")) {
    const [column, field] = pair.split("=").map((part) => part.trim());
    if (!column || !field) throw new Error(`--map takes "Column=field" pairs, got "${pair}"`);
    previous[column] = field;
  }
  return previous;
}

export function importCommand(): Command {
  return new Command("import")
    .description("Import a CSV file (streamed in batches; idempotent on the source system's ids)")
    .addArgument(new Command().createArgument("<entity>", "what the file holds").choices(IMPORT_ENTITIES))
    .argument("<file>", "the CSV file (comma, semicolon or tab separated; UTF-8)")
    .requiredOption("--system <name>", "the source system the ids belong to, e.g. webshop")
    .option("--map <Column=field,...>", "map CSV columns to fields", parseMapping, {})
    .option("--dry-run", "validate and count without writing")
    .option("--errors <file>", "write the per-row error report to this CSV file")
    .addOption(new Option("--batch-size <n>", "rows per transaction").argParser(Number).default(1_000))
    .action(
      async (
        entity: TImportEntity,
        file: string,
        options: { system: string; map: Record<string, string>; dryRun?: boolean; errors?: string; batchSize: number },
      ) => {
        const size = statSync(file).size;
        await withServices(async (services) => {
          const input = createReadStream(file);
          const bar = new SingleBar({
            format: "{bar} {percentage}% | {rows} rows | {created} new, {updated} updated, {failed} failed",
            hideCursor: true,
            stream: process.stderr,
            // Also report progress when the output is a log file, not a terminal.
            noTTYOutput: true,
            notTTYSchedule: 2_000,
          });
          bar.start(size, 0, { rows: 0, created: 0, updated: 0, failed: 0 });
          // The bar's timer keeps the process (and the embedded store's lock) alive: it must stop
          // however the import ends, or a failed import never exits.
          const report = await importCsv(
            services.systemCtx(`import:${options.system}`),
            input,
            {
              entity,
              system: options.system,
              mapping: options.map,
              dryRun: options.dryRun ?? false,
              batchSize: options.batchSize,
            },
            (progress) =>
              bar.update(progress.bytesRead, {
                rows: progress.rowsRead,
                created: progress.created,
                updated: progress.updated,
                failed: progress.failed,
              }),
          )
            .then((done) => {
              bar.update(size);
              return done;
            })
            .finally(() => {
              bar.stop();
              input.destroy();
            });
          const verb = report.dryRun ? "would create" : "created";
          process.stdout.write(
            `${report.rowsRead} ${report.rowsRead === 1 ? "row" : "rows"}: ${verb} ${report.created}, ${report.dryRun ? "would update" : "updated"} ${report.updated}${report.unchanged ? `, unchanged ${report.unchanged}` : ""}, failed ${report.failed} (${report.durationMs} ms)\n`,
          );
          if (report.unmappedColumns.length)
            process.stdout.write(`Ignored columns: ${report.unmappedColumns.join(", ")}\n`);
          // A fault is named by the file's own column, and by the field where the two differ.
          const columnOf = (field: string) => {
            const column = report.columns[field];
            return !column || column.toLowerCase() === field.toLowerCase() ? (column ?? field) : `${column} (${field})`;
          };
          for (const error of report.errors.slice(0, 20)) {
            process.stdout.write(`  row ${error.row}, ${columnOf(error.field)}: ${error.message}\n`);
          }
          if (report.errors.length > 20) process.stdout.write(`  … and ${report.errors.length - 20} more\n`);
          if (options.errors) {
            writeFileSync(
              options.errors,
              stringify(
                report.errors.map((error) => ({ ...error, column: report.columns[error.field] ?? "" })),
                { header: true, columns: ["row", "column", "field", "code", "message"] },
              ),
            );
          }
          if (report.failed > 0) process.exitCode = 2;
        });
      },
    );
}
