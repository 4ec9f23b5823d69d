import { Command, Option } from "commander";
import { ROLES } from "../kernel/actor";
import { DEFAULT_LOCALE, LOCALES, type TLocale } from "../kernel/locale";
import { createUser } from "../modules/access";
import { readSecret } from "./prompt";
import { withServices } from "./run";

export function userCommand(): Command {
  const user = new Command("user").description("Manage users");
  user
    .command("create")
    .description("Create a user; the password is read from LANTHANDEL_PASSWORD, --password or a prompt")
    .requiredOption("--email <email>", "e-mail address, used to sign in")
    .option("--name <name>", "full name (defaults to the e-mail's local part)")
    .addOption(new Option("--role <role>", "role").choices(ROLES).default("admin"))
    .addOption(new Option("--locale <locale>", "UI language").choices(LOCALES).default(DEFAULT_LOCALE))
    .option("--password <password>", "password (avoid: it lands in shell history)")
    .action(
      async (options: {
        email: string;
        name?: string;
        role: (typeof ROLES)[number];
        locale: TLocale;
        password?: string;
      }) => {
        const password =
          options.password ?? process.env.LANTHANDEL_PASSWORD ?? (await readSecret("Password for the new user: "));
        await withServices(async (services) => {
          const created = await createUser(services.systemCtx("cli"), {
            email: options.email,
            name: options.name ?? options.email.split("@")[0] ?? options.email,
            password,
            role: options.role,
            locale: options.locale,
          });
          process.stdout.write(`Created ${created.role} ${created.email} (${created.id})\n`);
        });
      },
    );
  return user;
}
