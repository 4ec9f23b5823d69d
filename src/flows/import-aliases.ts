import type { TImportEntity } from "./import-csv";

const COMMON: Record<string, string[]> = {
  externalId: ["externalid", "id", "kundnummer", "kundnr", "customerid", "externt id"],
  email: ["email", "epost", "e-post", "mail", "epostadress"],
  phone: ["phone", "telefon", "tel", "telefonnummer"],
  street: ["street", "gatuadress", "adress", "address"],
  postalCode: ["postalcode", "postnummer", "postnr", "zip"],
  city: ["city", "ort", "postort", "stad"],
  careOf: ["careof", "c/o", "co"],
  box: ["box"],
  apartment: ["apartment", "lgh", "lagenhetsnummer", "lägenhetsnummer"],
  addressKind: ["addresskind", "adresstyp"],
  country: ["country", "land", "landskod"],
  personnummer: ["personnummer", "pnr", "personnr", "samordningsnummer"],
};

const BY_ENTITY: Record<TImportEntity, Record<string, string[]>> = {
  people: {
    personId: ["lanthandelid", "personid"],
    givenNames: ["givennames", "fornamn", "förnamn", "firstname", "firstnames"],
    surname: ["surname", "efternamn", "lastname"],
    preferredNameMarking: ["preferrednamemarking", "tilltalsnamnsmarkering", "tilltalsnamnmarkering"],
    preferredGivenName: ["preferredgivenname", "tilltalsnamn"],
    birthDate: ["birthdate", "fodelsedatum", "födelsedatum"],
    mobile: ["mobile", "mobil", "mobiltelefon"],
    language: ["language", "sprak", "språk"],
    lifecycleStage: ["lifecyclestage", "stage", "fas"],
  },
  organizations: {
    organizationId: ["lanthandelid", "organizationid"],
    name: ["name", "namn", "foretag", "företag", "foretagsnamn", "företagsnamn"],
    organisationsnummer: ["organisationsnummer", "orgnr", "orgnummer"],
    vatNumber: ["vatnumber", "momsnummer", "momsregistreringsnummer", "vat"],
    sniCode: ["snicode", "sni", "snikod"],
    industry: ["industry", "bransch"],
    employees: ["employees", "anstallda", "anställda"],
    revenueSek: ["revenuesek", "omsattning", "omsättning", "revenue"],
    website: ["website", "webbplats", "hemsida", "url"],
  },
  orders: {
    personExternalId: ["personexternalid", "kundid", "customer"],
    number: ["number", "ordernummer", "ordernr"],
    status: ["status"],
    totalSek: ["totalsek", "belopp", "total", "summa"],
    orderedAt: ["orderedat", "orderdatum", "datum", "date"],
  },
  activities: {
    personExternalId: ["personexternalid", "kundid", "customer"],
    kind: ["kind", "typ", "type"],
    subject: ["subject", "rubrik", "amne", "ämne"],
    body: ["body", "text", "anteckning", "beskrivning"],
    direction: ["direction", "riktning"],
    occurredAt: ["occurredat", "datum", "date", "tid"],
    dueAt: ["dueat", "forfallodatum", "förfallodatum", "deadline"],
  },
};

/** Header (lower-case, without spaces, dashes or underscores) → field, for one kind of file. */
export function importAliases(entity: TImportEntity): Map<string, string> {
  const map = new Map<string, string>();
  for (const [field, names] of Object.entries({ ...COMMON, ...BY_ENTITY[entity] })) {
    map.set(field.toLowerCase(), field);
    for (const name of names) map.set(name.replace(/[\s_-]+/g, ""), field);
  }
  return map;
}
