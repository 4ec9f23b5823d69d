import type { QueryClient } from "@tanstack/react-query";
import { redirect } from "@tanstack/react-router";
import { ApiProblem } from "../api/api-problem";
import type { User } from "../api/types";
import { localeStore } from "../i18n/locale-store";
import { meQuery } from "./me-query";
import { signInSearch } from "./sign-in-search";

/** Route guard of the shell: the signed-in user, or a trip to the sign-in page and back. */
export async function requireUser(queryClient: QueryClient, returnTo: string): Promise<User> {
  try {
    const user = await queryClient.ensureQueryData(meQuery);
    localeStore.set(user.locale);
    return user;
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) {
      throw redirect({ to: "/login", search: signInSearch(returnTo) });
    }
    throw error;
  }
}
