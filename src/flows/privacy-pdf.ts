import type { TPersonDataExport } from "./privacy";
import {
  customValue,
  kronor,
  languageName,
  personnummerText,
  swedish,
  swedishAction,
  swedishKey,
  weekWindow,
} from "./privacy-pdf-words";
import { openPdfWriter, type PdfWriter } from "./privacy-pdf-writer";

/** The PDF lists this many of the newest tracked events; the JSON extract carries more (see EXPORT_LIMITS). */
export const PDF_EVENT_LINES = 200;

const system = (name: string) => swedish("system", name);
const channel = (code: string) => swedish("channel", code);

const date = (value: Date | string | null) =>
  value
    ? new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Stockholm" }).format(
        new Date(value),
      )
    : "–";

const text = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * A readable PDF of everything held on a person, in Swedish, for a data subject's access request.
 * It is handed to the customer: staff are named "personal", never by e-mail or key name.
 */
export async function renderPersonDataPdf(data: TPersonDataExport): Promise<Uint8Array> {
  const { person } = data;
  const erased = person.erasedAt !== null;
  const fullName = erased ? "(raderad)" : `${person.givenNames} ${person.surname}`.trim();
  const pdf = await openPdfWriter(`Registerutdrag ${erased ? "" : `${person.greetingName} ${person.surname}`}`.trim());
  pdf.line("Registerutdrag enligt dataskyddsförordningen, artikel 15", { bold: true, size: 16 });
  pdf.line(`Utskrivet ${date(data.exportedAt)}`);
  writePerson(pdf, data, fullName);
  writeContacts(pdf, data);
  writeConsents(pdf, data);
  pdf.heading("Organisationer");
  if (person.roles.length === 0) pdf.line("Inga.");
  for (const role of person.roles) pdf.line(`${role.organizationName}${role.title ? `, ${role.title}` : ""}`);
  writeHistory(pdf, data);
  writeTracking(pdf, data);
  writeProfiling(pdf, data);
  pdf.heading("Ändringshistorik");
  if (data.changes.length === 0) pdf.line("Inga.");
  for (const change of data.changes)
    pdf.line(
      `${date(change.at)} ${swedishAction(change.action)}, av ${change.actor === "system" ? "systemet" : "personal"}`,
    );
  return pdf.save();
}

function writePerson(pdf: PdfWriter, data: TPersonDataExport, fullName: string) {
  const { person } = data;
  pdf.heading("Personuppgifter");
  if (person.erasedAt) pdf.line(`Personens uppgifter raderades ${date(person.erasedAt)}.`);
  const greeting =
    person.greetingName && person.greetingName !== person.givenNames ? ` (tilltalsnamn ${person.greetingName})` : "";
  pdf.line(`Namn: ${fullName}${person.erasedAt ? "" : greeting}`);
  pdf.line(`Personnummer: ${personnummerText(person.personnummer)}    Födelsedatum: ${person.birthDate ?? "–"}`);
  pdf.line(
    `Språk: ${languageName(person.language)}    Tidszon: ${person.timeZone}    Kundstatus: ${swedish("stage", person.lifecycleStage)}`,
  );
  pdf.line(
    `Invändning mot profilering: ${person.profilingObjection ? `ja, sedan ${date(person.profilingObjectionAt)}` : "nej"}`,
  );
  for (const field of data.customFields) pdf.line(`${field.label}: ${customValue(field.type, field.value)}`);
  if (person.externalIds.length > 0) {
    pdf.line("Kundnummer och id i andra system:");
    for (const id of person.externalIds) pdf.line(`${id.externalId} (${system(id.system)})`, { level: 1 });
  }
}

