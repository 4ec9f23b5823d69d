/**
 * First start as a user meets it: `lanthandel serve` on an empty embedded store, the first admin,
 * then "Ladda demodata" (POST /api/demo). The server's background workers run as in production,
 * so the rules engine handles every event the demo data raises while it loads. Reports the wall
 * time of the demo request and the CPU time the server spent on it (user + system, from
 * /proc; steadier than wall time on a shared machine), medians of `runs`, each on a fresh data
 * directory.
 *
 *   npx tsx bench/demo-load.ts [runs=3] [label=current]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { machine, median } from "./support";

const runs = Number(process.argv[2] ?? 3);
const label = process.argv[3] ?? "current";
const port = 3990;
const base = `http://127.0.0.1:${port}`;
const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function waitForServer(server: ChildProcess) {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (server.exitCode !== null) throw new Error(`serve exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/setup`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("serve did not start");
}

async function json(response: Response) {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** User + system CPU time of a process so far, in ms (Linux). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}

async function oneRun(): Promise<{ ms: number; cpu: number; result: unknown }> {
  const dataDir = mkdtempSync(join(tmpdir(), "lh-bench-demo-"));
  const server = spawn(process.execPath, ["bin/lanthandel.js", "serve"], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  try {
    await waitForServer(server);
    const admin = { name: "Bench Admin", email: "bench@example.se", password: "bänk-lösenord-123" };
    await json(
      await fetch(`${base}/api/setup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(admin),
      }),
    );
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: admin.email, password: admin.password }),
    });
    const { csrfToken } = (await json(login)) as { csrfToken: string };
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const pid = server.pid ?? 0;
    const cpuBefore = cpuMs(pid);
    const started = performance.now();
    const result = await json(
      await fetch(`${base}/api/demo`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, "x-csrf-token": csrfToken },
        body: "{}",
      }),
    );
    const ms = performance.now() - started;
    return { ms, cpu: cpuMs(pid) - cpuBefore, result };
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const one = await oneRun();
    times.push(one.ms);
    cpu.push(one.cpu);
    log(
      `run ${run + 1}: ${(one.ms / 1000).toFixed(1)} s, server CPU ${(one.cpu / 1000).toFixed(1)} s ${JSON.stringify(one.result)}`,
    );
  }
  const report = {
    bench: "demo-load",
    label,
    machine: machine(),
    runs: times.map((ms) => Math.round(ms)),
    medianMs: Math.round(median(times)),
    serverCpuMs: cpu.map((ms) => Math.round(ms)),
    medianServerCpuMs: Math.round(median(cpu)),
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(
    `bench/results/demo-load-${label}-${new Date().toISOString().slice(0, 10)}.json`,
    `${JSON.stringify(report, null, 2)}\n`,
  );
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

await main();
