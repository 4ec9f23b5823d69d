import type { ExplainWords } from "./explain-words";
import { formatConstant, formatList, formatSpan } from "./format-constant";

export const EXPLAIN_EN: ExplainWords = {
  phrases: {
    eq: (x) => [`equal to ${formatConstant(x)}`, `not equal to ${formatConstant(x)}`],
    neq: (x) => [`other than ${formatConstant(x)}`, `equal to ${formatConstant(x)}`],
    gt: (x) => [`more than ${formatConstant(x)}`, `not more than ${formatConstant(x)}`],
    gte: (x) => [`at least ${formatConstant(x)}`, `less than ${formatConstant(x)}`],
    lt: (x) => [`less than ${formatConstant(x)}`, `not less than ${formatConstant(x)}`],
    lte: (x) => [`at most ${formatConstant(x)}`, `more than ${formatConstant(x)}`],
    between: (x) => {
      const [lo, hi] = Array.isArray(x) ? x : [];
      const range = `${formatConstant(lo)} and ${formatConstant(hi)}`;
      return [`between ${range}`, `not between ${range}`];
    },
    in: (x) => [`one of ${formatList(x)}`, `not one of ${formatList(x)}`],
    not_in: (x) => [`none of ${formatList(x)}`, `one of ${formatList(x)}`],
    contains: (x) => [`contains ${JSON.stringify(x)}`, `does not contain ${JSON.stringify(x)}`],
    starts_with: (x) => [`starts with ${JSON.stringify(x)}`, `does not start with ${JSON.stringify(x)}`],
    before: (x) => [`before ${formatConstant(x)}`, `not before ${formatConstant(x)}`],
    after: (x) => [`after ${formatConstant(x)}`, `not after ${formatConstant(x)}`],
    within_last: (x) => [`within last ${formatSpan(x)}`, `not within last ${formatSpan(x)}`],
    more_than_ago: (x) => [`more than ${formatSpan(x)} ago`, `not more than ${formatSpan(x)} ago`],
  },
  headers: { all: "all of:", any: "any of:", not: "not:" },
  noValue: (name) => `${name} has no value`,
  noValueNeeds: (name, held) => `${name} has no value, needs ${held}`,
  isSet: (name, seen) => `${name} = ${seen}, is set`,
};
