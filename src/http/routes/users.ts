import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import {
  createTeam,
  createUser,
  getUser,
  listDirectory,
  listTeams,
  listUsers,
  updateUser,
  ZCreateTeamInput,
  ZCreateUserInput,
  ZDirectory,
  ZTeam,
  ZUpdateUserInput,
  ZUser,
} from "../../modules/access";
import { problemResponses, ZIdParams } from "../schemas";

export async function userRoutes(base: FastifyInstance, _services: Services) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["users and teams"];

  app.get(
    "/api/users",
    {
      schema: {
        tags,
        summary: "List users",
        response: { 200: z.object({ items: z.array(ZUser) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listUsers(request.ctx()) }),
  );
  app.post(
    "/api/users",
    {
      schema: { tags, summary: "Create a user", body: ZCreateUserInput, response: { 201: ZUser, ...problemResponses } },
    },
    async (request, reply) => reply.status(201).send(await createUser(request.ctx(), request.body)),
  );
  app.get(
    "/api/users/:id",
    { schema: { tags, summary: "Get a user", params: ZIdParams, response: { 200: ZUser, ...problemResponses } } },
    async (request) => getUser(request.ctx(), request.params.id),
  );
  app.patch(
    "/api/users/:id",
    {
      schema: {
        tags,
        summary: "Change a user's name, role, teams, language, activation or password",
        params: ZIdParams,
        body: ZUpdateUserInput,
        response: { 200: ZUser, ...problemResponses },
      },
    },
    async (request) => updateUser(request.ctx(), request.params.id, request.body),
  );
  app.get(
    "/api/directory",
    {
      schema: {
        tags,
        summary: "Active users and teams by name, for any signed-in user (record owners, who merged)",
        response: { 200: ZDirectory, ...problemResponses },
      },
    },
    async (request) => listDirectory(request.ctx()),
  );
  app.get(
    "/api/teams",
    {
      schema: {
        tags,
        summary: "List teams",
        response: { 200: z.object({ items: z.array(ZTeam) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listTeams(request.ctx()) }),
  );
  app.post(
    "/api/teams",
    {
      schema: { tags, summary: "Create a team", body: ZCreateTeamInput, response: { 201: ZTeam, ...problemResponses } },
    },
    async (request, reply) => reply.status(201).send(await createTeam(request.ctx(), request.body)),
  );
}
