import { Command } from "commander";
import { createLogger, openServices, startBackground } from "../app/services";
import { buildApp, webDistDir } from "../http/app";
import { loadConfig } from "../kernel/config";
import { isSetupNeeded } from "../modules/access";
import { listPeople } from "../modules/register";
import { buildWeb, webBuildIsStale } from "./build-web";

export function serveCommand(): Command {
  return new Command("serve")
    .description("Run the API, the web app and the background workers")
    .option("--build-web", "build the web app first if it is missing or older than its sources")
    .option("--no-jobs", "do not run background jobs in this process")
    .action(async (options: { buildWeb?: boolean; jobs: boolean }) => {
      const config = loadConfig();
      const log = createLogger(config);
      if (options.buildWeb && webBuildIsStale(webDistDir)) {
        log.info("building the web app (its sources are newer than the last build)");
        await buildWeb();
      }
      const services = await openServices(config, { log, background: false });
      const { app, lifecycle } = await buildApp(services);
      let stopping = false;
      const shutdown = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        lifecycle.draining = true;
        log.info({ signal }, "shutting down: draining requests and jobs");
        const timer = setTimeout(() => {
          log.error("shutdown timed out; exiting");
          process.exit(1);
        }, config.SHUTDOWN_TIMEOUT_MS + 5_000);
        timer.unref();
        try {
          await app.close();
          await services.close();
          log.info("stopped");
        } catch (error) {
          log.error({ err: error }, "error during shutdown");
          process.exitCode = 1;
        }
      };
      process.once("SIGTERM", () => void shutdown("SIGTERM"));
      process.once("SIGINT", () => void shutdown("SIGINT"));
      let address: string;
      try {
        address = await app.listen({ port: config.PORT, host: config.HOST });
      } catch (error) {
        // Without a port the process serves nobody: release the store and the jobs, and say why.
        await app.close().catch(() => {});
        await services.close();
        const code = (error as { code?: string }).code;
        throw new Error(
          code === "EADDRINUSE"
            ? `Port ${config.PORT} on ${config.HOST} is already in use; stop the other server or set PORT`
            : `Could not listen on ${config.HOST}:${config.PORT}: ${(error as Error).message}`,
        );
      }
      if (options.jobs && config.JOBS && !stopping) await startBackground(services);
      log.info(
        { store: services.store.describe },
        `Lanthandel is serving at ${address.replace("127.0.0.1", "localhost")}`,
      );
      const ctx = services.systemCtx("serve");
      if (await isSetupNeeded(ctx)) log.info("First start: open the address above to create the administrator");
      if ((await listPeople(ctx, { limit: 1 })).items.length === 0) {
        log.info(
          "The register is empty: load the Swedish demo data from the overview page, or run `npx lanthandel demo`",
        );
      }
    });
}
