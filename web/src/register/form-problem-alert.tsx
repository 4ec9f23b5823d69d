import { Alert, List, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { ApiProblem } from "../api/api-problem";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";

interface FormProblemAlertProps {
  error: unknown;
  unplaced?: string[];
  /** A link to the record a conflict collided with, given its id. */
  existing?: (id: string) => ReactNode;
  /** The form itself found fields at fault and sent nothing. */
  invalid?: boolean;
}

/** What went wrong with a form as a whole; field faults are shown at their inputs. */
export function FormProblemAlert({ error, unplaced = [], existing, invalid = false }: FormProblemAlertProps) {
  const { t } = useI18n();
  if (invalid) {
    return (
      <Alert color="red" variant="light" role="alert">
        <Text size="sm">{t.errors.validation}</Text>
      </Alert>
    );
  }
  if (!error) return null;
  const existingId = error instanceof ApiProblem ? error.existingId : null;
  return (
    <Alert color="red" variant="light" role="alert">
      <Stack gap={6}>
        <Text size="sm">{problemMessage(error, t)}</Text>
        {unplaced.length > 0 && (
          <List size="sm" spacing={2}>
            {unplaced.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
        )}
        {existingId && existing?.(existingId)}
      </Stack>
    </Alert>
  );
}
