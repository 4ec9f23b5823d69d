import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../src/app/services";
import { buildApp } from "../../src/http/app";
import { createUser } from "../../src/modules/access";
import { openTestServices } from "../support/services";
import { STORE_KINDS } from "../support/stores";

/**
 * Changing one's own password: only with the current one, administrators too, so that a session
 * or an API key left open is no way to take an account over and lock its owner out.
 */
describe.each(STORE_KINDS)("one's own password [%s]", (kind) => {
  let services: Services;
  let app: FastifyInstance;
  let saraId: string;

  beforeAll(async () => {
    services = await openTestServices(kind);
    ({ app } = await buildApp(services));
    const ctx = services.systemCtx("test");
    await createUser(ctx, { email: "ola@example.se", name: "Ola Admin", password: "first password 1", role: "admin" });
    saraId = (
      await createUser(ctx, {
        email: "sara@example.se",
        name: "Sara Säljare",
        password: "sara password 1",
        role: "sales",
      })
    ).id;
  });

  afterAll(async () => {
    await app?.close();
    await services?.close();
  });

  const signIn = async (email: string, password: string) => {
    const login = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
    const cookie = login.cookies.find((c) => c.name === "lh_session")?.value ?? "";
    return { status: login.statusCode, cookies: { lh_session: cookie }, csrf: login.json().csrfToken as string };
  };
  const changeOwn = (session: Awaited<ReturnType<typeof signIn>>, payload: Record<string, string>) =>
    app.inject({
      method: "PATCH",
      url: "/api/me",
      cookies: session.cookies,
      headers: { "x-csrf-token": session.csrf },
      payload,
    });
  const faults = (response: { json: () => { errors: Array<{ field: string; code: string }> } }) =>
    response.json().errors.map((fault) => `${fault.field}:${fault.code}`);

  it("needs an administrator's current password too, keeps this session and ends the others", async () => {
    const here = await signIn("ola@example.se", "first password 1");
    const elsewhere = await signIn("ola@example.se", "first password 1");
    const without = await changeOwn(here, { password: "second password 2" });
    expect(without.statusCode).toBe(400);
    expect(faults(without)).toEqual(["currentPassword:wrong_password"]);
    const wrong = await changeOwn(here, { currentPassword: "not my password", password: "second password 2" });
    expect(faults(wrong)).toEqual(["currentPassword:wrong_password"]);
    expect((await signIn("ola@example.se", "first password 1")).status).toBe(200);

    const changed = await changeOwn(here, { currentPassword: "first password 1", password: "second password 2" });
    expect(changed.statusCode).toBe(200);
    expect((await app.inject({ url: "/api/me", cookies: here.cookies })).statusCode).toBe(200);
    expect((await app.inject({ url: "/api/me", cookies: elsewhere.cookies })).statusCode).toBe(401);
    expect((await signIn("ola@example.se", "first password 1")).status).toBe(401);
    expect((await signIn("ola@example.se", "second password 2")).status).toBe(200);
  });

  it("sets a colleague's password from the user administration, but one's own only with the current one", async () => {
    const admin = await signIn("ola@example.se", "second password 2");
    const me = (await app.inject({ url: "/api/me", cookies: admin.cookies })).json();
    const own = await app.inject({
      method: "PATCH",
      url: `/api/users/${me.id}`,
      cookies: admin.cookies,
      headers: { "x-csrf-token": admin.csrf },
      payload: { password: "third password 3" },
    });
    expect(own.statusCode).toBe(400);
    expect(faults(own)).toEqual(["password:own_password"]);
    const colleague = await app.inject({
      method: "PATCH",
      url: `/api/users/${saraId}`,
      cookies: admin.cookies,
      headers: { "x-csrf-token": admin.csrf },
      payload: { password: "reset by admin 1" },
    });
    expect(colleague.statusCode).toBe(200);
    expect((await signIn("sara@example.se", "reset by admin 1")).status).toBe(200);
    expect((await signIn("ola@example.se", "second password 2")).status).toBe(200);
  });

  it("stops guessing the current password after ten wrong tries in fifteen minutes", async () => {
    const sara = await signIn("sara@example.se", "reset by admin 1");
    for (let attempt = 0; attempt < 10; attempt++) {
      const guess = await changeOwn(sara, { currentPassword: `guess ${attempt}`, password: "taken over 123" });
      expect(guess.statusCode).toBe(400);
    }
    const blocked = await changeOwn(sara, { currentPassword: "reset by admin 1", password: "taken over 123" });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe("rate_limited");
    expect((await signIn("sara@example.se", "reset by admin 1")).status).toBe(200);
  });
});
