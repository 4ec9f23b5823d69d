import { Button, Divider, Group, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { formatDate } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";
import { MapPinIcon } from "../ui/icons";
import { SectionCard } from "../ui/section-card";
import { splitAddressHistory } from "./address-history";
import { addressLines } from "./address-lines";
import { MoveAddressModal } from "./move-address-modal";
import { useRecordWritable } from "./record-writable";
import { SourceNote } from "./source-note";
import type { Address } from "./types";

interface AddressCardProps {
  /** The record's API path, e.g. /api/people/{id}. */
  ownerPath: string;
  /** Newest first, current and earlier. */
  addresses: Address[];
}

/** The current address, and below it where the customer lived before: a move never overwrites. */
export function AddressCard({ ownerPath, addresses }: AddressCardProps) {
  const { t, locale } = useI18n();
  const [moving, mover] = useDisclosure(false);
  const writable = useRecordWritable();
  const { current, earlier } = splitAddressHistory(addresses);
  const showKind = current.length > 1;
  return (
    <SectionCard
      title={t.address.title}
      action={
        writable && (
          <Button size="compact-sm" variant="light" onClick={mover.open}>
            {current.length > 0 ? t.address.move : t.address.add}
          </Button>
        )
      }
    >
      <Stack gap="md">
        {current.length === 0 && (
          <Text size="sm" c="dimmed">
            {t.address.none}
          </Text>
        )}
        {current.map(({ address, since, sources }) => (
          <Group key={address.id} gap="sm" wrap="nowrap" align="flex-start" data-testid="current-address">
            <Text c="pine.7" mt={2} lh={0}>
              <MapPinIcon size={18} />
            </Text>
            <Stack gap={2}>
              {showKind && (
                <Text size="xs" c="dimmed" fw={600}>
                  {t.address.kinds[address.kind]}
                </Text>
              )}
              {addressLines(address).map((line) => (
                <Text key={line} size="sm" fw={500} lh={1.4}>
                  {line}
                </Text>
              ))}
              <Text size="xs" c="dimmed" mt={2}>
                {t.address.since(formatDate(since, locale))}
              </Text>
              {sources.map((source) => (
                <SourceNote key={`${source.system}-${source.externalId}-${source.receivedAt}`} source={source} />
              ))}
            </Stack>
          </Group>
        ))}
        {earlier.length > 0 && (
          <Stack gap="xs" role="group" aria-label={t.address.history}>
            <Divider />
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
              {t.address.history}
            </Text>
            {earlier.map((address) => (
              <Stack key={address.id} gap={0} pl={30}>
                <Text size="sm" c="dark.4">
                  {addressLines(address).join(", ")}
                </Text>
                <Text size="xs" c="dimmed">
                  {t.address.period(
                    formatDate(address.validFrom, locale),
                    formatDate(address.validTo ?? address.validFrom, locale),
                  )}
                </Text>
                <SourceNote source={address.source} />
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
      <MoveAddressModal ownerPath={ownerPath} opened={moving} onClose={mover.close} />
    </SectionCard>
  );
}
