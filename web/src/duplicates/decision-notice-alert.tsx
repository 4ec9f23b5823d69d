import { Alert, Anchor, Text } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { useI18n } from "../i18n/use-i18n";
import { decisionNoticeStore, useDecisionNotice } from "./decision-notice";

/** Says what became of the pair just decided, with the way to the record that lives on. */
export function DecisionNoticeAlert() {
  const { t } = useI18n();
  const notice = useDecisionNotice();
  if (!notice) return null;
  const merged = notice.kind === "merged";
  return (
    <Alert
      color="pine"
      variant="light"
      title={merged ? t.duplicates.mergedTitle : t.duplicates.distinctTitle}
      withCloseButton
      closeButtonLabel={t.duplicates.dismiss}
      onClose={() => decisionNoticeStore.set(null)}
      role="status"
    >
      {merged ? (
        <Text size="sm">
          {t.duplicates.mergedText(notice.merged.name, notice.survivor.name)}{" "}
          <Anchor
            size="sm"
            fw={600}
            renderRoot={(props) => <Link to="/people/$personId" params={{ personId: notice.survivor.id }} {...props} />}
          >
            {t.duplicates.open(notice.survivor.name)}
          </Anchor>
        </Text>
      ) : (
        <Text size="sm">{t.duplicates.distinctText(notice.a.name, notice.b.name)}</Text>
      )}
    </Alert>
  );
}
