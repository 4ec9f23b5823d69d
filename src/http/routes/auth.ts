import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import {
  createFirstAdmin,
  createSession,
  endSession,
  getUser,
  isSetupNeeded,
  updateUser,
  ZCreateUserInput,
  ZLoginInput,
  ZUpdateUserInput,
  ZUser,
} from "../../modules/access";
import { SESSION_COOKIE } from "../auth";
import { problemResponses } from "../schemas";

export async function authRoutes(base: FastifyInstance, services: Services) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { config } = services;

  app.post(
    "/api/auth/login",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        summary: "Sign in to the web app",
        description: "Sets an httpOnly session cookie. Send the returned `csrfToken` as `x-csrf-token` on every write.",
        body: ZLoginInput,
        response: { 200: z.object({ user: ZUser, csrfToken: z.string(), expiresAt: z.date() }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const ctx = services.systemCtx("login");
      const session = await createSession({ ...ctx, requestId: String(request.id) }, request.body, {
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
        ttlHours: config.SESSION_TTL_HOURS,
        attemptsPer15Min: config.LOGIN_RATE_LIMIT,
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: config.COOKIE_SECURE,
        expires: session.expiresAt,
      });
      return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
  );

  app.get(
    "/api/setup",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        summary: "Whether this installation still needs its first administrator",
        response: { 200: z.object({ needed: z.boolean() }) },
      },
    },
    async () => ({ needed: await isSetupNeeded(services.systemCtx("setup")) }),
  );

  app.post(
    "/api/setup",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        summary: "Create the first administrator of a new installation (only while there are no users)",
        body: ZCreateUserInput.pick({ email: true, name: true, password: true, locale: true }),
        response: { 201: ZUser, ...problemResponses },
      },
    },
    async (request, reply) => {
      const ctx = { ...services.systemCtx("setup"), requestId: String(request.id) };
      return reply.status(201).send(await createFirstAdmin(ctx, request.body));
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], summary: "Sign out", response: { 204: z.null(), ...problemResponses } } },
    async (request, reply) => {
      await endSession(request.ctx());
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/me",
    {
      schema: {
        tags: ["auth"],
        summary: "The signed-in user",
        response: { 200: ZUser, ...problemResponses },
      },
    },
    async (request) => {
      const ctx = request.ctx();
      if (ctx.actor.kind === "system") throw new Error("system actor on an HTTP request");
      return getUser(ctx, ctx.actor.userId);
    },
  );

  app.patch(
    "/api/me",
    {
      schema: {
        tags: ["auth"],
        summary: "Change one's own name, language or password",
        description:
          "A new `password` needs the `currentPassword`, administrators' too (`wrong_password`; ten wrong tries in 15 minutes are `rate_limited`). It ends every other session of the user; the session it is sent from stays signed in.",
        body: ZUpdateUserInput.pick({ name: true, locale: true, password: true, currentPassword: true }),
        response: { 200: ZUser, ...problemResponses },
      },
    },
    async (request) => {
      const ctx = request.ctx();
      if (ctx.actor.kind === "system") throw new Error("system actor on an HTTP request");
      return updateUser(ctx, ctx.actor.userId, request.body, { keepSessionToken: request.cookies[SESSION_COOKIE] });
    },
  );
}
