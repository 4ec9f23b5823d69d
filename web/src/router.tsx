import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import { AdminPage } from "./admin/admin-page";
import { requireUser } from "./auth/require-user";
import { validateDuplicatesSearch } from "./duplicates/duplicates-search";
import { pairReviewQuery } from "./duplicates/queries";
import { ComputedTraitsPage } from "./events/computed-traits-page";
import { EventStreamPage } from "./events/event-stream-page";
import { validateEventStreamSearch } from "./events/event-stream-search";
import { EventsLayout } from "./events/events-layout";
import { IdentityConflictsPage } from "./events/identity-conflicts-page";
import { SourceDebuggerPage } from "./events/source-debugger-page";
import { SourcesPage } from "./events/sources-page";
import { OrganizationPage } from "./organizations/organization-page";
import { OrganizationsPage } from "./organizations/organizations-page";
import { validateOrganizationsSearch } from "./organizations/organizations-search";
import { organizationQuery } from "./organizations/queries";
import { ComingSoonPage } from "./pages/coming-soon-page";
import { ErrorPage } from "./pages/error-page";
import { LoginPage } from "./pages/login-page";
import { NotFoundPage } from "./pages/not-found-page";
import { OverviewPage } from "./pages/overview-page";
import { PendingPage } from "./pages/pending-page";
import { PeoplePage } from "./people/people-page";
import { validatePeopleSearch } from "./people/people-search";
import { PersonPage } from "./people/person-page";
import { personQuery } from "./people/queries";
import { ruleFieldsQuery, ruleQuery } from "./rules/queries";
import { validateRulePageSearch } from "./rules/rule-page-search";
import { AppLayout } from "./shell/app-layout";
import type { ModuleKey, ModulePath } from "./shell/modules";

interface RouterContext {
  queryClient: QueryClient;
}

interface LoginSearch {
  redirect?: string;
}

/** Only a page of this app may be returned to after signing in, never another site. */
function returnPath(value: unknown): string | undefined {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return undefined;
  return value.startsWith("/login") ? undefined : value;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  validateSearch: (search: Record<string, unknown>): LoginSearch => ({ redirect: returnPath(search.redirect) }),
  component: LoginPage,
});

const shellRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "shell",
  beforeLoad: async ({ context, location }) => ({ user: await requireUser(context.queryClient, location.href) }),
  component: AppLayout,
});

const overviewRoute = createRoute({ getParentRoute: () => shellRoute, path: "/", component: OverviewPage });

const peopleRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/people",
  validateSearch: validatePeopleSearch,
  component: PeoplePage,
});

const personRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/people/$personId",
  loader: ({ context, params }) => context.queryClient.ensureQueryData(personQuery(params.personId)),
  component: PersonPage,
});

const duplicatesRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/people/duplicates",
  validateSearch: validateDuplicatesSearch,
  // The queue and the review load when first opened, since few users work the queue; with them
  // in the main bundle it passed the build's 1 000 kB warning limit.
  component: lazyRouteComponent(() => import("./duplicates/duplicates-page"), "DuplicatesPage"),
});

const pairReviewRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/people/duplicates/$candidateId",
  loader: ({ context, params }) => context.queryClient.ensureQueryData(pairReviewQuery(params.candidateId)),
  component: lazyRouteComponent(() => import("./duplicates/pair-review-page"), "PairReviewPage"),
});

const organizationsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/organizations",
  validateSearch: validateOrganizationsSearch,
  component: OrganizationsPage,
});

const organizationRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/organizations/$organizationId",
  loader: ({ context, params }) => context.queryClient.ensureQueryData(organizationQuery(params.organizationId)),
  component: OrganizationPage,
});

const eventsRoute = createRoute({ getParentRoute: () => shellRoute, path: "/events", component: EventsLayout });

const eventStreamRoute = createRoute({
  getParentRoute: () => eventsRoute,
  path: "/",
  validateSearch: validateEventStreamSearch,
  component: EventStreamPage,
});

const sourcesRoute = createRoute({ getParentRoute: () => eventsRoute, path: "/sources", component: SourcesPage });

const sourceDebuggerRoute = createRoute({
  getParentRoute: () => eventsRoute,
  path: "/sources/$sourceId",
  component: SourceDebuggerPage,
});

const computedTraitsRoute = createRoute({
  getParentRoute: () => eventsRoute,
  path: "/traits",
  component: ComputedTraitsPage,
});

const identityConflictsRoute = createRoute({
  getParentRoute: () => eventsRoute,
  path: "/conflicts",
  component: IdentityConflictsPage,
});

const rulesRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/rules",
  // The rule builder loads when first opened, as the duplicate queue does, to keep the main bundle
  // under the build's 1 000 kB warning limit.
  component: lazyRouteComponent(() => import("./rules/rules-page"), "RulesPage"),
});

const newRuleRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/rules/new",
  loader: ({ context }) => context.queryClient.ensureQueryData(ruleFieldsQuery),
  component: lazyRouteComponent(() => import("./rules/new-rule-page"), "NewRulePage"),
});

const ruleRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/rules/$ruleId",
  validateSearch: validateRulePageSearch,
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.ensureQueryData(ruleQuery(params.ruleId)),
      context.queryClient.ensureQueryData(ruleFieldsQuery),
    ]),
  component: lazyRouteComponent(() => import("./rules/rule-page"), "RulePage"),
});

const adminRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: "/admin",
  beforeLoad: ({ context }) => {
    if (context.user.role !== "admin") throw redirect({ to: "/" });
  },
  component: AdminPage,
});

function comingRoute<TPath extends ModulePath>(path: TPath, module: ModuleKey) {
  return createRoute({
    getParentRoute: () => shellRoute,
    path,
    component: () => <ComingSoonPage module={module} />,
  });
}

const routeTree = rootRoute.addChildren([
  loginRoute,
  shellRoute.addChildren([
    overviewRoute,
    peopleRoute,
    personRoute,
    duplicatesRoute,
    pairReviewRoute,
    organizationsRoute,
    organizationRoute,
    eventsRoute.addChildren([
      eventStreamRoute,
      sourcesRoute,
      sourceDebuggerRoute,
      computedTraitsRoute,
      identityConflictsRoute,
    ]),
    rulesRoute,
    newRuleRoute,
    ruleRoute,
    comingRoute("/sales", "sales"),
    comingRoute("/campaigns", "campaigns"),
    comingRoute("/cases", "cases"),
    comingRoute("/journey", "journey"),
    adminRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPendingComponent: PendingPage,
    // Each route shows its own failure in its place, so a record that cannot be opened keeps the
    // navigation around it instead of leaving a blank page with one message.
    defaultErrorComponent: ErrorPage,
    // TanStack Query already caches the data; the router should not hold a second copy.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
