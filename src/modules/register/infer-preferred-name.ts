import { foldSwedish, givenNameParts, greetingName } from "../../lib/se";

/**
 * What a merge can learn about the name a person goes by. A record holding all the given names
 * without a marking greets by the first, uncertainly; when the other record of the same person
 * holds only one name, and that name is one of the later given names, that is the name the person
 * gave: nobody writes down "Stig" for Karl Stig Emanuel unless he goes by Stig. A single first
 * name says nothing — forms take the first given name all the time — so it is not used.
 * Returns the marking (positions, as the population register counts them) and the greeting, or
 * null when there is nothing to learn.
 */
export function inferPreferredName(
  givenNames: string,
  preferredParts: readonly number[] | null,
  otherGivenNames: string,
): { parts: number[]; greeting: string } | null {
  if (preferredParts && preferredParts.length > 0) return null;
  const parts = givenNameParts(givenNames).map(foldSwedish);
  const other = otherGivenNames.trim();
  if (parts.length < 2 || other === "" || /\s/.test(other)) return null;
  const wanted = givenNameParts(other).map(foldSwedish);
  for (let start = 1; start + wanted.length <= parts.length; start++) {
    if (wanted.every((part, offset) => parts[start + offset] === part)) {
      const positions = wanted.map((_, offset) => start + offset + 1);
      return { parts: positions, greeting: greetingName(givenNames, positions).name };
    }
  }
  return null;
}
