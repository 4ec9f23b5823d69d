import { expect, it } from "vitest";
import { describeStores, inRollback } from "../../../test/support/services";
import type { Actor } from "../../kernel/actor";
import { AppError } from "../../kernel/errors";
import { listAuditEntries } from "../audit";
import {
  authenticateApiKey,
  authenticateSession,
  createApiKey,
  createSession,
  createTeam,
  createUser,
  endSession,
  listApiKeys,
  revokeApiKey,
  updateUser,
} from "./index";

const sessionOptions = { ip: "192.0.2.10", userAgent: "test", ttlHours: 12, attemptsPer15Min: 5 };

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describeStores("access", ({ services }) => {
  const admin = () => services().systemCtx("test");

  it("creates a user with a normalised e-mail, an argon2id hash, and an audit entry without secrets", async () => {
    await inRollback(admin(), async (ctx) => {
      const user = await createUser(ctx, {
        email: "  Karin.Lind@Example.SE ",
        name: "Karin Lind",
        password: "correct horse battery",
        role: "sales",
      });
      expect(user).toMatchObject({ email: "karin.lind@example.se", role: "sales", locale: "sv", active: true });
      expect(user).not.toHaveProperty("passwordHash");
      const audit = await listAuditEntries(ctx, { entity: "user", entityId: user.id });
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]).toMatchObject({ action: "user.create", actorLabel: "test" });
      expect(JSON.stringify(audit.items[0]?.after)).not.toMatch(/argon2|correct horse/);
    });
  });

  it("refuses a taken e-mail and a short password, naming the field", async () => {
    await inRollback(admin(), async (ctx) => {
      await createUser(ctx, { email: "dup@example.se", name: "A", password: "long enough pw", role: "sales" });
      const taken = await rejection(
        createUser(ctx, { email: "DUP@example.se", name: "B", password: "long enough pw", role: "sales" }),
      );
      expect(taken.code).toBe("already_exists");
      expect(taken.fields).toEqual([expect.objectContaining({ field: "email", code: "taken" })]);
      const short = await rejection(
        createUser(ctx, { email: "x@example.se", name: "C", password: "short", role: "sales" }),
      );
      expect(short.code).toBe("validation_failed");
      expect(short.fields.map((field) => field.field)).toEqual(["password"]);
    });
  });

  it("lets only administrators manage users, and writes nothing when refused", async () => {
    await inRollback(admin(), async (ctx) => {
      const seller = await createUser(ctx, {
        email: "s@example.se",
        name: "S",
        password: "long enough pw",
        role: "sales",
      });
      const asSeller: Actor = {
        kind: "user",
        userId: seller.id,
        label: seller.email,
        role: "sales",
        teamIds: [],
        locale: "sv",
      };
      const denied = await rejection(
        createUser(
          { ...ctx, actor: asSeller },
          { email: "n@example.se", name: "N", password: "long enough pw", role: "admin" },
        ),
      );
      expect(denied.code).toBe("forbidden");
      const promote = await rejection(updateUser({ ...ctx, actor: asSeller }, seller.id, { role: "admin" }));
      expect(promote.code).toBe("forbidden");
      expect(promote.fields[0]?.field).toBe("role");
      const renamed = await updateUser({ ...ctx, actor: asSeller }, seller.id, { name: "Sara Säljare" });
      expect(renamed.name).toBe("Sara Säljare");
    });
  });

  it("signs in with the right password only, and a signed-out session stops working", async () => {
    const ctx = admin();
    await createUser(ctx, {
      email: "login@example.se",
      name: "L",
      password: "the right password",
      role: "support",
      locale: "en",
    });
    const wrong = await rejection(
      createSession(ctx, { email: "login@example.se", password: "wrong password" }, sessionOptions),
    );
    expect(wrong.code).toBe("invalid_credentials");
    const unknown = await rejection(createSession(ctx, { email: "nobody@example.se", password: "x" }, sessionOptions));
    expect(unknown.code).toBe("invalid_credentials");

    const session = await createSession(
      ctx,
      { email: "LOGIN@example.se", password: "the right password" },
      sessionOptions,
    );
    expect(session.user.role).toBe("support");
    const resolved = await authenticateSession(ctx, session.token);
    // The session speaks the user's language, for what the server words for them.
    expect(resolved.actor).toMatchObject({ kind: "user", userId: session.user.id, role: "support", locale: "en" });
    expect(resolved.csrfToken).toBe(session.csrfToken);

    await endSession({ ...ctx, actor: resolved.actor });
    expect((await rejection(authenticateSession(ctx, session.token))).code).toBe("unauthenticated");
  });

  it("limits sign-in attempts per e-mail address", async () => {
    const ctx = admin();
    await createUser(ctx, { email: "target@example.se", name: "T", password: "the right password", role: "sales" });
    for (let attempt = 0; attempt < 5; attempt++) {
      const error = await rejection(
        createSession(
          ctx,
          { email: "target@example.se", password: `guess ${attempt}` },
          { ...sessionOptions, ip: null },
        ),
      );
      expect(error.code).toBe("invalid_credentials");
    }
    const limited = await rejection(
      createSession(
        ctx,
        { email: "target@example.se", password: "the right password" },
        { ...sessionOptions, ip: null },
      ),
    );
    expect(limited.code).toBe("rate_limited");
    expect(limited.extra.retryAfter).toBeGreaterThan(0);
  });

  it("counts only failed sign-ins, so colleagues behind one office address are not locked out", async () => {
    const ctx = admin();
    const office = { ...sessionOptions, ip: "192.0.2.77" };
    for (const name of ["a", "b", "c"]) {
      await createUser(ctx, { email: `${name}@kontoret.se`, name, password: "the right password", role: "sales" });
    }
    // Twelve sign-ins from one address with a limit of five: every one succeeds.
    for (let round = 0; round < 4; round++) {
      for (const name of ["a", "b", "c"]) {
        const session = await createSession(
          ctx,
          { email: `${name}@kontoret.se`, password: "the right password" },
          office,
        );
        expect(session.user.email).toBe(`${name}@kontoret.se`);
      }
    }
    // Failures from that address still add up to the limit.
    for (let attempt = 0; attempt < 5; attempt++) {
      const error = await rejection(
        createSession(ctx, { email: `x${attempt}@kontoret.se`, password: "guess" }, office),
      );
      expect(error.code).toBe("invalid_credentials");
    }
    const limited = await rejection(
      createSession(ctx, { email: "a@kontoret.se", password: "the right password" }, office),
    );
    expect(limited.code).toBe("rate_limited");
  });

  it("issues an API key once, authenticates with it, and stops after revocation or deactivation", async () => {
    const ctx = admin();
    const team = await createTeam(ctx, { name: "Kundtjänst" });
    const user = await createUser(ctx, {
      email: "keys@example.se",
      name: "K",
      password: "long enough pw",
      role: "marketing",
      teamIds: [team.id],
    });
    const { apiKey, key } = await createApiKey(ctx, { name: "integration", userId: user.id });
    expect(key.startsWith("lh_")).toBe(true);
    const actor = await authenticateApiKey(ctx, key);
    expect(actor).toMatchObject({
      kind: "api_key",
      apiKeyId: apiKey.id,
      userId: user.id,
      role: "marketing",
      locale: "sv",
      teamIds: [team.id],
    });
    const listed = await listApiKeys(ctx);
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(listed.find((row) => row.id === apiKey.id)?.prefix).toBe(key.slice(0, 10));

    await revokeApiKey(ctx, apiKey.id);
    expect((await rejection(authenticateApiKey(ctx, key))).code).toBe("unauthenticated");

    const second = await createApiKey(ctx, { name: "second", userId: user.id });
    await updateUser(ctx, user.id, { active: false });
    expect((await rejection(authenticateApiKey(ctx, second.key))).code).toBe("unauthenticated");
  });
});
