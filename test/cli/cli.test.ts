import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/free-port";
import { createTestDatabase, STORE_KINDS } from "../support/stores";

const cli = join(import.meta.dirname, "../../bin/lanthandel.js");

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string>, input?: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

async function waitForServer(port: number, child: ChildProcess, everyMs = 100): Promise<void> {
  for (let i = 0; i < 30_000 / everyMs; i++) {
    if (child.exitCode !== null) throw new Error("server exited early");
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error("server did not become ready");
}

// Each command starts a process that opens the store, so these tests are slower than most.
describe.each(STORE_KINDS)("lanthandel CLI [%s]", { timeout: 120_000 }, (kind) => {
  const dataDir = mkdtempSync(join(tmpdir(), "lanthandel-cli-"));
  const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: "warn", DATABASE_URL: "" };
  let drop: (() => Promise<void>) | null = null;
  let adminKey = "";

  beforeAll(async () => {
    if (kind === "postgres") {
      const database = await createTestDatabase();
      env.DATABASE_URL = database.url;
      drop = database.drop;
    }
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await drop?.();
  });

  it("migrates, creates a user, and prints nothing but the key for apikey and writekey", async () => {
    const migrated = await run(["migrate"], env);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(/Migrations applied/);

    const created = await run(
      ["user", "create", "--email", "Ops@Example.se", "--role", "admin"],
      env,
      "operator password\n",
    );
    expect(created.stderr).not.toMatch(/Error/);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Created admin ops@example\.se/);

    const apikey = await run(["apikey", "create", "--user", "ops@example.se"], env);
    expect(apikey.code).toBe(0);
    expect(apikey.stdout).toMatch(/^lh_[A-Za-z0-9_-]{43}\n$/);
    adminKey = apikey.stdout.trim();

    const writekey = await run(["writekey", "create", "--name", "Webbplats"], env);
    expect(writekey.code).toBe(0);
    expect(writekey.stdout).toMatch(/^wk[0-9a-f]{48}\n$/);
  });

  it("imports a CSV file with a progress bar and a per-row error report, then exports it", async () => {
    const csv = join(dataDir, "kunder.csv");
    const report = join(dataDir, "fel.csv");
    writeFileSync(
      csv,
      "Kundnr;Förnamn;Efternamn;Personnummer\nA1;Karl Stig;Berg;19121212-1212\nA2;Eva;Fel;19121212-1213\n",
    );
    const imported = await run(
      ["import", "people", csv, "--system", "kassa", "--map", "Kundnr=externalId", "--errors", report],
      env,
    );
    expect(imported.stdout).toMatch(/2 rows: created 1, updated 0, failed 1/);
    expect(imported.stdout).toMatch(/row 2, Personnummer: /);
    expect(imported.stderr).toMatch(/100%/);
    expect(imported.code).toBe(2);
    expect(readFileSync(report, "utf8")).toMatch(
      /^row,column,field,code,message\n2,Personnummer,personnummer,invalid_checksum,/,
    );
    const exported = await run(["export", "people"], env);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/Karl Stig,,Karl,Berg,191212121212,1912-12-12,sv,/);

    // For Swedish Excel: semicolons, and the personnummer as text Excel keeps; it imports back unchanged.
    const forExcel = join(dataDir, "excel.csv");
    const excel = await run(["export", "people", "--separator", "semicolon", "--output", forExcel], env);
    expect(excel.code).toBe(0);
    expect(readFileSync(forExcel, "utf8")).toMatch(/;Karl Stig;;Karl;Berg;19121212-1212;1912-12-12;sv;/);
    const back = await run(["import", "people", forExcel, "--system", "kalkylblad"], env);
    expect(back.stdout).toMatch(/1 row: created 0, updated 0, unchanged 1, failed 0/);
    expect(back.code).toBe(0);
    const unknown = await run(["export", "people", "--separator", "tab"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/--separator/);
  });

  it("reads a Windows-1252 file whose first letters beyond ASCII come after the first 64 KB", async () => {
    const csv = join(dataDir, "sen-1252.csv");
    // Few people with long notes fill the first 64 KB: the server the next test starts matches
    // every imported person against the register, and 4 000 of them kept it busy past its start.
    const note = "x".repeat(240);
    const surname = (n: number) =>
      `${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(97 + Math.floor(n / 26))}berg`;
    const rows = Array.from({ length: 300 }, (_, index) => `S${index};Anna;${surname(index)};Lund;${note}`);
    writeFileSync(
      csv,
      Buffer.from(
        ["Kundnr;Fornamn;Efternamn;Ort;Kommentar", ...rows, "S9999;Åsa;Öström;Västerås;", ""].join("\r\n"),
        "latin1",
      ),
    );
    // Before, the all-ASCII start was taken for UTF-8: the import wrote the first batches, then
    // stopped at Åsa as "not valid UTF-8" with half the file in the register.
    const imported = await run(["import", "people", csv, "--system", "gammal"], env);
    expect(imported.stderr).not.toMatch(/UTF-8/);
    expect(imported.stdout).toMatch(/301 rows: created 301, updated 0, failed 0/);
    const exported = await run(["export", "people", "--q", "Öström"], env);
    expect(exported.stdout).toMatch(/,Åsa,,Åsa,Öström,/);
    expect(exported.stdout).toMatch(/,Västerås,SE/);
    // The oldest first: the one person with a birth date, then the rest by name.
    const byAge = await run(["export", "people", "--sort", "birthDate"], env);
    expect(byAge.code).toBe(0);
    const lines = byAge.stdout
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines).toHaveLength(303);
    expect(lines[1]).toMatch(/,Karl Stig,,Karl,Berg,191212121212,1912-12-12,/);
    expect(lines[2]).toMatch(/,Anna,,Anna,Aaberg,/);
    const unknownOrder = await run(["export", "people", "--sort", "size"], env);
    expect(unknownOrder.code).toBe(1);
    expect(unknownOrder.stderr).toMatch(/sort/);
  });

  it("ends a failed import with the reason and an exit code, instead of hanging on its progress bar", async () => {
    const empty = join(dataDir, "tom.csv");
    writeFileSync(empty, "");
    // Before, the bar's timer kept the process alive: this call never returned and the test timed out.
    const result = await run(["import", "people", empty, "--system", "kassa"], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/file is empty/i);
  });

  it("explains bad input instead of printing a stack trace", async () => {
    const result = await run(["user", "create", "--email", "not-an-email", "--password", "short"], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/email: Not a valid e-mail address/);
    expect(result.stderr).toMatch(/password: A password needs at least 10 characters/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("serves, keeps other processes off the embedded store, and shuts down cleanly on SIGTERM", async () => {
    const port = await freePort();
    const server = spawn(process.execPath, [cli, "serve"], {
      env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: "info" },
    });
    let serverLog = "";
    server.stdout?.on("data", (chunk) => {
      serverLog += chunk;
    });
    try {
      await waitForServer(port, server);
      const apikey = await run(["apikey", "create", "--user", "ops@example.se"], env);
      if (kind === "pglite") {
        expect(apikey.code).toBe(1);
        expect(apikey.stderr).toMatch(/in use by process \d+/);
      } else {
        expect(apikey.code).toBe(0);
      }
      expect((await fetch(`http://127.0.0.1:${port}/api/openapi.json`)).status).toBe(200);
      // A list shared in the app, for the export below.
      const saved = await fetch(`http://127.0.0.1:${port}/api/saved-lists`, {
        method: "POST",
        headers: { authorization: `Bearer ${adminKey}`, "content-type": "application/json" },
        body: JSON.stringify({ entity: "person", name: "Äldst först", query: { sort: "birthDate" }, shared: true }),
      });
      expect(saved.status).toBe(201);
      server.kill("SIGTERM");
      const code = await new Promise<number | null>((resolve) => server.on("close", resolve));
      expect(code).toBe(0);
      expect(serverLog).toMatch(/stopped/);
    } finally {
      server.kill("SIGKILL");
    }
    const after = await run(["writekey", "create"], env);
    expect(after.code).toBe(0);

    // The shared list exports in its own order, by its name whatever the case.
    const listed = await run(["export", "people", "--list", "äldst först"], env);
    expect(listed.stderr).toBe("");
    expect(listed.stdout.replace(/^\uFEFF/, "").split("\n")[1]).toMatch(
      /,Karl Stig,,Karl,Berg,191212121212,1912-12-12,/,
    );
    const unknownList = await run(["export", "people", "--list", "Okänd"], env);
    expect(unknownList.code).toBe(1);
    expect(unknownList.stderr).toMatch(/No saved list is named Okänd \(saved lists you can open: Äldst först\)/);
    const beside = await run(["export", "people", "--list", "Äldst först", "--city", "Visby"], env);
    expect(beside.code).toBe(1);
    expect(beside.stderr).toMatch(/--list brings its own filters; leave out --city/);
  });

  it("stops cleanly when told to the moment it answers, while its jobs are still starting", async () => {
    const port = await freePort();
    const server = spawn(process.execPath, [cli, "serve"], {
      env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: "info" },
    });
    let serverLog = "";
    const keep = (chunk: Buffer) => {
      serverLog += chunk;
    };
    server.stdout?.on("data", keep);
    server.stderr?.on("data", keep);
    try {
      await waitForServer(port, server, 10);
      // The port opens before the job workers and the outbox dispatcher have started.
      const startedAt = Date.now();
      server.kill("SIGTERM");
      const code = await new Promise<number | null>((resolve) => server.on("close", resolve));
      expect({ code, log: serverLog }).toMatchObject({ code: 0, log: expect.stringMatching(/stopped/) });
      expect(serverLog).not.toMatch(/shutdown timed out/);
      // Well inside the shutdown timeout (15 s and 5 s grace): nothing was left running to wait for.
      expect(Date.now() - startedAt).toBeLessThan(15_000);
    } finally {
      server.kill("SIGKILL");
    }
  });

  it("exits with the reason when its port is taken, and lets go of the store", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const served = await run(["serve"], { ...env, PORT: String(port) });
      expect(served.code).toBe(1);
      expect(served.stderr).toMatch(new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`));
    } finally {
      taken.close();
    }
    expect((await run(["writekey", "create"], env)).code).toBe(0);
  });
});
