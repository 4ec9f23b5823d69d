import { Button, CloseButton, Group, Modal, Pill } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/use-i18n";
import { PlusIcon } from "../ui/icons";
import { AddFilterForm } from "./add-filter-form";
import { describedFilters } from "./describe-list-filter";
import { filterFields } from "./filter-fields";
import { customAttributesQuery } from "./queries";

export interface ListFilterChange {
  filter?: string[] | undefined;
  consent?: string[] | undefined;
}

/**
 * A list's filters beyond search, stage and town: one pill for each, to remove it by, and a
 * dialog to add another on a custom attribute or (for people) a marketing consent. The list and
 * its CSV export apply them alike.
 */
export function ListFilterBar({
  entity,
  filters,
  consents,
  onChange,
}: {
  entity: "person" | "organization";
  filters: string[] | undefined;
  consents?: string[] | undefined;
  onChange: (change: ListFilterChange) => void;
}) {
  const { t, locale } = useI18n();
  const [adding, adder] = useDisclosure(false);
  const attributes = useQuery(customAttributesQuery(entity));
  const withConsents = entity === "person";
  const fields = filterFields(entity, attributes.data ?? [], t);
  const shown = describedFilters(filters, consents, fields, t, locale);
  const without = (list: string[] | undefined, text: string) => {
    const rest = (list ?? []).filter((each) => each !== text);
    return rest.length > 0 ? rest : undefined;
  };
  return (
    <Group gap="xs" wrap="wrap">
      {shown.length > 0 && (
        <Group gap="xs" wrap="wrap" role="list" aria-label={t.listFilters.active}>
          {shown.map((each) => (
            <Pill key={`${each.kind}:${each.text}`} size="md" withRemoveButton={false} role="listitem">
              <Group gap={4} wrap="nowrap">
                {each.words}
                <CloseButton
                  size="xs"
                  aria-label={t.listFilters.remove(each.words)}
                  onClick={() =>
                    onChange(
                      each.kind === "filter"
                        ? { filter: without(filters, each.text) }
                        : { consent: without(consents, each.text) },
                    )
                  }
                />
              </Group>
            </Pill>
          ))}
        </Group>
      )}
      <Button variant="subtle" size="compact-sm" leftSection={<PlusIcon size={14} />} onClick={adder.open}>
        {t.listFilters.add}
      </Button>
      <Modal opened={adding} onClose={adder.close} title={t.listFilters.add} size="sm">
        <AddFilterForm
          fields={filterFields(
            entity,
            (attributes.data ?? []).filter((attribute) => !attribute.retired),
            t,
          )}
          withConsents={withConsents}
          onAdd={(added) => {
            if ("filter" in added) onChange({ filter: [...new Set([...(filters ?? []), added.filter])] });
            else onChange({ consent: [...new Set([...(consents ?? []), added.consent])] });
            adder.close();
          }}
        />
      </Modal>
    </Group>
  );
}
