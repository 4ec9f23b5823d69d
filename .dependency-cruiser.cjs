/** The house rules of DESIGN.md, enforced on every lint run. */
module.exports = {
  forbidden: [
    {
      name: "modules-are-independent",
      comment: "A module never imports another module: cross-module work is a flow or an event handler.",
      severity: "error",
      from: { path: "^src/modules/([^/]+)/", pathNot: "\\.test\\.ts$" },
      to: { path: "^src/modules/([^/]+)/", pathNot: "^src/modules/$1/" },
    },
    {
      name: "modules-only-through-index",
      comment: "Outside a module, only its index.ts may be imported.",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/modules/([^/]+)/", "\\.test\\.ts$"] },
      to: { path: "^src/modules/[^/]+/(?!index\\.ts$)" },
    },
    {
      name: "adapters-never-touch-db",
      comment: "Routes, CLI commands and the web app call verbs; they do not reach the database.",
      severity: "error",
      from: { path: "^src/(http|cli)/" },
      to: { path: "^src/db/" },
    },
    {
      name: "kernel-below-modules",
      comment: "The kernel knows nothing of modules, flows or adapters.",
      severity: "error",
      from: { path: "^src/(kernel|db)/" },
      to: { path: "^src/(modules|flows|http|cli|app)/" },
    },
    {
      name: "web-is-separate",
      comment: "The browser app talks to the server over HTTP only.",
      severity: "error",
      from: { path: "^web/" },
      to: { path: "^src/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: { path: "^src/(kernel|db|modules)/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "node_modules" },
  },
};
