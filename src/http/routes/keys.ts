import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import { createApiKey, listApiKeys, revokeApiKey, ZApiKey, ZCreateApiKeyInput } from "../../modules/access";
import { createWriteKey, listSources, revokeWriteKey, ZCreateWriteKeyInput, ZSource } from "../../modules/sources";
import { problemResponses, ZIdParams } from "../schemas";

export async function keyRoutes(base: FastifyInstance, _services: Services) {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/api-keys",
    {
      schema: {
        tags: ["api keys"],
        summary: "List API keys (admins: all; others: their own)",
        response: { 200: z.object({ items: z.array(ZApiKey) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listApiKeys(request.ctx()) }),
  );
  app.post(
    "/api/api-keys",
    {
      schema: {
        tags: ["api keys"],
        summary: "Create an API key",
        description: "The key is in the response this once; only its hash is stored.",
        body: ZCreateApiKeyInput,
        response: { 201: z.object({ apiKey: ZApiKey, key: z.string() }), ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiKey(request.ctx(), request.body)),
  );
  app.delete(
    "/api/api-keys/:id",
    {
      schema: {
        tags: ["api keys"],
        summary: "Revoke an API key",
        params: ZIdParams,
        response: { 200: ZApiKey, ...problemResponses },
      },
    },
    async (request) => revokeApiKey(request.ctx(), request.params.id),
  );
  app.get(
    "/api/sources",
    {
      schema: {
        tags: ["tracking sources"],
        summary: "List tracking sources",
        response: { 200: z.object({ items: z.array(ZSource) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listSources(request.ctx()) }),
  );
  app.post(
    "/api/sources",
    {
      schema: {
        tags: ["tracking sources"],
        summary: "Create a tracking source and its write key",
        description: "The write key is in the response this once; clients send it as the HTTP Basic user name.",
        body: ZCreateWriteKeyInput,
        response: { 201: z.object({ source: ZSource, writeKey: z.string() }), ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createWriteKey(request.ctx(), request.body)),
  );
  app.delete(
    "/api/sources/:id",
    {
      schema: {
        tags: ["tracking sources"],
        summary: "Revoke a tracking source's write key",
        description:
          "Events sent with the key are refused from then on (within ten seconds). The source and its events stay.",
        params: ZIdParams,
        response: { 200: ZSource, ...problemResponses },
      },
    },
    async (request) => revokeWriteKey(request.ctx(), request.params.id),
  );
}
