/**
 * The mod-10 (Luhn) check digit over `length` ASCII digits of `digits` starting at `from`.
 * Weights alternate 2,1,2,… from the first digit because Swedish numbers have an odd payload
 * length (9 digits) in front of the check digit.
 */
export function luhnCheckDigit(digits: string, length: number, from = 0): number {
  let sum = 0;
  for (let i = 0; i < length; i++) {
    let d = digits.charCodeAt(from + i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last of the ten ASCII digits from `from` is the Luhn check digit of the nine before it. */
export function hasValidLuhn(digits: string, from = 0): boolean {
  return luhnCheckDigit(digits, 9, from) === digits.charCodeAt(from + 9) - 48;
}
