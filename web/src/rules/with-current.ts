/**
 * A current value not in the directory (a user deactivated or a team deleted since) is kept as an
 * option, named as such, so the rule shows what it still names instead of an empty field.
 */
export const withCurrent = (options: Array<{ value: string; label: string }>, current: string | null, label: string) =>
  current && !options.some((option) => option.value === current) ? [...options, { value: current, label }] : options;
