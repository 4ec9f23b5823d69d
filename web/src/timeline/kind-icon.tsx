import { type MantineColor, ThemeIcon } from "@mantine/core";
import type { ComponentType } from "react";
import { isTimelineKind, type TimelineKind } from "../register/types";
import {
  ActivityIcon,
  DocumentIcon,
  MailIcon,
  MeetingIcon,
  NoteIcon,
  OrderIcon,
  PhoneIcon,
  TaskIcon,
} from "../ui/icons";

const KIND_LOOKS: Record<TimelineKind, { icon: ComponentType<{ size?: number }>; color: MantineColor }> = {
  call: { icon: PhoneIcon, color: "blue" },
  meeting: { icon: MeetingIcon, color: "violet" },
  email: { icon: MailIcon, color: "cyan" },
  note: { icon: NoteIcon, color: "yellow" },
  task: { icon: TaskIcon, color: "orange" },
  document: { icon: DocumentIcon, color: "gray" },
  order: { icon: OrderIcon, color: "pine" },
  event: { icon: ActivityIcon, color: "indigo" },
  case: { icon: PhoneIcon, color: "red" },
  message: { icon: MailIcon, color: "teal" },
};

/** A kind a newer server adds still gets a bullet, in grey. */
export function KindIcon({ kind }: { kind: string }) {
  const look = isTimelineKind(kind) ? KIND_LOOKS[kind] : { icon: NoteIcon, color: "gray" };
  const Icon = look.icon;
  return (
    <ThemeIcon variant="light" color={look.color} radius="xl" size={34}>
      <Icon size={17} />
    </ThemeIcon>
  );
}
