import { describe, expect, it } from "vitest";
import { type ActionDraft, actionDraft, actionOf, newAction } from "./action-draft";
import type { RuleAction } from "./types";

const roundTrip = (action: RuleAction) => actionOf(actionDraft(action));
/** A new action's form, typed as its kind of action. */
const fresh = <T extends ActionDraft["type"]>(type: T) => newAction(type) as Extract<ActionDraft, { type: T }>;
/** The action as the request body carries it: what is undefined is not sent at all. */
const sent = (draft: ActionDraft) => JSON.parse(JSON.stringify(actionOf(draft))) as RuleAction;

describe("an action between its form and the API", () => {
  it("reads a saved message, case and escalation back as the same config", () => {
    const saved: RuleAction[] = [
      {
        type: "send_message",
        config: {
          channel: "email",
          purpose: "service",
          subject: "Hej {{ person.greetingName }}",
          body: "Hej {{ person.greetingName }},\n\ndin order är på väg.",
          html: "<p>Hej {{ person.greetingName }},</p>",
        },
      },
      {
        type: "open_case",
        config: {
          subject: "Ring {greetingName} {surname} om klagomålen",
          category: "callback",
          priority: "high",
          channel: "phone",
          line: 2,
          teamId: "5b0c7d9e-3f1a-4c2b-8e6d-9a0b1c2d3e4f",
          assigneeId: "0f9e8d7c-6b5a-4d3c-9b2a-1f0e9d8c7b6a",
        },
      },
      { type: "escalate", config: { category: "complaint", teamId: "5b0c7d9e-3f1a-4c2b-8e6d-9a0b1c2d3e4f" } },
    ];
    expect(saved.map(roundTrip)).toEqual(saved);
  });

  it("starts a new message as marketing e-mail, and a new case as normal, first line, by no particular channel", () => {
    expect(newAction("send_message")).toMatchObject({ channel: "email", purpose: "marketing", subject: "", html: "" });
    expect(newAction("open_case")).toMatchObject({
      priority: "normal",
      channel: "other",
      line: 1,
      teamId: null,
      assigneeId: null,
    });
    expect(sent(newAction("escalate"))).toEqual({ type: "escalate", config: {} });
  });

  it("leaves out what was not filled in, so a plain-text message has no HTML and an escalation takes every category", () => {
    const message = { ...fresh("send_message"), subject: "  Hej {{ person.greetingName }} ", html: " \n" };
    expect(sent(message).config).toEqual({
      channel: "email",
      purpose: "marketing",
      subject: "Hej {{ person.greetingName }}",
      body: "",
    });
    const escalation = { ...fresh("escalate"), category: "   ", teamId: null };
    expect(sent(escalation)).toEqual({ type: "escalate", config: {} });
    const opened = { ...fresh("open_case"), subject: "Ring {greetingName}" };
    expect(sent(opened).config).toEqual({
      subject: "Ring {greetingName}",
      priority: "normal",
      channel: "other",
      line: 1,
    });
  });

  it("keeps what the app has no form or word for as it came, so saving again changes nothing", () => {
    const future: RuleAction = { type: "send_sms", config: { text: "Hej" } };
    expect(roundTrip(future)).toEqual(future);
    const bySms: RuleAction = {
      type: "send_message",
      config: { channel: "sms", purpose: "marketing", subject: "Hej", body: "Hej {{ person.greetingName }}" },
    };
    expect(roundTrip(bySms)).toEqual(bySms);
  });
});
