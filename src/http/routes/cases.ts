import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import { escalateCaseChecked, updateCaseChecked } from "../../flows/assign-case";
import { openCaseForRecord } from "../../flows/timeline-writes";
import {
  getCase,
  listCases,
  ZCase,
  ZCaseDetail,
  ZEscalateCaseInput,
  ZListCasesInput,
  ZOpenCaseInput,
  ZUpdateCaseInput,
} from "../../modules/cases";
import { problemResponses, ZIdParams } from "../schemas";

export async function caseRoutes(base: FastifyInstance, _services: Services) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["cases"];

  app.get(
    "/api/cases",
    {
      schema: {
        tags,
        summary: "List support cases, newest first",
        querystring: ZListCasesInput,
        response: { 200: z.object({ items: z.array(ZCase), nextCursor: z.string().nullable() }), ...problemResponses },
      },
    },
    async (request) => listCases(request.ctx(), request.query),
  );
  app.post(
    "/api/cases",
    {
      schema: {
        tags,
        summary: "Open a case, or get the one already opened when the source sends the same external id again",
        body: ZOpenCaseInput,
        response: { 200: ZCaseDetail, 201: ZCaseDetail, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { case: opened, created } = await openCaseForRecord(request.ctx(), request.body);
      return reply.status(created ? 201 : 200).send(opened);
    },
  );
  app.get(
    "/api/cases/:id",
    {
      schema: {
        tags,
        summary: "Get a case with its history",
        params: ZIdParams,
        response: { 200: ZCaseDetail, ...problemResponses },
      },
    },
    async (request) => getCase(request.ctx(), request.params.id),
  );
  app.patch(
    "/api/cases/:id",
    {
      schema: {
        tags,
        summary: "Change a case's status, priority, assignment or text, or add a note",
        params: ZIdParams,
        body: ZUpdateCaseInput,
        response: { 200: ZCaseDetail, ...problemResponses },
      },
    },
    async (request) => updateCaseChecked(request.ctx(), request.params.id, request.body),
  );
  app.post(
    "/api/cases/:id/escalate",
    {
      schema: {
        tags,
        summary: "Escalate a case to second line, optionally to another team or person",
        params: ZIdParams,
        // A plain escalation needs no body.
        body: ZEscalateCaseInput.nullish(),
        response: { 200: ZCaseDetail, ...problemResponses },
      },
    },
    async (request) => escalateCaseChecked(request.ctx(), request.params.id, request.body ?? {}),
  );
}
