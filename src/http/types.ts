import type { Actor } from "../kernel/actor";
import type { Ctx } from "../kernel/ctx";

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the authentication hook; `null` on public routes without credentials. */
    actor: Actor | null;
    /** The verb context for the authenticated actor; throws on public routes without one. */
    ctx(): Ctx;
  }
  interface FastifyContextConfig {
    /** Routes reachable without credentials (health, login, tracking, public forms). */
    public?: boolean;
  }
}
