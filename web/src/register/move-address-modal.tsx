import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import { useI18n } from "../i18n/use-i18n";
import { DateField } from "../ui/date-field";
import { FormProblemAlert } from "./form-problem-alert";
import { formProblems } from "./form-problems";
import { useRefreshRegister } from "./queries";

interface Move {
  street: string;
  careOf: string;
  apartment: string;
  postalCode: string;
  city: string;
  /** YYYY-MM-DD; empty means today. */
  validFrom: string;
}

const EMPTY: Move = { street: "", careOf: "", apartment: "", postalCode: "", city: "", validFrom: "" };

// Checks of the whole body name plain fields, checks of the address name them under `address.`.
const FIELDS = ["address", "validFrom", "address.validFrom"].concat(
  ["street", "careOf", "apartment", "postalCode", "city"].flatMap((field) => [field, `address.${field}`]),
);

function toBody(move: Move) {
  const filled = (value: string) => value.trim() || undefined;
  return {
    street: filled(move.street),
    careOf: filled(move.careOf),
    apartment: filled(move.apartment),
    postalCode: filled(move.postalCode),
    city: filled(move.city),
    validFrom: filled(move.validFrom),
  };
}

interface MoveAddressProps {
  ownerPath: string;
  opened: boolean;
  onClose: () => void;
}

export function MoveAddressModal({ ownerPath, opened, onClose }: MoveAddressProps) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={t.address.moveTitle} size="lg">
      {opened && <MoveAddressForm ownerPath={ownerPath} onClose={onClose} />}
    </Modal>
  );
}

function MoveAddressForm({ ownerPath, onClose }: Omit<MoveAddressProps, "opened">) {
  const { t } = useI18n();
  const refreshRegister = useRefreshRegister();
  const [draft, setDraft] = useState(EMPTY);
  const move = useMutation({
    mutationFn: (input: Move) => api(`${ownerPath}/addresses`, { method: "POST", body: toBody(input) }),
    onSuccess: async () => {
      onClose();
      await refreshRegister();
    },
  });
  const update = (change: Partial<Move>) => setDraft((current) => ({ ...current, ...change }));
  const problems = formProblems(move.error, FIELDS, t);
  const at = (field: keyof Move) => problems.at(`address.${field}`, field);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    move.mutate(draft);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t.address.moveHint}
        </Text>
        <FormProblemAlert error={move.error} unplaced={problems.unplaced} />
        <TextInput
          label={t.address.street}
          value={draft.street}
          onChange={(event) => update({ street: event.currentTarget.value })}
          error={at("street") ?? problems.at("address")}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput
            label={t.address.careOf}
            value={draft.careOf}
            onChange={(event) => update({ careOf: event.currentTarget.value })}
            error={at("careOf")}
          />
          <TextInput
            label={t.address.apartment}
            value={draft.apartment}
            onChange={(event) => update({ apartment: event.currentTarget.value })}
            error={at("apartment")}
            inputMode="numeric"
          />
          <TextInput
            label={t.address.postalCode}
            value={draft.postalCode}
            onChange={(event) => update({ postalCode: event.currentTarget.value })}
            error={at("postalCode")}
            inputMode="numeric"
          />
          <TextInput
            label={t.address.city}
            value={draft.city}
            onChange={(event) => update({ city: event.currentTarget.value })}
            error={at("city")}
          />
          <DateField
            label={t.address.validFrom}
            description={t.address.validFromHint}
            value={draft.validFrom}
            onChange={(validFrom) => update({ validFrom })}
            error={at("validFrom")}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t.register.cancel}
          </Button>
          <Button type="submit" loading={move.isPending}>
            {t.address.move}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
