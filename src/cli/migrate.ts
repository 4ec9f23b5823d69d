import { Command } from "commander";
import { withServices } from "./run";

export function migrateCommand(): Command {
  return new Command("migrate").description("Apply database migrations and exit").action(async () => {
    await withServices(async (services) => {
      process.stdout.write(`Migrations applied to ${services.store.describe}\n`);
    });
  });
}
