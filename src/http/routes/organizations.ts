import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import {
  bulkChangeOrganizations,
  ZBulkChangeOrganizationsInput,
  ZBulkChangeResult,
} from "../../flows/bulk-change-records";
import { changeCustomAttribute } from "../../flows/change-custom-attribute";
import { organizationTimeline } from "../../flows/organization-timeline";
import { ZTimelineInput, ZTimelinePage } from "../../flows/person-360";
import { createOrganizationChecked, updateOrganizationChecked } from "../../flows/record-owners";
import {
  addEmail,
  addPhone,
  addRole,
  CUSTOM_ENTITIES,
  defineCustomAttribute,
  endRole,
  getOrganization,
  listCustomAttributes,
  listOrganizations,
  moveAddress,
  organizationsListInput,
  updateRole,
  ZAddEmailInput,
  ZAddPhoneInput,
  ZCreateOrganizationInput,
  ZCustomAttribute,
  ZDefineCustomAttributeInput,
  ZMoveAddressInput,
  ZOrganizationDetail,
  ZOrganizationSummary,
  ZOrganizationsListQuery,
  ZRoleInput,
  ZUpdateCustomAttributeInput,
  ZUpdateOrganizationInput,
  ZUpdateRoleInput,
} from "../../modules/register";
import { problemResponses, ZIdParams } from "../schemas";

