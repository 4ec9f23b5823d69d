import { Command, Option } from "commander";
import { deduplicateRegister } from "../flows/deduplicate-register";
import { withServices } from "./run";

export function dedupeCommand(): Command {
  return new Command("dedupe")
    .description(
      "Find duplicate people in the whole register: merge the certain ones, queue the likely ones for review",
    )
    .option("--dry-run", "only count what would be merged and queued")
    .addOption(new Option("--workers <n>", "threads to score on").argParser(Number).default(2))
    .action(async (options: { dryRun?: boolean; workers: number }) => {
      await withServices(async (services) => {
        const result = await deduplicateRegister(services.systemCtx("dedupe"), options);
        process.stdout.write(
          `${result.records} people, ${result.pairs} likely pairs, ${result.clusters} clusters: ` +
            `${options.dryRun ? "would merge" : "merged"} ${result.merged}, ` +
            `${options.dryRun ? "would queue" : "queued"} ${result.queued} for review (load ${result.seconds.load.toFixed(1)} s, match ${result.seconds.match.toFixed(1)} s, apply ${result.seconds.apply.toFixed(1)} s)\n`,
        );
      });
    });
}
