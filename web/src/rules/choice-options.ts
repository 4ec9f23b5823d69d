/**
 * Options for a Select over one of the server's fixed lists, in the reader's words. A value a newer
 * server saved that the app has no word for is offered as it is, so saving again keeps it.
 */
export function choiceOptions(
  choices: readonly string[],
  labels: Partial<Record<string, string>>,
  current: string,
): Array<{ value: string; label: string }> {
  const options = choices.map((value) => ({ value, label: labels[value] ?? value }));
  return choices.includes(current) ? options : [...options, { value: current, label: current }];
}
