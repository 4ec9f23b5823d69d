import { Command } from "commander";
import { createApiKey, listUsers } from "../modules/access";
import { withServices } from "./run";

export function apiKeyCommand(): Command {
  const apikey = new Command("apikey").description("Manage API keys");
  apikey
    .command("create")
    .description("Create an API key acting as a user; prints only the key")
    .requiredOption("--user <email>", "e-mail of the user the key acts as")
    .option("--name <name>", "a name to recognise the key by", "cli")
    .action(async (options: { user: string; name: string }) => {
      await withServices(async (services) => {
        const ctx = services.systemCtx("cli");
        const owner = (await listUsers(ctx)).find((user) => user.email === options.user.trim().toLowerCase());
        if (!owner) throw new Error(`No user has the e-mail ${options.user}`);
        const { key } = await createApiKey(ctx, { name: options.name, userId: owner.id });
        process.stdout.write(`${key}\n`);
      });
    });
  return apikey;
}
