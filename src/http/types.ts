import type { Actor } from "../kernel/actor";
import type { Ctx } from "../kernel/ctx";

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the authentication hook; `null` on public routes without credentials. */
    actor: Actor | null;
    /** The verb context for the authenticated actor; throws on public routes without one. */
    ctx(): Ctx;
    /**
     * A digest of the credential the request came with (API key or session cookie), never the
     * credential itself: what in-process state started by one request is kept under, so a later
     * request of the same caller can be told apart from anyone else's without the database.
     */
    credential: string | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without credentials (health, login, tracking, public forms). */
    public?: boolean;
    /**
     * Routes that answer from this process's memory, for the credential that started what they
     * report on: the credential is required and digested, but not looked up, so they answer
     * while a long transaction holds the embedded store's one connection.
     */
    credentialOnly?: boolean;
  }
}
