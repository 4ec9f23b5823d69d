import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Services } from "../../app/services";
import { listTasksWithCustomers, ZTaskListItem } from "../../flows/list-tasks-with-customers";
import {
  attachDocumentToRecord,
  logActivityOnRecord,
  recordOrderForRecord,
  setTaskStatusOnRecord,
} from "../../flows/timeline-writes";
import { AppError } from "../../kernel/errors";
import {
  documentTooLarge,
  getDocument,
  MAX_DOCUMENT_BYTES,
  ZActivity,
  ZListTasksInput,
  ZLogActivityInput,
  ZSetTaskStatusInput,
} from "../../modules/activities";
import { ZOrder, ZRecordOrderInput } from "../../modules/orders";
import { problemResponses, ZIdParams } from "../schemas";
import { assertStorableInput } from "../storable-input";

/** The form fields an upload takes beside its file. */
const DOCUMENT_FIELDS = new Set(["personId", "organizationId", "subject"]);

export async function activityRoutes(base: FastifyInstance, _services: Services) {
  await base.register(fastifyMultipart, { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10 } });
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/api/activities",
    {
      schema: {
        tags: ["timeline"],
        summary: "Log a call, meeting, e-mail, note or task",
        body: ZLogActivityInput,
        response: { 201: ZActivity, ...problemResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await logActivityOnRecord(request.ctx(), request.body)),
  );
  app.get(
    "/api/tasks",
    {
      schema: {
        tags: ["timeline"],
        summary: "Tasks by due date, each naming the customer it is about",
        querystring: ZListTasksInput,
        response: { 200: z.object({ items: z.array(ZTaskListItem) }), ...problemResponses },
      },
    },
    async (request) => ({ items: await listTasksWithCustomers(request.ctx(), request.query) }),
  );
  app.patch(
    "/api/tasks/:id",
    {
      schema: {
        tags: ["timeline"],
        summary: "Mark a task done, cancelled or open",
        params: ZIdParams,
        body: ZSetTaskStatusInput,
        response: { 200: ZActivity, ...problemResponses },
      },
    },
    async (request) => setTaskStatusOnRecord(request.ctx(), request.params.id, request.body),
  );
  app.post(
    "/api/documents",
    {
      schema: {
        tags: ["timeline"],
        summary: "Upload a document (multipart: personId or organizationId, subject, file)",
        consumes: ["multipart/form-data"],
        response: { 201: ZActivity, ...problemResponses },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError("unsupported_media_type", "Send multipart/form-data with a file");
      const fields: Record<string, string> = {};
      let file: { filename: string; mimetype: string; content: Buffer } | null = null;
      try {
        for await (const part of request.parts()) {
          if (part.type === "file") {
            const content = await part.toBuffer().catch((error: unknown) => {
              // The multipart reader stops at the limit with its own 413, which would reach the
              // client as a generic bad request; the document's own limit says what went wrong.
              throw (error as { code?: unknown }).code === "FST_REQ_FILE_TOO_LARGE" ? documentTooLarge() : error;
            });
            file = { filename: part.filename, mimetype: part.mimetype, content };
          } else {
            fields[part.fieldname] = String(part.value);
          }
        }
      } catch (error) {
        // A body that is not the form it claims to be (no boundary, cut off) fails the reader with
        // a plain Error and no status; its own errors (limits) carry one.
        if (error instanceof AppError || (error as { statusCode?: unknown }).statusCode) throw error;
        throw new AppError("bad_request", `The upload is not valid multipart/form-data: ${(error as Error).message}`, {
          fields: [{ field: "body", code: "invalid_multipart", message: (error as Error).message }],
        });
      }
      const unknown = Object.keys(fields).filter((name) => !DOCUMENT_FIELDS.has(name));
      if (unknown.length > 0) {
        throw new AppError("validation_failed", "The upload has fields this endpoint does not know", {
          fields: unknown.map((field) => ({ field, code: "unknown_field", message: "This field is not known here" })),
        });
      }
      if (!file) {
        throw new AppError("validation_failed", "No file in the upload", {
          fields: [{ field: "file", code: "required", message: "Attach the document as the file field" }],
        });
      }
      // Form fields come after the hook that checks a JSON body's text: the same rule, by field.
      assertStorableInput({ body: { ...fields, filename: file.filename } });
      const activity = await attachDocumentToRecord(
        request.ctx(),
        {
          ...(fields.personId ? { personId: fields.personId } : {}),
          ...(fields.organizationId ? { organizationId: fields.organizationId } : {}),
          subject: fields.subject ?? file.filename,
          filename: file.filename,
          contentType: file.mimetype,
        },
        file.content,
      );
      return reply.status(201).send(activity);
    },
  );
  app.get(
    "/api/documents/:id",
    { schema: { tags: ["timeline"], summary: "Download a document", params: ZIdParams } },
    async (request, reply) => {
      const document = await getDocument(request.ctx(), request.params.id);
      return (
        reply
          .header("content-type", document.contentType)
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(document.filename)}`)
          // Uploaded content is never a page of this site, whatever its type says.
          .header("content-security-policy", "default-src 'none'; sandbox")
          .header("etag", `"${document.sha256}"`)
          .send(document.content)
      );
    },
  );
  app.post(
    "/api/orders",
    {
      schema: {
        tags: ["orders"],
        summary:
          "Record an order, or update it when the source sends the same external id again (unchanged, it is left as it is; sent without a date, it keeps its date)",
        body: ZRecordOrderInput,
        response: { 200: ZOrder, 201: ZOrder, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { order, created } = await recordOrderForRecord(request.ctx(), request.body);
      return reply.status(created ? 201 : 200).send(order);
    },
  );
}
