import { createLruCache } from "./create-lru-cache";
import { BRAND_LABELS, DOMAINS, type KnownHost, SOURCE_ALIASES } from "./known-hosts";

export type { KnownHost } from "./known-hosts";

/** Referrers come from a few hundred sites; the cache keeps the walk over labels off the hot path. */
const cache = createLruCache<string, KnownHost | null>(2_000);

/**
 * Which search engine, social network or webmail a referring host name (any subdomain, any
 * country domain) or a campaign source (a brand name or its usual short form) is, or null when
 * it is none of them.
 */
export function identifyHost(hostOrSource: string): KnownHost | null {
  const cached = cache.get(hostOrSource);
  if (cached !== undefined) return cached;
  const found = identifyUncached(hostOrSource.trim().toLowerCase());
  cache.set(hostOrSource, found);
  return found;
}

function identifyUncached(host: string): KnownHost | null {
  const alias = SOURCE_ALIASES[host];
  if (alias) return alias;
  const labels = host.split(".");
  for (let i = 0; i < labels.length; i++) {
    const domain = DOMAINS[labels.slice(i).join(".")];
    if (domain) return domain;
  }
  if (labels.length === 1) return BRAND_LABELS[host] ?? null;
  // The brand is the label before the public suffix: one label ("google.se") or two short
  // ones ("google.co.uk", "google.com.au").
  for (let suffix = 1; suffix <= 2 && suffix < labels.length; suffix++) {
    if (suffix === 2 && !labels.slice(-2).every((label) => label.length <= 3)) break;
    const brand = BRAND_LABELS[labels[labels.length - 1 - suffix] ?? ""];
    if (brand) return brand;
  }
  return null;
}
