import { Chip, Group, Input, Text, TextInput } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import { givenNameWords } from "./given-name-segments";

export interface PreferredNameChoice {
  /** One of the given names, picked by clicking it. */
  preferredGivenName: string;
  /** The population register's two-digit marking, e.g. "20"; the other way to say the same. */
  preferredNameMarking: string;
}

interface PreferredNameInputProps {
  givenNames: string;
  value: PreferredNameChoice;
  onChange: (value: PreferredNameChoice) => void;
  errors: { preferredGivenName?: string; preferredNameMarking?: string };
}

/** Either way of naming the preferred name clears the other, so the two never disagree. */
export function PreferredNameInput({ givenNames, value, onChange, errors }: PreferredNameInputProps) {
  const { t } = useI18n();
  const words = givenNameWords(givenNames);
  return (
    <Input.Wrapper
      label={t.personForm.preferredName}
      description={t.personForm.preferredNameHint}
      error={errors.preferredGivenName ?? errors.preferredNameMarking}
    >
      <Group gap="xs" mt={6} align="center" wrap="wrap">
        {words.length > 0 && (
          <>
            <Chip.Group
              value={value.preferredGivenName}
              onChange={(word) => onChange({ preferredGivenName: word, preferredNameMarking: "" })}
            >
              {words.map((word) => (
                <Chip key={word} value={word} radius="sm" variant="outline">
                  {word}
                </Chip>
              ))}
            </Chip.Group>
            <Text size="sm" c="dimmed" mx={4}>
              {t.personForm.or}
            </Text>
          </>
        )}
        <TextInput
          aria-label={t.personForm.marking}
          leftSection={
            <Text size="sm" c="dimmed" pl={10}>
              {t.personForm.marking}
            </Text>
          }
          leftSectionWidth={92}
          placeholder={t.personForm.markingExample}
          value={value.preferredNameMarking}
          onChange={(event) => onChange({ preferredGivenName: "", preferredNameMarking: event.currentTarget.value })}
          error={Boolean(errors.preferredNameMarking)}
          inputMode="numeric"
          maxLength={4}
          w={160}
        />
      </Group>
    </Input.Wrapper>
  );
}
