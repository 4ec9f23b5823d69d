import type { FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { toProblem } from "./problem";

const request = { url: "/api/activities?x=1", id: "req-1" } as unknown as FastifyRequest;

/** As node-postgres reports a failure, and drizzle wraps it: the database's code on the cause. */
function databaseError(code: string): Error {
  const cause = Object.assign(new Error("deadlock detected"), { code, severity: "ERROR" });
  return new Error("Failed query: update people …", { cause });
}

describe("problems made of database errors", () => {
  it("tells the client to send a write again when PostgreSQL broke a deadlock or a serialisation conflict with it", () => {
    for (const code of ["40P01", "40001"]) {
      const { problem } = toProblem(databaseError(code), request);
      expect(problem).toMatchObject({ status: 503, code: "unavailable", retryAfter: 1, instance: "/api/activities" });
      expect(problem.detail).toMatch(/send the request again/);
    }
  });

  it("keeps an error it does not know an internal one", () => {
    expect(toProblem(databaseError("XX000"), request).problem).toMatchObject({ status: 500, code: "internal" });
  });
});
