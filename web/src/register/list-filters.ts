/**
 * The lists' extra filters, kept in the address as the API writes them: `field:op:value` for an
 * attribute (`custom.kundniva:eq:Guld`) and `purpose:channel:status` for a consent
 * (`marketing:email:granted`). The list, the address and the CSV export all carry the same text.
 */
export const FILTER_OPS = [
  "eq",
  "ne",
  "gt",
  "gte",
  "lt",
  "lte",
  "contains",
  "not_contains",
  "empty",
  "not_empty",
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export interface AttributeFilter {
  field: string;
  op: FilterOp;
  value?: string;
}

export const CONSENT_CHANNELS = ["email", "sms", "letter", "phone"] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export const CONSENT_STATUSES = ["granted", "withdrawn", "none"] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export interface ConsentFilter {
  channel: ConsentChannel;
  status: ConsentStatus;
}

const isOp = (value: string): value is FilterOp => (FILTER_OPS as readonly string[]).includes(value);

export function parseAttributeFilter(text: string): AttributeFilter | null {
  const [field = "", op = "", ...rest] = text.split(":");
  // A custom attribute, or a built-in field as the API names it (the API refuses one it has not).
  if (!/^(custom\.[a-z][a-z0-9_]{0,39}|[a-z][A-Za-z]{1,39})$/.test(field) || !isOp(op)) return null;
  const value = rest.join(":");
  if (op === "empty" || op === "not_empty") return { field, op };
  return value === "" ? null : { field, op, value };
}

export function attributeFilterText(filter: AttributeFilter): string {
  return filter.value === undefined ? `${filter.field}:${filter.op}` : `${filter.field}:${filter.op}:${filter.value}`;
}

export function parseConsentFilter(text: string): ConsentFilter | null {
  const [purpose, channel = "", status = "", ...rest] = text.split(":");
  if (purpose !== "marketing" || rest.length > 0) return null;
  if (!(CONSENT_CHANNELS as readonly string[]).includes(channel)) return null;
  if (!(CONSENT_STATUSES as readonly string[]).includes(status)) return null;
  return { channel: channel as ConsentChannel, status: status as ConsentStatus };
}

export const consentFilterText = (filter: ConsentFilter) => `marketing:${filter.channel}:${filter.status}`;

/** The address's `filter` (or `consent`) as a list of valid filter texts; anything else is dropped. */
export function validFilterTexts(value: unknown, parse: (text: string) => unknown): string[] | undefined {
  const texts = (Array.isArray(value) ? value : [value]).filter(
    (text): text is string => typeof text === "string" && parse(text) !== null,
  );
  return texts.length > 0 ? [...new Set(texts)] : undefined;
}

/** A parameter that may be given once or repeated, as a list of its texts. */
export const textsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((each): each is string => typeof each === "string");

/** A list's query as a JSON object, without the parameters left empty. */
export function listQueryObject(
  params: Record<string, string | readonly string[] | undefined>,
): Record<string, string | readonly string[]> {
  const query: Record<string, string | readonly string[]> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value.length > 0) query[name] = value;
  }
  return query;
}

/** A list's query as a URL query string, with repeated parameters for its filters. */
export function listQueryString(params: Record<string, string | readonly string[] | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === "object") for (const each of value) query.append(name, each);
    else if (value) query.set(name, value);
  }
  return query.toString();
}
