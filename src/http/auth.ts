import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Services } from "../app/services";
import { AppError } from "../kernel/errors";
import { authenticateApiKey, authenticateSession } from "../modules/access";
import { sameCsrfToken } from "./csrf";

export const SESSION_COOKIE = "lh_session";
export const CSRF_HEADER = "x-csrf-token";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Resolves who is asking before anything else runs: a Bearer API key, or the session cookie of
 * the web app. Cookie-authenticated writes must echo the session's CSRF token in a header,
 * which a cross-site form cannot do.
 */
export function registerAuthentication(app: FastifyInstance, services: Services): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("credential", null);
  app.decorateRequest("ctx", function (this: FastifyRequest) {
    if (!this.actor) throw new AppError("unauthenticated");
    return services.ctx(this.actor, String(this.id));
  });

  app.addHook("onRequest", async (request) => {
    // Unmatched paths are public so the not-found handler can serve the web app shell.
    const isPublic = request.routeOptions.config?.public === true || request.is404;
    const authorization = request.headers.authorization;
    const anonymous = services.ctx({ kind: "system", label: "anonymous", role: "read_only", teamIds: [] });
    // The scheme's name is case-insensitive (RFC 9110): "bearer" is as good as "Bearer".
    const apiKey = authorization && /^bearer\s/i.test(authorization) ? authorization.slice(7).trim() : null;
    const token = request.cookies[SESSION_COOKIE];
    request.credential = apiKey ? digest("key", apiKey) : token ? digest("session", token) : null;
    if (request.routeOptions.config?.credentialOnly === true) {
      if (!request.credential) throw new AppError("unauthenticated", "Send the credential the work was started with");
      return;
    }
    if (apiKey) {
      request.actor = await authenticateApiKey(anonymous, apiKey);
      return;
    }
    if (token) {
      try {
        const session = await authenticateSession(anonymous, token);
        if (!SAFE_METHODS.has(request.method) && !sameCsrfToken(request.headers[CSRF_HEADER], session.csrfToken)) {
          throw new AppError("csrf_failed", `Send the session's CSRF token in the ${CSRF_HEADER} header`);
        }
        request.actor = session.actor;
        return;
      } catch (error) {
        if (!isPublic) throw error;
      }
    }
    if (!isPublic)
      throw new AppError("unauthenticated", "Sign in, or send an API key as `Authorization: Bearer <key>`");
  });
}

const digest = (kind: string, secret: string) => createHash("sha256").update(`${kind}:${secret}`).digest("base64url");