export async function organizationRoutes(base: FastifyInstance, services: Services) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["organisations"];
  const noContent = { 204: z.null(), ...problemResponses };

  app.get(
    "/api/organizations",
    {
      schema: {
        tags,
        summary: "Search and list organisations",
        querystring: ZOrganizationsListQuery,
        response: {
          200: z.object({ items: z.array(ZOrganizationSummary), nextCursor: z.string().nullable() }),
          ...problemResponses,
        },
      },
    },
    async (request) => listOrganizations(request.ctx(), organizationsListInput(request.query)),
  );
  app.post(
    "/api/organizations",
    {
      schema: {
        tags,
        summary: "Create an organisation",
        body: ZCreateOrganizationInput,
        response: { 201: ZOrganizationDetail, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createOrganizationChecked(request.ctx(), request.body)),
  );
  app.get(
    "/api/organizations/:id",
    {
      schema: {
        tags,
        summary: "Get an organisation with its people",
        params: ZIdParams,
        response: { 200: ZOrganizationDetail, ...problemResponses },
      },
    },
    async (request) => getOrganization(request.ctx(), request.params.id),
  );
  app.get(
    "/api/organizations/:id/timeline",
    {
      schema: {
        tags,
        summary: "A page of the organisation's timeline, newest first",
        description:
          "What was recorded on the organisation (activities, documents, orders, cases) and everything of the people who work there now.",
        params: ZIdParams,
        querystring: ZTimelineInput,
        response: { 200: ZTimelinePage, ...problemResponses },
      },
    },
    async (request) => organizationTimeline(request.ctx(), services.timeline, request.params.id, request.query),
  );
  app.patch(
    "/api/organizations/:id",
    {
      schema: {
        tags,
        summary: "Change an organisation",
        params: ZIdParams,
        body: ZUpdateOrganizationInput,
        response: { 200: ZOrganizationDetail, ...problemResponses },
      },
    },
    async (request) => updateOrganizationChecked(request.ctx(), request.params.id, request.body),
  );
  app.post(
    "/api/organizations/bulk-change",
    {
      schema: {
        tags,
        summary: "Give many organisations a new owner or team",
        description:
          "The records are named by `ids` (up to 500) or by `match`, the list's search and filters as GET /api/organizations takes them (every match, up to 100 000; `dryRun` counts first, `expectedCount` guards against a list that changed). All or nothing: each organisation is checked as PATCH /api/organizations/:id would check it; if any cannot be changed, none is, and the problem names each (`ids.3`, or by name under `match`). Records already as asked are counted as unchanged and left alone.",
        body: ZBulkChangeOrganizationsInput,
        response: { 200: ZBulkChangeResult, ...problemResponses },
      },
    },
    async (request) => bulkChangeOrganizations(request.ctx(), request.body),
  );
  app.post(
    "/api/organizations/:id/emails",
    { schema: { tags, summary: "Add an e-mail", params: ZIdParams, body: ZAddEmailInput, response: noContent } },
    async (request, reply) => {
      await addEmail(request.ctx(), { entity: "organization", id: request.params.id }, request.body);
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/api/organizations/:id/phones",
    { schema: { tags, summary: "Add a phone number", params: ZIdParams, body: ZAddPhoneInput, response: noContent } },
    async (request, reply) => {
      await addPhone(request.ctx(), { entity: "organization", id: request.params.id }, request.body);
      return reply.status(204).send(null);
    },
  );
  app.post(
    "/api/organizations/:id/addresses",
    {
      schema: {
        tags,
        summary: "Register a new address",
        params: ZIdParams,
        body: ZMoveAddressInput,
        response: { 201: z.object({ addressId: z.uuid() }), ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await moveAddress(request.ctx(), { entity: "organization", id: request.params.id }, request.body)),
  );
  app.post(
    "/api/roles",
    {
      schema: {
        tags,
        summary: "Link a person to an organisation",
        body: ZRoleInput,
        response: { 201: z.object({ roleId: z.uuid() }), ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await addRole(request.ctx(), request.body)),
  );
  app.patch(
    "/api/roles/:id",
    {
      schema: {
        tags,
        summary: "Change a current role's title, department or primary-contact mark",
        params: ZIdParams,
        body: ZUpdateRoleInput,
        response: noContent,
      },
    },
    async (request, reply) => {
      await updateRole(request.ctx(), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
  app.delete(
    "/api/roles/:id",
    { schema: { tags, summary: "End a role", params: ZIdParams, response: noContent } },
    async (request, reply) => {
      await endRole(request.ctx(), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/api/custom-attributes",
    {
      schema: {
        tags: ["custom attributes"],
        summary: "List custom attribute definitions",
        description: "The attributes in use; `includeRetired=true` adds the retired ones.",
        querystring: z.object({
          entity: z.enum(CUSTOM_ENTITIES).default("person"),
          includeRetired: z.enum(["true", "false"]).default("false"),
        }),
        response: { 200: z.object({ items: z.array(ZCustomAttribute) }), ...problemResponses },
      },
    },
    async (request) => ({
      items: await listCustomAttributes(request.ctx(), request.query.entity, {
        includeRetired: request.query.includeRetired === "true",
      }),
    }),
  );
  app.post(
    "/api/custom-attributes",
    {
      schema: {
        tags: ["custom attributes"],
        summary: "Define a typed custom attribute (admins)",
        body: ZDefineCustomAttributeInput,
        response: { 201: ZCustomAttribute, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await defineCustomAttribute(request.ctx(), request.body)),
  );
  app.patch(
    "/api/custom-attributes/:id",
    {
      schema: {
        tags: ["custom attributes"],
        summary: "Change, retire or restore a custom attribute (admins)",
        description:
          "Label, description, required and choices can change; key and type cannot. A renamed choice renames the stored values with it, and the rules that compare or set the old spelling (each saved as a new version, listed in `rulesChanged`); a choice records hold cannot be removed (409 choice_in_use). `retired: true` hides the attribute from forms and lists and keeps its values; `retired: false` restores it.",
        params: ZIdParams,
        body: ZUpdateCustomAttributeInput,
        response: {
          200: ZCustomAttribute.extend({
            rulesChanged: z
              .array(z.object({ id: z.uuid(), name: z.string(), version: z.number().int() }))
              .describe("Rules rewritten to a new version because they named a renamed choice"),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => changeCustomAttribute(request.ctx(), services.rules, request.params.id, request.body),
  );
}
