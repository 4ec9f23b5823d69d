import { z } from "zod";
import type { FieldErrors } from "../../kernel/field-errors";

// A public site's host has a name and a top-level domain: "foretaget" alone is a typing slip.
const ZWebUrl = z.url({ protocol: /^https?$/, hostname: /^[^.]+(\.[^.]+)*\.[a-z][a-z0-9-]*[a-z0-9]$/i });

/**
 * A company's web address as people type it: "foretaget.se" is taken as https://foretaget.se;
 * empty clears it. Anything that is then not an http(s) address is a fault of the field.
 */
export function normalizeWebsite(
  value: string | null | undefined,
  field: string,
  errors: FieldErrors,
): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || value === "") return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  if (!ZWebUrl.safeParse(withScheme).success) {
    errors.add(field, "invalid_url", "A web address such as foretaget.se or https://foretaget.se");
    return undefined;
  }
  return withScheme;
}
