/**
 * The Swedish words the data-subject PDF uses for stored codes: the customer reads "kund" and
 * "samtal", not `customer` and `call`. The PDF is made on the server, so it cannot borrow the web
 * app's dictionary; where the app already words a code (audit actions, event types), the same
 * words are used here.
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
  casePriority: { low: "låg", normal: "normal", high: "hög", urgent: "brådskande" },
  caseChannel: {
    phone: "telefon",
    email: "e-post",
    web: "webben",
    chat: "chatt",
    letter: "brev",
    other: "annan kanal",
  },
  // Categories are free keys; these are the usual ones. Others print with their words spaced out.
  caseCategory: {
    general: "allmänt",
    complaint: "klagomål",
    reklamation: "reklamation",
    billing: "fakturering",
    invoice: "faktura",
    delivery: "leverans",
    question: "fråga",
    return: "retur",
    returns: "retur",
    warranty: "garanti",
    technical: "teknisk fråga",
    payment: "betalning",
    order: "beställning",
    feedback: "synpunkt",
    other: "övrigt",
  },
  caseEvent: {
    opened: "ärendet öppnades",
    status_changed: "status ändrad",
    priority_changed: "prioritet ändrad",
    assigned: "ärendet fick en ny handläggare",
    escalated: "ärendet eskalerades",
    edited: "ärendet ändrades",
    note: "anteckning",
  },
  message: { queued: "köat", sent: "skickat", failed: "kunde inte skickas", suppressed: "hölls tillbaka" },
  messagePurpose: { marketing: "marknadsföring", service: "service" },
  suppressed: {
    no_address: "adress saknas",
    no_consent: "samtycke saknas",
    objection: "invändning mot profilering",
    erased: "uppgifterna raderade",
  },
  // Contact channels (consents, channel choices, messages).
  channel: { email: "e-post", sms: "sms", letter: "brev", phone: "telefon" },
  // Consent purposes and channel-choice topics are free keys; these are the usual ones.
  purpose: {
    marketing: "marknadsföring",
    newsletter: "nyhetsbrev",
    service: "service",
    offers: "erbjudanden",
    orders: "beställningar",
    support: "kundtjänst",
    surveys: "undersökningar",
    profiling: "profilering",
    invoices: "fakturor och betalningar",
    events: "evenemang och inbjudningar",
    "*": "allt annat",
  },
  // Systems the server names itself, as the app shows them.
  system: { web: "Lanthandel", api: "API", demo: "demodata" },
  eventType: {
    identify: "identifiering",
    track: "händelse",
    page: "sidvisning",
    screen: "skärmvisning",
    group: "grupp",
    alias: "alias",
  },
  identity: { user: "användar-id", anonymous: "anonymt id (webbläsare eller enhet)" },
  firing: { done: "utfört", failed: "misslyckades", skipped: "hoppades över, inget gjordes" },
  ruleAction: {
    create_task: "skapade en uppgift",
    set_field: "ändrade ett fält",
    assign_owner: "tilldelade en ansvarig",
    add_to_list: "lade till i en lista",
    remove_from_list: "tog bort ur en lista",
    webhook: "skickade uppgifter till ett annat system",
    send_message: "skickade ett meddelande",
    open_case: "öppnade ett ärende",
    escalate: "eskalerade ett ärende",
  },
  membership: { list: "lista", segment: "segment" },
  // The audit log's actions as web/src/i18n/sv.ts words them (t.audit.actions).
  action: {
    "person.create": "Person skapad",
    "person.update": "Person ändrad",
    "person.import_batch": "Personer importerade",
    "person.merge": "Personer sammanslagna",
    "person.unmerge": "Sammanslagning ångrad",
    "address.move": "Flytt registrerad",
    "email.add": "E-post tillagd",
    "phone.add": "Telefon tillagd",
    "email.remove": "E-post borttagen",
    "phone.remove": "Telefon borttagen",
    "consent.record": "Samtycke registrerat",
    "channel_preference.set": "Kanalval satt",
    "channel_preference.remove": "Kanalval borttaget",
    "role.add": "Roll tillagd",
    "role.end": "Roll avslutad",
    "activity.log": "Aktivitet loggad",
    "document.attach": "Dokument uppladdat",
    "task.set_status": "Uppgiftens status ändrad",
    "order.create": "Order registrerad",
    "order.update": "Order ändrad",
    "case.open": "Ärende öppnat",
    "case.update": "Ärende ändrat",
    "case.escalate": "Ärende eskalerat",
    "message.send": "Meddelande skickat",
    "message.fail": "Meddelande misslyckades",
    "privacy.export": "Registerutdrag",
    "privacy.erase": "Radering",
    "privacy.profiling_objection": "Invändning mot profilering",
    "privacy.profiling_objection_lifted": "Invändning mot profilering återtagen",
    "match_candidate.detect": "Möjlig dubblett hittad",
    "match_candidate.merged": "Dubblett sammanslagen",
    "match_candidate.distinct": "Markerade som olika personer",
    "identity.link": "Identitet kopplad",
    "identity.conflict": "Identitetskonflikt",
    "identity_conflict.resolve": "Identitetskonflikt löst",
  },
} as const satisfies Record<string, Record<string, string>>;

type TWordKind = keyof typeof WORDS;

/** The Swedish word for a code, or the code itself where there is none. */
export function swedish(kind: TWordKind, code: string): string {
  return (WORDS[kind] as Readonly<Record<string, string>>)[code] ?? code;
}

