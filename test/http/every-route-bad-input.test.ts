import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/rows";
import { openTestApi, type TestApi } from "../support/api";
import {
  acceptedTypes,
  BAD_QUERY_VALUES,
  bodyMutations,
  type Hints,
  type JsonSchema,
  type Operation,
  operationsOf,
  validValue,
} from "../support/bad-inputs";
import { STORE_KINDS } from "../support/stores";

/** A uuid no record has. */
const NOBODY = "0190a0b0-0000-7000-8000-00000000dead";

interface Probe {
  input: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** The input breaks the schema: only a 4xx will do, not a 2xx that ignored it. */
  refused: boolean;
  /** The field the input breaks, which the problem's `errors` must name. */
  field?: string;
}

interface Finding {
  route: string;
  input: string;
  status: number;
  body: string;
}

/** Tables a refused request writes to by design: the tracking API keeps what it turned away. */
const REFUSAL_RECORDS = new Set(["tracking_rejections"]);

/**
 * Every operation of the OpenAPI document, sent malformed input: path ids that are no uuids or name
 * nothing, garbled query parameters, bodies of the wrong type, and each body field broken in turn.
 * Each answer is a problem (`application/problem+json` with a `code`), never a 500; a broken body
 * field is named; and nothing the requests carried is stored. A route added later is covered too.
 */
