import { AppError } from "../kernel/errors";

/**
 * The words a Swedish office writes for an activity's kind and direction and an order's status,
 * in any case, as the values the register keeps. An English value passes in any case too
 * ("Call"); anything else is passed on for the verb to refuse on its row.
 */
const WORDS = {
  kind: {
    samtal: "call",
    telefonsamtal: "call",
    telefon: "call",
    möte: "meeting",
    mote: "meeting",
    "e-post": "email",
    epost: "email",
    mejl: "email",
    mail: "email",
    "e-mail": "email",
    anteckning: "note",
    notering: "note",
    uppgift: "task",
  },
  direction: {
    inkommande: "inbound",
    in: "inbound",
    utgående: "outbound",
    ut: "outbound",
    utgaende: "outbound",
  },
  status: {
    öppen: "open",
    oppen: "open",
    ny: "open",
    bekräftad: "confirmed",
    bekraftad: "confirmed",
    skickad: "shipped",
    levererad: "delivered",
    fakturerad: "invoiced",
    betald: "paid",
    makulerad: "cancelled",
    avbruten: "cancelled",
    annullerad: "cancelled",
    returnerad: "returned",
  },
} satisfies Record<string, Record<string, string>>;

/** What a fault calls each kind of word. */
const NOUNS = { kind: "a kind of activity", direction: "a direction", status: "an order status" };

/**
 * A cell read as one of the values the register keeps (`accepted`), undefined for an empty cell.
 * Any other word is refused with the words a Swedish office would write, and the register's own:
 * the verb would name only the latter ("expected one of call|meeting|…"), shown in English in
 * the app, to someone whose file said "Fax".
 */
export function importWord<T extends string>(
  kind: keyof typeof WORDS,
  value: string | undefined,
  accepted: readonly T[],
): T | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const word = value.trim().toLowerCase();
  const read = (WORDS[kind] as Record<string, string>)[word] ?? word;
  if ((accepted as readonly string[]).includes(read)) return read as T;
  const swedish = accepted.map((one) => Object.entries(WORDS[kind]).find(([, meaning]) => meaning === one)?.[0] ?? one);
  const list = (words: readonly string[]) => `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
  throw new AppError("validation_failed", `Not ${NOUNS[kind]}`, {
    fields: [
      {
        field: kind,
        code: `unknown_${kind}`,
        message: `"${value.trim()}" is not ${NOUNS[kind]}: ${list(swedish)} (${accepted.join(", ")})`,
      },
    ],
  });
}
