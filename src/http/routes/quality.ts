import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import { estimateMatchModel } from "../../flows/estimate-match-model";
import { listPersonMerges } from "../../flows/list-person-merges";
import { matchPerson } from "../../flows/match-person";
import { mergePeople, unmergePeople } from "../../flows/merge-people";
import { markPairDistinct, reviewPair } from "../../flows/review-pair";
import {
  getMatchCandidate,
  getMatchSettings,
  listMatchCandidates,
  updateMatchSettings,
  ZListMatchCandidatesInput,
  ZMatchCandidate,
  ZMatchSettings,
  ZMerge,
  ZUpdateMatchSettingsInput,
} from "../../modules/quality";
import { ZPerson } from "../../modules/register";
import { problemResponses, ZIdParams } from "../schemas";

const tags = ["data quality"];
const ZPairScore = z.object({
  a: z.uuid(),
  b: z.uuid(),
  weight: z.number(),
  probability: z.number(),
  outcome: z.enum(["auto_merge", "review", "distinct"]),
  fields: z.array(z.unknown()),
});

/** Duplicate detection, the review queue, merge and unmerge, and the matcher's settings. */
export async function qualityRoutes(base: FastifyInstance, _services: Services) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/api/match-candidates",
    {
      schema: {
        tags,
        summary: "The review queue: pairs that may be the same person, likeliest first",
        querystring: ZListMatchCandidatesInput,
        response: { 200: z.object({ items: z.array(ZMatchCandidate) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listMatchCandidates(request.ctx(), request.query) }),
  );
  app.get(
    "/api/match-candidates/:id",
    {
      schema: {
        tags,
        summary: "One pair side by side, with the matcher's field-by-field explanation",
        params: ZIdParams,
        response: {
          200: z.object({ candidate: ZMatchCandidate, a: ZPerson, b: ZPerson, explanation: z.array(z.string()) }),
          ...problemResponses,
        },
      },
    },
    async (request) => reviewPair(request.ctx(), request.params.id),
  );
  app.post(
    "/api/match-candidates/:id/merge",
    {
      schema: {
        tags,
        summary: "Merge the pair; `survivorId` chooses which record lives on (default: the older)",
        params: ZIdParams,
        body: z.strictObject({ survivorId: z.uuid().optional() }),
        response: { 200: ZMerge, ...problemResponses },
      },
    },
    async (request) => {
      const ctx = request.ctx();
      const candidate = await getMatchCandidate(ctx, request.params.id);
      const survivorId = request.body.survivorId ?? candidate.personA;
      const mergedId = survivorId === candidate.personA ? candidate.personB : candidate.personA;
      return mergePeople(ctx, { survivorId, mergedId, candidateId: candidate.id, decidedBy: "person" });
    },
  );
  app.post(
    "/api/match-candidates/:id/distinct",
    {
      schema: {
        tags,
        summary: "Mark the pair as two different people; the matcher will not suggest it again",
        params: ZIdParams,
        response: { 200: ZMatchCandidate, ...problemResponses },
      },
    },
    async (request) => markPairDistinct(request.ctx(), request.params.id),
  );
  app.post(
    "/api/people/:id/merge",
    {
      schema: {
        tags,
        summary: "Merge another person into this one",
        params: ZIdParams,
        body: z.strictObject({ otherId: z.uuid() }),
        response: { 200: ZMerge, ...problemResponses },
      },
    },
    async (request) =>
      mergePeople(request.ctx(), {
        survivorId: request.params.id,
        mergedId: request.body.otherId,
        decidedBy: "person",
      }),
  );
  app.post(
    "/api/people/:id/match",
    {
      schema: {
        tags,
        summary: "Check this person against the register now",
        description:
          "Scores every candidate found by blocking; merges above the auto-merge threshold and queues pairs for review.",
        params: ZIdParams,
        response: {
          200: z.object({
            personId: z.uuid(),
            compared: z.number(),
            scores: z.array(ZPairScore),
            merged: z.uuid().nullable(),
            queued: z.number(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => matchPerson(request.ctx(), request.params.id),
  );
  app.get(
    "/api/people/:id/merges",
    {
      schema: {
        tags,
        summary: "The merges this person took part in",
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZMerge) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listPersonMerges(request.ctx(), request.params.id) }),
  );
  app.post(
    "/api/merges/:id/undo",
    {
      schema: {
        tags,
        summary: "Unmerge: restore both records as they were",
        description:
          "`pair: distinct` (the default) files the pair as two people; `pair: review` puts it back in the review queue, for a merge that kept the wrong record.",
        params: ZIdParams,
        body: z.strictObject({ pair: z.enum(["distinct", "review"]).default("distinct") }).nullish(),
        response: {
          200: z.object({ survivorId: z.uuid(), restoredId: z.uuid(), restoredFields: z.array(z.string()) }),
          ...problemResponses,
        },
      },
    },
    async (request) => unmergePeople(request.ctx(), request.params.id, { pair: request.body?.pair ?? "distinct" }),
  );
  app.get(
    "/api/match-settings",
    {
      schema: {
        tags,
        summary: "The matcher's model (m, u, thresholds) and survivorship rules",
        response: { 200: ZMatchSettings, ...problemResponses },
      },
    },
    async (request) => getMatchSettings(request.ctx()),
  );
  app.put(
    "/api/match-settings",
    {
      schema: {
        tags,
        summary: "Set m and u, thresholds or survivorship rules by hand (admins)",
        body: ZUpdateMatchSettingsInput,
        response: { 200: ZMatchSettings, ...problemResponses },
      },
    },
    async (request) => updateMatchSettings(request.ctx(), request.body),
  );
  app.post(
    "/api/match-settings/estimate",
    {
      schema: {
        tags,
        summary: "Estimate m and u from the register (EM over a sample) and use them",
        body: z
          .object({ sampleSize: z.number().int().min(100).max(200_000).default(50_000) })
          .default({ sampleSize: 50_000 }),
        response: { 200: ZMatchSettings, ...problemResponses },
      },
    },
    async (request) => estimateMatchModel(request.ctx(), request.body.sampleSize),
  );
}
