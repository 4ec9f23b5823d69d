import { Divider, NavLink, Stack } from "@mantine/core";
import { Link, useMatchRoute } from "@tanstack/react-router";
import { Fragment } from "react";
import { useMe } from "../auth/me-query";
import { useI18n } from "../i18n/use-i18n";
import { MODULES } from "./modules";

export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useI18n();
  const user = useMe();
  const matchRoute = useMatchRoute();
  const visible = MODULES.filter((module) => !("adminOnly" in module) || user.role === "admin");
  return (
    <Stack gap={2}>
      {visible.map((module) => (
        <Fragment key={module.key}>
          {"adminOnly" in module && <Divider my="xs" />}
          <NavLink
            label={t.modules[module.key]}
            active={Boolean(matchRoute({ to: module.path, fuzzy: module.path !== "/" }))}
            onClick={onNavigate}
            renderRoot={(props) => <Link to={module.path} {...props} />}
            fw={500}
            style={{ borderRadius: "var(--mantine-radius-md)" }}
          />
        </Fragment>
      ))}
    </Stack>
  );
}
