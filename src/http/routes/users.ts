import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import { deleteUnusedTeam } from "../../flows/delete-unused-team";
import { handOverTeamRecords, ZTeamHandOverInput, ZTeamHandOverResult } from "../../flows/hand-over-team-records";
import { handOverUserRecords, ZHandOverInput, ZHandOverResult } from "../../flows/hand-over-user-records";
import { updateUserAccount } from "../../flows/update-user-account";
import { userHoldings, ZUserHoldings } from "../../flows/user-holdings";
import {
  createTeam,
  createUser,
  getUser,
  listDirectory,
  listTeams,
  listUsers,
  renameTeam,
  ZCreateTeamInput,
  ZCreateUserInput,
  ZDirectory,
  ZRenameTeamInput,
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
    async (request) => updateUserAccount(request.ctx(), request.params.id, request.body),
  );
  app.get(
    "/api/users/:id/holdings",
    {
      schema: {
        tags,
        summary: "How many customers, open tasks and open cases a user holds in their own name",
        params: ZIdParams,
        response: { 200: ZUserHoldings, ...problemResponses },
      },
    },
    async (request) => userHoldings(request.ctx(), request.params.id),
  );
  app.post(
    "/api/users/:id/hand-over",
    {
      schema: {
        tags,
        summary:
          "Hand a user's customers, open tasks and open cases to another user or a team, optionally deactivating them",
        params: ZIdParams,
        body: ZHandOverInput,
        response: { 200: ZHandOverResult, ...problemResponses },
      },
    },
    async (request) => handOverUserRecords(request.ctx(), request.params.id, request.body),
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
  app.patch(
    "/api/teams/:id",
    {
      schema: {
        tags,
        summary: "Rename a team",
        params: ZIdParams,
        body: ZRenameTeamInput,
        response: { 200: ZTeam, ...problemResponses },
      },
    },
    async (request) => renameTeam(request.ctx(), request.params.id, request.body),
  );
  app.post(
    "/api/teams/:id/hand-over",
    {
      schema: {
        tags,
        summary: "Hand a team's customers and open cases to a user or another team, so it can be deleted",
        description:
          "To another team, only the owning team and the case's team change; to a user, the user becomes the " +
          "customers' only owner and the cases' handler, outside any queue. The answer counts what moved.",
        params: ZIdParams,
        body: ZTeamHandOverInput,
        response: { 200: ZTeamHandOverResult, ...problemResponses },
      },
    },
    async (request) => handOverTeamRecords(request.ctx(), request.params.id, request.body),
  );
  app.delete(
    "/api/teams/:id",
    {
      schema: {
        tags,
        summary: "Delete a team that no longer owns customers, has no open cases and is named by no active rule",
        description:
          "Its memberships go with it. Refused with 409 `conflict` while it still holds anything: `holdings` counts " +
          "the customers, open cases and active rules, and `rules` names those rules. Orders and closed cases keep " +
          "the team's id as history.",
        params: ZIdParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await deleteUnusedTeam(request.ctx(), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
