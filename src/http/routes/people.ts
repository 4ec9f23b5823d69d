import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import { bulkChangePeople, ZBulkChangePeopleInput, ZBulkChangeResult } from "../../flows/bulk-change-records";
import { person360, personTimeline, ZTimelineInput, ZTimelinePage } from "../../flows/person-360";
import { createPersonChecked, updatePersonChecked } from "../../flows/record-owners";
import { recordProfilingObjection } from "../../flows/record-profiling-objection";
import {
  addEmail,
  addPhone,
  getPerson,
  listPeople,
  moveAddress,
  peopleListInput,
  recordConsent,
  removeChannelPreference,
  removeContactPoint,
  setChannelPreference,
  ZAddEmailInput,
  ZAddPhoneInput,
  ZChannelPreferenceInput,
  ZConsentInput,
  ZCreatePersonInput,
  ZMoveAddressInput,
  ZPeopleListQuery,
  ZPerson,
  ZPersonSummary,
  ZUpdatePersonInput,
} from "../../modules/register";
import { problemResponses, ZIdParams } from "../schemas";

export async function peopleRoutes(base: FastifyInstance, services: Services) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["people"];
  const personParams = ZIdParams;
  const noContent = { 204: z.null(), ...problemResponses };

  app.get(
    "/api/people",
    {
      schema: {
        tags,
        summary: "Search and list people",
        description: "Prefix and fuzzy search over names, e-mail, phone, personnummer and organisation, with filters.",
        querystring: ZPeopleListQuery,
        response: {
          200: z.object({ items: z.array(ZPersonSummary), nextCursor: z.string().nullable() }),
          ...problemResponses,
        },
      },
    },
    async (request) => listPeople(request.ctx(), peopleListInput(request.query)),
  );
  app.post(
    "/api/people",
    {
      schema: {
        tags,
        summary: "Create a person",
        body: ZCreatePersonInput,
        response: { 201: ZPerson, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createPersonChecked(request.ctx(), request.body)),
  );
  app.get(
    "/api/people/:id",
    {
      schema: { tags, summary: "Get a person", params: personParams, response: { 200: ZPerson, ...problemResponses } },
    },
    async (request) => getPerson(request.ctx(), request.params.id),
  );
  app.patch(
    "/api/people/:id",
    {
      schema: {
        tags,
        summary: "Change a person",
        params: personParams,
        body: ZUpdatePersonInput,
        response: { 200: ZPerson, ...problemResponses },
      },
    },
    async (request) => updatePersonChecked(request.ctx(), request.params.id, request.body),
  );
  app.post(
    "/api/people/bulk-change",
    {
      schema: {
        tags,
        summary: "Give many people a new owner, team or lifecycle stage",
        description:
          "The records are named by `ids` (up to 500) or by `match`, the list's search and filters as GET /api/people takes them (every match, up to 100 000; `dryRun` counts first, `expectedCount` guards against a list that changed). All or nothing: each person is checked as PATCH /api/people/:id would check it; if any cannot be changed, none is, and the problem names each (`ids.3`, or by name under `match`). Records already as asked are counted as unchanged and left alone.",
        body: ZBulkChangePeopleInput,
        response: { 200: ZBulkChangeResult, ...problemResponses },
      },
    },
    async (request) => bulkChangePeople(request.ctx(), request.body),
  );
  app.get(
    "/api/people/:id/360",
    {
      schema: {
        tags,
        summary: "The 360° view: the person, organisations, contact points and the first timeline page",
        params: personParams,
        querystring: ZTimelineInput,
        response: { 200: z.object({ person: ZPerson, timeline: ZTimelinePage }), ...problemResponses },
      },
    },
    async (request) => person360(request.ctx(), services.timeline, request.params.id, request.query),
  );
  app.get(
    "/api/people/:id/timeline",
    {
      schema: {
        tags,
        summary: "A page of the person's timeline, newest first",
        params: personParams,
        querystring: ZTimelineInput,
        response: { 200: ZTimelinePage, ...problemResponses },
      },
    },
    async (request) => {
      await getPerson(request.ctx(), request.params.id);
      return personTimeline(request.ctx(), services.timeline, request.params.id, request.query);
    },
  );
  app.post(
    "/api/people/:id/emails",
    { schema: { tags, summary: "Add an e-mail", params: personParams, body: ZAddEmailInput, response: noContent } },
    async (request, reply) => {
      await addEmail(request.ctx(), { entity: "person", id: request.params.id }, request.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    "/api/people/:id/emails/:contactId",
    {
      schema: {
        tags,
        summary: "Remove an e-mail",
        params: z.object({ id: z.uuid(), contactId: z.uuid() }),
        response: noContent,
      },
    },
    async (request, reply) => {
      await removeContactPoint(
        request.ctx(),
        { entity: "person", id: request.params.id },
        "email",
        request.params.contactId,
      );
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/api/people/:id/phones",
    {
      schema: { tags, summary: "Add a phone number", params: personParams, body: ZAddPhoneInput, response: noContent },
    },
    async (request, reply) => {
      await addPhone(request.ctx(), { entity: "person", id: request.params.id }, request.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    "/api/people/:id/phones/:contactId",
    {
      schema: {
        tags,
        summary: "Remove a phone number",
        params: z.object({ id: z.uuid(), contactId: z.uuid() }),
        response: noContent,
      },
    },
    async (request, reply) => {
      await removeContactPoint(
        request.ctx(),
        { entity: "person", id: request.params.id },
        "phone",
        request.params.contactId,
      );
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/api/people/:id/addresses",
    {
      schema: {
        tags,
        summary: "Register a move: the current address of the same kind is closed, not overwritten",
        params: personParams,
        body: ZMoveAddressInput,
        response: { 201: z.object({ addressId: z.uuid() }), ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await moveAddress(request.ctx(), { entity: "person", id: request.params.id }, request.body)),
  );
  app.post(
    "/api/people/:id/consents",
    {
      schema: {
        tags,
        summary: "Record a consent decision",
        params: personParams,
        body: ZConsentInput,
        response: noContent,
      },
    },
    async (request, reply) => {
      await recordConsent(request.ctx(), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  app.put(
    "/api/people/:id/channel-preferences",
    {
      schema: {
        tags,
        summary: "Set the preferred channel for a topic",
        params: personParams,
        body: ZChannelPreferenceInput,
        response: noContent,
      },
    },
    async (request, reply) => {
      await setChannelPreference(request.ctx(), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    "/api/people/:id/channel-preferences/:topic",
    {
      schema: {
        tags,
        summary: "Forget the preferred channel for a topic",
        params: personParams.extend({ topic: z.string().max(60) }),
        response: noContent,
      },
    },
    async (request, reply) => {
      await removeChannelPreference(request.ctx(), request.params.id, request.params.topic);
      return reply.status(204).send(null);
    },
  );
  app.put(
    "/api/people/:id/profiling-objection",
    {
      schema: {
        tags: ["privacy"],
        summary: "Record or lift the person's objection to profiling",
        description:
          "While the person objects, no computed trait is kept for them and no rule evaluates them: no firing, " +
          "no segment or rule-filled list, no dry-run match. Recording it drops their traits and takes them " +
          "out of segments and the lists rules put them in; lifting it lets profiling start afresh from then.",
        params: personParams,
        body: z.strictObject({ objects: z.boolean() }),
        response: noContent,
      },
    },
    async (request, reply) => {
      await recordProfilingObjection(request.ctx(), request.params.id, request.body.objects);
      return reply.status(204).send(null);
    },
  );
}
