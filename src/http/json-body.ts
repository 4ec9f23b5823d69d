import type { FastifyRequest } from "fastify";
import { AppError } from "../kernel/errors";

const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * An endpoint whose schema describes a JSON body takes JSON only. The parsers the upload and the
 * import register hand over nothing or a stream, which a schema whose fields are all optional
 * would read as an empty body and act on.
 */
export async function refuseOtherBodyTypes(request: FastifyRequest): Promise<void> {
  const type = request.headers["content-type"];
  if (type === undefined || !request.routeOptions.schema?.body || JSON_TYPE.test(type)) return;
  throw new AppError("unsupported_media_type", `This endpoint takes application/json, not ${type.split(";")[0]}`);
}
