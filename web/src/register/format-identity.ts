/** sv: 19121212-1212; the register keeps all twelve digits, so the century is never guessed. */
export function formatPersonnummer(personnummer: string): string {
  return /^\d{12}$/.test(personnummer) ? `${personnummer.slice(0, 8)}-${personnummer.slice(8)}` : personnummer;
}

/** 556036-0793 */
export function formatOrganisationsnummer(organisationsnummer: string): string {
  return /^\d{10}$/.test(organisationsnummer)
    ? `${organisationsnummer.slice(0, 6)}-${organisationsnummer.slice(6)}`
    : organisationsnummer;
}
