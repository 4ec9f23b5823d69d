import { hostOf } from "./host-of";
import { identifyHost, type KnownHost } from "./identify-host";
import { parseQuery } from "./parse-query";

export interface Reference {
  channel:
    | "direct"
    | "organic_search"
    | "paid_search"
    | "social"
    | "paid_social"
    | "email"
    | "affiliate"
    | "display"
    | "referral"
    | "internal";
  source: string | null;
  medium: string | null;
  campaign: string | null;
  campaignId: string | null;
  term: string | null;
  content: string | null;
  affiliate: string | null;
  socialNetwork: string | null;
  searchEngine: string | null;
  clickIdType: string | null;
  clickId: string | null;
  referrerHost: string | null;
}

export interface ReferenceInput {
  pageUrl?: string | null;
  referrer?: string | null;
  /** Segment's context.campaign: name, source, medium, term, content, id. */
  campaign?: Record<string, unknown> | null;
}

/** Ad platforms' click ids, in the order they are looked for, and what a click on each means. */
const CLICK_IDS: ReadonlyArray<readonly [param: string, channel: "paid_search" | "paid_social", network: string]> = [
  ["gclid", "paid_search", "google"],
  ["gbraid", "paid_search", "google"],
  ["wbraid", "paid_search", "google"],
  ["dclid", "paid_search", "google"],
  ["msclkid", "paid_search", "bing"],
  ["fbclid", "paid_social", "facebook"],
  ["ttclid", "paid_social", "tiktok"],
  ["li_fat_id", "paid_social", "linkedin"],
  ["twclid", "paid_social", "x"],
];
const AFFILIATE_PARAMS = ["aff", "aff_id", "affid", "affiliate", "affiliate_id"];

const EMAIL_MEDIA = new Set(["email", "e-mail", "e_mail", "mail", "newsletter"]);
const AFFILIATE_MEDIA = new Set(["affiliate", "affiliates", "aff"]);
const DISPLAY_MEDIA = new Set(["display", "banner", "expandable", "interstitial", "cpm", "programmatic"]);
const SOCIAL_MEDIA = new Set(["social", "social-network", "social-media", "social_network", "social_media", "sm"]);
/** Paid traffic as the common channel definitions spell it: cpc, ppc, paid…, sem, retargeting. */
const PAID_MEDIUM = /^(?:cpc|ppc|cpv|cpa|sem|retargeting|paid.*)$/;
const MAX_VALUE_LENGTH = 500;

type Channel = Reference["channel"];

/**
 * Where a visit came from. Explicit tagging beats inference: campaign parameters first, then an
 * ad platform's click id, then an affiliate id, then the referring site. The rules follow the
 * usual default channel grouping so reports read as marketers expect.
 */
export function classifyReference(input: ReferenceInput): Reference {
  const query = parseQuery(input.pageUrl);
  const campaign = input.campaign ?? null;
  const source = campaignValue(campaign, "source", query, "utm_source");
  const medium = campaignValue(campaign, "medium", query, "utm_medium");
  const referrerHost = hostOf(input.referrer);
  const reference: Reference = {
    channel: "direct",
    source,
    medium,
    campaign: campaignValue(campaign, "name", query, "utm_campaign"),
    campaignId: campaignValue(campaign, "id", query, "utm_id"),
    term: campaignValue(campaign, "term", query, "utm_term"),
    content: campaignValue(campaign, "content", query, "utm_content"),
    affiliate: firstParam(query, AFFILIATE_PARAMS),
    socialNetwork: null,
    searchEngine: null,
    clickIdType: null,
    clickId: null,
    referrerHost,
  };
  const click = CLICK_IDS.find(([param]) => clean(query[param]) !== null);
  if (click) {
    reference.clickIdType = click[0];
    reference.clickId = clean(query[click[0]]);
  }
  const sourceHost = source === null ? null : identifyHost(source);
  const channel =
    channelOfMedium(medium?.toLowerCase() ?? null, sourceHost) ??
    channelOfClick(reference, click) ??
    (reference.affiliate !== null ? "affiliate" : null) ??
    channelOfSource(sourceHost) ??
    channelOfReferrer(reference, referrerHost, hostOf(input.pageUrl));
  reference.channel = channel;
  describeNetwork(reference, channel, sourceHost, click, referrerHost);
  return reference;
}

