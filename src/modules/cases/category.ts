import { z } from "zod";

/**
 * A category is a key rules name it by (`cases.category.complaint.count_90d`), so it holds no
 * dots or spaces: lower case, words joined by `_` or `-`. Written freely, it is made into one.
 */
export const CATEGORY_PATTERN = /^[\p{Ll}\p{Nd}][\p{Ll}\p{Nd}_-]{0,59}$/u;

export const ZCategory = z
  .string()
  .trim()
  .toLowerCase()
  .overwrite((value) => value.replace(/\s+/g, "_"))
  .regex(CATEGORY_PATTERN, "A category is a short key such as complaint, billing or delivery");
