import { DateInput, type DateInputProps } from "@mantine/dates";
import { useState } from "react";
import { useI18n } from "../i18n/use-i18n";
import { parseIsoDate } from "./parse-iso-date";

type DateFieldProps = Omit<
  DateInputProps,
  "value" | "defaultValue" | "onChange" | "valueFormat" | "dateParser" | "popoverProps"
> & {
  /** YYYY-MM-DD; empty or null when no day is chosen. */
  value: string | null | undefined;
  /** YYYY-MM-DD, or "" once the field is emptied. */
  onChange: (value: string) => void;
};

/**
 * A calendar day, typed as YYYY-MM-DD or picked in a calendar. A browser's own date input
 * writes the day the way its UI language does (mm/dd/yyyy on an English browser); this one
 * follows the app's language, set by the DatesProvider around the app.
 */
export function DateField({ value, onChange, ...props }: DateFieldProps) {
  const { t } = useI18n();
  const [calendarOpen, setCalendarOpen] = useState(false);
  const words = t.dateField;
  return (
    <DateInput
      placeholder={words.placeholder}
      // Emptying the field clears the day, as a browser's date input lets one.
      clearable
      allowDeselect
      clearButtonProps={{ "aria-label": words.clear }}
      // Today is marked, as a browser's own date picker marks it.
      highlightToday
      // Swedish writes month names in lower case ("december 2026"); the library capitalises them.
      styles={{ calendarHeaderLevel: { textTransform: "none" } }}
      ariaLabels={{
        previousMonth: words.previousMonth,
        nextMonth: words.nextMonth,
        previousYear: words.previousYear,
        nextYear: words.nextYear,
        previousDecade: words.previousDecade,
        nextDecade: words.nextDecade,
      }}
      {...props}
      valueFormat="YYYY-MM-DD"
      dateParser={parseIsoDate}
      value={value || null}
      onChange={(day) => onChange(day ?? "")}
      popoverProps={{ onOpen: () => setCalendarOpen(true), onClose: () => setCalendarOpen(false) }}
      // Escape closes the open calendar only, not the dialog or drawer the field sits in.
      data-mantine-stop-propagation={calendarOpen || undefined}
    />
  );
}