function writeContacts(pdf: PdfWriter, data: TPersonDataExport) {
  const { person } = data;
  pdf.heading("Kontaktuppgifter");
  for (const email of person.emails)
    pdf.line(`E-post: ${email.address} (från ${system(email.source.system)}, ${date(email.source.receivedAt)})`);
  for (const phone of person.phones)
    pdf.line(`Telefon: ${phone.e164} (från ${system(phone.source.system)}, ${date(phone.source.receivedAt)})`);
  for (const address of person.addresses) {
    const parts = [
      address.careOf && `c/o ${address.careOf}`,
      address.street,
      address.box && `Box ${address.box}`,
      address.apartment && `lgh ${address.apartment}`,
      `${address.postalCode ?? ""} ${address.city ?? ""}`.trim(),
    ];
    pdf.line(
      `Adress: ${parts.filter(Boolean).join(", ")} (${date(address.validFrom)} – ${address.validTo ? date(address.validTo) : "nu"}, från ${system(address.source.system)})`,
    );
  }
  pdf.heading("Kanalval");
  if (person.channelPreferences.length === 0) pdf.line("Inga.");
  for (const choice of person.channelPreferences)
    pdf.line(
      `${capitalised(swedishKey("purpose", choice.topic))}: helst via ${channel(choice.channel)}${choice.window ? `, ${weekWindow(choice.window)}` : ""} (från ${system(choice.source.system)} ${date(choice.source.receivedAt)})`,
    );
}

function writeConsents(pdf: PdfWriter, data: TPersonDataExport) {
  const decision = (status: string) => (status === "granted" ? "lämnat" : "återkallat");
  pdf.heading("Samtycken");
  if (data.person.consents.length === 0) pdf.line("Inga registrerade samtycken.");
  for (const consent of data.person.consents)
    pdf.line(
      `${capitalised(swedishKey("purpose", consent.purpose))} via ${channel(consent.channel)}: ${decision(consent.status)} ${date(consent.recordedAt)}`,
    );
  if (data.consentHistory.length === 0) return;
  pdf.line("Alla beslut, det senaste först:", { bold: true });
  for (const consent of data.consentHistory)
    pdf.line(
      `${date(consent.recordedAt)} ${swedishKey("purpose", consent.purpose)} via ${channel(consent.channel)}: ${decision(consent.status)} (från ${system(consent.source.system)}${consent.note ? `; ${consent.note}` : ""})`,
      { level: 1 },
    );
}

function writeHistory(pdf: PdfWriter, data: TPersonDataExport) {
  pdf.heading(`Aktiviteter (${data.activities.length})`);
  for (const activity of data.activities)
    pdf.line(
      `${date(activity.occurredAt)} ${swedish("activity", activity.kind)}: ${activity.subject}${activity.body ? ` – ${activity.body}` : ""}`,
    );
  pdf.heading(`Ordrar (${data.orders.length})`);
  for (const order of data.orders) {
    const number = [order.number, order.externalId && order.externalId !== order.number ? order.externalId : null]
      .filter(Boolean)
      .join(" / ");
    pdf.line(
      `${date(order.orderedAt)} order ${number || "utan nummer"}: ${kronor(order.totalSek)}, ${swedish("order", order.status)}`,
    );
    for (const line of order.lines)
      pdf.line(
        `${line.quantity} × ${line.description}${line.sku ? ` (art.nr ${line.sku})` : ""} à ${kronor(line.unitPriceSek)}`,
        {
          level: 1,
        },
      );
  }
  pdf.heading(`Ärenden (${data.cases.length})`);
  for (const item of data.cases) {
    pdf.line(
      `${date(item.openedAt)} ärende ${item.number} (${swedishKey("caseCategory", item.category)}, via ${swedish("caseChannel", item.channel)}, prioritet ${swedish("casePriority", item.priority)}, ${swedish("case", item.status)}): ${item.subject}${item.description ? ` – ${item.description}` : ""}`,
    );
    for (const event of item.events) pdf.line(`${date(event.at)} ${caseEventText(event)}`, { level: 1 });
  }
  pdf.heading(`Utskick (${data.messages.length})`);
  for (const message of data.messages)
    pdf.line(
      `${date(message.queuedAt)} ${channel(message.channel)} (${swedish("messagePurpose", message.purpose)}) till ${message.toAddress ?? "–"}: ${message.subject} (${swedish("message", message.status)}${message.suppressedReason ? `: ${swedish("suppressed", message.suppressedReason)}` : ""})`,
    );
}

