import type { Readable } from "node:stream";
import { PassThrough } from "node:stream";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import { EXPORT_SEPARATORS, prepareOrganizationsCsv, preparePeopleCsv, type TCsvWriter } from "../../flows/export-csv";
import { importFieldNames } from "../../flows/import-aliases";
import { IMPORT_ENTITIES, importCsv } from "../../flows/import-csv";
import { ZImportProgressState } from "../../flows/import-progress-board";
import { AppError } from "../../kernel/errors";
import { authorize } from "../../kernel/permissions";
import {
  organizationsListInput,
  peopleListInput,
  ZOrganizationsExportQuery,
  ZPeopleExportQuery,
} from "../../modules/register";
import { problemResponses } from "../schemas";

const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const ZExportFormat = {
  separator: z
    .enum(EXPORT_SEPARATORS)
    .default("comma")
    .describe("`semicolon`: for Swedish Excel (`;` between cells, decimal commas); `comma`: plain CSV"),
};

export async function importRoutes(base: FastifyInstance, services: Services) {
  base.addContentTypeParser(["text/csv", "application/csv"], (_request, payload, done) => done(null, payload));
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/api/imports/:entity",
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ["import and export"],
        summary: "Import a CSV file (send it as text/csv)",
        description:
          "Idempotent on the source system's external ids. `dryRun=true` validates and counts without writing.",
        params: z.object({ entity: z.enum(IMPORT_ENTITIES) }),
        querystring: z.object({
          system: z.string(),
          dryRun: z.enum(["true", "false"]).default("false"),
          map: z.string().optional().describe("Column=field pairs separated by commas"),
          progressId: z
            .uuid()
            .optional()
            .describe(
              "A new id of the caller's choosing: GET /api/imports/progress/{progressId} tells how far the import is",
            ),
        }),
        response: {
          200: z.object({
            entity: z.string(),
            dryRun: z.boolean(),
            rowsRead: z.number(),
            created: z.number(),
            updated: z.number(),
            unchanged: z.number().describe("Rows of records already there with the same values: nothing written"),
            failed: z.number(),
            errors: z.array(z.object({ row: z.number(), field: z.string(), code: z.string(), message: z.string() })),
            unmappedColumns: z.array(z.string()),
            columns: z
              .record(z.string(), z.string())
              .describe("The file's column each field was read from: the name a row error's field has in the file"),
            durationMs: z.number(),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      // Only the CSV parser above hands over a stream; JSON, text/plain or no body at all is not a file.
      const body = request.body as Partial<Readable> | undefined;
      if (typeof body?.pipe !== "function") {
        throw new AppError("unsupported_media_type", "Send the file as the body, with content type text/csv");
      }
      const mapping = Object.fromEntries(
        (request.query.map ?? "")
          .split(",")
          .filter(Boolean)
          .map((pair) => pair.split("=").map((part) => part.trim()) as [string, string]),
      );
      const ctx = request.ctx();
      const { progressId } = request.query;
      const onProgress =
        progressId && request.credential
          ? await services.importProgress.start(progressId, request.credential)
          : undefined;
      try {
        return await importCsv(
          ctx,
          request.body as Readable,
          {
            entity: request.params.entity,
            system: request.query.system,
            dryRun: request.query.dryRun === "true",
            mapping,
          },
          onProgress,
        );
      } finally {
        if (progressId) await services.importProgress.end(progressId);
      }
    },
  );

  app.get(
    "/api/imports/progress/:id",
    {
      // Answered from memory by the importing process (during a trial run the embedded store's
      // connection is the import's); by another process on a PostgreSQL server, from the table.
      config: { credentialOnly: true },
      schema: {
        tags: ["import and export"],
        summary: "How far an import sent with a progressId has got",
        description:
          "Readable with the credential (API key or session) the import was sent with, while it runs and for ten minutes after it ends; answered from memory, so also while a trial run holds the embedded store, and on a PostgreSQL server by any API process (behind a load balancer, the poll may reach another than the one importing). Counts are of the batches done so far; `bytesRead` against the file's size gives the share of the file read.",
        params: z.object({ id: z.uuid() }),
        response: { 200: ZImportProgressState, ...problemResponses },
      },
    },
    async (request) => services.importProgress.read(request.params.id, request.credential ?? ""),
  );

  app.get(
    "/api/imports/:entity/fields",
    {
      schema: {
        tags: ["import and export"],
        summary: "The fields a column of the file can be mapped to (besides custom.<key>)",
        params: z.object({ entity: z.enum(IMPORT_ENTITIES) }),
        response: { 200: z.object({ fields: z.array(z.string()) }), ...problemResponses },
      },
    },
    async (request) => {
      authorize(request.ctx().actor, "register", "read");
      return { fields: importFieldNames(request.params.entity) };
    },
  );

  app.get(
    "/api/people/export.csv",
    {
      schema: {
        tags: ["import and export"],
        summary: "Export people as CSV, with the list's search and filters",
        description: "Takes exactly the filters of GET /api/people (without paging); an unknown parameter is refused.",
        querystring: ZPeopleExportQuery.extend(ZExportFormat),
      },
    },
    async (request, reply) => {
      const { separator, ...filters } = request.query;
      const write = await preparePeopleCsv(request.ctx(), peopleListInput(filters), { separator });
      return sendCsv(reply, "people.csv", write);
    },
  );

  app.get(
    "/api/organizations/export.csv",
    {
      schema: {
        tags: ["import and export"],
        summary: "Export organisations as CSV, with the list's search and filters",
        description:
          "Takes exactly the filters of GET /api/organizations (without paging); an unknown parameter is refused.",
        querystring: ZOrganizationsExportQuery.extend(ZExportFormat),
      },
    },
    async (request, reply) => {
      const { separator, ...filters } = request.query;
      const write = await prepareOrganizationsCsv(request.ctx(), organizationsListInput(filters), { separator });
      return sendCsv(reply, "organizations.csv", write);
    },
  );
}

function sendCsv(reply: FastifyReply, filename: string, write: TCsvWriter) {
  const stream = new PassThrough();
  reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${filename}"`);
  write(stream).catch((error: unknown) => stream.destroy(error as Error));
  return reply.send(stream);
}
