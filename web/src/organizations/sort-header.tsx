import { Table, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";
import type { OrganizationsSort } from "./organizations-search";

type SortField = "name" | "employees" | "revenueSek" | "people";

interface SortHeaderProps {
  field: SortField;
  sort: OrganizationsSort | undefined;
  onSort: (sort: OrganizationsSort) => void;
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
  const next = (active ? !descending : firstDescending) ? (`-${field}` as OrganizationsSort) : field;
  return (
    <Table.Th ta={align} aria-sort={active ? (descending ? "descending" : "ascending") : "none"}>
      <UnstyledButton fw={700} fz="sm" style={{ whiteSpace: "nowrap" }} onClick={() => onSort(next)}>
        {children}
        {active ? (descending ? " ↓" : " ↑") : ""}
      </UnstyledButton>
    </Table.Th>
  );
}
