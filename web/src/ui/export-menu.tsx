import { Button, Menu } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import { DownloadIcon } from "./icons";

/** How the server writes the file: Swedish Excel's semicolons and decimal commas, or plain CSV. */
export type CsvSeparator = "semicolon" | "comma";

/**
 * The list's export button. Swedish Excel opens a comma-separated file as one column, so the
 * choice is offered where the file is asked for, Excel's first.
 */
export function ExportMenu({ label, href }: { label: string; href: (separator: CsvSeparator) => string }) {
  const { t } = useI18n();
  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        <Button variant="default" leftSection={<DownloadIcon size={16} />}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={href("semicolon")} download>
          {t.register.csvForExcel}
        </Menu.Item>
        <Menu.Item component="a" href={href("comma")} download>
          {t.register.csvPlain}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