describe.each(STORE_KINDS)("every route refuses bad input [%s]", (kind) => {
  let api: TestApi;
  let operations: Operation[];
  const ids: Record<string, string> = {};
  let writeKey = "";
  let rowsBefore: Record<string, number>;

  const rowCounts = async () => {
    const db = api.services.store.db;
    const tables = await queryRows<{ name: string }>(
      db,
      sql`select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(name)}`);
      counts[name] = row?.n ?? 0;
    }
    return counts;
  };

  beforeAll(async () => {
    api = await openTestApi(kind);
    const post = async (url: string, payload: object) => {
      const response = await api.call({ method: "POST", url, payload });
      if (response.status >= 300) throw new Error(`${url}: ${response.status} ${response.raw}`);
      return response.body;
    };
    ids.user = (await api.call({ url: "/api/me" })).body.id;
    ids.colleague = (await api.keyFor("sales")).userId;
    ids.team = (await post("/api/teams", { name: "Sondteamet" })).id;
    const address = { street: "Kungsgatan 4", postalCode: "75321", city: "Uppsala" };
    const person = await post("/api/people", {
      givenNames: "Åsa",
      surname: "Wikström",
      birthDate: "1984-11-02",
      address,
      emails: [{ address: "asa@example.se" }],
      phones: [{ number: "0701234567" }],
    });
    ids.person = person.id;
    ids.email = person.emails[0].id;
    ids.phone = person.phones[0].id;
    const twin = await post("/api/people", {
      givenNames: "Asa",
      surname: "Wikstrom",
      birthDate: "1984-11-02",
      address,
    });
    ids.twin = twin.id;
    await post(`/api/people/${twin.id}/match`, {});
    ids.candidate = (await api.call({ url: `/api/match-candidates?personId=${person.id}` })).body.items[0].id;
    const kept = await post("/api/people", { givenNames: "Bo", surname: "Kvar" });
    const merged = await post("/api/people", { givenNames: "Bo", surname: "Borta" });
    ids.merge = (await post(`/api/people/${kept.id}/merge`, { otherId: merged.id })).id;
    ids.organization = (await post("/api/organizations", { name: "Sond AB" })).id;
    ids.role = (await post("/api/roles", { personId: person.id, organizationId: ids.organization })).roleId;
    ids.task = (await post("/api/activities", { personId: person.id, kind: "task", subject: "Ring" })).id;
    ids.case = (await post("/api/cases", { personId: person.id, subject: "Trasig leverans" })).id;
    const attribute = { entity: "person", key: "tier", label: "Nivå", type: "text" };
    ids.attribute = (await post("/api/custom-attributes", attribute)).id;
    const source = await post("/api/sources", { name: "Sondbutiken" });
    ids.source = source.source.id;
    writeKey = source.writeKey;
    ids.key = (await post("/api/api-keys", { name: "sond" })).apiKey.id;
    ids.rule = (
      await post("/api/rules", {
        name: "Sondregeln",
        trigger: { type: "record", entity: "person", on: "changed", fields: ["lifecycleStage"] },
        condition: { field: "person.lifecycle_stage", op: "eq", value: "lead" },
        actions: [{ type: "create_task", config: { subject: "Ring", assignTo: "owner" } }],
      })
    ).id;
    operations = operationsOf((await api.call({ url: "/api/openapi.json" })).body);
    while ((await api.services.bus.dispatchPending()) > 0) {}
    rowsBefore = await rowCounts();
  });
  afterAll(async () => api?.close());

  /** The record a path names, by the collection it sits in; undefined where the setup made none. */
  const existingId = (path: string, name: string): string | undefined => {
    if (name === "contactId") return path.includes("/phones/") ? ids.phone : ids.email;
    const byCollection: Record<string, string | undefined> = {
      people: ids.person,
      organizations: ids.organization,
      users: ids.user,
      teams: ids.team,
      "api-keys": ids.key,
      sources: ids.source,
      roles: ids.role,
      "custom-attributes": ids.attribute,
      tasks: ids.task,
      cases: ids.case,
      "match-candidates": ids.candidate,
      merges: ids.merge,
      rules: ids.rule,
    };
    return byCollection[path.split("/")[2] ?? ""];
  };

  const idFor = (name: string): string => {
    const lower = name.toLowerCase();
    if (/organization|parent|group/.test(lower)) return ids.organization ?? NOBODY;
    if (lower.includes("team")) return ids.team ?? NOBODY;
    // Records are handed over to someone else than the caller.
    if (lower === "userid") return ids.colleague ?? NOBODY;
    if (/owner|user|assignee|actor/.test(lower)) return ids.user ?? NOBODY;
    if (lower.includes("source")) return ids.source ?? NOBODY;
    if (lower.includes("rule")) return ids.rule ?? NOBODY;
    return ids.twin ?? NOBODY;
  };

  /** Values the schema cannot say are valid; the setup's people and records stand behind the ids. */
  const TEXT_HINTS: Record<string, string> = {
    address: "probe@example.se",
    email: "probe@example.se",
    number: "0701234567",
    postalCode: "75321",
    street: "Kungsgatan 4",
    apartment: "1102",
    password: "probe password 123",
    currentPassword: "test password 123",
    timeZone: "Europe/Stockholm",
  };
  const hints: Hints = {
    valueFor(name: string, schema: JsonSchema) {
      const options = schema.anyOf ?? schema.oneOf ?? [schema];
      if (options.some((option) => option.format === "uuid")) return idFor(name);
      if (name === "condition") return { field: "person.lifecycle_stage", op: "eq", value: "lead" };
      if (name === "totalSek") return 100;
      const types = acceptedTypes(schema);
      return types.has("string") && !types.has("object") ? TEXT_HINTS[name] : undefined;
    },
    include: new Set(["personId", "totalSek", "street", "lifecycleStage"]),
  };

  function probesOf(operation: Operation): Probe[] {
    const probes: Probe[] = [];
    const auth = operation.writeKey
      ? `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`
      : `Bearer ${api.adminKey}`;
    const json = { authorization: auth, "content-type": "application/json" };
    const pathWith = (values: Record<string, string>) =>
      operation.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");
    const existing: Record<string, string> = {};
    const nothing: Record<string, string> = {};
    for (const { name, schema } of operation.pathParams) {
      existing[name] = schema.enum ? String(schema.enum[0]) : (existingId(operation.path, name) ?? NOBODY);
      nothing[name] = schema.enum ? String(schema.enum[0]) : NOBODY;
    }
    const base = operation.body ? JSON.stringify(validValue(operation.body, "body", hints)) : undefined;
    const withBase = base === undefined ? { headers: { authorization: auth } } : { headers: json, payload: base };

    const garbage = operation.writeKey
      ? `Basic ${Buffer.from("wk_not-a-key:").toString("base64")}`
      : "Bearer lh_not-a-key";
    for (const key of operation.public ? [] : [null, garbage]) {
      const headers: Record<string, string> = base === undefined ? {} : { "content-type": "application/json" };
      if (key !== null) headers.authorization = key;
      const payload = base === undefined ? {} : { payload: base };
      probes.push({
        input: key === null ? "no key" : "garbage key",
        url: pathWith(existing),
        headers,
        ...payload,
        refused: true,
      });
    }
    for (const { name, schema } of operation.pathParams) {
      const values: Array<[string, string, boolean]> = [
        ["not a uuid", "not-a-uuid", true],
        ["number", "42", true],
        ["NUL", "%00", true],
        ["very long", "x".repeat(2_000), true],
        ["broken %-escape", "%E0%A4%A", true],
        // An id that names no record is refused by a read, a list under it too, as by a write.
        ["uuid of nothing", NOBODY, !schema.enum],
      ];
      for (const [label, value, refused] of values) {
        probes.push({
          input: `path ${name}: ${label}`,
          url: pathWith({ ...existing, [name]: value }),
          refused,
          ...withBase,
        });
      }
    }

    const url = pathWith(existing);
    for (const { name, schema } of operation.queryParams) {
      const values = [...BAD_QUERY_VALUES];
      if (!schema.enum) values.push({ label: "repeated", value: `a&${name}=b` });
      for (const { label, value } of values) {
        // A query may take any text (a search, a free filter): only the form of the answer is
        // checked, but NUL is refused by name wherever it comes.
        const nul = label === "NUL" ? { refused: true, field: `querystring.${name}` } : { refused: false };
        probes.push({ input: `query ${name}: ${label}`, url: `${url}?${name}=${value}`, ...withBase, ...nul });
      }
    }

    // A body where none is expected is ignored, so only records that do not exist are sent one.
    const bodyUrl = operation.body ? url : pathWith(nothing);
    const takesNull = operation.body !== null && acceptedTypes(operation.body).has("null");
    for (const [label, payload] of [
      ["array body", "[]"],
      ["text body", '"text"'],
      ["number body", "42"],
      ["null body", "null"],
      ["not JSON", "{not json"],
      ["empty JSON body", ""],
      ["nested 10 000 deep", `${"[".repeat(10_000)}${"]".repeat(10_000)}`],
    ] as const) {
      if (label === "null body" && takesNull) continue;
      probes.push({ input: label, url: bodyUrl, headers: json, payload, refused: operation.body !== null });
    }
    const otherTypes: Array<[string, string, string]> = [
      ["multipart without a boundary", "multipart/form-data", "garbage"],
      ["multipart cut off", "multipart/form-data; boundary=b", '--b\r\nContent-Disposition: form-data; name="file"'],
      ["CSV", "text/csv", "a,b\n1,2\n"],
      ["form-urlencoded", "application/x-www-form-urlencoded", "a=1"],
      ["XML", "application/xml", "<a/>"],
    ];
    for (const [label, type, payload] of otherTypes) {
      const headers = { authorization: auth, "content-type": type };
      probes.push({ input: `${label} body`, url: bodyUrl, headers, payload, refused: operation.body !== null });
    }
    if (operation.body && !takesNull && operation.body.default === undefined) {
      probes.push({ input: "no body", url, headers: { authorization: auth }, refused: true });
    }
    for (const mutation of bodyMutations(operation.body ?? {}, hints)) {
      probes.push({
        input: `body ${mutation.field}: ${mutation.label}`,
        url,
        headers: json,
        payload: JSON.stringify(mutation.body),
        refused: true,
        field: mutation.field,
      });
    }
    return probes;
  }

  it("answers every malformed request to every operation with a problem, and stores nothing", async () => {
    const crashes: Finding[] = [];
    const notProblems: Finding[] = [];
    const accepted: Finding[] = [];
    const unnamed: Finding[] = [];
    for (const operation of operations) {
      const route = `${operation.method} ${operation.path}`;
      for (const probe of probesOf(operation)) {
        const response = await api.app.inject({
          method: operation.method as "GET",
          url: probe.url,
          headers: probe.headers,
          ...(probe.payload === undefined ? {} : { payload: probe.payload }),
        });
        const finding = { route, input: probe.input, status: response.statusCode, body: response.body.slice(0, 300) };
        if (response.statusCode >= 500) {
          crashes.push(finding);
          continue;
        }
        if (response.statusCode < 400) {
          if (probe.refused) accepted.push(finding);
          continue;
        }
        const problem = String(response.headers["content-type"]).startsWith("application/problem+json")
          ? (response.json() as { code?: unknown; errors?: Array<{ field: string }> })
          : null;
        if (typeof problem?.code !== "string") {
          notProblems.push(finding);
          continue;
        }
        const field = probe.field;
        if (field && response.statusCode === 400) {
          const names = (problem.errors ?? []).map((error) => error.field);
          const named = names.some(
            (name) => name === field || field.startsWith(`${name}.`) || name.startsWith(`${field}.`),
          );
          if (!named) unnamed.push(finding);
        }
      }
    }
    while ((await api.services.bus.dispatchPending()) > 0) {}
    const rowsAfter = await rowCounts();
    const written = Object.keys(rowsAfter).filter(
      (table) => !REFUSAL_RECORDS.has(table) && rowsAfter[table] !== rowsBefore[table],
    );

    expect(crashes, "answered with a 5xx").toEqual([]);
    expect(notProblems, "a 4xx that is not problem+json with a code").toEqual([]);
    expect(accepted, "malformed input accepted").toEqual([]);
    expect(unnamed, "a broken body field the problem does not name").toEqual([]);
    expect(
      written.map((table) => `${table}: ${rowsBefore[table]} → ${rowsAfter[table]}`),
      "rows written by refused requests",
    ).toEqual([]);
  });

  it("lets a read-only user change nothing through any write operation, however sound the request", async () => {
    const readOnly = await api.keyFor("read_only");
    // What a read-only user does to their own account and lists, and a read; every other write is refused.
    const OWN = new Set([
      "PATCH /api/me",
      "POST /api/api-keys",
      "POST /api/auth/logout",
      "POST /api/saved-lists",
      "PATCH /api/saved-lists/{id}",
      "DELETE /api/saved-lists/{id}",
      // A read sent as a POST: which people a rule would pick, nothing stored.
      "POST /api/rules/dry-run",
    ]);
    // Requests the admin's key would get through, where the schema cannot say what one is.
    const boundary = "lasgrans";
    const sound: Record<string, { url?: string; type: string; payload: string }> = {
      "POST /api/imports/{entity}": {
        url: "/api/imports/people?system=probe",
        type: "text/csv",
        payload: "externalId,givenNames,surname\nR1,Rut,Läs\n",
      },
      "POST /api/people/bulk-change": {
        type: "application/json",
        payload: JSON.stringify({ ids: [ids.person], set: { ownerId: ids.user } }),
      },
      "POST /api/organizations/bulk-change": {
        type: "application/json",
        payload: JSON.stringify({ ids: [ids.organization], set: { ownerId: ids.user } }),
      },
      "POST /api/documents": {
        type: `multipart/form-data; boundary=${boundary}`,
        payload: [
          `--${boundary}\r\nContent-Disposition: form-data; name="personId"\r\n\r\n${ids.person}\r\n`,
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="offert.txt"\r\n`,
          `Content-Type: text/plain\r\n\r\nOffert\r\n--${boundary}--\r\n`,
        ].join(""),
      },
      "PATCH /api/cases/{id}": { type: "application/json", payload: JSON.stringify({ priority: "high" }) },
    };
    const before = await rowCounts();
    const accepted: Finding[] = [];
    const refusedOddly: Finding[] = [];
    for (const operation of operations) {
      const route = `${operation.method} ${operation.path}`;
      if (operation.method === "GET" || operation.public || operation.writeKey || OWN.has(route)) continue;
      const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => existingId(operation.path, name) ?? NOBODY);
      const body = operation.body ? JSON.stringify(validValue(operation.body, "body", hints)) : undefined;
      const request = sound[route] ?? (body ? { type: "application/json", payload: body } : undefined);
      const response = await api.app.inject({
        method: operation.method as "POST",
        url: sound[route]?.url ?? url,
        headers: {
          authorization: `Bearer ${readOnly.key}`,
          ...(request ? { "content-type": request.type } : {}),
        },
        ...(request ? { payload: request.payload } : {}),
      });
      const finding = { route, input: "read-only key", status: response.statusCode, body: response.body.slice(0, 400) };
      if (response.statusCode < 400) accepted.push(finding);
      // Refused for who is asking, or for a record they may not see; not for a body the admin's
      // key got through, which would leave the check of who is asking untried.
      else if (![403, 404].includes(response.statusCode)) refusedOddly.push(finding);
    }
    while ((await api.services.bus.dispatchPending()) > 0) {}
    const after = await rowCounts();
    const written = Object.keys(after).filter((table) => after[table] !== before[table]);
    expect(accepted, "a write a read-only key got through").toEqual([]);
    expect(refusedOddly, "refused for another reason than access").toEqual([]);
    expect(written.map((table) => `${table}: ${before[table]} → ${after[table]}`)).toEqual([]);
  });
});
