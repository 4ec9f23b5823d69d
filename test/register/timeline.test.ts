import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApi, type TestApi } from "../support/api";
import { STORE_KINDS } from "../support/stores";

describe.each(STORE_KINDS)("360° view and timeline [%s]", (kind) => {
  let api: TestApi;
  let personId: string;
  beforeAll(async () => {
    api = await openTestApi(kind);
    const person = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Karl Stig Emanuel", surname: "Berg", preferredNameMarking: "20" },
    });
    personId = person.body.id;
    const log = (payload: object) =>
      api.call({ method: "POST", url: "/api/activities", payload: { personId, ...payload } });
    await log({
      kind: "call",
      direction: "inbound",
      subject: "Klagomål på leverans",
      occurredAt: "2026-03-01T09:00:00Z",
    });
    await log({ kind: "note", subject: "Vill bli kontaktad efter 15", occurredAt: "2026-03-02T09:00:00Z" });
    await log({
      kind: "task",
      subject: "Ring tillbaka",
      occurredAt: "2026-03-03T09:00:00Z",
      dueAt: "2026-03-05T12:00:00Z",
    });
    await api.call({
      method: "POST",
      url: "/api/orders",
      payload: {
        personId,
        number: "A-17",
        orderedAt: "2026-03-04T09:00:00Z",
        lines: [{ description: "Ved, 40 l", quantity: 3, unitPriceSek: 89.5 }],
      },
    });
  });
  afterAll(async () => api?.close());

  it("shows the person and every kind of entry in one time-ordered list", async () => {
    const view = await api.call({ url: `/api/people/${personId}/360` });
    expect(view.status).toBe(200);
    expect(view.body.person.greetingName).toBe("Stig");
    expect(view.body.timeline.items.map((item: { kind: string }) => item.kind)).toEqual([
      "order",
      "task",
      "note",
      "call",
    ]);
    expect(view.body.timeline.items[0]).toMatchObject({ title: "Order A-17", data: { totalSek: 268.5 } });
    expect(view.body.timeline.kinds).toEqual(
      expect.arrayContaining(["call", "meeting", "email", "note", "task", "document", "order"]),
    );
  });

  it("logs every call when colleagues log calls on one customer at the same moment", async () => {
    const customer = await api.call({
      method: "POST",
      url: "/api/people",
      payload: { givenNames: "Sam", surname: "Samtal" },
    });
    // Each call moves the customer's last contact: before, two at once could deadlock, and one failed.
    const logged = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        api.call({
          method: "POST",
          url: "/api/activities",
          payload: {
            personId: customer.body.id,
            kind: "call",
            subject: `Samtal ${index}`,
            occurredAt: `2025-12-${String(index + 1).padStart(2, "0")}T10:00:00Z`,
          },
        }),
      ),
    );
    expect(logged.map((response) => response.status)).toEqual(logged.map(() => 201));
    const person = await api.call({ url: `/api/people/${customer.body.id}` });
    expect(person.body.lastContactAt).toBe("2025-12-12T10:00:00.000Z");
  });

  it("filters by kind and period, and pages with a cursor", async () => {
    const calls = await api.call({ url: `/api/people/${personId}/timeline?kinds=call,order` });
    expect(calls.body.items.map((item: { kind: string }) => item.kind)).toEqual(["order", "call"]);
    const march2 = await api.call({
      url: `/api/people/${personId}/timeline?from=2026-03-02T00:00:00Z&to=2026-03-03T23:00:00Z`,
    });
    expect(march2.body.items.map((item: { kind: string }) => item.kind)).toEqual(["task", "note"]);
    const first = await api.call({ url: `/api/people/${personId}/timeline?limit=3` });
    expect(first.body.items).toHaveLength(3);
    const second = await api.call({ url: `/api/people/${personId}/timeline?limit=3&cursor=${first.body.nextCursor}` });
    expect(second.body.items.map((item: { kind: string }) => item.kind)).toEqual(["call"]);
    expect(second.body.nextCursor).toBeNull();
    const unknown = await api.call({ url: `/api/people/${personId}/timeline?kinds=carrier_pigeon` });
    expect(unknown.status).toBe(400);
  });

  it("uploads a document and downloads the same bytes", async () => {
    const content = Buffer.from("%PDF-1.4 offert för vedleverans, 3 × 40 l\n");
    const boundary = "----lanthandel";
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="personId"\r\n\r\n${personId}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="subject"\r\n\r\nOffert ved\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="offert.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = await api.call({
      method: "POST",
      url: "/api/documents",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(upload.status).toBe(201);
    const document = upload.body.documents[0];
    expect(document).toMatchObject({
      filename: "offert.pdf",
      contentType: "application/pdf",
      sizeBytes: content.length,
    });
    const download = await api.app.inject({
      url: `/api/documents/${document.id}`,
      headers: { authorization: `Bearer ${api.adminKey}` },
    });
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(download.headers["content-disposition"]).toContain("offert.pdf");
    const timeline = await api.call({ url: `/api/people/${personId}/timeline?kinds=document` });
    expect(timeline.body.items[0]).toMatchObject({ title: "Offert ved", kind: "document" });
  });

  const uploadFile = (filename: string, content: Buffer) => {
    const boundary = "----lanthandel";
    return api.call({
      method: "POST",
      url: "/api/documents",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="personId"\r\n\r\n${personId}\r\n`),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
  };

  it("refuses a document over 20 MB with 413, naming the file field", async () => {
    const upload = await uploadFile("film.mov", Buffer.alloc(30 * 1024 * 1024, 1));
    expect(upload.status).toBe(413);
    expect(upload.headers["content-type"]).toContain("application/problem+json");
    expect(upload.body).toMatchObject({
      code: "payload_too_large",
      detail: "Documents may be at most 20 MB",
      maxBytes: 20 * 1024 * 1024,
      errors: [{ field: "file", code: "too_large" }],
    });
    const timeline = await api.call({ url: `/api/people/${personId}/timeline?kinds=document` });
    expect(timeline.body.items.map((item: { title: string }) => item.title)).not.toContain("film.mov");
  });

  it("refuses an empty document, naming the file field", async () => {
    const upload = await uploadFile("tom.txt", Buffer.alloc(0));
    expect(upload.status).toBe(400);
    expect(upload.body).toMatchObject({ code: "validation_failed", errors: [{ field: "file", code: "empty" }] });
  });

  it("keeps tasks with due dates and lets them be completed", async () => {
    const tasks = await api.call({ url: `/api/tasks?personId=${personId}` });
    expect(tasks.body.items).toHaveLength(1);
    const task = tasks.body.items[0];
    expect(task).toMatchObject({ subject: "Ring tillbaka", status: "open", dueAt: "2026-03-05T12:00:00.000Z" });
    // A to-do list names whom each task is about, by the name the customer goes by.
    expect(task.customer).toEqual({ kind: "person", id: personId, name: "Stig Berg" });
    const done = await api.call({ method: "PATCH", url: `/api/tasks/${task.id}`, payload: { status: "done" } });
    expect(done.body.status).toBe("done");
    expect((await api.call({ url: `/api/tasks?personId=${personId}` })).body.items).toHaveLength(0);
  });
});
