import type { RelativeSpan, RelativeUnit } from "./condition";
import type { ExplainWords } from "./explain-words";
import { formatConstant, formatList } from "./format-constant";

/** Each unit as one, several, the one and the several: "1 dag", "30 dagar", "den senaste dagen", "de senaste 30 dagarna". */
const UNITS: Readonly<Record<RelativeUnit, readonly [string, string, string, string]>> = {
  minutes: ["minut", "minuter", "minuten", "minuterna"],
  hours: ["timme", "timmar", "timmen", "timmarna"],
  days: ["dag", "dagar", "dagen", "dagarna"],
};

function spanOf(value: unknown): { amount: number | undefined; forms: readonly string[] } {
  const { amount, unit } = (value ?? {}) as Partial<RelativeSpan>;
  return { amount, forms: (unit && UNITS[unit]) ?? [unit, unit, unit, unit].map(String) };
}

/** "30 dagar", "1 timme". */
function span(value: unknown): string {
  const { amount, forms } = spanOf(value);
  return `${amount} ${amount === 1 ? forms[0] : forms[1]}`;
}

/** "den senaste dagen", "de senaste 30 dagarna". */
function lastSpan(value: unknown): string {
  const { amount, forms } = spanOf(value);
  return amount === 1 ? `den senaste ${forms[2]}` : `de senaste ${amount} ${forms[3]}`;
}

export const EXPLAIN_SV: ExplainWords = {
  phrases: {
    eq: (x) => [`lika med ${formatConstant(x)}`, `inte lika med ${formatConstant(x)}`],
    neq: (x) => [`annat än ${formatConstant(x)}`, `lika med ${formatConstant(x)}`],
    gt: (x) => [`mer än ${formatConstant(x)}`, `inte mer än ${formatConstant(x)}`],
    gte: (x) => [`minst ${formatConstant(x)}`, `mindre än ${formatConstant(x)}`],
    lt: (x) => [`mindre än ${formatConstant(x)}`, `inte mindre än ${formatConstant(x)}`],
    lte: (x) => [`högst ${formatConstant(x)}`, `mer än ${formatConstant(x)}`],
    between: (x) => {
      const [lo, hi] = Array.isArray(x) ? x : [];
      const range = `${formatConstant(lo)} och ${formatConstant(hi)}`;
      return [`mellan ${range}`, `inte mellan ${range}`];
    },
    in: (x) => [`en av ${formatList(x)}`, `ingen av ${formatList(x)}`],
    not_in: (x) => [`ingen av ${formatList(x)}`, `en av ${formatList(x)}`],
    contains: (x) => [`innehåller ${JSON.stringify(x)}`, `innehåller inte ${JSON.stringify(x)}`],
    starts_with: (x) => [`börjar med ${JSON.stringify(x)}`, `börjar inte med ${JSON.stringify(x)}`],
    before: (x) => [`före ${formatConstant(x)}`, `inte före ${formatConstant(x)}`],
    after: (x) => [`efter ${formatConstant(x)}`, `inte efter ${formatConstant(x)}`],
    within_last: (x) => [`inom ${lastSpan(x)}`, `inte inom ${lastSpan(x)}`],
    more_than_ago: (x) => [`för mer än ${span(x)} sedan`, `inte för mer än ${span(x)} sedan`],
  },
  headers: { all: "alla av:", any: "någon av:", not: "inte:" },
  noValue: (name) => `${name} saknar värde`,
  noValueNeeds: (name, held) => `${name} saknar värde, krav: ${held}`,
  isSet: (name, seen) => `${name} = ${seen}, har ett värde`,
};
