import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import type { Services } from "../../src/app/services";
import { buildWeb } from "../../src/cli/build-web";
import { buildApp, webDistDir } from "../../src/http/app";
import { systemClock } from "../../src/kernel/clock";
import { openTestServices } from "../support/services";

const WEB_DIR = fileURLToPath(new URL("../../web", import.meta.url));

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), stat.mtimeMs);
}

/** Whether web/dist is missing or older than anything it is built from. */
function webIsStale(): boolean {
  const built = join(webDistDir, "index.html");
  if (!existsSync(built)) return true;
  const sources = ["src", "index.html", "vite.config.ts"].map((entry) => newestChange(join(WEB_DIR, entry)));
  return statSync(built).mtimeMs < Math.max(...sources);
}

/** Builds the bundle that ships: under Vitest, NODE_ENV=test would make Vite bundle React's development build. */
async function buildShippedWeb(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await buildWeb();
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

const BUILD_LOCK = join(
  tmpdir(),
  `lanthandel-web-build-${createHash("sha256").update(WEB_DIR).digest("hex").slice(0, 12)}`,
);
/** Longer than any build takes: a lock this old was left by a run that died. */
const ABANDONED_LOCK_MS = 120_000;

/**
 * Builds the web app when web/src changed since the last build. Test files run in parallel
 * processes, so one builds under a lock directory and the others wait and then find it fresh;
 * a second build at the same time would empty web/dist under a server already serving it.
 */
async function ensureWebBuilt(): Promise<void> {
  while (webIsStale()) {
    try {
      mkdirSync(BUILD_LOCK);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const lockedAt = statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs;
      if (lockedAt !== undefined && Date.now() - lockedAt > ABANDONED_LOCK_MS) {
        rmSync(BUILD_LOCK, { recursive: true, force: true });
      }
      await sleep(500);
      continue;
    }
    try {
      if (webIsStale()) await buildShippedWeb();
    } finally {
      rmSync(BUILD_LOCK, { recursive: true, force: true });
    }
  }
}

/**
 * Where the users are, and the server's zone for times written without an offset. A test that
 * expects today's date must take it in this zone: from 23:00 UTC it is already tomorrow here.
 */
export const BROWSER_TIME_ZONE = "Europe/Stockholm";

export interface BrowserSession {
  services: Services;
  app: FastifyInstance;
  baseUrl: string;
  browser: Browser;
  page: Page;
  /** Uncaught errors in the page; a good run leaves none. */
  pageErrors: Error[];
  /** Saves a screenshot as /tmp/lanthandel-{name}.png, for looking at afterwards. */
  snapshot(name: string, options?: { fullPage?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real server on a database of its own, with the built web app, and a Chromium page
 * pointed at it. `prepare` fills the database before the server starts, e.g. with users.
 */
export async function openBrowserSession(prepare?: (services: Services) => Promise<void>): Promise<BrowserSession> {
  await ensureWebBuilt();
  // Sessions expire by this clock, and the browser drops cookies that expire in its past.
  const services = await openTestServices("pglite", { clock: systemClock });
  await prepare?.(services);
  const { app } = await buildApp(services);
  const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  // A context of its own, so a test can open more tabs of the same signed-in browser.
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1360, height: 860 },
    locale: "sv-SE",
    timezoneId: BROWSER_TIME_ZONE,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const pageErrors: Error[] = [];
  page.on("pageerror", (error) => pageErrors.push(error));
  return {
    services,
    app,
    baseUrl,
    browser,
    page,
    pageErrors,
    snapshot: async (name, options = {}) => {
      await page.screenshot({ path: `/tmp/lanthandel-${name}.png`, animations: "disabled", ...options });
    },
    close: async () => {
      await browser.close();
      await app.close();
      await services.close();
    },
  };
}

/** The messages an input points to with aria-describedby: its description and its error. */
export async function describedBy(input: Locator): Promise<string> {
  const ids = (await input.getAttribute("aria-describedby"))?.split(/\s+/).filter(Boolean) ?? [];
  const texts = await Promise.all(ids.map((id) => input.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(" | ");
}

/** Signs in through the login page, as a user would, and waits for the overview. */
export async function signIn(session: BrowserSession, user: { email: string; password: string }): Promise<void> {
  await session.page.goto("/login");
  await session.page.getByLabel("E-post").fill(user.email);
  await session.page.getByLabel("Lösenord", { exact: true }).fill(user.password);
  await session.page.getByRole("button", { name: "Logga in" }).click();
  await session.page.waitForURL(`${session.baseUrl}/`);
}
