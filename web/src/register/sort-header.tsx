import { Table, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";

interface SortHeaderProps {
  /** As the API's `sort` names it: `name`, `employees`, `custom.kundniva`. */
  field: string;
  /** The list's order, e.g. `-employees`; by name when absent; "" when a search ranks it. */
  sort: string | undefined;
  onSort: (sort: string) => void;
  /** The order a first click gives: numbers largest first, names from A. */
  firstDescending?: boolean;
  align?: "left" | "right";
  children: ReactNode;
}

/** A column header that orders the list by its column; a second click turns the order round. */
export function SortHeader({
  field,
  sort,
  onSort,
  firstDescending = false,
  align = "left",
  children,
}: SortHeaderProps) {
  const current = sort ?? "name";
  const active = current.replace(/^-/, "") === field;
  const descending = active && current.startsWith("-");
  const next = (active ? !descending : firstDescending) ? `-${field}` : field;
  return (
    <Table.Th ta={align} aria-sort={active ? (descending ? "descending" : "ascending") : "none"}>
      <UnstyledButton fw={700} fz="sm" style={{ whiteSpace: "nowrap" }} onClick={() => onSort(next)}>
        {children}
        {active ? (descending ? " ↓" : " ↑") : ""}
      </UnstyledButton>
    </Table.Th>
  );
}
