/** Puts an input's hint under it instead of over it, so inputs side by side stay level whatever their hints. */
export const HINT_BELOW: Array<"label" | "input" | "description" | "error"> = [
  "label",
  "input",
  "description",
  "error",
];
