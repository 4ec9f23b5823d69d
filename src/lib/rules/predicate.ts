import type { Facts } from "./field-def";

export type Predicate = (facts: Facts) => boolean;
export type Read = (facts: Facts) => unknown;
