import { api } from "../api/api";
import type { CursorPage } from "../api/types";
import { formatPersonnummer } from "../register/format-identity";
import type { PersonSummary } from "../register/types";
import { type SearchOption, SearchSelect } from "../ui/search-select";

interface PersonPickerProps {
  label: string;
  placeholder: string;
  value: SearchOption | null;
  onChange: (option: SearchOption | null) => void;
  error?: string;
  exclude?: string[];
}

/** Namesakes are told apart by birth number or e-mail, as a Swede would. */
function optionOf(person: PersonSummary): SearchOption {
  const name = `${person.greetingName} ${person.surname}`;
  const hint = person.personnummer ? formatPersonnummer(person.personnummer) : person.email;
  return { value: person.id, label: hint ? `${name} (${hint})` : name };
}

async function searchPeople(text: string): Promise<SearchOption[]> {
  const page = await api<CursorPage<PersonSummary>>("/api/people", { query: { q: text || undefined, limit: 20 } });
  return page.items.map(optionOf);
}

export function PersonPicker(props: PersonPickerProps) {
  return <SearchSelect {...props} cacheKey="people" search={searchPeople} />;
}
