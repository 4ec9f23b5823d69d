import { useMemo } from "react";
import type { Organization } from "../register/types";
import { RecordTimeline } from "../timeline/person-timeline";
import { organizationTimelineQuery } from "./queries";

/**
 * What happened with the company, newest first: what was recorded on it and what its people did,
 * each person's entries named by the person.
 */
export function OrganizationTimeline({ organization }: { organization: Organization }) {
  const personNames = useMemo(
    () => new Map(organization.roles.map((role) => [role.personId, role.personName])),
    [organization.roles],
  );
  return (
    <RecordTimeline query={(filter) => organizationTimelineQuery(organization.id, filter)} personNames={personNames} />
  );
}
