import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import type { TPersonDataExport } from "./privacy";
import { swedish } from "./privacy-pdf-words";

// DejaVu Sans, embedded as a subset: Latin with every diacritic, Greek and Cyrillic, so that
// "Łukasz Wiśniewski" reads as he is registered. The standard PDF fonts know only Western Latin.
const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
};
let fontBytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null;
const loadFonts = () => {
  fontBytes ??= Promise.all([readFile(FONT_FILES.regular), readFile(FONT_FILES.bold)]).then(([regular, bold]) => ({
    regular,
    bold,
  }));
  return fontBytes;
};

const system = (name: string) => swedish("system", name);

const MARGIN = 50;
const WIDTH = 595.28;
const HEIGHT = 841.89;

const date = (value: Date | string | null) =>
  value
    ? new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Stockholm" }).format(
        new Date(value),
      )
    : "–";

/** Replaces characters the font has no glyph for (Chinese, say) with "?", so a page never fails. */
const printableIn = (font: PDFFont) => {
  const known = new Set(font.getCharacterSet());
  return (text: string) =>
    [...text].map((char) => (char === "\n" || known.has(char.codePointAt(0) as number) ? char : "?")).join("");
};

/** A readable PDF of everything held on a person, in Swedish, for a data subject's access request. */
export async function renderPersonDataPdf(data: TPersonDataExport): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Registerutdrag ${data.person.greetingName} ${data.person.surname}`);
  pdf.registerFontkit(fontkit);
  const fonts = await loadFonts();
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const bold = await pdf.embedFont(fonts.bold, { subset: true });
  const printable = printableIn(regular);
  let page: PDFPage = pdf.addPage([WIDTH, HEIGHT]);
  let y = HEIGHT - MARGIN;

  const write = (text: string, font: PDFFont = regular, size = 10) => {
    for (const paragraph of printable(text).split("\n")) {
      const words = paragraph.split(" ");
      let line = "";
      const lines: string[] = [];
      for (const word of words) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) > WIDTH - 2 * MARGIN && line) {
          lines.push(line);
          line = word;
        } else line = candidate;
      }
      lines.push(line);
      for (const text of lines) {
        if (y < MARGIN + size) {
          page = pdf.addPage([WIDTH, HEIGHT]);
          y = HEIGHT - MARGIN;
        }
        page.drawText(text, { x: MARGIN, y, size, font, color: rgb(0.1, 0.1, 0.15) });
        y -= size * 1.45;
      }
    }
  };
  const heading = (text: string) => {
    y -= 8;
    write(text, bold, 13);
  };

  const { person } = data;
  write("Registerutdrag enligt dataskyddsförordningen, artikel 15", bold, 16);
  write(`Utskrivet ${date(data.exportedAt)}`);
  heading("Personuppgifter");
  write(`Namn: ${person.givenNames} ${person.surname} (tilltalsnamn ${person.greetingName})`);
  write(`Personnummer: ${person.personnummer ?? "–"}    Födelsedatum: ${person.birthDate ?? "–"}`);
  write(
    `Språk: ${person.language}    Tidszon: ${person.timeZone}    Kundstatus: ${swedish("stage", person.lifecycleStage)}`,
  );
  write(`Invändning mot profilering: ${person.profilingObjection ? "ja" : "nej"}`);
  for (const [key, value] of Object.entries(person.custom)) write(`${key}: ${String(value)}`);
  heading("Kontaktuppgifter");
  for (const email of person.emails)
    write(`E-post: ${email.address} (från ${system(email.source.system)}, ${date(email.source.receivedAt)})`);
  for (const phone of person.phones)
    write(`Telefon: ${phone.e164} (från ${system(phone.source.system)}, ${date(phone.source.receivedAt)})`);
  for (const address of person.addresses) {
    const parts = [
      address.careOf && `c/o ${address.careOf}`,
      address.street,
      address.box && `Box ${address.box}`,
      address.apartment && `lgh ${address.apartment}`,
      `${address.postalCode ?? ""} ${address.city ?? ""}`.trim(),
    ];
    write(
      `Adress: ${parts.filter(Boolean).join(", ")} (${date(address.validFrom)} – ${address.validTo ? date(address.validTo) : "nu"}, från ${system(address.source.system)})`,
    );
  }
  heading("Samtycken");
  if (person.consents.length === 0) write("Inga registrerade samtycken.");
  for (const consent of person.consents)
    write(
      `${consent.purpose} via ${consent.channel}: ${consent.status === "granted" ? "lämnat" : "återkallat"} ${date(consent.recordedAt)}`,
    );
  heading("Organisationer");
  if (person.roles.length === 0) write("Inga.");
  for (const role of person.roles) write(`${role.organizationName}${role.title ? `, ${role.title}` : ""}`);
  heading(`Aktiviteter (${data.activities.length})`);
  for (const activity of data.activities)
    write(
      `${date(activity.occurredAt)} ${swedish("activity", activity.kind)}: ${activity.subject}${activity.body ? ` – ${activity.body}` : ""}`,
    );
  heading(`Ordrar (${data.orders.length})`);
  for (const order of data.orders)
    write(
      `${date(order.orderedAt)} ${order.number ?? ""} ${order.totalSek.toFixed(2).replace(".", ",")} kr, ${swedish("order", order.status)}`,
    );
  heading(`Ärenden (${data.cases.length})`);
  for (const item of data.cases) {
    write(
      `${date(item.openedAt)} ärende ${item.number} (${item.category}, ${swedish("case", item.status)}): ${item.subject}${item.description ? ` – ${item.description}` : ""}`,
    );
    for (const event of item.events)
      if (event.kind === "note") write(`  ${date(event.at)} anteckning: ${String(event.data.text ?? "")}`);
  }
  heading(`Utskick (${data.messages.length})`);
  for (const message of data.messages)
    write(
      `${date(message.queuedAt)} ${message.channel} till ${message.toAddress ?? "–"}: ${message.subject} (${swedish("message", message.status)})`,
    );
  heading("Ändringshistorik");
  if (data.changes.length === 0) write("Inga.");
  for (const change of data.changes) write(`${date(change.at)} ${change.action}${change.by ? ` av ${change.by}` : ""}`);
  return pdf.save();
}
