import "@mantine/core/styles.css";
import "@mantine/dates/styles.css";
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { csrfToken } from "./api/csrf-token";
import { forgetSessionData } from "./api/forget-session-data";
import { createQueryClient } from "./api/query-client";
import { signInSearch } from "./auth/sign-in-search";
import { DatesLocaleProvider } from "./i18n/dates-locale-provider";
import { createAppRouter } from "./router";
import { theme } from "./theme";

const queryClient = createQueryClient(() => void returnToSignIn());
const router = createAppRouter(queryClient);

/** The session is gone (expired, signed out elsewhere, or no CSRF token in this tab). */
async function returnToSignIn(): Promise<void> {
  csrfToken.clear();
  const { pathname, href } = router.state.location;
  if (pathname === "/login") return;
  await router.navigate({ to: "/login", search: signInSearch(href) });
  forgetSessionData(queryClient);
}

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <DatesLocaleProvider>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DatesLocaleProvider>
    </MantineProvider>
  </StrictMode>,
);
