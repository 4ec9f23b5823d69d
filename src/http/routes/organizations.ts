import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import {
  addEmail,
  addPhone,
  addRole,
  createOrganization,
  defineCustomAttribute,
  endRole,
  getOrganization,
  listCustomAttributes,
  listOrganizations,
  moveAddress,
  organizationsListInput,
  updateOrganization,
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
  ZUpdateOrganizationInput,
} from "../../modules/register";
import { problemResponses, ZIdParams } from "../schemas";

export async function organizationRoutes(base: FastifyInstance, _services: Services) {
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
    async (request, reply) => reply.status(201).send(await createOrganization(request.ctx(), request.body)),
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
    async (request) => updateOrganization(request.ctx(), request.params.id, request.body),
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
        querystring: z.object({ entity: z.enum(["person", "organization"]).default("person") }),
        response: { 200: z.object({ items: z.array(ZCustomAttribute) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listCustomAttributes(request.ctx(), request.query.entity) }),
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
}
