import { Command, Option } from "commander";
import { loadDemoData } from "../flows/demo";
import { withServices } from "./run";

export function demoCommand(): Command {
  return new Command("demo")
    .description("Load a realistic Swedish demo data set into an empty register")
    .addOption(new Option("--people <n>", "how many people").argParser(Number).default(500))
    .addOption(
      new Option("--seed <n>", "random seed, for the same data every time").argParser(Number).default(20261122),
    )
    .option("--force", "add the demo data even if the register is not empty")
    .action(async (options: { people: number; seed: number; force?: boolean }) => {
      await withServices(async (services) => {
        const started = Date.now();
        const result = await loadDemoData(services.systemCtx("demo"), options, { rules: services.rules });
        process.stdout.write(
          `Loaded ${result.people} people (${result.duplicates} of them a second time from a web shop) and ${result.organizations} organisations in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
        );
      });
    });
}
