import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

// biome-ignore lint/suspicious/noExplicitAny: problem bodies are read field by field
const faults = (body: any): string[] =>
  body.errors.map((fault: { field: string; code: string }) => `${fault.field}:${fault.code}`);

describe.each(STORE_KINDS)("custom attributes, as an administrator keeps them [%s]", (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await openTestApi(kind);
  });
  afterAll(async () => api?.close());

  const define = (payload: object, key?: string) =>
    api.call({ method: "POST", url: "/api/custom-attributes", payload, key });
  const change = (id: string, payload: object, key?: string) =>
    api.call({ method: "PATCH", url: `/api/custom-attributes/${id}`, payload, key });
  const person = (custom: object) =>
    api.call({ method: "POST", url: "/api/people", payload: { givenNames: "Test", surname: "Person", custom } });
  const changePerson = (id: string, custom: object) =>
    api.call({ method: "PATCH", url: `/api/people/${id}`, payload: { custom } });
  const list = async (entity: string, includeRetired = false) =>
    (await api.call({ url: `/api/custom-attributes?entity=${entity}&includeRetired=${includeRetired}` })).body.items;

  it("refuses repeated choices, choices for other types, and a label another attribute has", async () => {
    for (const choices of [
      ["Ja", "Ja"],
      ["A", "a", "A"],
      ["Guld ", " guld"],
    ]) {
      const repeated = await define({ entity: "person", key: "dupval", label: "Dup", type: "choice", choices });
      expect(repeated.status, JSON.stringify(choices)).toBe(400);
      expect(repeated.headers["content-type"]).toContain("application/problem+json");
      expect(faults(repeated.body)).toEqual(["choices:duplicate_choice"]);
    }
    const textWithChoices = await define({
      entity: "person",
      key: "note",
      label: "Note",
      type: "text",
      choices: ["a"],
    });
    expect(textWithChoices.status).toBe(400);
    expect(faults(textWithChoices.body)).toEqual(["choices:not_a_choice_attribute"]);

    expect((await define({ entity: "person", key: "segment", label: "Segment", type: "text" })).status).toBe(201);
    const sameLabel = await define({ entity: "person", key: "segment2", label: " segment ", type: "number" });
    expect(sameLabel.status).toBe(409);
    expect(faults(sameLabel.body)).toEqual(["label:taken"]);
    // An organisation may have its own attribute with that label.
    expect((await define({ entity: "organization", key: "segment", label: "Segment", type: "text" })).status).toBe(201);
    expect((await list("person")).map((attribute: { key: string }) => attribute.key)).not.toContain("dupval");
  });

  it("changes label, description, required and choices; a renamed choice renames the stored values", async () => {
    const tier = await define({
      entity: "person",
      key: "tier",
      label: "Nivå",
      type: "choice",
      choices: ["guld", "silver", "brons"],
    });
    expect(tier.status).toBe(201);
    const id = tier.body.id;
    const anna = await person({ tier: "Guld" });
    const bo = await person({ tier: "silver" });
    expect(anna.body.custom.tier).toBe("guld");

    const renamed = await change(id, {
      label: "Kundnivå",
      description: "Sätts av säljaren",
      required: true,
      choices: [{ from: "guld", to: "Guld" }, { from: "silver", to: "Silver" }, "brons", "Platina"],
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      key: "tier",
      type: "choice",
      label: "Kundnivå",
      description: "Sätts av säljaren",
      required: true,
      choices: ["Guld", "Silver", "brons", "Platina"],
      retired: false,
    });
    expect((await api.call({ url: `/api/people/${anna.body.id}` })).body.custom.tier).toBe("Guld");
    expect((await api.call({ url: `/api/people/${bo.body.id}` })).body.custom.tier).toBe("Silver");
    const filtered = await api.call({ url: "/api/people?filter=custom.tier:eq:guld" });
    expect(filtered.body.items.map((item: { id: string }) => item.id)).toEqual([anna.body.id]);

    // Swapping two spellings swaps the values instead of merging them.
    const swapped = await change(id, {
      choices: [{ from: "Guld", to: "Silver" }, { from: "Silver", to: "Guld" }, "brons", "Platina"],
    });
    expect(swapped.status).toBe(200);
    expect((await api.call({ url: `/api/people/${anna.body.id}` })).body.custom.tier).toBe("Silver");
    expect((await api.call({ url: `/api/people/${bo.body.id}` })).body.custom.tier).toBe("Guld");

    // Required now: a new person without it is refused, and clearing it is too.
    expect(faults((await person({})).body)).toEqual(["custom.tier:required"]);
    expect(faults((await changePerson(bo.body.id, { tier: null })).body)).toEqual(["custom.tier:required"]);

    // A choice someone holds cannot be removed; an unused one can.
    const inUse = await change(id, { choices: ["Silver", "brons", "Platina"] });
    expect(inUse.status).toBe(409);
    expect(faults(inUse.body)).toEqual(["choices:choice_in_use"]);
    expect(inUse.body.errors[0].message).toContain('"Guld" (1)');
    const unused = await change(id, { choices: ["Silver", "Guld", "brons"] });
    expect(unused.status).toBe(200);
    expect(unused.body.choices).toEqual(["Silver", "Guld", "brons"]);

    const bad = [
      [{ type: "text" }, ["type:immutable"]],
      [{ key: "nivå" }, ["key:immutable"]],
      [{ choices: ["Silver", "silver ", "Guld", "brons"] }, ["choices.1:duplicate_choice"]],
      [{ choices: ["Silver", "Guld", "brons", "Ny", "NY"] }, ["choices:duplicate_choice"]],
      [{ choices: [{ from: "Diamant", to: "Rubin" }, "Silver", "Guld", "brons"] }, ["choices.0.from:unknown_choice"]],
      [{ label: "" }, ["label:too_small"]],
      [{ colour: "red" }, ["colour:unknown_field"]],
    ] as const;
    for (const [payload, expected] of bad) {
      const response = await change(id, payload);
      expect(response.status, JSON.stringify(payload)).toBe(400);
      expect(faults(response.body)).toEqual(expected);
    }
    const segment = (await list("person")).find((attribute: { key: string }) => attribute.key === "segment");
    const textChoices = await change(segment.id, { choices: ["a"] });
    expect(faults(textChoices.body)).toEqual(["choices:not_a_choice_attribute"]);
    const labelTaken = await change(segment.id, { label: "kundnivå" });
    expect(labelTaken.status).toBe(409);
    expect(faults(labelTaken.body)).toEqual(["label:taken"]);
    expect((await change("00000000-0000-4000-8000-000000000000", { label: "X" })).status).toBe(404);

    const audit = await api.call({ url: `/api/audit-log?entity=custom_attribute&entityId=${id}` });
    const actions = audit.body.items.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual([
      "custom_attribute.update",
      "custom_attribute.update",
      "custom_attribute.update",
      "custom_attribute.define",
    ]);
    expect(audit.body.items[2].before.label).toBe("Nivå");
    expect(audit.body.items[2].after).toMatchObject({
      label: "Kundnivå",
      renamedValues: { guld: { to: "Guld", records: 1 }, silver: { to: "Silver", records: 1 } },
    });
  });

  it("a renamed choice renames it in the rules that compare or set it, each as a new version", async () => {
    const kind = await define({
      entity: "person",
      key: "kundtyp",
      label: "Kundtyp",
      type: "choice",
      choices: ["privat", "foretag"],
    });
    expect(kind.status).toBe(201);
    const firm = await person({ kundtyp: "foretag", tier: "Guld" });
    expect(firm.status).toBe(201);
    const condition = {
      any: [
        { field: "person.custom.kundtyp", op: "eq", value: "foretag" },
        { field: "person.custom.kundtyp", op: "in", value: ["foretag", "privat"] },
      ],
    };
    const rule = await api.call({
      method: "POST",
      url: "/api/rules",
      payload: {
        name: "Företagskunder blir privata",
        trigger: { type: "schedule", cron: "0 6 * * *" },
        condition: { field: "person.custom.kundtyp", op: "eq", value: "foretag" },
        actions: [{ type: "set_field", config: { field: "custom.kundtyp", value: "foretag" } }],
      },
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    const untouched = await api.call({
      method: "POST",
      url: "/api/rules",
      payload: {
        name: "Alla med kundtyp",
        trigger: { type: "schedule", cron: "0 6 * * *" },
        condition,
        actions: [],
        enabled: false,
      },
    });
    expect(untouched.status, JSON.stringify(untouched.body)).toBe(201);
    const matching = async (ruleCondition: object) =>
      (await api.call({ method: "POST", url: "/api/rules/dry-run", payload: { condition: ruleCondition } })).body
        .sample as string[];
    expect(await matching(rule.body.condition)).toContain(firm.body.id);

    const renamed = await change(kind.body.id, { choices: ["privat", { from: "foretag", to: "Företag" }] });
    expect(renamed.status).toBe(200);
    expect(renamed.body.rulesChanged.map((changed: { id: string; version: number }) => changed)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: rule.body.id, version: 2 }),
        expect.objectContaining({ id: untouched.body.id, version: 2 }),
      ]),
    );
    const after = (await api.call({ url: `/api/rules/${rule.body.id}` })).body;
    expect(after.condition).toEqual({ field: "person.custom.kundtyp", op: "eq", value: "Företag" });
    expect(after.actions[0].config).toEqual({ field: "custom.kundtyp", value: "Företag" });
    expect(await matching(after.condition)).toContain(firm.body.id);
    const other = (await api.call({ url: `/api/rules/${untouched.body.id}` })).body;
    expect(other.condition.any[1].value).toEqual(["Företag", "privat"]);
    const audit = await api.call({ url: `/api/audit-log?entity=rule&entityId=${rule.body.id}` });
    expect(audit.body.items[0]).toMatchObject({
      action: "rule.update",
      after: { reason: { choiceRenamed: "custom.kundtyp", renames: { foretag: "Företag" } } },
    });
    // Renaming nothing leaves the rules alone.
    const relabelled = await change(kind.body.id, { label: "Typ av kund" });
    expect(relabelled.body.rulesChanged).toEqual([]);
    expect((await api.call({ url: `/api/rules/${rule.body.id}` })).body.version).toBe(2);
  });

  it("retires an attribute: gone from forms, lists and exports, its values kept in the data export, restorable", async () => {
    const since = await define({ entity: "person", key: "kund_sedan", label: "Kund sedan", type: "date" });
    const eva = await person({ kund_sedan: "2019-05-01", tier: "Guld" });
    expect(eva.status).toBe(201);

    const retired = await change(since.body.id, { retired: true });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ retired: true, retiredAt: expect.any(String) });
    expect((await list("person")).map((attribute: { key: string }) => attribute.key)).not.toContain("kund_sedan");
    expect((await list("person", true)).map((attribute: { key: string }) => attribute.key)).toContain("kund_sedan");

    const write = await changePerson(eva.body.id, { kund_sedan: "2020-01-01" });
    expect(write.status).toBe(400);
    expect(faults(write.body)).toEqual(["custom.kund_sedan:retired_attribute"]);
    const reused = await define({ entity: "person", key: "kund_sedan", label: "Ny", type: "text" });
    expect(reused.status).toBe(409);
    expect(faults(reused.body)).toEqual(["key:taken_by_retired"]);

    const csv = await api.call({ url: "/api/people/export.csv" });
    expect(csv.raw.split("\n")[0]).not.toContain("custom.kund_sedan");
    // The records that still hold a value can be found, to clean them up before deleting it.
    const holding = await api.call({ url: "/api/people?filter=custom.kund_sedan:not_empty&limit=500" });
    expect(holding.status).toBe(200);
    expect(holding.body.items.map((item: { id: string }) => item.id)).toEqual([eva.body.id]);
    const exported = await api.call({ url: `/api/people/${eva.body.id}/data-export` });
    expect(exported.body.customFields).toContainEqual({
      key: "kund_sedan",
      label: "Kund sedan",
      type: "date",
      value: "2019-05-01",
    });

    const restored = await change(since.body.id, { retired: false });
    expect(restored.body).toMatchObject({ retired: false, retiredAt: null });
    expect((await api.call({ url: `/api/people/${eva.body.id}` })).body.custom.kund_sedan).toBe("2019-05-01");
    expect((await changePerson(eva.body.id, { kund_sedan: "2020-01-01" })).status).toBe(200);

    const audit = await api.call({ url: `/api/audit-log?entity=custom_attribute&entityId=${since.body.id}` });
    expect(audit.body.items.map((entry: { action: string }) => entry.action)).toEqual([
      "custom_attribute.restore",
      "custom_attribute.retire",
      "custom_attribute.define",
    ]);
  });

  it("lets only administrators define or change attributes", async () => {
    const [attribute] = await list("person");
    for (const role of ["sales", "marketing", "support", "read_only"] as const) {
      const { key } = await api.keyFor(role);
      expect((await change(attribute.id, { label: "Hackad" }, key)).status, role).toBe(403);
      expect((await define({ entity: "person", key: "x", label: "X", type: "text" }, key)).status, role).toBe(403);
    }
  });

  it("keeps kronor and numbers exactly as typed, or refuses them naming the field", async () => {
    await define({ entity: "person", key: "arsvarde", label: "Årsvärde", type: "kronor" });
    await define({ entity: "person", key: "antal", label: "Antal", type: "number" });
    await define({ entity: "organization", key: "omsattning", label: "Omsättning", type: "kronor" });
    const { body: ola } = await person({ tier: "Guld" });

    const refused = [
      [{ arsvarde: 1e308 }, "custom.arsvarde:out_of_range"],
      [{ arsvarde: "12345678901234567,89" }, "custom.arsvarde:out_of_range"],
      [{ arsvarde: "12,345" }, "custom.arsvarde:too_many_decimals"],
      [{ arsvarde: 12.345 }, "custom.arsvarde:too_many_decimals"],
      [{ arsvarde: "abc" }, "custom.arsvarde:invalid_kronor"],
      [{ antal: 1e308 }, "custom.antal:out_of_range"],
      [{ antal: "12345678901234567" }, "custom.antal:out_of_range"],
      [{ antal: "0,1234567890123456789" }, "custom.antal:too_precise"],
      [{ antal: "1e5" }, "custom.antal:invalid_number"],
    ] as const;
    for (const [custom, expected] of refused) {
      const response = await changePerson(ola.id, custom);
      expect(response.status, JSON.stringify(custom)).toBe(400);
      expect(faults(response.body)).toEqual([expected]);
    }
    const kept = await changePerson(ola.id, { arsvarde: "−1 234 567,50 kr", antal: "−12,5" });
    expect(kept.status).toBe(200);
    expect(kept.body.custom).toMatchObject({ arsvarde: -1234567.5, antal: -12.5 });
    const largest = await changePerson(ola.id, { arsvarde: "9 999 999 999 999,99" });
    expect(largest.body.custom.arsvarde).toBe(9999999999999.99);
    expect((await api.call({ url: `/api/people/${ola.id}` })).body.custom.arsvarde).toBe(9999999999999.99);

    const org = await api.call({ method: "POST", url: "/api/organizations", payload: { name: "Test AB" } });
    const huge = await api.call({
      method: "PATCH",
      url: `/api/organizations/${org.body.id}`,
      payload: { custom: { omsattning: 1e308 } },
    });
    expect(huge.status).toBe(400);
    expect(faults(huge.body)).toEqual(["custom.omsattning:out_of_range"]);
    const created = await api.call({
      method: "POST",
      url: "/api/organizations",
      payload: { name: "Öre AB", custom: { omsattning: "12,345" } },
    });
    expect(faults(created.body)).toEqual(["custom.omsattning:too_many_decimals"]);
  });

  it("says a text is too long, not that it is no text", async () => {
    await define({ entity: "person", key: "anteckning", label: "Anteckning", type: "text" });
    const { body: kim } = await person({ tier: "Guld" });
    const response = await changePerson(kim.id, { anteckning: "x".repeat(2001) });
    expect(response.status).toBe(400);
    expect(faults(response.body)).toEqual(["custom.anteckning:too_long"]);
    expect(response.body.errors[0].message).toContain("2000");
    expect(faults((await changePerson(kim.id, { anteckning: 5 })).body)).toEqual(["custom.anteckning:invalid_text"]);
  });
});
