import { ActionIcon, Anchor, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { api } from "../api/api";
import { useI18n } from "../i18n/use-i18n";
import { CloseIcon, MailIcon, PhoneIcon, PlusIcon } from "../ui/icons";
import { SectionCard } from "../ui/section-card";
import { AddContactPointForm, type ContactPointKind } from "./add-contact-point-form";
import { formatPhone } from "./format-phone";
import { useRefreshRegister } from "./queries";
import { useRecordWritable } from "./record-writable";
import { SourceNote } from "./source-note";
import type { EmailPoint, PhonePoint } from "./types";

interface ContactPointsCardProps {
  /** The record's API path, e.g. /api/people/{id}. */
  ownerPath: string;
  emails: EmailPoint[];
  phones: PhonePoint[];
  /** Whether the API lets this kind of record remove contact points. */
  removable: boolean;
}

export function ContactPointsCard({ ownerPath, emails, phones, removable: removableHere }: ContactPointsCardProps) {
  const writable = useRecordWritable();
  const removable = removableHere && writable;
  const { t } = useI18n();
  const [adding, setAdding] = useState<ContactPointKind | null>(null);
  return (
    <SectionCard title={t.contact.title}>
      <Stack gap="lg">
        <ContactGroup
          label={t.contact.emails}
          empty={t.contact.noEmails}
          addLabel={t.contact.addEmail}
          onAdd={() => setAdding("email")}
          form={
            adding === "email" && (
              <AddContactPointForm kind="email" ownerPath={ownerPath} onDone={() => setAdding(null)} />
            )
          }
        >
          {emails.map((email) => (
            <ContactPointRow
              key={email.id}
              icon={<MailIcon size={16} />}
              value={email.address}
              href={`mailto:${email.address}`}
              detail={t.register.contactKinds[email.kind]}
              primary={email.isPrimary && emails.length > 1}
              source={<SourceNote source={email.source} />}
              removePath={removable ? `${ownerPath}/emails/${email.id}` : null}
            />
          ))}
        </ContactGroup>
        <ContactGroup
          label={t.contact.phones}
          empty={t.contact.noPhones}
          addLabel={t.contact.addPhone}
          onAdd={() => setAdding("phone")}
          form={
            adding === "phone" && (
              <AddContactPointForm kind="phone" ownerPath={ownerPath} onDone={() => setAdding(null)} />
            )
          }
        >
          {phones.map((phone) => (
            <ContactPointRow
              key={phone.id}
              icon={<PhoneIcon size={16} />}
              value={formatPhone(phone.e164)}
              href={`tel:${phone.e164}`}
              detail={`${t.register.phoneTypes[phone.type]}, ${t.register.contactKinds[phone.kind]}`}
              primary={phone.isPrimary && phones.length > 1}
              source={<SourceNote source={phone.source} />}
              removePath={removable ? `${ownerPath}/phones/${phone.id}` : null}
            />
          ))}
        </ContactGroup>
      </Stack>
    </SectionCard>
  );
}

interface ContactGroupProps {
  label: string;
  empty: string;
  addLabel: string;
  onAdd: () => void;
  form: ReactNode;
  children: ReactNode[];
}

function ContactGroup({ label, empty, addLabel, onAdd, form, children }: ContactGroupProps) {
  const writable = useRecordWritable();
  return (
    <Stack gap={8} role="group" aria-label={label}>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
          {label}
        </Text>
        {!form && writable && (
          <Button size="compact-xs" variant="subtle" leftSection={<PlusIcon size={14} />} onClick={onAdd}>
            {addLabel}
          </Button>
        )}
      </Group>
      {children.length === 0 && !form && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {children}
      {form}
    </Stack>
  );
}

interface ContactPointRowProps {
  icon: ReactNode;
  value: string;
  href: string;
  detail: string;
  primary: boolean;
  source: ReactNode;
  removePath: string | null;
}

function ContactPointRow({ icon, value, href, detail, primary, source, removePath }: ContactPointRowProps) {
  const { t } = useI18n();
  const refreshRegister = useRefreshRegister();
  const remove = useMutation({
    mutationFn: (path: string) => api(path, { method: "DELETE" }),
    onSuccess: refreshRegister,
  });
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Text c="dimmed" mt={2} lh={0}>
        {icon}
      </Text>
      <Stack gap={0} flex={1} miw={0}>
        <Group gap={6} wrap="nowrap">
          <Anchor href={href} size="sm" fw={500} truncate>
            {value}
          </Anchor>
          {primary && (
            <Badge size="xs" variant="light" color="gray" radius="sm" tt="none">
              {t.register.primary}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {detail} · {source}
        </Text>
      </Stack>
      {removePath && (
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label={t.contact.remove(value)}
          loading={remove.isPending}
          onClick={() => remove.mutate(removePath)}
        >
          <CloseIcon size={14} />
        </ActionIcon>
      )}
    </Group>
  );
}