/** Like `swedish`, but a key with no word is spaced out (`fel_vara` reads "fel vara"), never printed raw. */
export function swedishKey(kind: TWordKind, code: string): string {
  return (WORDS[kind] as Readonly<Record<string, string>>)[code] ?? code.replace(/[_-]+/g, " ");
}

/** An audit action in words; an action with no word here is still a change, never a code. */
export function swedishAction(action: string): string {
  return (WORDS.action as Readonly<Record<string, string>>)[action] ?? "Ändring i registret";
}

const languageNames = new Intl.DisplayNames(["sv"], { type: "language", fallback: "code" });

/** "sv" reads "svenska", "en" "engelska". */
export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

const WEEKDAYS = ["", "mån", "tis", "ons", "tor", "fre", "lör", "sön"];

/** "mån–fre 08:00–17:00" for a channel choice's window (1 = Monday). */
export function weekWindow(window: { days: number[]; from: string; to: string }): string {
  const days = [...window.days].sort((a, b) => a - b);
  const consecutive = days.every((day, index) => index === 0 || day === (days[index - 1] as number) + 1);
  const dayText =
    days.length === 7
      ? "alla dagar"
      : consecutive && days.length > 2
        ? `${WEEKDAYS[days[0] as number]}–${WEEKDAYS[days[days.length - 1] as number]}`
        : days.map((day) => WEEKDAYS[day]).join(", ");
  return `${dayText} ${window.from}–${window.to}`;
}

/** Kronor with a decimal comma: 899 → "899,00 kr". */
export function kronor(amount: number): string {
  return `${amount.toFixed(2).replace(".", ",")} kr`;
}

/** A custom attribute's value as a person reads it, by the attribute's type. */
export function customValue(type: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (type === "boolean" || typeof value === "boolean") return value ? "ja" : "nej";
  if (type === "kronor" && typeof value === "number") return kronor(value);
  if (Array.isArray(value)) return value.map(String).join(", ");
  return String(value);
}

/** "198001010019" reads "19800101-0019", as the Swedish Tax Agency writes it. */
export function personnummerText(value: string | null): string {
  if (!value) return "–";
  return /^\d{12}$/.test(value) ? `${value.slice(0, 8)}-${value.slice(8)}` : value;
}
