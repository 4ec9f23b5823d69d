import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/api";
import { csrfToken } from "../api/csrf-token";
import type { User } from "../api/types";
import { localeStore } from "../i18n/locale-store";
import { meQuery } from "./me-query";

export interface Credentials {
  email: string;
  password: string;
}

interface SignedIn {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => api<SignedIn>("/api/auth/login", { method: "POST", body: credentials }),
    onSuccess: ({ user, csrfToken: token }) => {
      csrfToken.set(token);
      queryClient.setQueryData(meQuery.queryKey, user);
      localeStore.set(user.locale);
    },
  });
}
