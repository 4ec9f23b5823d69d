import { useLocalStorage } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/use-i18n";
import { type OptionalColumn, optionalColumns, shownColumns } from "./list-columns";
import { customAttributesQuery } from "./queries";

export interface ListColumns {
  /** Every column the user may add to the list. */
  available: OptionalColumn[];
  /** Those the user has chosen, and the one the list is ordered by, in the list's order. */
  shown: OptionalColumn[];
  /** Shows or hides a column. */
  toggle: (id: string, show: boolean) => void;
}

/**
 * The optional columns of a list, and which of them this browser shows: a seller who wants
 * *Kundnivå* beside every name chooses it once, not on every visit. The column the list is
 * ordered by is shown too, so a link to a list ordered by tier shows the tier.
 */
export function useListColumns(entity: "person" | "organization", sort: string | undefined): ListColumns {
  const { t } = useI18n();
  const attributes = useQuery(customAttributesQuery(entity));
  const [chosen, setChosen] = useLocalStorage<string[]>({
    key: `lanthandel.list-columns.${entity}`,
    defaultValue: [],
    getInitialValueInEffect: false,
  });
  const available = optionalColumns(entity, attributes.data ?? [], t);
  return {
    available,
    shown: shownColumns(available, [
      ...(Array.isArray(chosen) ? chosen : []),
      ...(sort ? [sort.replace(/^-/, "")] : []),
    ]),
    toggle: (id, show) =>
      setChosen((current) => {
        const rest = (Array.isArray(current) ? current : []).filter((each) => each !== id);
        return show ? [...rest, id] : rest;
      }),
  };
}
