import { Command, Option } from "commander";
import { createWriteKey } from "../modules/sources";
import { withServices } from "./run";

export function writeKeyCommand(): Command {
  const writekey = new Command("writekey").description("Manage tracking write keys");
  writekey
    .command("create")
    .description("Create a tracking source; prints only its write key")
    .option("--name <name>", "the source's name, e.g. the web site", "Web site")
    .addOption(new Option("--kind <kind>", "kind of source").choices(["web", "app", "server"]).default("web"))
    .action(async (options: { name: string; kind: "web" | "app" | "server" }) => {
      await withServices(async (services) => {
        const { writeKey } = await createWriteKey(services.systemCtx("cli"), options);
        process.stdout.write(`${writeKey}\n`);
      });
    });
  return writekey;
}
