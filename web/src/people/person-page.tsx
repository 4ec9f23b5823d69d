import { Grid, Stack } from "@mantine/core";
import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { MergedNotice } from "../duplicates/merged-notice";
import { PersonMergesCard } from "../duplicates/person-merges-card";
import { useI18n } from "../i18n/use-i18n";
import { AddressCard } from "../register/address-card";
import { ContactPointsCard } from "../register/contact-points-card";
import { CustomAttributesCard } from "../register/custom-attributes-card";
import { RecordWritableProvider } from "../register/record-writable";
import { PersonRuleDecisionsCard } from "../rules/person-rule-decisions-card";
import { PersonTimeline } from "../timeline/person-timeline";
import { BackLink } from "../ui/back-link";
import { BehaviourCard } from "./behaviour-card";
import { ChannelPreferencesCard } from "./channel-preferences-card";
import { ConsentsCard } from "./consents-card";
import { ErasedNotice } from "./erased-notice";
import { PersonHeader } from "./person-header";
import { personQuery } from "./queries";
import { RolesCard } from "./roles-card";

const personRoute = getRouteApi("/shell/people/$personId");

/** The 360° view: who the person is, how to reach them, and everything that happened. */
export function PersonPage() {
  const { t } = useI18n();
  const { personId } = personRoute.useParams();
  const person = useSuspenseQuery(personQuery(personId)).data;
  const ownerPath = `/api/people/${person.id}`;
  if (person.erasedAt) {
    // Nothing personal is left to show, and nothing may be written: the notice, the empty shell
    // and no cards (no duplicate suggestions, rule decisions or write actions).
    return (
      <RecordWritableProvider takesChanges={false} owner={person}>
        <Stack gap="lg" maw={1360}>
          <BackLink to="/people" label={t.person.back} />
          <ErasedNotice erasedAt={person.erasedAt} />
          <PersonHeader person={person} />
        </Stack>
      </RecordWritableProvider>
    );
  }
  return (
    <RecordWritableProvider takesChanges={!person.mergedInto && !person.erasedAt} owner={person}>
      <Stack gap="lg" maw={1360}>
        <BackLink to="/people" label={t.person.back} />
        {person.mergedInto && <MergedNotice survivorId={person.mergedInto} />}
        <PersonHeader person={person} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <ContactPointsCard ownerPath={ownerPath} emails={person.emails} phones={person.phones} removable />
              <ChannelPreferencesCard person={person} />
              <AddressCard ownerPath={ownerPath} addresses={person.addresses} />
              <RolesCard roles={person.roles} />
              {/* Keyed, so a check's result or an undo notice never carries over to the next person opened. */}
              <PersonMergesCard key={person.id} person={person} />
              <BehaviourCard personId={person.id} />
              <PersonRuleDecisionsCard personId={person.id} />
              <ConsentsCard person={person} />
              <CustomAttributesCard entity="person" values={person.custom} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <PersonTimeline personId={person.id} />
          </Grid.Col>
        </Grid>
      </Stack>
    </RecordWritableProvider>
  );
}
