import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import {
  deleteSavedList,
  listSavedLists,
  saveList,
  updateSavedList,
  ZListSavedListsInput,
  ZSavedList,
  ZSaveListInput,
  ZUpdateSavedListInput,
} from "../../modules/register";
import { problemResponses, ZIdParams } from "../schemas";

export async function savedListRoutes(base: FastifyInstance, _services: Services) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["saved lists"];

  app.get(
    "/api/saved-lists",
    {
      schema: {
        tags,
        summary: "The user's saved lists of people or organisations, then those others share",
        querystring: ZListSavedListsInput,
        response: { 200: z.object({ items: z.array(ZSavedList) }), ...problemResponses },
      },
    },
    async (request) => listSavedLists(request.ctx(), request.query),
  );
  app.post(
    "/api/saved-lists",
    {
      schema: {
        tags,
        summary: "Save a list's search, filters and order under a name",
        description:
          "`query` is the list's own, as GET /api/people or /api/organizations takes it; it is checked as the list would read it (a fault is named as `query.filter.0`). `shared` shows it to everyone who may read the register.",
        body: ZSaveListInput,
        response: { 201: ZSavedList, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await saveList(request.ctx(), request.body)),
  );
  app.patch(
    "/api/saved-lists/:id",
    {
      schema: {
        tags,
        summary: "Rename a saved list, give it a new query, or share it",
        description: "Only the user who saved it, or an admin.",
        params: ZIdParams,
        body: ZUpdateSavedListInput,
        response: { 200: ZSavedList, ...problemResponses },
      },
    },
    async (request) => updateSavedList(request.ctx(), request.params.id, request.body),
  );
  app.delete(
    "/api/saved-lists/:id",
    {
      schema: {
        tags,
        summary: "Delete a saved list",
        description: "Only the user who saved it, or an admin. The records it showed are not touched.",
        params: ZIdParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteSavedList(request.ctx(), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
