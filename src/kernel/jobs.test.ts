import { expect, it } from "vitest";
import { silentLogger } from "../../test/support/logger";
import { describeStores } from "../../test/support/services";
import { JobQueue } from "./jobs";

async function waitFor(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeStores("durable job queue", ({ services }) => {
  it("runs a job, retries it after a failure, and holds a delayed job until it is due", async () => {
    const queue = new JobQueue(services().store, silentLogger);
    const runs: Array<{ name: string; at: number; retry: number }> = [];
    queue.define<{ n: number }>({
      name: "test-flaky",
      retryLimit: 3,
      retryDelaySeconds: 1,
      retryBackoff: false,
      handle: async (_data, meta) => {
        runs.push({ name: "flaky", at: Date.now(), retry: meta.retryCount });
        if (meta.retryCount === 0) throw new Error("first attempt fails");
      },
    });
    queue.define<{ n: number }>({
      name: "test-delayed",
      handle: async () => {
        runs.push({ name: "delayed", at: Date.now(), retry: 0 });
      },
    });
    await queue.start({ work: true });
    try {
      const sentAt = Date.now();
      await queue.send("test-flaky", { n: 1 });
      await queue.send("test-delayed", { n: 2 }, { startAfter: new Date(sentAt + 2_500) });
      await waitFor(
        () => runs.filter((run) => run.name === "flaky").length >= 2 && runs.some((r) => r.name === "delayed"),
      );
      expect(runs.filter((run) => run.name === "flaky").map((run) => run.retry)).toEqual([0, 1]);
      const delayed = runs.find((run) => run.name === "delayed");
      expect(delayed?.at).toBeGreaterThanOrEqual(sentAt + 2_000);
    } finally {
      await queue.stop(5_000);
    }
  });

  it("lets a running job finish when the queue stops", async () => {
    const queue = new JobQueue(services().store, silentLogger);
    let started = false;
    let finished = false;
    queue.define({
      name: "test-slow",
      handle: async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        finished = true;
      },
    });
    await queue.start({ work: true });
    await queue.send("test-slow", {});
    await waitFor(() => started);
    await queue.stop(10_000);
    expect(finished).toBe(true);
  });
});
