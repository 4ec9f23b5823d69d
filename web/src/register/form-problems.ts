import { type FieldMessages, fieldProblem, unplacedProblems } from "../i18n/problem-message";
import type { Messages } from "../i18n/sv";

/** Messages for codes whose meaning depends on the field, e.g. a badly written personnummer. */
function fieldMessages(t: Messages): Partial<Record<string, FieldMessages>> {
  const email = { invalid_format: t.fields.invalidEmail };
  // The API's own reasons for a date it cannot take; its generic range codes would otherwise
  // read "fill in the field" under a field that is filled in.
  const date = {
    invalid_type: t.fields.dateFormat,
    invalid_format: t.fields.dateFormat,
    too_small: t.fields.dateTooEarly,
    too_big: t.fields.dateTooLate,
  };
  return {
    personnummer: { invalid_format: t.fields.personnummerFormat, duplicate: t.fields.duplicatePerson },
    organisationsnummer: {
      invalid_format: t.fields.organisationsnummerFormat,
      invalid_group: t.fields.organisationsnummerGroup,
      duplicate: t.fields.duplicateOrganization,
    },
    // A Swedish VAT number given alone is the organisationsnummer's carrier, and a copy of one in the register.
    vatNumber: { duplicate: t.fields.duplicateOrganization },
    birthDate: { invalid_format: t.fields.dateFormat },
    validFrom: date,
    "address.validFrom": date,
    occurredAt: date,
    dueAt: date,
    website: { invalid_format: t.fields.website, invalid_url: t.fields.website },
    sniCode: { invalid_format: t.fields.sniCode },
    "emails.0.address": email,
    // A picker left empty sends no id at all, which the server calls a malformed one.
    personId: { invalid_format: t.fieldCodes.required },
    reason: { too_small: t.fields.reasonRequired },
    file: { required: t.fields.fileRequired, empty: t.fields.fileEmpty, too_large: t.fields.fileTooLarge },
  };
}

export interface FormProblems {
  /** The message for one input, by the field name the API uses, e.g. `emails.0.address`. */
  at(...fields: string[]): string | undefined;
  /** Messages for fields the form has no input for. */
  unplaced: string[];
}

/**
 * Maps a failed write's field errors onto a form. `fields` names every field the form shows, so
 * faults elsewhere are listed above the form rather than lost.
 */
export function formProblems(
  error: unknown,
  fields: readonly string[],
  t: Messages,
  /** Faults the form found itself before sending, by field: an error code as the server's. */
  local: Readonly<Record<string, string>> = {},
): FormProblems {
  const overrides = fieldMessages(t);
  // A custom field's fault is said for what it is ("at most 2 000 characters"), in the user's language.
  const customMessages: FieldMessages = { ...t.fieldCodes, ...t.customValueCodes };
  const messagesFor = (name: string) => overrides[name] ?? (name.startsWith("custom.") ? customMessages : undefined);
  return {
    at: (...names) => {
      for (const name of names) {
        const code = local[name];
        if (code) return messagesFor(name)?.[code] ?? t.fieldCodes.required;
        const message = fieldProblem(error, name, t, messagesFor(name));
        if (message) return message;
      }
      return undefined;
    },
    unplaced: unplacedProblems(error, fields, t),
  };
}
