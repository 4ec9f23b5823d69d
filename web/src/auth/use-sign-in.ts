import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/api";
import { csrfToken } from "../api/csrf-token";
import type { User } from "../api/types";
import { localeStore } from "../i18n/locale-store";
import { meQuery } from "./me-query";

export interface Credentials {
  email: string;
  password: string;
}

export interface SignedIn {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

export const requestSignIn = (credentials: Credentials) =>
  api<SignedIn>("/api/auth/login", { method: "POST", body: credentials });

/** The browser keeps the session's CSRF token and the user, in the user's language. */
export function rememberSignIn(queryClient: QueryClient, { user, csrfToken: token }: SignedIn): void {
  csrfToken.set(token);
  queryClient.setQueryData(meQuery.queryKey, user);
  localeStore.set(user.locale);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestSignIn,
    onSuccess: (signedIn) => rememberSignIn(queryClient, signedIn),
  });
}
