import { NumberInput, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useI18n } from "../i18n/use-i18n";
import type { FormProblems } from "../register/form-problems";
import { OwnerFields } from "../register/owner-fields";
import type { OrganizationDraft } from "./organization-draft";
import { OrganizationPicker } from "./organization-picker";

interface OrganizationFieldsProps {
  draft: OrganizationDraft;
  update: (change: Partial<OrganizationDraft>) => void;
  problems: FormProblems;
  /** The organisation being edited, which cannot be its own parent. */
  selfId?: string;
}

/** The company's own facts, shared by the create and edit forms. */
export function OrganizationFields({ draft, update, problems, selfId }: OrganizationFieldsProps) {
  const { t, locale } = useI18n();
  const separators =
    locale === "sv"
      ? { decimalSeparator: ",", thousandSeparator: "\u00a0" }
      : { decimalSeparator: ".", thousandSeparator: "," };
  return (
    <Stack gap="sm">
      <TextInput
        label={t.organizationForm.name}
        value={draft.name}
        onChange={(event) => update({ name: event.currentTarget.value })}
        error={problems.at("name")}
        required
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <TextInput
          label={t.organizationForm.organisationsnummer}
          description={t.organizationForm.organisationsnummerHint}
          value={draft.organisationsnummer}
          onChange={(event) => update({ organisationsnummer: event.currentTarget.value })}
          error={problems.at("organisationsnummer")}
          autoComplete="off"
        />
        <TextInput
          label={t.organizationForm.vatNumber}
          description={t.organizationForm.vatNumberHint}
          value={draft.vatNumber}
          onChange={(event) => update({ vatNumber: event.currentTarget.value })}
          error={problems.at("vatNumber")}
          autoComplete="off"
        />
        <TextInput
          label={t.organizationForm.sniCode}
          value={draft.sniCode}
          onChange={(event) => update({ sniCode: event.currentTarget.value })}
          error={problems.at("sniCode")}
          placeholder="47.910"
        />
        <TextInput
          label={t.organizationForm.industry}
          value={draft.industry}
          onChange={(event) => update({ industry: event.currentTarget.value })}
          error={problems.at("industry")}
        />
        <NumberInput
          label={t.organizationForm.employees}
          value={draft.employees}
          onChange={(employees) => update({ employees })}
          error={problems.at("employees")}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator={separators.thousandSeparator}
          hideControls
        />
        <NumberInput
          label={t.organizationForm.revenue}
          value={draft.revenueSek}
          onChange={(revenueSek) => update({ revenueSek })}
          error={problems.at("revenueSek")}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator={separators.thousandSeparator}
          suffix=" kr"
          hideControls
        />
        <TextInput
          label={t.organizationForm.website}
          value={draft.website}
          onChange={(event) => update({ website: event.currentTarget.value })}
          error={problems.at("website")}
          placeholder="foretaget.se"
          type="url"
        />
        <OrganizationPicker
          label={t.organizationForm.parent}
          placeholder={t.organizationForm.parentPlaceholder}
          value={draft.parent}
          onChange={(parent) => update({ parent })}
          error={problems.at("parentId")}
          exclude={selfId ? [selfId] : []}
        />
        <OwnerFields
          value={draft}
          onChange={update}
          errors={{ ownerId: problems.at("ownerId"), ownerTeamId: problems.at("ownerTeamId") }}
        />
      </SimpleGrid>
    </Stack>
  );
}
