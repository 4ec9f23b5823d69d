import type { FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Services } from "../app/services";

export function registerMetrics(app: FastifyInstance, services: Services): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "lanthandel_" });
  const duration = new Histogram({
    name: "lanthandel_http_request_duration_seconds",
    help: "HTTP request duration by route",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: "lanthandel_http_errors_total",
    help: "Responses with status 500 or above",
    labelNames: ["route"],
    registers: [registry],
  });
  new Gauge({
    name: "lanthandel_outbox_pending_events",
    help: "Domain events not yet delivered to every handler, by lane (background: bulk work such as an import's duplicate check)",
    labelNames: ["lane"],
    registers: [registry],
    async collect() {
      const pending = await services.bus.pendingCounts();
      this.set({ lane: "immediate" }, pending.immediate);
      this.set({ lane: "background" }, pending.background);
    },
  });
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unmatched";
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) errors.inc({ route });
  });
  return registry;
}
