import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import { listAuditEntries, ZAuditEntry, ZListAuditInput } from "../../modules/audit";
import { problemResponses } from "../schemas";

export async function auditRoutes(base: FastifyInstance, _services: Services) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/api/audit-log",
    {
      schema: {
        tags: ["audit"],
        summary: "Read the audit log, newest first",
        querystring: ZListAuditInput,
        response: {
          200: z.object({ items: z.array(ZAuditEntry), nextCursor: z.uuid().nullable() }),
          ...problemResponses,
        },
      },
    },
    async (request) => listAuditEntries(request.ctx(), request.query),
  );
}
