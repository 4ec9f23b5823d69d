import type { FieldDef } from "./field-def";

/** The fields conditions may name, each registered once by the module that owns it. */
export class FieldRegistry {
  readonly #fields = new Map<string, FieldDef>();

  register(def: FieldDef): void {
    if (!def.key) throw new Error("A rule field needs a key");
    // A second definition would silently change what existing rules mean.
    if (this.#fields.has(def.key)) throw new Error(`Rule field "${def.key}" is already registered`);
    if (def.type === "choice" && def.choices?.length === 0) {
      throw new Error(`Rule field "${def.key}" is a choice with no choices`);
    }
    this.#fields.set(def.key, def);
  }

  get(key: string): FieldDef | undefined {
    return this.#fields.get(key);
  }

  /** In registration order, which is the order the builder offers them. */
  list(): FieldDef[] {
    return [...this.#fields.values()];
  }
}
