import type { TImportEntity } from "./import-csv";

const COMMON: Record<string, string[]> = {
  externalId: ["externalid", "id", "kundnummer", "kundnr", "kundid", "customerid", "externt id"],
  email: ["email", "epost", "e-post", "mail", "epostadress", "mejl", "mejladress"],
  phone: ["phone", "telefon", "tel", "telefonnummer", "telefonnr", "hemtelefon", "telefonhem"],
  street: ["street", "gatuadress", "adress", "address", "utdelningsadress"],
  postalCode: ["postalcode", "postnummer", "postnr", "zip"],
  city: ["city", "ort", "postort", "stad"],
  careOf: ["careof", "c/o", "co", "coadress"],
  box: ["box", "boxadress", "postbox"],
  apartment: ["apartment", "lgh", "lghnr", "lagenhetsnummer", "lägenhetsnummer", "lägenhetsnr", "lagenhetsnr"],
  addressKind: ["addresskind", "adresstyp"],
  country: ["country", "land", "landskod"],
  personnummer: ["personnummer", "pnr", "personnr", "persnr", "samordningsnummer"],
};

const CUSTOMER_REFERENCE = [
  "personexternalid",
  "kundid",
  "kundnummer",
  "kundnr",
  "kund",
  "customer",
  "customerid",
  "customernumber",
];

/** Whom a customer list makes responsible for each customer: a user by e-mail or name, a team by name. */
const RESPONSIBLE = {
  owner: ["owner", "ägare", "agare", "kundansvarig", "ansvarig", "säljare", "saljare", "ansvarigsäljare", "kam"],
  ownerTeam: ["ownerteam", "team", "säljteam", "saljteam", "ägarteam", "agarteam"],
};

const BY_ENTITY: Record<TImportEntity, Record<string, string[]>> = {
  people: {
    ...RESPONSIBLE,
    personId: ["lanthandelid", "personid"],
    givenNames: ["givennames", "fornamn", "förnamn", "firstname", "firstnames"],
    surname: ["surname", "efternamn", "lastname"],
    preferredNameMarking: ["preferrednamemarking", "tilltalsnamnsmarkering", "tilltalsnamnmarkering"],
    preferredGivenName: ["preferredgivenname", "tilltalsnamn"],
    birthDate: ["birthdate", "fodelsedatum", "födelsedatum"],
    mobile: ["mobile", "mobil", "mobiltelefon", "mobilnummer", "mobilnr", "mobiltel"],
    language: ["language", "sprak", "språk"],
    lifecycleStage: ["lifecyclestage", "stage", "fas"],
  },
  organizations: {
    ...RESPONSIBLE,
    organizationId: ["lanthandelid", "organizationid"],
    name: ["name", "namn", "foretag", "företag", "foretagsnamn", "företagsnamn"],
    organisationsnummer: ["organisationsnummer", "orgnr", "orgnummer"],
    street: ["street", "gatuadress", "adress", "address", "utdelningsadress", "besöksadress", "besoksadress"],
    vatNumber: [
      "vatnumber",
      "momsnummer",
      "momsnr",
      "momsregistreringsnummer",
      "momsregnr",
      "vat",
      "vatnummer",
      "vatnr",
    ],
    sniCode: ["snicode", "sni", "snikod"],
    industry: ["industry", "bransch"],
    employees: ["employees", "anstallda", "anställda", "antalanställda", "antalanstallda"],
    revenueSek: ["revenuesek", "omsattning", "omsättning", "revenue"],
    website: ["website", "webbplats", "hemsida", "url"],
    // A company's number is its switchboard.
    phone: [...(COMMON.phone ?? []), "växel", "vaxel", "växelnummer", "vaxelnummer", "telefonväxel", "telefonvaxel"],
  },
  // In an orders or activities file the customer number names the customer, not the row: read
  // as the row's own id, every order of one customer would overwrite the one before.
  orders: {
    personExternalId: CUSTOMER_REFERENCE,
    externalId: ["externalid", "id", "orderid", "externtid"],
    number: ["number", "ordernummer", "ordernr", "order"],
    status: ["status"],
    totalSek: ["totalsek", "belopp", "total", "totalt", "summa", "beloppinklmoms"],
    orderedAt: ["orderedat", "orderdatum", "datum", "date"],
  },
  activities: {
    personExternalId: CUSTOMER_REFERENCE,
    externalId: ["externalid", "id", "aktivitetsid", "activityid", "externtid"],
    kind: ["kind", "typ", "type"],
    subject: ["subject", "rubrik", "amne", "ämne"],
    body: ["body", "text", "anteckning", "beskrivning"],
    direction: ["direction", "riktning"],
    occurredAt: ["occurredat", "datum", "date", "tid"],
    dueAt: ["dueat", "forfallodatum", "förfallodatum", "deadline"],
    // Whose the task is (or who made the call): the user it is assigned to.
    owner: [...RESPONSIBLE.owner, "handläggare", "handlaggare", "utförare", "utforare"],
  },
};

/**
 * A header as the aliases are kept: lower-case, without spaces, dashes, underscores, dots, colons
 * or slashes, so "Org.nr", "Kund-ID", "C/O" and "Lgh nr" read as "orgnr", "kundid", "co", "lghnr".
 */
export const headerKey = (header: string) => header.toLowerCase().replace(/[\s_.:/-]+/g, "");

/** Header key (see `headerKey`) → field, for one kind of file. */
export function importAliases(entity: TImportEntity): Map<string, string> {
  const map = new Map<string, string>();
  for (const [field, names] of Object.entries({ ...COMMON, ...BY_ENTITY[entity] })) {
    map.set(field.toLowerCase(), field);
    for (const name of names) map.set(headerKey(name), field);
  }
  return map;
}

/** The fields a column of an entity's file can be read as, for mapping a column by hand. */
export function importFieldNames(entity: TImportEntity): string[] {
  return [...new Set(Object.keys({ ...COMMON, ...BY_ENTITY[entity] }))];
}
