import { createLogger, type OpenServicesOptions, openServices, type Services } from "../app/services";
import { loadConfig } from "../kernel/config";
import { AppError } from "../kernel/errors";

/**
 * Runs a one-shot command against the store: migrations applied, no background workers, and
 * a readable message instead of a stack trace when the input is wrong.
 */
export async function withServices<T>(
  work: (services: Services) => Promise<T>,
  options: OpenServicesOptions = {},
): Promise<T> {
  const config = loadConfig();
  const services = await openServices(config, {
    log: createLogger({ LOG_LEVEL: process.env.LOG_LEVEL ? config.LOG_LEVEL : "warn" }),
    background: false,
    ...options,
  });
  try {
    return await work(services);
  } catch (error) {
    if (error instanceof AppError) {
      const fields = error.fields.map((field) => `\n  ${field.field}: ${field.message}`).join("");
      throw new Error(`${error.message}${fields}`);
    }
    throw error;
  } finally {
    await services.close();
  }
}
