import type { TActionContext } from "../../modules/rules";

/** A rule action's subject with `{greetingName}` and `{surname}` filled in for the person. */
export function personalSubject(subject: string, person: { greetingName: string; surname: string }): string {
  return subject.replaceAll("{greetingName}", person.greetingName).replaceAll("{surname}", person.surname);
}

/** Why a rule acted, for the task or case it leaves behind: its name and its explanation. */
export function firingText(target: TActionContext): string {
  return [`Regeln "${target.ruleName}" utlöstes:`, ...target.explanation].join("\n");
}
