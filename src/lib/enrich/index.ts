export { anonymizeIp, type IpMode } from "./anonymize-ip";
export { classifyReference, type Reference, type ReferenceInput } from "./classify-reference";
export { type EnrichEventInput, type EventEnrichment, enrichEvent } from "./enrich-event";
export { type CountryLookup, loadCountryLookup } from "./load-country-lookup";
export { type LocalTime, localTimeOf } from "./local-time-of";
export { parseUserAgent, type UserAgentInfo } from "./parse-user-agent";
