import { Anchor } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { personQuery } from "../people/queries";

/**
 * A person named by id only, as events and conflicts name them. The name is read from the
 * person's own record, which the person page caches too; until then the link says `fallback`.
 */
export function PersonLink({ personId, fallback }: { personId: string; fallback: string }) {
  const person = useQuery({ ...personQuery(personId), staleTime: 5 * 60_000 });
  const name = person.data && !person.data.erasedAt ? `${person.data.greetingName} ${person.data.surname}` : fallback;
  return (
    <Anchor
      size="sm"
      fw={500}
      renderRoot={(props) => <Link to="/people/$personId" params={{ personId }} {...props} />}
      onClick={(event) => event.stopPropagation()}
    >
      {name}
    </Anchor>
  );
}
