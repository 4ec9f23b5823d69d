import { lineageFromColumns } from "./lineage";
import type { addresses, emails, phones } from "./schema";
import type { TAddress } from "./views";

export function addressView(address: typeof addresses.$inferSelect): TAddress {
  return {
    id: address.id,
    kind: address.kind,
    street: address.street,
    careOf: address.careOf,
    box: address.box,
    apartment: address.apartment,
    postalCode: address.postalCode,
    city: address.city,
    country: address.country,
    validFrom: address.validFrom,
    validTo: address.validTo,
    source: lineageFromColumns(address),
  };
}

export function emailView(email: typeof emails.$inferSelect) {
  return {
    id: email.id,
    address: email.address,
    kind: email.kind,
    isPrimary: email.isPrimary,
    source: lineageFromColumns(email),
  };
}

export function phoneView(phone: typeof phones.$inferSelect) {
  return {
    id: phone.id,
    e164: phone.e164,
    type: phone.type,
    kind: phone.kind,
    isPrimary: phone.isPrimary,
    source: lineageFromColumns(phone),
  };
}
