import { Command } from "commander";
import { apiKeyCommand } from "./apikey";
import { dedupeCommand } from "./dedupe";
import { demoCommand } from "./demo";
import { exportCommand } from "./export";
import { importCommand } from "./import";
import { migrateCommand } from "./migrate";
import { serveCommand } from "./serve";
import { userCommand } from "./user";
import { writeKeyCommand } from "./writekey";

const program = new Command()
  .name("lanthandel")
  .description("Lanthandel: one customer register for sales, marketing and support")
  .showHelpAfterError();

program.addCommand(serveCommand());
program.addCommand(migrateCommand());
program.addCommand(userCommand());
program.addCommand(apiKeyCommand());
program.addCommand(writeKeyCommand());
program.addCommand(importCommand());
program.addCommand(exportCommand());
program.addCommand(demoCommand());
program.addCommand(dedupeCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`lanthandel: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
