import type { Address } from "./types";

/** The lines of an address as on an envelope: c/o, street and flat, box, postcode and town, country. */
export function addressLines(address: Address): string[] {
  const lines: string[] = [];
  if (address.careOf) lines.push(`c/o ${address.careOf}`);
  if (address.street) lines.push(address.apartment ? `${address.street}, lgh ${address.apartment}` : address.street);
  if (address.box) lines.push(`Box ${address.box}`);
  const town = [address.postalCode, address.city].filter(Boolean).join(" ");
  if (town) lines.push(town);
  if (address.country !== "SE") lines.push(address.country);
  return lines;
}
