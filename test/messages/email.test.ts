import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMessageChannels } from "../../src/app/messages-runtime";
import { queryRows } from "../../src/db/rows";
import { mergePeople, unmergePeople } from "../../src/flows/merge-people";
import { ManualClock } from "../../src/kernel/clock";
import {
  ChannelRegistry,
  deliverMessage,
  emailChannel,
  MAX_DELIVERY_ATTEMPTS,
  messageIdFor,
  stalledMessages,
} from "../../src/modules/messages";
import { openTestApi, type TestApi } from "../support/api";
import { freePort } from "../support/free-port";
import { type SmtpPeer, startSmtpPeer } from "../support/smtp-peer";
import { STORE_KINDS } from "../support/stores";

const FROM = "Lanthandel <kundservice@lanthandel.example>";

async function eventually<T>(probe: () => Promise<T> | T, ok: (value: T) => boolean, tries = 200): Promise<T> {
  let last = await probe();
  for (let attempt = 0; attempt < tries && !ok(last); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await probe();
  }
  return last;
}

describe.each(STORE_KINDS)("messages: e-mail to a person through a real SMTP server [%s]", (kind) => {
  let api: TestApi;
  let peer: SmtpPeer;
  let channels: ChannelRegistry;
  let marketer: { key: string };
  const clock = new ManualClock("2026-10-05T08:00:00Z");

  const createPerson = async (payload: Record<string, unknown>, consent?: "granted" | "withdrawn") => {
    const created = await api.call({ method: "POST", url: "/api/people", payload });
    expect(created.status).toBe(201);
    if (consent) {
      const recorded = await api.call({
        method: "POST",
        url: `/api/people/${created.body.id}/consents`,
        payload: { purpose: "marketing", channel: "email", status: consent },
      });
      expect(recorded.status).toBe(204);
    }
    return created.body.id as string;
  };
  const send = (personId: string, payload: Record<string, unknown>, key = marketer.key) =>
    api.call({ method: "POST", url: `/api/people/${personId}/messages`, payload, key });
  const deliver = (messageId: string, through = channels) =>
    deliverMessage(api.services.systemCtx("test"), messageId, through);
  const messagesOf = async (personId: string) =>
    (await api.call({ url: `/api/people/${personId}/messages` })).body.items as Array<Record<string, unknown>>;

  beforeAll(async () => {
    peer = await startSmtpPeer();
    api = await openTestApi(kind, { clock, config: { SMTP_URL: peer.url, MAIL_FROM: FROM } });
    channels = createMessageChannels(api.services.config);
    marketer = await api.keyFor("marketing");
  });
  afterAll(async () => {
    await api?.close();
    await peer?.close();
  });

  it("greets Karl Stig Emanuel, marked 20, as Stig", async () => {
    const stig = await createPerson(
      {
        givenNames: "Karl Stig Emanuel",
        preferredNameMarking: "20",
        surname: "Lindgren",
        emails: [{ address: "stig.lindgren@example.se" }],
      },
      "granted",
    );
    const sent = await send(stig, {
      subject: "Hej {{ person.greetingName }}",
      body: "Hej {{ person.greetingName }},\n\nvälkommen tillbaka till butiken.",
      idempotencyKey: "welcome-back-stig",
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      status: "queued",
      channel: "email",
      purpose: "marketing",
      toAddress: "stig.lindgren@example.se",
      subject: "Hej Stig",
    });
    expect(await deliver(sent.body.id)).toMatchObject({ outcome: "sent" });
    const mail = peer.received.find((received) => received.subject === "Hej Stig");
    expect(mail?.text?.trim()).toBe("Hej Stig,\n\nvälkommen tillbaka till butiken.");
    expect(mail?.from?.text).toBe('"Lanthandel" <kundservice@lanthandel.example>');
    expect(mail?.messageId).toBe(messageIdFor("welcome-back-stig", FROM));
    expect(await messagesOf(stig)).toEqual([expect.objectContaining({ status: "sent", attempts: 1, lastError: null })]);
  });

  it("escapes names in the HTML body and leaves the text body as written", async () => {
    const asa = await createPerson(
      { givenNames: "Åsa", surname: "Ek & <Söner>", emails: [{ address: "asa@example.se" }] },
      "granted",
    );
    const sent = await send(asa, {
      subject: "Till {{ person.greetingName }}",
      body: "Hej {{ person.greetingName }} {{ person.surname }}",
      html: "<p>Hej <b>{{ person.greetingName }}</b> {{ person.surname }}</p>",
    });
    expect(sent.body.bodyHtml).toBe("<p>Hej <b>Åsa</b> Ek &amp; &lt;Söner&gt;</p>");
    await deliver(sent.body.id);
    const mail = peer.received.find((received) => received.subject === "Till Åsa");
    expect(mail?.html).toContain("Ek &amp; &lt;Söner&gt;");
    expect(mail?.html).not.toContain("<Söner>");
    expect(mail?.text?.trim()).toBe("Hej Åsa Ek & <Söner>");
  });

  it("refuses a template that reaches outside its sandbox or does not parse, naming the field", async () => {
    const bo = await createPerson(
      { givenNames: "Bo", surname: "Ek", emails: [{ address: "bo@example.se" }] },
      "granted",
    );
    const outside = await send(bo, { subject: "Hej", body: "{% include '../../../etc/passwd' %}" });
    expect(outside.status).toBe(400);
    expect(outside.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(outside.body).toMatchObject({
      code: "validation_failed",
      errors: [expect.objectContaining({ field: "body", code: "template_not_allowed" })],
    });
    const broken = await send(bo, { subject: "Hej {{ person.greetingName", body: "x" });
    expect(broken.status).toBe(400);
    expect(broken.body.errors).toEqual([expect.objectContaining({ field: "subject", code: "template_syntax" })]);
    // What a template cannot see prints as nothing, never as the inside of an object.
    const sneaky = await send(bo, { subject: "Hej", body: "[{{ person.constructor }}{{ person.__proto__ }}]" });
    expect(sneaky.body.bodyText).toBe("[]");
    expect(await messagesOf(bo)).toHaveLength(1);
  });

  it("keeps marketing from people without consent, an address, or with an objection, and sends nothing", async () => {
    const before = peer.received.length;
    const never = await createPerson({ givenNames: "Nils", surname: "Holm", emails: [{ address: "nils@example.se" }] });
    const withdrawn = await createPerson(
      { givenNames: "Vera", surname: "Holm", emails: [{ address: "vera@example.se" }] },
      "withdrawn",
    );
    const noAddress = await createPerson({ givenNames: "Olle", surname: "Holm" }, "granted");
    const objects = await createPerson(
      { givenNames: "Tova", surname: "Holm", emails: [{ address: "tova@example.se" }] },
      "granted",
    );
    await api.call({ method: "PUT", url: `/api/people/${objects}/profiling-objection`, payload: { objects: true } });
    const content = { subject: "Erbjudande", body: "Hej {{ person.greetingName }}" };
    const outcomes = [];
    for (const personId of [never, withdrawn, noAddress, objects]) {
      const sent = await send(personId, content);
      expect(sent.status).toBe(201);
      outcomes.push([sent.body.status, sent.body.suppressedReason]);
      expect(await deliver(sent.body.id)).toEqual({ outcome: "skipped" });
    }
    expect(outcomes).toEqual([
      ["suppressed", "no_consent"],
      ["suppressed", "no_consent"],
      ["suppressed", "no_address"],
      ["suppressed", "objection"],
    ]);
    expect(peer.received.length).toBe(before);
    // A service message (an order, a case) needs an address, not marketing consent.
    const receipt = await send(never, { ...content, purpose: "service", subject: "Din order" });
    expect(receipt.body).toMatchObject({ status: "queued", suppressedReason: null });
  });

  it("sends one e-mail for the same idempotency key, however often and however concurrently it is asked", async () => {
    const eva = await createPerson(
      { givenNames: "Eva", surname: "Lund", emails: [{ address: "eva@example.se" }] },
      "granted",
    );
    const content = {
      subject: "Orderbekräftelse 4711",
      body: "Tack {{ person.greetingName }}",
      idempotencyKey: "order:4711",
    };
    const [first, second] = await Promise.all([send(eva, content), send(eva, content)]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    expect(first.body.id).toBe(second.body.id);
    const again = await send(eva, content);
    expect(again.status).toBe(200);
    const outcomes = await Promise.all([deliver(first.body.id), deliver(first.body.id)]);
    expect(outcomes.filter((outcome) => outcome.outcome === "sent")).toHaveLength(1);
    expect(await deliver(first.body.id)).toEqual({ outcome: "skipped" });
    expect(peer.received.filter((mail) => mail.subject === "Orderbekräftelse 4711")).toHaveLength(1);
    expect(await messagesOf(eva)).toHaveLength(1);
  });

  it("retries when the SMTP server is down and delivers once it is back, once", async () => {
    const port = await freePort();
    const flaky = new ChannelRegistry();
    flaky.register(emailChannel({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM }));
    const ida = await createPerson(
      { givenNames: "Ida", surname: "Berg", emails: [{ address: "ida@example.se" }] },
      "granted",
    );
    const sent = await send(ida, { subject: "Nyhetsbrev oktober", body: "Hej {{ person.greetingName }}" });
    const first = await deliver(sent.body.id, flaky);
    expect(first.outcome).toBe("retry");
    expect(await messagesOf(ida)).toEqual([
      expect.objectContaining({
        status: "queued",
        attempts: 1,
        lastError: expect.stringMatching(/ECONNREFUSED|connect/),
      }),
    ]);
    const backUp = await startSmtpPeer(port);
    try {
      expect(await deliver(sent.body.id, flaky)).toMatchObject({ outcome: "sent" });
      expect(await deliver(sent.body.id, flaky)).toEqual({ outcome: "skipped" });
      expect(backUp.received.map((mail) => mail.subject)).toEqual(["Nyhetsbrev oktober"]);
      expect(await messagesOf(ida)).toEqual([
        expect.objectContaining({ status: "sent", attempts: 2, lastError: null }),
      ]);
    } finally {
      await backUp.close();
    }
  });

  it("gives up after the last attempt, and at once when the server refuses the mailbox", async () => {
    const dead = new ChannelRegistry();
    dead.register(emailChannel({ smtpUrl: `smtp://127.0.0.1:${await freePort()}`, from: FROM }));
    const max = await createPerson(
      { givenNames: "Max", surname: "Ny", emails: [{ address: "max@example.se" }] },
      "granted",
    );
    const sent = await send(max, { subject: "Hej", body: "Hej" });
    const outcomes = [];
    for (let attempt = 0; attempt < MAX_DELIVERY_ATTEMPTS; attempt++)
      outcomes.push((await deliver(sent.body.id, dead)).outcome);
    expect(outcomes).toEqual([...Array(MAX_DELIVERY_ATTEMPTS - 1).fill("retry"), "failed"]);
    expect(await messagesOf(max)).toEqual([
      expect.objectContaining({ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS }),
    ]);

    peer.refuse.add("gone@example.se");
    const gone = await createPerson(
      { givenNames: "Gun", surname: "Borta", emails: [{ address: "gone@example.se" }] },
      "granted",
    );
    const refused = await send(gone, { subject: "Hej", body: "Hej" });
    expect(await deliver(refused.body.id)).toMatchObject({ outcome: "failed", error: expect.stringMatching(/550/) });
    expect(await messagesOf(gone)).toEqual([expect.objectContaining({ status: "failed", attempts: 1 })]);
  });

  it("hands a queued message nobody has tried for half an hour to the queue again", async () => {
    const ulf = await createPerson(
      { givenNames: "Ulf", surname: "Sjö", emails: [{ address: "ulf@example.se" }] },
      "granted",
    );
    const sent = await send(ulf, { subject: "Hej", body: "Hej" });
    const stalled = async () => {
      const ctx = api.services.systemCtx("test");
      return (await stalledMessages(ctx, new Date(clock.now().getTime() - 30 * 60_000))).map((message) => message.id);
    };
    expect(await stalled()).not.toContain(sent.body.id);
    clock.advance(31 * 60_000);
    expect(await stalled()).toContain(sent.body.id);
    await deliver(sent.body.id);
    expect(await stalled()).not.toContain(sent.body.id);
  });

  it("moves messages to the survivor of a merge and back on unmerge", async () => {
    const ctx = api.services.systemCtx("test");
    const survivor = await createPerson({ givenNames: "Per", surname: "Dal", emails: [{ address: "per@example.se" }] });
    const merged = await createPerson({
      givenNames: "Per",
      surname: "Dal",
      emails: [{ address: "per.dal@example.se" }],
    });
    const sent = await send(merged, { purpose: "service", subject: "Kvitto", body: "Hej" });
    const merge = await mergePeople(ctx, { survivorId: survivor, mergedId: merged });
    expect((await messagesOf(survivor)).map((message) => message.id)).toEqual([sent.body.id]);
    await unmergePeople(ctx, merge.id);
    expect((await messagesOf(merged)).map((message) => message.id)).toEqual([sent.body.id]);
    expect(await messagesOf(survivor)).toEqual([]);
  });

  it("documents both routes in the OpenAPI document", async () => {
    const spec = (await api.app.inject("/api/openapi.json")).json();
    const send = spec.paths["/api/people/{id}/messages"].post;
    expect(send.requestBody.content["application/json"].schema.required).toEqual(
      expect.arrayContaining(["subject", "body"]),
    );
    expect(Object.keys(send.responses)).toEqual(expect.arrayContaining(["200", "201", "400", "403"]));
    expect(spec.paths["/api/people/{id}/messages"].get.responses["200"]).toBeDefined();
  });

  it("lets sales and support read what was sent, and only marketing send", async () => {
    const seller = await api.keyFor("sales");
    const karin = await createPerson({
      givenNames: "Karin",
      surname: "Sund",
      emails: [{ address: "karin@example.se" }],
    });
    const forbidden = await send(karin, { subject: "Hej", body: "Hej" }, seller.key);
    expect(forbidden.status).toBe(403);
    const read = await api.call({ url: `/api/people/${karin}/messages`, key: seller.key });
    expect(read.status).toBe(200);
  });

  it("pages a person's messages newest first and shows them in the 360° timeline", async () => {
    const lo = await createPerson(
      { givenNames: "Lo", surname: "Vik", emails: [{ address: "lo@example.se" }] },
      "granted",
    );
    for (const month of ["augusti", "september", "oktober"]) {
      clock.advance(60_000);
      await send(lo, { subject: `Nyheter i ${month}`, body: "Hej {{ person.greetingName }}" });
    }
    const first = await api.call({ url: `/api/people/${lo}/messages?limit=2` });
    expect(first.body.items.map((item: { subject: string }) => item.subject)).toEqual([
      "Nyheter i oktober",
      "Nyheter i september",
    ]);
    const rest = await api.call({ url: `/api/people/${lo}/messages?limit=2&cursor=${first.body.nextCursor}` });
    expect(rest.body).toMatchObject({
      items: [expect.objectContaining({ subject: "Nyheter i augusti" })],
      nextCursor: null,
    });
    const timeline = await api.call({ url: `/api/people/${lo}/timeline?kinds=message` });
    expect(timeline.body.items).toHaveLength(3);
    expect(timeline.body.items[0]).toMatchObject({
      kind: "message",
      source: "messages",
      title: "Nyheter i oktober",
      summary: "Hej Lo",
      data: { channel: "email", status: "queued", toAddress: "lo@example.se" },
    });
  });

  it("erases what the messages said and where they went, and stops one still queued", async () => {
    const siv = await createPerson(
      { givenNames: "Siv", surname: "Raderad", emails: [{ address: "siv@example.se" }] },
      "granted",
    );
    const delivered = await send(siv, {
      subject: "Hej {{ person.greetingName }} {{ person.surname }}",
      body: "Till siv@example.se",
    });
    await deliver(delivered.body.id);
    const waiting = await send(siv, { subject: "Hej igen {{ person.greetingName }}", body: "Hej" });
    const exported = await api.call({ url: `/api/people/${siv}/data-export` });
    expect(exported.body.messages.map((message: { subject: string }) => message.subject).sort()).toEqual([
      "Hej Siv Raderad",
      "Hej igen Siv",
    ]);
    const erased = await api.call({
      method: "POST",
      url: `/api/people/${siv}/erasure`,
      payload: { reason: "Kundens begäran" },
    });
    expect(erased.body).toMatchObject({ messages: 2 });
    expect(await deliver(waiting.body.id)).toEqual({ outcome: "skipped" });
    const rows = await queryRows<Record<string, unknown>>(
      api.services.store.db,
      sql`select person_id, to_address, subject, body_text, body_html, status, suppressed_reason
          from messages where id in (${delivered.body.id}, ${waiting.body.id}) order by id`,
    );
    expect(rows).toEqual([
      {
        person_id: null,
        to_address: null,
        subject: "",
        body_text: "",
        body_html: null,
        status: "sent",
        suppressed_reason: null,
      },
      {
        person_id: null,
        to_address: null,
        subject: "",
        body_text: "",
        body_html: null,
        status: "suppressed",
        suppressed_reason: "erased",
      },
    ]);
    expect(await messagesOf(siv)).toEqual([]);
  });
});

describe.each(STORE_KINDS)("messages: delivered by the job queue, also when a rule sends them [%s]", (kind) => {
  let api: TestApi;
  let peer: SmtpPeer;
  let stig: string;

  beforeAll(async () => {
    peer = await startSmtpPeer();
    api = await openTestApi(kind, { background: true, config: { SMTP_URL: peer.url, MAIL_FROM: FROM } });
    const created = await api.call({
      method: "POST",
      url: "/api/people",
      payload: {
        givenNames: "Karl Stig Emanuel",
        preferredNameMarking: "20",
        surname: "Lindgren",
        emails: [{ address: "stig@example.se" }],
      },
    });
    stig = created.body.id;
  });
  afterAll(async () => {
    await api?.close();
    await peer?.close();
  });

  it("delivers a message sent through the API in the background", async () => {
    const sent = await api.call({
      method: "POST",
      url: `/api/people/${stig}/messages`,
      payload: { purpose: "service", subject: "Din order har skickats", body: "Hej {{ person.greetingName }}!" },
    });
    expect(sent.status).toBe(201);
    const mails = await eventually(
      () => peer.received.filter((mail) => mail.subject === "Din order har skickats"),
      (found) => found.length > 0,
    );
    expect(mails.map((mail) => mail.text?.trim())).toEqual(["Hej Stig!"]);
    const listed = await eventually(
      async () => (await api.call({ url: `/api/people/${stig}/messages` })).body.items,
      (items: Array<{ status: string }>) => items[0]?.status === "sent",
    );
    expect(listed[0]).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("checks a rule's templates when it is saved", async () => {
    const invalid = await api.call({
      method: "POST",
      url: "/api/rules",
      payload: {
        name: "Trasig mall",
        trigger: { type: "record", entity: "person", on: "changed" },
        condition: { field: "person.lifecycle_stage", op: "eq", value: "customer" },
        actions: [{ type: "send_message", config: { subject: "Hej", body: "{% render 'sidfot' %}" } }],
      },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].field).toBe("actions.0.config.body");
  });

  it("sends the e-mails a rule's send_message actions ask for, each once per firing", async () => {
    const rule = await api.call({
      method: "POST",
      url: "/api/rules",
      payload: {
        name: "Välkomstbrev till nya kunder",
        trigger: { type: "record", entity: "person", on: "changed", fields: ["lifecycleStage"] },
        condition: { field: "person.lifecycle_stage", op: "eq", value: "customer" },
        actions: [
          {
            type: "send_message",
            config: {
              channel: "email",
              purpose: "service",
              subject: "Välkommen som kund, {{ person.greetingName }}",
              body: "Hej {{ person.greetingName }} {{ person.surname }}, tack för din första order.",
            },
          },
          {
            type: "send_message",
            config: {
              channel: "email",
              purpose: "service",
              subject: "Dina förmåner som kund, {{ person.greetingName }}",
              body: "Som kund får du fri frakt.",
            },
          },
        ],
      },
    });
    expect(rule.status).toBe(201);
    const patched = await api.call({
      method: "PATCH",
      url: `/api/people/${stig}`,
      payload: { lifecycleStage: "customer" },
    });
    expect(patched.status).toBe(200);
    const mails = await eventually(
      () => peer.received.filter((mail) => mail.subject === "Välkommen som kund, Stig"),
      (found) => found.length > 0,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text?.trim()).toBe("Hej Stig Lindgren, tack för din första order.");
    const firings = (await api.call({ url: `/api/rule-firings?ruleId=${rule.body.id}` })).body.items;
    expect(firings).toHaveLength(1);
    expect(firings[0].results[0]).toMatchObject({ type: "send_message", ok: true, status: "queued" });
    const messages = (await api.call({ url: `/api/people/${stig}/messages` })).body.items;
    const welcome = messages.find((message: { subject: string }) => message.subject === "Välkommen som kund, Stig");
    expect(welcome).toMatchObject({
      ruleId: rule.body.id,
      idempotencyKey: `rule:${firings[0].id}:0`,
      id: firings[0].results[0].messageId,
    });
    // The rule's second message is a message of its own, not a repeat of the first.
    const second = await eventually(
      () => peer.received.filter((mail) => mail.subject === "Dina förmåner som kund, Stig"),
      (found) => found.length > 0,
    );
    expect(second).toHaveLength(1);
    expect(firings[0].results[1]).toMatchObject({ type: "send_message", ok: true, status: "queued" });
    // Nothing more arrives: the job and the outbox deliver at least once, each message goes once.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(peer.received.filter((mail) => mail.subject === "Välkommen som kund, Stig")).toHaveLength(1);
    expect(peer.received.filter((mail) => mail.subject === "Dina förmåner som kund, Stig")).toHaveLength(1);
  });
});
