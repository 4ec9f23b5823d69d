const MAX_PROPERTIES = 3;
const MAX_KEY_CHARS = 30;
const MAX_VALUE_CHARS = 40;

/** Segment's semantic properties that say what happened, in the order they are shown. */
const PREFERRED = [
  "reason",
  "category",
  "status",
  "plan",
  "product",
  "name",
  "label",
  "query",
  "step",
  "revenue",
  "total",
  "value",
  "price",
  "quantity",
  "currency",
];

/**
 * Words that mark a key as a reference, a secret, an address or contact detail: ids and links say
 * nothing to a reader, and an IP address or a password must not be shown at all.
 */
const UNTOLD_WORDS = new Set([
  "id",
  "ids",
  "uuid",
  "token",
  "secret",
  "password",
  "ip",
  "url",
  "href",
  "referrer",
  "email",
  "phone",
]);
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
const IP_LIKE = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:.]*:[0-9a-f:.]*)$/i;

export interface TToldProperty {
  key: string;
  value: string | number | boolean;
}

function wordsOf(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/);
}

/** At most `max` characters, cut after a whole word where one ends in the latter half. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function toldValue(value: unknown): string | number | boolean | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return null;
  const text = value.trim().replace(/\s+/g, " ");
  if (text === "" || URL_LIKE.test(text) || IP_LIKE.test(text)) return null;
  return shorten(text, MAX_VALUE_CHARS);
}

/**
 * The few properties of an event that say most about it, for a one-line detail: Segment's
 * semantic ones first (reason, category, total…), then the rest in the order sent. Only plain
 * values, long ones shortened; ids, links, addresses and secrets are left out, as are `shown`
 * keys the line already says otherwise.
 */
export function tellingProperties(
  properties: Record<string, unknown> | null,
  shown: ReadonlySet<string> = new Set(),
): TToldProperty[] {
  if (!properties) return [];
  const keys = Object.keys(properties).filter(
    (key) => !shown.has(key) && !wordsOf(key).some((word) => UNTOLD_WORDS.has(word)),
  );
  const rank = (key: string) => {
    const place = PREFERRED.indexOf(key.toLowerCase());
    return place === -1 ? PREFERRED.length : place;
  };
  const told: TToldProperty[] = [];
  for (const key of keys.toSorted((a, b) => rank(a) - rank(b))) {
    const value = toldValue(properties[key]);
    if (value === null) continue;
    told.push({ key: shorten(key, MAX_KEY_CHARS), value });
    if (told.length === MAX_PROPERTIES) break;
  }
  return told;
}