function channelOfMedium(medium: string | null, sourceHost: KnownHost | null): Channel | null {
  if (medium === null) return null;
  if (EMAIL_MEDIA.has(medium)) return "email";
  if (AFFILIATE_MEDIA.has(medium)) return "affiliate";
  if (DISPLAY_MEDIA.has(medium)) return "display";
  if (PAID_MEDIUM.test(medium)) {
    return sourceHost?.kind === "social" || medium.includes("social") ? "paid_social" : "paid_search";
  }
  if (SOCIAL_MEDIA.has(medium)) return "social";
  if (medium === "organic") return "organic_search";
  if (medium === "referral") return "referral";
  return null;
}

function channelOfClick(reference: Reference, click: (typeof CLICK_IDS)[number] | undefined): Channel | null {
  if (!click) return null;
  reference.source ??= click[2];
  reference.medium ??= click[1] === "paid_search" ? "cpc" : "paid_social";
  return click[1];
}

function channelOfSource(sourceHost: KnownHost | null): Channel | null {
  if (sourceHost === null) return null;
  if (sourceHost.kind === "email") return "email";
  return sourceHost.kind === "social" ? "social" : "organic_search";
}

function channelOfReferrer(reference: Reference, referrerHost: string | null, pageHost: string | null): Channel {
  if (referrerHost === null) return "direct";
  if (pageHost !== null && withoutWww(referrerHost) === withoutWww(pageHost)) return "internal";
  const known = identifyHost(referrerHost);
  reference.source ??= known?.name ?? referrerHost;
  if (known?.kind === "search") {
    reference.medium ??= "organic";
    return "organic_search";
  }
  if (known?.kind === "social") {
    reference.medium ??= "social";
    return "social";
  }
  if (known?.kind === "email") {
    reference.medium ??= "email";
    return "email";
  }
  reference.medium ??= "referral";
  return "referral";
}

/** Names the search engine or social network behind a search or social channel, from the best clue there is. */
function describeNetwork(
  reference: Reference,
  channel: Channel,
  sourceHost: KnownHost | null,
  click: (typeof CLICK_IDS)[number] | undefined,
  referrerHost: string | null,
): void {
  const isSearch = channel === "organic_search" || channel === "paid_search";
  const isSocial = channel === "social" || channel === "paid_social";
  if (!isSearch && !isSocial) {
    if (channel === "affiliate") reference.affiliate ??= reference.source;
    return;
  }
  const kind = isSearch ? "search" : "social";
  const referrer = referrerHost === null ? null : identifyHost(referrerHost);
  const clickNetwork = click && (click[1] === "paid_search") === isSearch ? click[2] : null;
  const name =
    (sourceHost?.kind === kind ? sourceHost.name : null) ??
    clickNetwork ??
    (referrer?.kind === kind ? referrer.name : null) ??
    null;
  if (isSearch) reference.searchEngine = name;
  else reference.socialNetwork = name;
}

function campaignValue(
  campaign: Record<string, unknown> | null,
  field: string,
  query: Record<string, string>,
  param: string,
): string | null {
  return clean(campaign?.[field]) ?? clean(query[param]);
}

function firstParam(query: Record<string, string>, params: readonly string[]): string | null {
  for (const param of params) {
    const value = clean(query[param]);
    if (value !== null) return value;
  }
  return null;
}

function clean(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  return trimmed.length > MAX_VALUE_LENGTH ? trimmed.slice(0, MAX_VALUE_LENGTH) : trimmed;
}

function withoutWww(host: string): string {
  return host.startsWith("www.") ? host.slice(4) : host;
}
