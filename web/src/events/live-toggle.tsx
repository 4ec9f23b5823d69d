import { Box, Button, Group, Text, Tooltip } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import { PauseIcon, PlayIcon } from "../ui/icons";

/** Whether a view keeps asking for new events; paused, what is on screen holds still to be read. */
export function LiveToggle({ live, onChange }: { live: boolean; onChange: (live: boolean) => void }) {
  const { t } = useI18n();
  return (
    <Group gap="sm" wrap="nowrap">
      <Tooltip label={t.events.liveHint} disabled={!live} withArrow>
        <Group gap={6} wrap="nowrap" data-testid="live-status">
          <Box w={8} h={8} bg={live ? "pine.6" : "gray.5"} style={{ borderRadius: "50%" }} aria-hidden="true" />
          <Text size="sm" c={live ? "pine.8" : "dimmed"} fw={500}>
            {live ? t.events.live : t.events.paused}
          </Text>
        </Group>
      </Tooltip>
      <Button
        size="xs"
        variant="default"
        leftSection={live ? <PauseIcon size={14} /> : <PlayIcon size={14} />}
        onClick={() => onChange(!live)}
      >
        {live ? t.events.pause : t.events.resume}
      </Button>
    </Group>
  );
}
