import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../src/app/services";
import { buildApp } from "../../src/http/app";
import { createUser } from "../../src/modules/access";
import { openTestServices } from "../support/services";
import { STORE_KINDS } from "../support/stores";

describe.each(STORE_KINDS)("HTTP API [%s]", (kind) => {
  let services: Services;
  let app: FastifyInstance;
  let adminKey: string;

  beforeAll(async () => {
    services = await openTestServices(kind);
    ({ app } = await buildApp(services));
    await createUser(services.systemCtx("test"), {
      email: "admin@example.se",
      name: "Anna Admin",
      password: "admin password 1",
      role: "admin",
    });
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "admin@example.se", password: "admin password 1" },
    });
    const cookie = login.cookies.find((c) => c.name === "lh_session");
    const created = await app.inject({
      method: "POST",
      url: "/api/api-keys",
      cookies: { lh_session: cookie?.value ?? "" },
      headers: { "x-csrf-token": login.json().csrfToken },
      payload: { name: "tests" },
    });
    adminKey = created.json().key;
  });

  afterAll(async () => {
    await app?.close();
    await services?.close();
  });

  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  it("answers health, readiness and metrics without credentials", async () => {
    expect((await app.inject("/healthz")).json()).toEqual({ status: "ok" });
    const ready = await app.inject("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: "ready", store: kind });
    const metrics = await app.inject("/metrics");
    expect(metrics.body).toContain("lanthandel_http_request_duration_seconds");
    expect(metrics.body).toMatch(/^lanthandel_outbox_pending_events\{lane="immediate"\} \d+$/m);
    expect(metrics.body).toMatch(/^lanthandel_outbox_pending_events\{lane="background"\} \d+$/m);
  });

  it("publishes an OpenAPI 3.1 document generated from the schemas, and a docs page", async () => {
    const spec = (await app.inject("/api/openapi.json")).json();
    expect(spec.openapi).toBe("3.1.0");
    const createUserOp = spec.paths["/api/users"].post;
    expect(createUserOp.requestBody.content["application/json"].schema.required).toEqual(
      expect.arrayContaining(["email", "name", "password", "role"]),
    );
    expect(createUserOp.responses["400"]).toBeDefined();
    const docs = await app.inject("/api/docs/");
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toContain("text/html");
  });

  it("refuses requests without credentials or with a wrong key as problem+json", async () => {
    const anonymous = await app.inject("/api/users");
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers["content-type"]).toContain("application/problem+json");
    expect(anonymous.json()).toMatchObject({ status: 401, code: "unauthenticated", instance: "/api/users" });
    const wrongKey = await app.inject({ url: "/api/users", headers: bearer("lh_not-a-key") });
    expect(wrongKey.json().code).toBe("unauthenticated");
  });

  it("reports every invalid field, malformed JSON and unknown routes with stable codes", async () => {
    const invalid = await app.inject({
      method: "POST",
      url: "/api/users",
      headers: bearer(adminKey),
      payload: { email: "not-an-email", name: "", password: "short", role: "wizard" },
    });
    expect(invalid.statusCode).toBe(400);
    const problem = invalid.json();
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      "email",
      "name",
      "password",
      "role",
    ]);
    const malformed = await app.inject({
      method: "POST",
      url: "/api/users",
      headers: { ...bearer(adminKey), "content-type": "application/json" },
      payload: '{"email": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe("bad_request");
    // PostgreSQL text holds no NUL: refused before the write, naming the field, and nothing written.
    const nul = await app.inject({
      method: "POST",
      url: "/api/people",
      headers: bearer(adminKey),
      payload: { givenNames: "Stig", surname: "Lund\u0000", emails: [{ address: "nul.lund@example.se" }] },
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({ code: "bad_request", errors: [{ field: "surname", code: "nul_character" }] });
    const found = async () =>
      (await app.inject({ url: "/api/people?q=nul.lund@example.se", headers: bearer(adminKey) })).json().items;
    expect(await found()).toEqual([]);
    const clean = await app.inject({
      method: "POST",
      url: "/api/people",
      headers: bearer(adminKey),
      payload: { givenNames: "Stig", surname: "Lund", emails: [{ address: "nul.lund@example.se" }] },
    });
    expect(clean.statusCode).toBe(201);
    expect(await found()).toHaveLength(1);
    const missing = await app.inject({ url: "/api/nothing-here", headers: bearer(adminKey) });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe("not_found");
    const badId = await app.inject({ url: "/api/users/42", headers: bearer(adminKey) });
    expect(badId.json()).toMatchObject({
      code: "validation_failed",
      errors: [expect.objectContaining({ field: "params.id" })],
    });
  });

  it("takes a demo request without a body, and refuses it on a register that has people", async () => {
    const person = await app.inject({
      method: "POST",
      url: "/api/people",
      headers: bearer(adminKey),
      payload: { givenNames: "Demo", surname: "Hinder" },
    });
    expect(person.statusCode).toBe(201);
    // Before, a POST without a body was a 400 "expected object, received null".
    const demo = await app.inject({ method: "POST", url: "/api/demo", headers: bearer(adminKey) });
    expect(demo.statusCode).toBe(409);
    expect(demo.json().code).toBe("conflict");
  });

  it("checks the role of the caller: a sales key may not manage users or read the audit log", async () => {
    const seller = await app.inject({
      method: "POST",
      url: "/api/users",
      headers: bearer(adminKey),
      payload: { email: "sara@example.se", name: "Sara", password: "sales password 1", role: "sales" },
    });
    expect(seller.statusCode).toBe(201);
    const key = await app.inject({
      method: "POST",
      url: "/api/api-keys",
      headers: bearer(adminKey),
      payload: { name: "sara", userId: seller.json().id },
    });
    const salesKey = key.json().key as string;
    const denied = await app.inject({
      method: "POST",
      url: "/api/users",
      headers: bearer(salesKey),
      payload: { email: "x@example.se", name: "X", password: "whatever pw 1", role: "admin" },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe("forbidden");
    expect((await app.inject({ url: "/api/audit-log", headers: bearer(salesKey) })).statusCode).toBe(403);
    const me = await app.inject({ url: "/api/me", headers: bearer(salesKey) });
    expect(me.json()).toMatchObject({ email: "sara@example.se", role: "sales" });
  });

  it("requires the CSRF token on cookie-authenticated writes", async () => {
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "admin@example.se", password: "admin password 1" },
    });
    const cookie = login.cookies.find((c) => c.name === "lh_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const cookies = { lh_session: cookie?.value ?? "" };
    const withoutToken = await app.inject({ method: "POST", url: "/api/teams", cookies, payload: { name: "Sälj" } });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().code).toBe("csrf_failed");
    const withToken = await app.inject({
      method: "POST",
      url: "/api/teams",
      cookies,
      headers: { "x-csrf-token": login.json().csrfToken },
      payload: { name: "Sälj" },
    });
    expect(withToken.statusCode).toBe(201);
    const read = await app.inject({ url: "/api/teams", cookies });
    expect(read.json().items.map((team: { name: string }) => team.name)).toContain("Sälj");

    const logout = await app.inject({
      method: "POST",
      url: "/api/auth/logout",
      cookies,
      headers: { "x-csrf-token": login.json().csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    expect((await app.inject({ url: "/api/me", cookies })).statusCode).toBe(401);
  });

  it("records every write in the audit log, readable through the API with cursor pages", async () => {
    for (const name of ["Norr", "Söder", "Väst"]) {
      await app.inject({ method: "POST", url: "/api/teams", headers: bearer(adminKey), payload: { name } });
    }
    const first = await app.inject({ url: "/api/audit-log?entity=team&limit=2", headers: bearer(adminKey) });
    const page1 = first.json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items[0]).toMatchObject({ action: "team.create", entity: "team", actorKind: "api_key" });
    expect(page1.items[0].actorLabel).toContain("admin@example.se");
    expect(page1.items[0].after.name).toBe("Väst");
    expect(page1.items[0].requestId).toEqual(expect.any(String));
    const second = await app.inject({
      url: `/api/audit-log?entity=team&limit=2&cursor=${page1.nextCursor}`,
      headers: bearer(adminKey),
    });
    const names = [...page1.items, ...second.json().items].map(
      (entry: { after: { name: string } }) => entry.after.name,
    );
    expect(names.slice(0, 3)).toEqual(["Väst", "Söder", "Norr"]);
  });

  it("creates a tracking source whose write key is shown once and never listed", async () => {
    const created = await app.inject({
      method: "POST",
      url: "/api/sources",
      headers: bearer(adminKey),
      payload: { name: "Webbutik" },
    });
    expect(created.statusCode).toBe(201);
    const { writeKey, source } = created.json();
    expect(writeKey).toMatch(/^wk[0-9a-f]{48}$/);
    const listed = await app.inject({ url: "/api/sources", headers: bearer(adminKey) });
    expect(listed.body).not.toContain(writeKey);
    expect(listed.json().items).toContainEqual(
      expect.objectContaining({ id: source.id, writeKeyPrefix: writeKey.slice(0, 8) }),
    );
  });

  it("echoes a request id and limits repeated failed logins from one address", async () => {
    const traced = await app.inject({ url: "/healthz", headers: { "x-request-id": "trace-123" } });
    expect(traced.headers["x-request-id"]).toBe("trace-123");
    let last = 0;
    for (let attempt = 0; attempt < 12; attempt++) {
      const response = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress: "198.51.100.7",
        payload: { email: `nobody${attempt}@example.se`, password: "guess" },
      });
      last = response.statusCode;
    }
    expect(last).toBe(429);
  });
});
