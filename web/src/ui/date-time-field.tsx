import { Box, Group, Input } from "@mantine/core";
import { type ComponentProps, type ReactNode, useId, useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { DateField } from "./date-field";
import { dateTimeProblem, joinDateTime, splitDateTime } from "./date-time-value";
import { parseTime } from "./parse-time";

type DateTimeFieldProps = Omit<ComponentProps<typeof DateField>, "value" | "onChange" | "id" | "inputContainer"> & {
  /** "YYYY-MM-DDTHH:mm", as a `datetime-local` input gives it; empty when nothing is given. */
  value: string | null | undefined;
  /** The same text, or "" once both halves are emptied; see `joinDateTime` for a half-filled field. */
  onChange: (value: string) => void;
  /** Text, so the time half can be named after the field. */
  label?: string;
  "aria-label"?: string;
  error?: ReactNode;
};

/**
 * A moment as a day and a 24-hour time. A browser's own `datetime-local` input writes it the way
 * its UI language does (mm/dd/yyyy and AM/PM on an English browser); this one follows the app.
 * The time is typed text rather than a native time input for the same reason. A day without a
 * time is not guessed at: the field says what is missing once the user leaves it or presses Enter.
 */
export function DateTimeField({ value, onChange, label, error, description, disabled, ...props }: DateTimeFieldProps) {
  const { t } = useI18n();
  const words = t.dateTimeField;
  const id = useId();
  const { day, time } = splitDateTime(value);
  // The time as typed, kept while the value is the one it made; "9.3" on its way to "9.30" is not yet a time.
  const [typed, setTyped] = useState({ value: value ?? "", time });
  const timeText = typed.value === (value ?? "") ? typed.time : time;
  const [focused, setFocused] = useState(false);
  const [enterPressed, setEnterPressed] = useState(false);

  const change = (nextDay: string, nextTime: string) => {
    const next = joinDateTime(nextDay, nextTime);
    setTyped({ value: next, time: nextTime });
    setEnterPressed(false);
    onChange(next);
  };
  const problem = dateTimeProblem(value);
  const shownError = (problem && (!focused || enterPressed) ? words[problem] : undefined) ?? error;
  const describedBy = [shownError && `${id}-error`, description && `${id}-description`].filter(Boolean).join(" ");
  const name = props["aria-label"] ?? label ?? "";

  return (
    // Focus events bubble through the calendar's portal in React, so moving into it is not leaving the field.
    <Box
      display="contents"
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onKeyDown={(event) => event.key === "Enter" && setEnterPressed(true)}
    >
      <DateField
        {...props}
        id={id}
        label={label}
        description={description}
        error={shownError}
        disabled={disabled}
        value={day}
        onChange={(nextDay) => change(nextDay, timeText)}
        inputContainer={(dateInput) => (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Box flex={1} miw={0}>
              {dateInput}
            </Box>
            <Input
              // The wrapper's ids belong to the day input; this one points to the same messages itself.
              withAria={false}
              id={`${id}-time`}
              aria-label={`${name}, ${words.time}`}
              aria-invalid={shownError ? true : undefined}
              aria-describedby={describedBy || undefined}
              error={Boolean(shownError)}
              disabled={disabled}
              placeholder={words.timePlaceholder}
              inputMode="numeric"
              autoComplete="off"
              value={timeText}
              onChange={(event) => change(day, event.currentTarget.value)}
              onBlur={() => {
                const time = parseTime(timeText);
                if (time && time !== timeText) setTyped({ value: value ?? "", time });
              }}
              w={80}
            />
          </Group>
        )}
      />
    </Box>
  );
}
