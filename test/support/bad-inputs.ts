/**
 * Malformed input read off the OpenAPI document: the operations, a valid base body for each, and
 * the values a careless or hostile client puts in its place. Every body variant breaks the schema,
 * so the API must refuse it.
 */

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

export interface Operation {
  method: string;
  path: string;
  pathParams: Array<{ name: string; schema: JsonSchema }>;
  queryParams: Array<{ name: string; schema: JsonSchema }>;
  /** The JSON body's schema, when the operation takes one. */
  body: JsonSchema | null;
  /** Authenticated by a tracking source's write key rather than an API key. */
  writeKey: boolean;
  /** Open to anyone: the sign-in, the first-run setup. */
  public: boolean;
}

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string; schema: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: Array<Record<string, unknown>>;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

export function operationsOf(spec: { paths: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => {
        const parameters = operation.parameters ?? [];
        return {
          method: method.toUpperCase(),
          path,
          pathParams: parameters.filter((p) => p.in === "path"),
          queryParams: parameters.filter((p) => p.in === "query"),
          body: operation.requestBody?.content["application/json"]?.schema ?? null,
          writeKey: (operation.security ?? []).some((scheme) => "writeKey" in scheme),
          public: operation.security?.length === 0,
        };
      }),
  );
}

function alternatives(schema: JsonSchema): JsonSchema[] {
  return schema.anyOf ?? schema.oneOf ?? [schema];
}

/** The JSON types a schema takes, `integer` counted as `number`. */
export function acceptedTypes(schema: JsonSchema): Set<string> {
  const types = new Set<string>();
  for (const option of alternatives(schema)) {
    if (option.anyOf || option.oneOf) for (const type of acceptedTypes(option)) types.add(type);
    else if (option.enum || option.const !== undefined) {
      for (const value of option.enum ?? [option.const]) types.add(value === null ? "null" : typeof value);
    } else if (option.type === undefined && !option.allOf) for (const type of ALL_TYPES) types.add(type);
    else {
      for (const type of [option.type ?? "object"].flat()) types.add(type === "integer" ? "number" : type);
    }
  }
  return types;
}

const ALL_TYPES = ["string", "number", "boolean", "object", "array", "null"];

/** Texts that satisfy the common patterns of this API: keys, codes, times, cron lines. */
const PATTERN_CANDIDATES = ["probe", "sv", "SE", "08:00", "0 9 * * 1", "probe_key"];

/**
 * What the schema alone cannot tell: the value a field needs to be valid (an id of a record that
 * exists, a phone number), and the optional fields a valid body needs all the same (an activity
 * names its person).
 */
export interface Hints {
  valueFor(name: string, schema: JsonSchema): unknown;
  include: ReadonlySet<string>;
}

/** A value the schema takes, where the hints fill in what it cannot say. */
export function validValue(schema: JsonSchema, name: string, hints: Hints, depth = 0): unknown {
  const hinted = hints.valueFor(name, schema);
  if (hinted !== undefined) return hinted;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const option = alternatives(schema).find((candidate) => candidate.type !== "null") ?? schema;
  if (option !== schema) return validValue(option, name, hints, depth);
  const type = [schema.type ?? (schema.properties ? "object" : "string")].flat()[0];
  switch (type) {
    case "object": {
      const value: Record<string, unknown> = {};
      if (depth > 4) return value;
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || hints.include.has(key)) {
          value[key] = validValue(property, key, hints, depth + 1);
        }
      }
      return value;
    }
    case "array":
      return schema.items && schema.minItems
        ? Array.from({ length: schema.minItems }, () => validValue(schema.items as JsonSchema, name, hints, depth + 1))
        : [];
    case "number":
    case "integer": {
      const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      return Math.min(low, schema.maximum ?? low);
    }
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return validText(schema);
  }
}

