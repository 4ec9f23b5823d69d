import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import { loadDemoData } from "../../flows/demo";
import { authorize } from "../../kernel/permissions";
import { problemResponses } from "../schemas";

export async function demoRoutes(base: FastifyInstance, services: Services) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.post(
    "/api/demo",
    {
      schema: {
        tags: ["demo"],
        summary: "Load the Swedish demo data set into an empty register (admins)",
        // The plain request needs no body: 300 people.
        body: z.strictObject({ people: z.number().int().min(1).max(5_000).default(300) }).nullish(),
        response: {
          201: z.object({ people: z.number(), organizations: z.number(), duplicates: z.number() }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const ctx = request.ctx();
      authorize(ctx.actor, "access", "write");
      return reply
        .status(201)
        .send(await loadDemoData(ctx, { people: request.body?.people ?? 300 }, { rules: services.rules }));
    },
  );
}
