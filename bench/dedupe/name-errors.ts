import { NICKNAMES } from "../../src/lib/se";

const LETTERS = "abcdefghijklmnoprstuvy";

/** One slip of the hand: a letter replaced, dropped, doubled in or two neighbours swapped. */
export function typo(random: () => number, word: string): string {
  if (word.length < 3) return word + LETTERS[Math.floor(random() * LETTERS.length)];
  // The first letter is seldom the one that goes wrong.
  const at = random() < 0.05 ? 0 : 1 + Math.floor(random() * (word.length - 1));
  const letter = casedLike(word[at] as string, LETTERS[Math.floor(random() * LETTERS.length)] as string);
  const kind = random();
  if (kind < 0.3) return word.slice(0, at) + letter + word.slice(at + 1);
  if (kind < 0.55) return word.slice(0, at) + word.slice(at + 1);
  if (kind < 0.8) return word.slice(0, at) + letter + word.slice(at);
  const from = Math.max(1, Math.min(at, word.length - 2));
  return word.slice(0, from) + word[from + 1] + word[from] + word.slice(from + 2);
}

function casedLike(model: string, letter: string): string {
  return model !== model.toLowerCase() ? letter.toUpperCase() : letter;
}

export function hasSwedishLetters(word: string): boolean {
  return /[åäöÅÄÖ]/u.test(word);
}

/** Å, Ä and Ö written without their marks or the old way, as aa, ae and oe. */
export function withoutSwedishLetters(random: () => number, word: string): string {
  const doubled = random() < 0.5;
  return word.replace(/[åäöÅÄÖ]/gu, (letter) => {
    const lower = letter.toLowerCase();
    const upper = letter !== lower;
    let plain = lower === "ö" ? "o" : "a";
    if (doubled) plain += lower === "å" ? "a" : "e";
    return upper ? plain.charAt(0).toUpperCase() + plain.slice(1) : plain;
  });
}

const NICKNAMES_OF = new Map<string, string[]>();
for (const [nickname, name] of Object.entries(NICKNAMES)) {
  const list = NICKNAMES_OF.get(name) ?? [];
  list.push(nickname.charAt(0).toUpperCase() + nickname.slice(1));
  NICKNAMES_OF.set(name, list);
}

export function nicknamesOf(name: string): readonly string[] {
  return NICKNAMES_OF.get(name) ?? [];
}
