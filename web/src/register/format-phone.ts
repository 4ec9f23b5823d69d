import { parsePhoneNumberFromString } from "libphonenumber-js/min";

/** Swedish numbers the way Swedes write them (070-123 45 67), others with their country code. */
export function formatPhone(e164: string): string {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return e164;
  return phone.country === "SE" ? phone.formatNational() : phone.formatInternational();
}
