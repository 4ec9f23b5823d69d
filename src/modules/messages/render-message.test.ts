import { describe, expect, it } from "vitest";
import { AppError } from "../../kernel/errors";
import { renderMessage, templateProblem } from "./render-message";

const stig = {
  person: { greetingName: "Stig", givenNames: "Karl Stig Emanuel", surname: "Ek & <Söner>", email: "stig@example.se" },
};

async function fieldsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).fields;
}

describe("renderMessage", () => {
  it("greets by the preferred given name and escapes values only in the HTML body", async () => {
    const rendered = await renderMessage(
      {
        subject: "Hej {{ person.greetingName }}!",
        body: "Hej {{ person.greetingName }} {{ person.surname }}",
        html: "<p>Hej {{ person.greetingName }} {{ person.surname }}</p>",
      },
      stig,
    );
    expect(rendered).toEqual({
      subject: "Hej Stig!",
      bodyText: "Hej Stig Ek & <Söner>",
      bodyHtml: "<p>Hej Stig Ek &amp; &lt;Söner&gt;</p>",
    });
  });

  it("prints nothing for what the person does not have, and nothing from outside the variables", async () => {
    const rendered = await renderMessage(
      {
        subject: "Hej",
        body: "[{{ person.phone }}][{{ person.constructor.name }}][{{ person.__proto__ }}][{{ process }}]",
      },
      stig,
    );
    expect(rendered.bodyText).toBe("[][][][]");
  });

  it("names the template at fault: syntax, unknown filters and partials from disk", async () => {
    expect(await fieldsOf(renderMessage({ subject: "Hej {{ person.greetingName", body: "x" }, stig))).toEqual([
      expect.objectContaining({ field: "subject", code: "template_syntax" }),
    ]);
    expect(await fieldsOf(renderMessage({ subject: "Hej", body: "{{ person.surname | shout }}" }, stig))).toEqual([
      expect.objectContaining({ field: "body", code: "template_syntax" }),
    ]);
    for (const tag of ["{% include '/etc/passwd' %}", "{% render 'footer' %}", "{% layout 'base' %}"]) {
      expect(await fieldsOf(renderMessage({ subject: "Hej", body: "x", html: tag }, stig))).toEqual([
        expect.objectContaining({ field: "html", code: "template_not_allowed" }),
      ]);
    }
  });

  it("stops a template that would run away with memory", async () => {
    const fields = await fieldsOf(
      renderMessage(
        {
          subject: "Hej",
          body: "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}",
        },
        stig,
      ),
    );
    expect(fields).toEqual([expect.objectContaining({ field: "body", code: "template_render" })]);
  });

  it("keeps the subject on one line and refuses one that renders empty", async () => {
    const rendered = await renderMessage({ subject: "Hej\n{{ person.greetingName }}", body: "x" }, stig);
    expect(rendered.subject).toBe("Hej Stig");
    expect(await fieldsOf(renderMessage({ subject: "{{ person.nickname }}", body: "x" }, stig))).toEqual([
      expect.objectContaining({ field: "subject", code: "template_empty" }),
    ]);
  });

  it("checks a template without rendering it, for rules saved now and fired later", () => {
    expect(templateProblem("Hej {{ person.greetingName }}")).toBeNull();
    expect(templateProblem("{% if %}")).toMatchObject({ code: "template_syntax" });
    expect(templateProblem("{% include 'x' %}")).toMatchObject({ code: "template_not_allowed" });
  });
});
