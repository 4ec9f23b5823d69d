import { api } from "../api/api";
import type { CursorPage } from "../api/types";
import type { OrganizationSummary } from "../register/types";
import { type SearchOption, SearchSelect } from "../ui/search-select";

interface OrganizationPickerProps {
  label: string;
  placeholder: string;
  value: SearchOption | null;
  onChange: (option: SearchOption | null) => void;
  error?: string;
  exclude?: string[];
}

async function searchOrganizations(text: string): Promise<SearchOption[]> {
  const page = await api<CursorPage<OrganizationSummary>>("/api/organizations", {
    query: { q: text || undefined, limit: 20 },
  });
  return page.items.map((organization) => ({ value: organization.id, label: organization.name }));
}

export function OrganizationPicker(props: OrganizationPickerProps) {
  return <SearchSelect {...props} cacheKey="organizations" search={searchOrganizations} />;
}
