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
    dokument: "document",
  },
  direction: {
    in: "inbound",
    inkommande: "inbound",
    ut: "outbound",
    utgående: "outbound",
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

export function importWord(kind: keyof typeof WORDS, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const word = value.trim().toLowerCase();
  return (WORDS[kind] as Record<string, string>)[word] ?? word;
}
