import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import { erasePerson, exportPersonData } from "../../flows/privacy";
import { renderPersonDataPdf } from "../../flows/privacy-pdf";
import { problemResponses, ZIdParams } from "../schemas";

export async function privacyRoutes(base: FastifyInstance, _services: Services) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["privacy"];

  app.get(
    "/api/people/:id/data-export",
    {
      // A HEAD would build and audit an export that is never delivered: it is not routed.
      exposeHeadRoute: false,
      schema: {
        tags,
        summary: "Everything held on a person (GDPR art. 15), as JSON or, with format=pdf, a readable PDF",
        params: ZIdParams,
        querystring: z.object({ format: z.enum(["json", "pdf"]).default("json") }),
      },
    },
    async (request, reply) => {
      const data = await exportPersonData(request.ctx(), request.params.id);
      const name = `registerutdrag-${request.params.id}`;
      if (request.query.format === "pdf") {
        const pdf = await renderPersonDataPdf(data);
        return reply
          .header("content-type", "application/pdf")
          .header("content-disposition", `attachment; filename="${name}.pdf"`)
          .send(Buffer.from(pdf));
      }
      return reply.header("content-disposition", `attachment; filename="${name}.json"`).send(data);
    },
  );
  app.post(
    "/api/people/:id/erasure",
    {
      schema: {
        tags,
        summary: "Erase a person's personal data everywhere (GDPR art. 17)",
        params: ZIdParams,
        body: z.strictObject({
          reason: z.string().trim().min(1, "Say why, e.g. the customer's request of a date").max(500),
        }),
        response: {
          200: z.object({
            activities: z.number(),
            orders: z.number(),
            cases: z.number(),
            messages: z.number(),
            events: z.number(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => erasePerson(request.ctx(), request.params.id, request.body.reason),
  );
}
