/**
 * The Swedish words the data-subject PDF uses for stored codes: the customer reads "kund" and
 * "samtal", not `customer` and `call`. Codes without a word here are printed as they are.
 */
const WORDS = {
  stage: {
    interested: "intresserad",
    prospect: "prospekt",
    lead: "lead",
    customer: "kund",
    former_customer: "tidigare kund",
  },
  activity: {
    call: "samtal",
    meeting: "möte",
    email: "e-post",
    note: "anteckning",
    task: "uppgift",
    document: "dokument",
  },
  order: {
    open: "öppen",
    confirmed: "bekräftad",
    shipped: "skickad",
    delivered: "levererad",
    invoiced: "fakturerad",
    paid: "betald",
    cancelled: "makulerad",
    returned: "returnerad",
  },
  case: { new: "ny", open: "öppen", waiting: "väntar på kunden", resolved: "löst", closed: "stängd" },
  message: { queued: "köat", sent: "skickat", failed: "kunde inte skickas", suppressed: "hölls tillbaka" },
  // Systems the server names itself, as the app shows them.
  system: { web: "Lanthandel", api: "API", demo: "demodata" },
} as const satisfies Record<string, Record<string, string>>;

export function swedish(kind: keyof typeof WORDS, code: string): string {
  return (WORDS[kind] as Readonly<Record<string, string>>)[code] ?? code;
}
