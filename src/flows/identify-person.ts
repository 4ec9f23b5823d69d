import type { Ctx } from "../kernel/ctx";
import { AppError } from "../kernel/errors";
import { foldSwedish } from "../lib/se";
import { createPerson, resolvePersonRefs, type TCreatePersonInput } from "../modules/register";
import type { PersonFinder } from "../modules/tracking";

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

/** A tracking source's name as a lineage system, e.g. "Webbshop Åre" → `tracking:webbshop-are`. */
export function trackingSystem(sourceName: string): string {
  const slug = foldSwedish(sourceName.toLowerCase())
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `tracking:${slug || "source"}`;
}

/** Segment's reserved traits, and ours: `personnummer`. */
function namesOf(traits: Record<string, unknown>): { givenNames: string; surname: string } | null {
  const first = text(traits.firstName) ?? text(traits.first_name);
  const last = text(traits.lastName) ?? text(traits.last_name);
  if (first && last) return { givenNames: first, surname: last };
  const name = text(traits.name);
  if (!name) return null;
  const words = name.split(/\s+/);
  if (words.length < 2) return null;
  return { givenNames: words.slice(0, -1).join(" "), surname: words[words.length - 1] as string };
}

/**
 * Identity resolution for the tracking API: an identify names a person by the site's user id (kept
 * as an external id of the source), personnummer, e-mail or phone. When none is known and the
 * traits carry a name and a way to reach the person, the visitor is registered as interested.
 */
export const registerPersonFinder: PersonFinder = {
  async findOrCreatePerson(ctx: Ctx, { sourceName, userId, traits, create }) {
    const system = trackingSystem(sourceName);
    const email = text(traits.email);
    const phone = text(traits.phone);
    const personnummer = text(traits.personnummer);
    const [found] = await resolvePersonRefs(ctx, system, [
      { externalId: userId ?? undefined, email, phone, personnummer },
    ]);
    if (found) return { personId: found, created: false };
    const names = namesOf(traits);
    if (!create || !names || !(userId || email || phone || personnummer)) return null;
    const address =
      typeof traits.address === "object" && traits.address !== null ? (traits.address as Record<string, unknown>) : {};
    const input: TCreatePersonInput = {
      ...names,
      personnummer: personnummer ?? null,
      emails: email ? [{ address: email }] : [],
      phones: phone ? [{ number: phone }] : [],
      lifecycleStage: "interested",
      source: { system, externalId: userId ?? undefined },
      externalId: userId ?? undefined,
    };
    const street = text(address.street);
    const postalCode = text(address.postalCode) ?? text(address.postal_code);
    if (street && postalCode) {
      input.address = { street, postalCode, city: text(address.city), country: text(address.country) ?? "SE" };
    }
    try {
      const person = await createPerson(ctx, input);
      return { personId: person.id, created: true };
    } catch (error) {
      // Traits a site sends are not a form a person fills in: a malformed value must not cost the
      // batch its events. The visitor stays anonymous until a later identify says more.
      if (error instanceof AppError && error.code === "validation_failed") {
        ctx.log.info({ fields: error.fields }, "identify traits could not register a person");
        return null;
      }
      throw error;
    }
  },
};
