// `npm test` runs dependency-cruiser with these rules (src/prove/static-checks.ts).
// The two servers in packages/ are used only through their package's public entry (its
// package.json "exports"), their own code and the lessons' apps import nothing of the engine's,
// and no import cycle exists anywhere.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'An import cycle: each file needs the other loaded first. Move what both need into a file of its own.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'package-insides',
      severity: 'error',
      comment: "Outside a package, import it by its name ('@playground/…'), which reaches only its public entry.",
      from: { pathNot: '^packages/([^/]+)/' },
      to: { path: '^packages/', dependencyTypes: ['local'] },
    },
    {
      name: 'package-stands-alone',
      severity: 'error',
      comment: "A package's code imports only itself, Node and npm packages: it must work outside this project.",
      from: { path: '^packages/([^/]+)/src/' },
      to: { pathNot: ['^packages/$1/src/', 'node_modules'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'lesson-app-stands-alone',
      severity: 'error',
      comment:
        "A lesson's app (and lessons/shared/) imports nothing from the engine (src/): the engine imports the app, as express's examples are imported by their tests.",
      from: { path: '^lessons/([^/]+/app[.]ts|shared/)' },
      to: { path: '^src/' },
    },
  ],
  options: {
    includeOnly: '^(src|packages|lessons|tests|bench|node_modules)/',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^lessons/[^/]+/(starter|mistakes)/|^tests/engine/fixtures/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.mjs', '.js', '.json'],
      conditionNames: ['import', 'node', 'default'],
    },
  },
};
