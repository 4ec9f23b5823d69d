import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../api/api";
import type { User } from "../api/types";
import type { Locale } from "../i18n/locale";
import { localeStore } from "../i18n/locale-store";
import { meQuery } from "./me-query";

/**
 * Switches the UI at once and saves the choice; a failed save switches back. Once saved, what
 * the server words for the reader (the rules' explanations) is asked for again in the new language.
 */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  const apply = (locale: Locale) => {
    localeStore.set(locale);
    queryClient.setQueryData(meQuery.queryKey, (me) => me && { ...me, locale });
  };
  return useMutation({
    mutationFn: (locale: Locale) => api<User>("/api/me", { method: "PATCH", body: { locale } }),
    onMutate: (locale) => {
      const previous = localeStore.get();
      apply(locale);
      return { previous };
    },
    onError: (_error, _locale, saved) => {
      if (saved) apply(saved.previous);
    },
    onSuccess: async (user) => {
      queryClient.setQueryData(meQuery.queryKey, user);
      await queryClient.invalidateQueries();
    },
  });
}
