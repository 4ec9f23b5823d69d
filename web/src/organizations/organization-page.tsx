import { Grid, Stack } from "@mantine/core";
import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useI18n } from "../i18n/use-i18n";
import { AddressCard } from "../register/address-card";
import { ContactPointsCard } from "../register/contact-points-card";
import { CustomAttributesCard } from "../register/custom-attributes-card";
import { RecordWritableProvider } from "../register/record-writable";
import { BackLink } from "../ui/back-link";
import { OrganizationFactsCard } from "./organization-facts-card";
import { OrganizationHeader } from "./organization-header";
import { OrganizationPeopleCard } from "./organization-people-card";
import { OrganizationTimeline } from "./organization-timeline";
import { organizationQuery } from "./queries";

const organizationRoute = getRouteApi("/shell/organizations/$organizationId");

export function OrganizationPage() {
  const { t } = useI18n();
  const { organizationId } = organizationRoute.useParams();
  const organization = useSuspenseQuery(organizationQuery(organizationId)).data;
  const ownerPath = `/api/organizations/${organization.id}`;
  return (
    <RecordWritableProvider takesChanges owner={organization}>
      <Stack gap="lg" maw={1360}>
        <BackLink to="/organizations" label={t.organization.back} />
        <OrganizationHeader organization={organization} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <OrganizationFactsCard organization={organization} />
              <CustomAttributesCard entity="organization" values={organization.custom} />
              <ContactPointsCard
                ownerPath={ownerPath}
                emails={organization.emails}
                phones={organization.phones}
                removable={false}
              />
              <AddressCard ownerPath={ownerPath} addresses={organization.addresses} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="lg">
              <OrganizationPeopleCard organization={organization} />
              <OrganizationTimeline organization={organization} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </RecordWritableProvider>
  );
}
