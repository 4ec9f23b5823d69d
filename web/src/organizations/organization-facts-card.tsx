import { Anchor, DataList, Stack } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { formatKronor, formatNumber } from "../i18n/format";
import { sniDivisionName } from "../i18n/sni-divisions";
import { useI18n } from "../i18n/use-i18n";
import { ContactTimes } from "../register/contact-times";
import { formatOrganisationsnummer } from "../register/format-identity";
import type { Organization, OrganizationRef } from "../register/types";
import { SectionCard } from "../ui/section-card";

function OrganizationLink({ organization }: { organization: OrganizationRef }) {
  return (
    <Anchor
      size="sm"
      renderRoot={(props) => (
        <Link to="/organizations/$organizationId" params={{ organizationId: organization.id }} {...props} />
      )}
    >
      {organization.name}
    </Anchor>
  );
}

/**
 * Each label above its value: the card is a third of the page, too narrow for a long label and a
 * VAT number side by side. Words wrap inside a value; identifiers never do.
 */
export function OrganizationFactsCard({ organization }: { organization: Organization }) {
  const { t, locale } = useI18n();
  const none = t.register.none;
  const division = organization.sniCode ? sniDivisionName(organization.sniCode, locale) : null;
  const sni = [
    organization.sniCode && (division ? `${organization.sniCode} – ${division}` : organization.sniCode),
    organization.industry,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <SectionCard title={t.organization.facts}>
      <DataList size="sm" orientation="vertical" withDivider>
        <FactRow label={t.organization.organisationsnummer}>
          {organization.organisationsnummer ? (
            <Identifier>{formatOrganisationsnummer(organization.organisationsnummer)}</Identifier>
          ) : (
            none
          )}
        </FactRow>
        <FactRow label={t.organization.legalForm}>{organization.legalForm ?? none}</FactRow>
        <FactRow label={t.organization.vatNumber}>
          {organization.vatNumber ? <Identifier>{organization.vatNumber}</Identifier> : none}
        </FactRow>
        <FactRow label={t.organization.sni}>{sni || none}</FactRow>
        <FactRow label={t.organization.employees}>
          {organization.employees === null ? none : formatNumber(organization.employees, locale)}
        </FactRow>
        <FactRow label={t.organization.revenue}>
          {organization.revenueSek === null ? none : formatKronor(organization.revenueSek, locale)}
        </FactRow>
        <FactRow label={t.organization.website}>
          {organization.website ? (
            <Anchor
              href={organization.website}
              target="_blank"
              rel="noreferrer"
              size="sm"
              style={{ overflowWrap: "anywhere" }}
            >
              {organization.website.replace(/^https?:\/\//, "")}
            </Anchor>
          ) : (
            none
          )}
        </FactRow>
        <FactRow label={t.person.lastContact}>
          <ContactTimes last={organization.lastContactAt} next={organization.nextContactAt} />
        </FactRow>
        <FactRow label={t.organization.parent}>
          {organization.parent ? <OrganizationLink organization={organization.parent} /> : none}
        </FactRow>
        <FactRow label={t.organization.subsidiaries}>
          {organization.subsidiaries.length > 0 ? (
            <Stack gap={2}>
              {organization.subsidiaries.map((subsidiary) => (
                <OrganizationLink key={subsidiary.id} organization={subsidiary} />
              ))}
              <Anchor
                size="xs"
                mt={4}
                renderRoot={(props) => <Link to="/organizations" search={{ group: organization.id }} {...props} />}
              >
                {t.organizations.group.show}
              </Anchor>
            </Stack>
          ) : (
            none
          )}
        </FactRow>
      </DataList>
    </SectionCard>
  );
}

/** An organisationsnummer or VAT number reads as one token: never broken at its hyphen. */
function Identifier({ children }: { children: string }) {
  return <span style={{ whiteSpace: "nowrap" }}>{children}</span>;
}

function FactRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
