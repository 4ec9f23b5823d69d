import { Button, Group, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { PersonLink } from "../events/person-link";
import { formatNumber, formatPercent } from "../i18n/format";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import type { Person } from "../register/types";
import { OutcomeBadge } from "./outcome-badge";
import { personCandidatesQuery } from "./queries";
import type { MatchResult, PairScore } from "./types";

interface MatchResultProps {
  /** As read again after the check, so a merge that folded this record away shows. */
  person: Person;
  result: MatchResult | null;
  error: Error | null;
  onClose: () => void;
}

/** What a check found: a merge made at once, the pairs now waiting for review, or nothing. */
export function MatchResultView({ person, result, error, onClose }: MatchResultProps) {
  const { t, locale } = useI18n();
  const pairs = useQuery(personCandidatesQuery(person.id)).data ?? [];
  const reviewOf = (score: PairScore) =>
    pairs.find((pair) => [pair.personA, pair.personB].sort().join() === [score.a, score.b].sort().join());
  const otherOf = (score: PairScore) => (score.a === person.id ? score.b : score.a);
  return (
    <Stack gap="md">
      {error && (
        <Text size="sm" c="red.7" role="alert">
          {problemMessage(error, t)}
        </Text>
      )}
      {result && (
        <>
          <Text size="sm" c="dimmed">
            {t.duplicates.matchCompared(formatNumber(result.compared, locale))}
          </Text>
          {result.merged &&
            (person.mergedInto === result.merged ? (
              <Text fw={500}>
                {t.duplicates.matchMergedAway}{" "}
                <PersonLink personId={result.merged} fallback={t.duplicates.unknownPerson} />
              </Text>
            ) : (
              <Text fw={500}>
                <PersonLink personId={result.merged} fallback={t.duplicates.unknownPerson} />{" "}
                {t.duplicates.matchMergedHere}
              </Text>
            ))}
          {result.scores.length === 0 ? (
            <Text fw={500}>{t.duplicates.matchNone}</Text>
          ) : (
            <>
              <Text fw={500}>{t.duplicates.matchQueued(result.queued)}</Text>
              <Table verticalSpacing="xs" aria-label={t.duplicates.matchTitle}>
                <Table.Tbody>
                  {result.scores.map((score) => {
                    const review = reviewOf(score);
                    const merged = result.merged === otherOf(score);
                    return (
                      <Table.Tr key={otherOf(score)}>
                        <Table.Td>
                          <PersonLink personId={otherOf(score)} fallback={t.duplicates.unknownPerson} />
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>
                          {formatPercent(score.probability, locale, 1)}
                        </Table.Td>
                        <Table.Td>
                          <OutcomeBadge outcome={score.outcome} />
                        </Table.Td>
                        <Table.Td ta="right">
                          {review ? (
                            <Button
                              size="compact-sm"
                              variant="light"
                              renderRoot={(props) => (
                                <Link
                                  to="/people/duplicates/$candidateId"
                                  params={{ candidateId: review.id }}
                                  {...props}
                                />
                              )}
                            >
                              {t.duplicates.review}
                            </Button>
                          ) : (
                            !merged && (
                              <Text size="xs" c="dimmed">
                                {t.duplicates.decidedBefore}
                              </Text>
                            )
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </>
          )}
        </>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t.duplicates.close}
        </Button>
        <Button renderRoot={(props) => <Link to="/people/duplicates" {...props} />}>{t.duplicates.openQueue}</Button>
      </Group>
    </Stack>
  );
}
