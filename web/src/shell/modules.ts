import type { Messages } from "../i18n/sv";

export type ModuleKey = keyof Messages["modules"];

export interface ModuleEntry {
  key: ModuleKey;
  path: string;
  adminOnly?: boolean;
  /** Not built yet: its page says so, and the overview marks it. */
  coming?: boolean;
}

export const MODULES = [
  { key: "overview", path: "/" },
  { key: "people", path: "/people" },
  { key: "organizations", path: "/organizations" },
  { key: "events", path: "/events" },
  { key: "rules", path: "/rules" },
  { key: "sales", path: "/sales", coming: true },
  { key: "campaigns", path: "/campaigns", coming: true },
  { key: "cases", path: "/cases", coming: true },
  { key: "journey", path: "/journey", coming: true },
  { key: "admin", path: "/admin", adminOnly: true },
] as const satisfies readonly ModuleEntry[];

export type ModulePath = (typeof MODULES)[number]["path"];
