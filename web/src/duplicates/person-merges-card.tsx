import { Alert, Anchor, Button, Divider, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { PersonLink } from "../events/person-link";
import { formatDateTime, formatPercent } from "../i18n/format";
import { useI18n } from "../i18n/use-i18n";
import { personQuery } from "../people/queries";
import { useNames } from "../register/directory";
import { useRecordOwnedElsewhere } from "../register/record-writable";
import type { Person } from "../register/types";
import { useCanWriteRegister } from "../register/use-can-write-register";
import { SectionCard } from "../ui/section-card";
import { FindDuplicatesButton } from "./find-duplicates-button";
import { personCandidatesQuery, personMergesQuery } from "./queries";
import type { MatchCandidate, Merge, UndoneMerge } from "./types";
import { UndoMergeButton } from "./undo-merge-button";

/** The person's open duplicate pairs and the merges they took part in, each merge with its undo. */
export function PersonMergesCard({ person }: { person: Person }) {
  const { t } = useI18n();
  const canWrite = useCanWriteRegister();
  // Not hidden when the record is merged away meanwhile: the check's own dialog says where it went.
  const ownedElsewhere = useRecordOwnedElsewhere();
  const merges = useQuery(personMergesQuery(person.id));
  const pairs = useQuery(personCandidatesQuery(person.id));
  const [undone, setUndone] = useState<UndoneMerge | null>(null);
  const openPairs = pairs.data ?? [];
  const mergeList = merges.data ?? [];
  const loaded = merges.isSuccess && pairs.isSuccess;
  return (
    <SectionCard title={t.duplicates.mergesTitle}>
      <Stack gap="md">
        {undone && (
          <Alert
            color="pine"
            variant="light"
            withCloseButton
            closeButtonLabel={t.duplicates.dismiss}
            onClose={() => setUndone(null)}
            role="status"
          >
            <UndoneText undone={undone} personId={person.id} />
          </Alert>
        )}
        {openPairs.length > 0 && (
          <Stack gap="xs" role="group" aria-label={t.duplicates.openPairs}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
              {t.duplicates.openPairs}
            </Text>
            {openPairs.map((pair) => (
              <OpenPair key={pair.id} pair={pair} personId={person.id} />
            ))}
            {mergeList.length > 0 && <Divider />}
          </Stack>
        )}
        {loaded && openPairs.length === 0 && mergeList.length === 0 && (
          <Text size="sm" c="dimmed">
            {t.duplicates.noMerges}
          </Text>
        )}
        {mergeList.map((merge) => (
          <MergeEntry key={merge.id} merge={merge} personId={person.id} canWrite={canWrite} onUndone={setUndone} />
        ))}
        {/* In the card's body, not its header: the column is too narrow for the title and the button side by side. */}
        {/* The check may merge this record: it needs the right to change it, as the server says. */}
        {canWrite && !ownedElsewhere && <FindDuplicatesButton person={person} available={!person.mergedInto} />}
      </Stack>
    </SectionCard>
  );
}

function OpenPair({ pair, personId }: { pair: MatchCandidate; personId: string }) {
  const { t, locale } = useI18n();
  const otherId = pair.personA === personId ? pair.personB : pair.personA;
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Group gap="xs" wrap="nowrap" miw={0}>
        <PersonLink personId={otherId} fallback={t.duplicates.unknownPerson} />
        <Text span size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
          {formatPercent(pair.probability, locale, 1)}
        </Text>
      </Group>
      <Button
        size="compact-sm"
        variant="light"
        renderRoot={(props) => (
          <Link to="/people/duplicates/$candidateId" params={{ candidateId: pair.id }} {...props} />
        )}
      >
        {t.duplicates.review}
      </Button>
    </Group>
  );
}

interface MergeEntryProps {
  merge: Merge;
  personId: string;
  canWrite: boolean;
  onUndone: (undone: UndoneMerge) => void;
}

function MergeEntry({ merge, personId, canWrite, onUndone }: MergeEntryProps) {
  const { t, locale } = useI18n();
  const names = useNames(t);
  const survived = merge.survivorId === personId;
  const mergedBy =
    merge.decidedBy === "person" && merge.mergedByUser && names
      ? t.duplicates.mergedByUser(names.user(merge.mergedByUser))
      : t.duplicates.mergedBy[merge.decidedBy];
  const otherId = survived ? merge.mergedId : merge.survivorId;
  const other = useQuery({ ...personQuery(otherId), staleTime: 5 * 60_000 }).data;
  const otherName = other ? `${other.greetingName} ${other.surname}` : t.duplicates.unknownPerson;
  const restoredName = survived ? otherName : t.duplicates.thisRecord;
  return (
    <Stack gap={4} data-testid="merge-entry">
      <Text size="sm">
        {survived ? (
          <>
            <PersonLink personId={otherId} fallback={t.duplicates.unknownPerson} /> {t.duplicates.mergedHere}
          </>
        ) : (
          <>
            {t.duplicates.mergedAway} <PersonLink personId={otherId} fallback={t.duplicates.unknownPerson} />
          </>
        )}
      </Text>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t.duplicates.mergedOn(formatDateTime(merge.mergedAt, locale), mergedBy)}
          </Text>
          {merge.undoneAt && (
            <Text size="xs" fw={600} c="dark.4">
              {merge.undoneBy && names
                ? t.duplicates.undoneBy(formatDateTime(merge.undoneAt, locale), names.user(merge.undoneBy))
                : t.duplicates.undone(formatDateTime(merge.undoneAt, locale))}
            </Text>
          )}
        </Stack>
        {!merge.undoneAt && canWrite && (
          <UndoMergeButton merge={merge} restoredName={restoredName} onUndone={onUndone} />
        )}
      </Group>
    </Stack>
  );
}

/** Who is a record of their own again, linked unless it is the page's own person. */
function UndoneText({ undone, personId }: { undone: UndoneMerge; personId: string }) {
  const { t } = useI18n();
  const restored = useQuery(personQuery(undone.restoredId)).data;
  const name = restored ? `${restored.greetingName} ${restored.surname}` : t.duplicates.unknownPerson;
  return (
    <Text size="sm">
      {t.duplicates.undoneNotice(name)}{" "}
      {undone.restoredId !== personId && (
        <Anchor
          size="sm"
          fw={600}
          renderRoot={(props) => <Link to="/people/$personId" params={{ personId: undone.restoredId }} {...props} />}
        >
          {t.duplicates.open(name)}
        </Anchor>
      )}
    </Text>
  );
}