function validText(schema: JsonSchema): string {
  switch (schema.format) {
    case "date":
      return "2024-05-02";
    case "date-time":
      return "2024-05-02T10:00:00+02:00";
    case "email":
      return "probe@example.se";
    case "uri":
      return "https://example.se/";
    default:
      break;
  }
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern, "u");
    const fits = PATTERN_CANDIDATES.find((candidate) => pattern.test(candidate));
    if (fits) return fits;
  }
  return "probe".padEnd(schema.minLength ?? 0, "x");
}

export interface BadValue {
  label: string;
  value: unknown;
}

const LONG_TEXT = "x".repeat(100_000);

/** Values the schema refuses: wrong types, nulls it does not take, bad text, out-of-range numbers. */
export function badValues(schema: JsonSchema): BadValue[] {
  const types = acceptedTypes(schema);
  const options = alternatives(schema);
  const values: BadValue[] = [];
  const wrongTypes: Array<[string, unknown]> = [
    ["number", 42],
    ["string", "wrong type"],
    ["object", { nested: true }],
    ["array", ["a", 1]],
    ["null", null],
  ];
  for (const [type, value] of wrongTypes) if (!types.has(type)) values.push({ label: `${type} instead`, value });
  if (types.has("string")) {
    values.push({ label: "NUL in text", value: "probe\u0000probe" });
    values.push({ label: "lone surrogate", value: "probe\ud800" });
    const longest = Math.min(...options.map((option) => option.maxLength ?? Number.POSITIVE_INFINITY));
    const unbounded =
      longest === Number.POSITIVE_INFINITY && !options.some((option) => option.pattern || option.format);
    if (longest < LONG_TEXT.length || unbounded) {
      values.push({ label: "100 000 characters", value: LONG_TEXT });
    }
  }
  if (options.some((option) => option.enum) && !types.has("number")) {
    values.push({ label: "unknown enum value", value: "no_such_value" });
  }
  const numeric = options.find((option) => option.type === "number" || option.type === "integer");
  if (numeric && !numeric.enum) {
    const low = numeric.minimum ?? numeric.exclusiveMinimum;
    if (low !== undefined && low >= 0) values.push({ label: "negative", value: -1 });
    if (numeric.maximum !== undefined || numeric.type === "integer") values.push({ label: "huge", value: 1e308 });
    if (numeric.type === "integer") values.push({ label: "fraction", value: 1.5 });
  }
  return values;
}

/** Query parameters as a client may garble them: raw text, before any parsing. */
export const BAD_QUERY_VALUES: BadValue[] = [
  { label: "empty", value: "" },
  { label: "negative", value: "-1" },
  { label: "huge", value: "99999999999999999999999" },
  { label: "not a number", value: "NaN" },
  { label: "very long", value: "x".repeat(5_000) },
  { label: "NUL", value: "%00" },
  { label: "invalid UTF-8", value: "%ED%A0%80" },
  { label: "unknown value", value: "no_such_value" },
];

export interface BodyMutation {
  /** The dotted path of the broken field, as a problem's `errors` names it. */
  field: string;
  label: string;
  body: unknown;
}

/**
 * The valid base body with one field broken at a time, nested fields too: each must be refused by
 * that field's name, the rest of the body being fine.
 */
export function bodyMutations(schema: JsonSchema, hints: Hints): BodyMutation[] {
  const mutations: BodyMutation[] = [];
  const visit = (node: JsonSchema, name: string, path: string[], place: (value: unknown) => unknown) => {
    if (path.length > 0) {
      for (const bad of badValues(node))
        mutations.push({ field: path.join("."), label: bad.label, body: place(bad.value) });
    }
    if (path.length >= 3) return;
    const option = alternatives(node).find((candidate) => candidate.properties || candidate.items) ?? node;
    if (option.properties) {
      const own = validValue(option, name, hints) as Record<string, unknown>;
      for (const [key, property] of Object.entries(option.properties)) {
        visit(property, key, [...path, key], (value) => place({ ...own, [key]: value }));
      }
    } else if (option.items) {
      visit(option.items, name, [...path, "0"], (value) => place([value]));
    }
  };
  visit(schema, "body", [], (value) => value);
  return mutations;
}
