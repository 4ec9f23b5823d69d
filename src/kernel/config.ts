import { z } from "zod";
import { DEFAULT_INSTALLATION_ZONE, isTimeZone } from "./local-time";

const booleanFromEnv = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

export const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  PUBLIC_URL: z.url().optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  COOKIE_SECURE: booleanFromEnv.default(false),
  TRUST_PROXY: booleanFromEnv.default(false),
  JOBS: booleanFromEnv.default(true),
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().positive().default(3650),
  /** How long raw tracked events are kept; computed traits outlive them. */
  TRACKING_RETENTION_DAYS: z.coerce.number().int().positive().default(395),
  /** How long a messageId is remembered, so a client's retry is stored once. */
  TRACKING_DEDUPE_DAYS: z.coerce.number().int().positive().default(7),
  /** What is kept of a visitor's IP address once the country is looked up. */
  TRACKING_IP_MODE: z.enum(["keep", "truncate", "drop"]).default("truncate"),
  /** Tracking requests per second per write key, and per client IP address. */
  TRACKING_RATE_LIMIT: z.coerce.number().int().positive().default(500),
  TRACKING_IP_RATE_LIMIT: z.coerce.number().int().positive().default(100),
  /**
   * The installation's zone: local time of day when an event does not say its own, and the zone
   * a date or time written without an offset is read in.
   */
  DEFAULT_TIME_ZONE: z
    .string()
    .min(1)
    .refine(isTimeZone, "must be an IANA time zone such as Europe/Stockholm")
    .default(DEFAULT_INSTALLATION_ZONE),
  /** Where e-mail goes out, `smtp://user:password@host:587` or `smtps://…`; unset, e-mail stays queued. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  /** The sender of every e-mail. */
  MAIL_FROM: z.string().min(3).default("Lanthandel <noreply@localhost>"),
});

export type TConfig = z.infer<typeof ZConfig>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Reads the configuration once at start-up. A bad value stops the process with one line per
 * variable at fault, because a half-configured server is worse than none.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): TConfig {
  const relevant = Object.fromEntries(
    Object.keys(ZConfig.shape)
      .map((key) => [key, env[key] === "" ? undefined : env[key]])
      .filter(([, value]) => value !== undefined),
  );
  const parsed = ZConfig.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(config)"}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
