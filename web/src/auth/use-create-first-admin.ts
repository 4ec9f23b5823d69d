import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/api";
import type { User } from "../api/types";
import type { Locale } from "../i18n/locale";
import { setupQuery } from "./setup-query";
import { rememberSignIn, requestSignIn } from "./use-sign-in";

export interface FirstAdmin {
  name: string;
  email: string;
  password: string;
  locale: Locale;
}

/** Creates the installation's first administrator and signs in as them straight away. */
export function useCreateFirstAdmin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (admin: FirstAdmin) => {
      await api<User>("/api/setup", { method: "POST", body: admin });
      return requestSignIn({ email: admin.email, password: admin.password });
    },
    onSuccess: (signedIn) => {
      rememberSignIn(queryClient, signedIn);
      queryClient.setQueryData(setupQuery.queryKey, { needed: false });
    },
  });
}
