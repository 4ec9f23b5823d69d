/** Where the sign-in page sends the user afterwards; the overview needs no mention. */
export function signInSearch(returnTo: string): { redirect?: string } {
  return returnTo === "/" ? {} : { redirect: returnTo };
}
