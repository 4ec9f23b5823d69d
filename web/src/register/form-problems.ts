import { type FieldMessages, fieldProblem, unplacedProblems } from "../i18n/problem-message";
import type { Messages } from "../i18n/sv";

/** Messages for codes whose meaning depends on the field, e.g. a badly written personnummer. */
function fieldMessages(t: Messages): Partial<Record<string, FieldMessages>> {
  const email = { invalid_format: t.fields.invalidEmail };
  return {
    personnummer: { invalid_format: t.fields.personnummerFormat, duplicate: t.fields.duplicatePerson },
    organisationsnummer: {
      invalid_format: t.fields.organisationsnummerFormat,
      invalid_group: t.fields.organisationsnummerGroup,
      duplicate: t.fields.duplicateOrganization,
    },
    birthDate: { invalid_format: t.fields.dateFormat },
    validFrom: { invalid_format: t.fields.dateFormat, invalid_type: t.fields.dateFormat },
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
export function formProblems(error: unknown, fields: readonly string[], t: Messages): FormProblems {
  const overrides = fieldMessages(t);
  return {
    at: (...names) => {
      for (const name of names) {
        const message = fieldProblem(error, name, t, overrides[name]);
        if (message) return message;
      }
      return undefined;
    },
    unplaced: unplacedProblems(error, fields, t),
  };
}
