import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import { debugSource } from "../../flows/debug-source";
import { personTraits } from "../../flows/person-traits";
import {
  defineComputedTrait,
  listComputedTraits,
  listIdentityConflicts,
  listTrackedEvents,
  resolveIdentityConflict,
  ZComputedTrait,
  ZDefineComputedTraitInput,
  ZIdentityConflict,
  ZListTrackedEventsInput,
  ZResolveIdentityConflictInput,
  ZSourceDebugger,
  ZTrackedEvent,
} from "../../modules/tracking";
import { problemResponses, ZIdParams } from "../schemas";

/** The CRM side of event collection: the stream, the debugger, computed traits, identity conflicts. */
export async function eventRoutes(base: FastifyInstance, _services: Services) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/api/events",
    {
      schema: {
        tags: ["events"],
        summary: "The tracked event stream, newest first",
        querystring: ZListTrackedEventsInput,
        response: {
          200: z.object({ items: z.array(ZTrackedEvent), nextBefore: z.uuid().nullable() }),
          ...problemResponses,
        },
      },
    },
    async (request) => listTrackedEvents(request.ctx(), request.query),
  );
  app.get(
    "/api/sources/:id/debugger",
    {
      schema: {
        tags: ["tracking sources"],
        summary: "A source's last accepted events and rejected requests",
        params: ZIdParams,
        response: { 200: ZSourceDebugger, ...problemResponses },
      },
    },
    async (request) => debugSource(request.ctx(), request.params.id),
  );
  app.get(
    "/api/computed-traits",
    {
      schema: {
        tags: ["events"],
        summary: "List computed traits",
        response: { 200: z.object({ items: z.array(ZComputedTrait) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listComputedTraits(request.ctx()) }),
  );
  app.post(
    "/api/computed-traits",
    {
      schema: {
        tags: ["events"],
        summary: "Define a computed trait",
        description:
          "Kept up to date at ingestion from now on; retained past events are folded in by a background job.",
        body: ZDefineComputedTraitInput,
        response: { 201: ZComputedTrait, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await defineComputedTrait(request.ctx(), request.body)),
  );
  app.get(
    "/api/people/:id/traits",
    {
      schema: {
        tags: ["events"],
        summary: "A person's computed traits as of now",
        description: "For a person who objects to profiling no trait is computed: every value is null.",
        params: ZIdParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({ key: z.string(), label: z.string(), value: z.number().nullable(), windowDays: z.number() }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => ({ items: await personTraits(request.ctx(), request.params.id) }),
  );
  app.get(
    "/api/identity-conflicts",
    {
      schema: {
        tags: ["events"],
        summary: "Identities claimed by two people",
        querystring: z.object({ status: z.enum(["open", "resolved"]).default("open") }),
        response: { 200: z.object({ items: z.array(ZIdentityConflict) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listIdentityConflicts(request.ctx(), request.query.status) }),
  );
  app.post(
    "/api/identity-conflicts/:id/resolve",
    {
      schema: {
        tags: ["events"],
        summary: "Decide a flagged identity: keep it where it is, or move it to the claiming person",
        params: ZIdParams,
        body: ZResolveIdentityConflictInput,
        response: { 200: ZIdentityConflict, ...problemResponses },
      },
    },
    async (request) => resolveIdentityConflict(request.ctx(), request.params.id, request.body),
  );
}
