import type { FastifyInstance } from "fastify";
import type { Registry } from "prom-client";
import { checkReady } from "../../app/health";
import type { Services } from "../../app/services";

export interface Lifecycle {
  /** Set at the start of shutdown, so load balancers stop sending traffic before we close. */
  draining: boolean;
}

export async function healthRoutes(app: FastifyInstance, services: Services, registry: Registry, lifecycle: Lifecycle) {
  const hidden = { hide: true };
  app.get("/healthz", { config: { public: true }, schema: hidden }, async () => ({ status: "ok" }));
  app.get("/readyz", { config: { public: true }, schema: hidden }, async (_request, reply) => {
    const ready = await checkReady(services);
    const ok = ready.ok && !lifecycle.draining;
    return reply
      .status(ok ? 200 : 503)
      .send({ status: ok ? "ready" : lifecycle.draining ? "draining" : "unavailable", ...ready });
  });
  app.get("/metrics", { config: { public: true }, schema: hidden }, async (_request, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