function caseEventText(event: TPersonDataExport["cases"][number]["events"][number]): string {
  const word = swedish("caseEvent", event.kind);
  const { data } = event;
  if (event.kind === "note") return `${word}: ${text(data.text)}`;
  if (event.kind === "status_changed")
    return `${word}: ${swedish("case", text(data.from))} → ${swedish("case", text(data.to))}`;
  if (event.kind === "priority_changed")
    return `${word}: ${swedish("casePriority", text(data.from))} → ${swedish("casePriority", text(data.to))}`;
  if (event.kind === "escalated" && text(data.reason)) return `${word}: ${text(data.reason)}`;
  return word;
}

function writeTracking(pdf: PdfWriter, data: TPersonDataExport) {
  pdf.heading("Kopplade id för webb- och appspårning");
  if (data.trackingIdentities.length === 0) pdf.line("Inga.");
  for (const identity of data.trackingIdentities)
    pdf.line(
      `${capitalised(swedish("identity", identity.kind))}: ${identity.value} (kopplat ${date(identity.linkedAt)}${identity.sourceName ? ` av ${identity.sourceName}` : ""})`,
    );
  const { total } = data.limits.events;
  const shown = data.events.slice(0, PDF_EVENT_LINES);
  pdf.heading(`Händelser på webb och i appar (${total})`);
  if (total === 0) pdf.line("Inga.");
  else if (shown.length < total) {
    const json = data.events.length;
    pdf.line(
      `Här visas de ${shown.length} senaste. ${json < total ? `Den maskinläsbara versionen av utdraget (JSON) innehåller de ${json} senaste; resten lämnas ut på begäran.` : "Alla finns i den maskinläsbara versionen av utdraget (JSON)."}`,
    );
  }
  for (const event of shown) {
    const properties = event.properties ?? {};
    const what = event.name ?? (text(properties.title) || text(properties.path));
    pdf.line(`${date(event.occurredAt)} ${swedish("eventType", event.type)}${what ? `: ${what}` : ""}`);
  }
}

function writeProfiling(pdf: PdfWriter, data: TPersonDataExport) {
  pdf.heading("Profilering: beräknade mått");
  if (data.computedTraits.length === 0) pdf.line("Inga.");
  for (const trait of data.computedTraits)
    pdf.line(
      `${trait.label}: ${trait.value === null ? "–" : String(trait.value).replace(".", ",")} (räknat över de senaste ${trait.windowDays} dagarna)`,
    );
  const { total } = data.limits.ruleFirings;
  pdf.heading(`Automatiska beslut (${total})`);
  if (total === 0) pdf.line("Inga.");
  else if (data.ruleFirings.length < total)
    pdf.line(`Här visas de ${data.ruleFirings.length} senaste; resten lämnas ut på begäran.`);
  for (const firing of data.ruleFirings) {
    const did = firing.results
      .map((result) => (result as { type?: string }).type)
      .filter((type): type is string => Boolean(type))
      .map((type) => swedish("ruleAction", type));
    pdf.line(
      `${date(firing.firedAt)} regeln "${firing.ruleName}": ${swedish("firing", firing.status)}${did.length ? ` (${did.join(", ")})` : ""}`,
    );
    if (firing.explanation.length > 0) pdf.line("Skäl:", { level: 1 });
    for (const reason of firing.explanation) {
      const depth = (reason.length - reason.trimStart().length) / 2;
      pdf.line(reason.trimStart(), { level: 2 + depth });
    }
  }
  pdf.heading("Listor och segment");
  if (data.memberships.length === 0) pdf.line("Inga.");
  for (const membership of data.memberships)
    pdf.line(
      `${capitalised(swedish("membership", membership.kind))} "${membership.name}", sedan ${date(membership.since)}`,
    );
}

function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}
