import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { api } from "../api/api";
import { csrfToken } from "../api/csrf-token";
import { forgetSessionData } from "../api/forget-session-data";

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api<void>("/api/auth/logout", { method: "POST" }),
    // Signed out or not on the server, this browser forgets the session either way.
    onSettled: async () => {
      csrfToken.clear();
      await navigate({ to: "/login" });
      forgetSessionData(queryClient);
    },
  });
}
