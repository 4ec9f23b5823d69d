import type { Locale } from "./locale";

/**
 * The divisions (huvudgrupper, the first two digits) of the Swedish industry classification
 * SNI 2007, which follows the EU's NACE Rev. 2: an SNI code in words, at the level a seller
 * needs ("62.010" is IT consulting).
 */
const SNI_DIVISIONS: Readonly<Record<string, { sv: string; en: string }>> = {
  "01": {
    sv: "Växt- och djurproduktion, jakt och service i anslutning härtill",
    en: "Crop and animal production, hunting and related service activities",
  },
  "02": { sv: "Skogsbruk", en: "Forestry and logging" },
  "03": { sv: "Fiske och vattenbruk", en: "Fishing and aquaculture" },
  "05": { sv: "Kolutvinning", en: "Mining of coal and lignite" },
  "06": { sv: "Utvinning av råpetroleum och naturgas", en: "Extraction of crude petroleum and natural gas" },
  "07": { sv: "Utvinning av metallmalmer", en: "Mining of metal ores" },
  "08": { sv: "Annan utvinning av mineral", en: "Other mining and quarrying" },
  "09": { sv: "Service till utvinning", en: "Mining support service activities" },
  "10": { sv: "Livsmedelsframställning", en: "Manufacture of food products" },
  "11": { sv: "Framställning av drycker", en: "Manufacture of beverages" },
  "12": { sv: "Tobaksvarutillverkning", en: "Manufacture of tobacco products" },
  "13": { sv: "Textilvarutillverkning", en: "Manufacture of textiles" },
  "14": { sv: "Tillverkning av kläder", en: "Manufacture of wearing apparel" },
  "15": { sv: "Tillverkning av läder, läder- och skinnvaror m.m.", en: "Manufacture of leather and related products" },
  "16": {
    sv: "Tillverkning av trä och varor av trä, kork, rotting o.d. utom möbler",
    en: "Manufacture of wood and of products of wood and cork, except furniture",
  },
  "17": { sv: "Pappers- och pappersvarutillverkning", en: "Manufacture of paper and paper products" },
  "18": {
    sv: "Grafisk produktion och reproduktion av inspelningar",
    en: "Printing and reproduction of recorded media",
  },
  "19": {
    sv: "Tillverkning av stenkolsprodukter och raffinerade petroleumprodukter",
    en: "Manufacture of coke and refined petroleum products",
  },
  "20": {
    sv: "Tillverkning av kemikalier och kemiska produkter",
    en: "Manufacture of chemicals and chemical products",
  },
  "21": {
    sv: "Tillverkning av farmaceutiska basprodukter och läkemedel",
    en: "Manufacture of basic pharmaceutical products and pharmaceutical preparations",
  },
  "22": { sv: "Tillverkning av gummi- och plastvaror", en: "Manufacture of rubber and plastic products" },
  "23": {
    sv: "Tillverkning av andra icke-metalliska mineraliska produkter",
    en: "Manufacture of other non-metallic mineral products",
  },
  "24": { sv: "Stål- och metallframställning", en: "Manufacture of basic metals" },
  "25": {
    sv: "Tillverkning av metallvaror utom maskiner och apparater",
    en: "Manufacture of fabricated metal products, except machinery and equipment",
  },
  "26": {
    sv: "Tillverkning av datorer, elektronikvaror och optik",
    en: "Manufacture of computer, electronic and optical products",
  },
  "27": { sv: "Tillverkning av elapparatur", en: "Manufacture of electrical equipment" },
  "28": { sv: "Tillverkning av övriga maskiner", en: "Manufacture of machinery and equipment n.e.c." },
  "29": {
    sv: "Tillverkning av motorfordon, släpfordon och påhängsvagnar",
    en: "Manufacture of motor vehicles, trailers and semi-trailers",
  },
  "30": { sv: "Tillverkning av andra transportmedel", en: "Manufacture of other transport equipment" },
  "31": { sv: "Tillverkning av möbler", en: "Manufacture of furniture" },
  "32": { sv: "Annan tillverkning", en: "Other manufacturing" },
  "33": {
    sv: "Reparation och installation av maskiner och apparater",
    en: "Repair and installation of machinery and equipment",
  },
  "35": { sv: "Försörjning av el, gas, värme och kyla", en: "Electricity, gas, steam and air conditioning supply" },
  "36": { sv: "Vattenförsörjning", en: "Water collection, treatment and supply" },
  "37": { sv: "Avloppsrening", en: "Sewerage" },
  "38": {
    sv: "Avfallshantering; återvinning",
    en: "Waste collection, treatment and disposal activities; materials recovery",
  },
  "39": {
    sv: "Sanering, efterbehandling av jord och vatten samt annan verksamhet för föroreningsbekämpning",
    en: "Remediation activities and other waste management services",
  },
  "41": { sv: "Byggande av hus", en: "Construction of buildings" },
  "42": { sv: "Anläggningsarbeten", en: "Civil engineering" },
  "43": { sv: "Specialiserad bygg- och anläggningsverksamhet", en: "Specialised construction activities" },
  "45": {
    sv: "Handel samt reparation av motorfordon och motorcyklar",
    en: "Wholesale and retail trade and repair of motor vehicles and motorcycles",
  },
  "46": {
    sv: "Parti- och provisionshandel utom med motorfordon",
    en: "Wholesale trade, except of motor vehicles and motorcycles",
  },
  "47": {
    sv: "Detaljhandel utom med motorfordon och motorcyklar",
    en: "Retail trade, except of motor vehicles and motorcycles",
  },
  "49": { sv: "Landtransport; transport i rörsystem", en: "Land transport and transport via pipelines" },
  "50": { sv: "Sjötransport", en: "Water transport" },
  "51": { sv: "Lufttransport", en: "Air transport" },
  "52": {
    sv: "Magasinering och stödtjänster till transport",
    en: "Warehousing and support activities for transportation",
  },
  "53": { sv: "Post- och kurirverksamhet", en: "Postal and courier activities" },
  "55": { sv: "Hotell- och logiverksamhet", en: "Accommodation" },
  "56": { sv: "Restaurang-, catering- och barverksamhet", en: "Food and beverage service activities" },
  "58": { sv: "Förlagsverksamhet", en: "Publishing activities" },
  "59": {
    sv: "Film-, video- och tv-programverksamhet, ljudinspelningar och fonogramutgivning",
    en: "Motion picture, video and television programme production, sound recording and music publishing",
  },
  "60": { sv: "Planering och sändning av program", en: "Programming and broadcasting activities" },
  "61": { sv: "Telekommunikation", en: "Telecommunications" },
  "62": {
    sv: "Dataprogrammering, datakonsultverksamhet o.d.",
    en: "Computer programming, consultancy and related activities",
  },
  "63": { sv: "Informationstjänster", en: "Information service activities" },
  "64": {
    sv: "Finansiella tjänster utom försäkring och pensionsfondsverksamhet",
    en: "Financial service activities, except insurance and pension funding",
  },
  "65": {
    sv: "Försäkring, återförsäkring och pensionsfondsverksamhet utom obligatorisk socialförsäkring",
    en: "Insurance, reinsurance and pension funding, except compulsory social security",
  },
  "66": {
    sv: "Stödtjänster till finansiella tjänster och försäkring",
    en: "Activities auxiliary to financial services and insurance",
  },
  "68": { sv: "Fastighetsverksamhet", en: "Real estate activities" },
  "69": { sv: "Juridisk och ekonomisk konsultverksamhet", en: "Legal and accounting activities" },
  "70": {
    sv: "Verksamheter som utövas av huvudkontor; konsulttjänster till företag",
    en: "Activities of head offices; management consultancy activities",
  },
  "71": {
    sv: "Arkitekt- och teknisk konsultverksamhet; teknisk provning och analys",
    en: "Architectural and engineering activities; technical testing and analysis",
  },
  "72": { sv: "Forskning och utveckling", en: "Scientific research and development" },
  "73": { sv: "Reklam och marknadsundersökning", en: "Advertising and market research" },
  "74": {
    sv: "Annan verksamhet inom juridik, ekonomi, vetenskap och teknik",
    en: "Other professional, scientific and technical activities",
  },
  "75": { sv: "Veterinärverksamhet", en: "Veterinary activities" },
  "77": { sv: "Uthyrning och leasing", en: "Rental and leasing activities" },
  "78": { sv: "Arbetsförmedling, bemanning och andra personalrelaterade tjänster", en: "Employment activities" },
  "79": {
    sv: "Resebyrå- och researrangörsverksamhet och andra resetjänster",
    en: "Travel agency, tour operator and other reservation services",
  },
  "80": { sv: "Säkerhets- och bevakningsverksamhet", en: "Security and investigation activities" },
  "81": {
    sv: "Fastighetsservice samt skötsel och underhåll av grönytor",
    en: "Services to buildings and landscape activities",
  },
  "82": {
    sv: "Kontorstjänster och andra företagstjänster",
    en: "Office administrative, office support and other business support activities",
  },
  "84": {
    sv: "Offentlig förvaltning och försvar; obligatorisk socialförsäkring",
    en: "Public administration and defence; compulsory social security",
  },
  "85": { sv: "Utbildning", en: "Education" },
  "86": { sv: "Hälso- och sjukvård", en: "Human health activities" },
  "87": { sv: "Vård och omsorg med boende", en: "Residential care activities" },
  "88": { sv: "Öppna sociala insatser", en: "Social work activities without accommodation" },
  "90": {
    sv: "Konstnärlig och kulturell verksamhet samt underhållning",
    en: "Creative, arts and entertainment activities",
  },
  "91": {
    sv: "Biblioteks-, arkiv- och museiverksamhet m.m.",
    en: "Libraries, archives, museums and other cultural activities",
  },
  "92": { sv: "Spel- och vadhållningsverksamhet", en: "Gambling and betting activities" },
  "93": { sv: "Sport-, fritids- och nöjesverksamhet", en: "Sports activities and amusement and recreation activities" },
  "94": { sv: "Intressebevakning; religiös verksamhet", en: "Activities of membership organisations" },
  "95": {
    sv: "Reparation av datorer, hushållsartiklar och personliga artiklar",
    en: "Repair of computers and personal and household goods",
  },
  "96": { sv: "Andra konsumenttjänster", en: "Other personal service activities" },
  "97": { sv: "Förvärvsarbete i hushåll", en: "Activities of households as employers of domestic personnel" },
  "98": {
    sv: "Hushållens produktion av diverse varor och tjänster för eget bruk",
    en: "Undifferentiated goods- and services-producing activities of households for own use",
  },
  "99": {
    sv: "Verksamhet vid internationella organisationer, utländska ambassader o.d.",
    en: "Activities of extraterritorial organisations and bodies",
  },
};

/** The division an SNI code belongs to, in words; null for a code of no known division. */
export function sniDivisionName(sniCode: string, locale: Locale): string | null {
  return SNI_DIVISIONS[sniCode.slice(0, 2)]?.[locale] ?? null;
}
