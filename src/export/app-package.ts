// What makes the learner's lesson 08 folder a project of its own: a package.json with the
// versions the playground has installed (the ones the checks passed with), a package-lock.json
// cut from the playground's, a tsconfig.json for the editor and `npm run typecheck`, and a
// .gitignore that keeps the secrets out of git.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../lessons/catalog.ts';
import { lockfileFor, type Lockfile } from './app-lockfile.ts';

/** What the app loads when it runs (tsx runs its TypeScript), then what only the editor and tsc need. */
const runtimePackages = ['express', 'mongoose', 'multer', 'imagekit', 'tsx'];
const typePackages = ['typescript', '@types/node', '@types/express', '@types/multer'];

const scripts = {
  start: 'node --env-file=.env --import tsx server.ts',
  dev: 'node --env-file=.env --watch --import tsx server.ts',
  typecheck: 'tsc',
};

const tsconfig = {
  compilerOptions: {
    target: 'es2022',
    lib: ['es2023'],
    module: 'nodenext',
    moduleResolution: 'nodenext',
    // tsx runs the .ts files as they are: imports name them with .ts, and nothing is compiled.
    allowImportingTsExtensions: true,
    noEmit: true,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    isolatedModules: true,
    types: ['node'],
  },
  include: ['server.ts', 'src'],
};

const gitignore = '# Your secrets, and what npm install makes: never committed.\n.env\nnode_modules/\n';

type Manifest = Record<string, unknown>;

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8'));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each package at the version installed in the playground: exact, never a range. */
async function pinned(names: string[]): Promise<Record<string, string>> {
  const entries = await Promise.all(
    names.map(async (name) => {
      const manifest = await readJson(path.join(projectRoot, 'node_modules', name, 'package.json'));
      return [name, (manifest as { version: string }).version] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** The playground's own lockfile; undefined when it has none that can be read. */
async function projectLockfile(): Promise<Lockfile | undefined> {
  const lock = await readJson(path.join(projectRoot, 'package-lock.json')).catch(() => undefined);
  return isRecord(lock) && isRecord(lock.packages) ? (lock as unknown as Lockfile) : undefined;
}

/**
 * The project files of the exported app, by name. `learners` is the learner's own package.json,
 * if any: its name, scripts and extra dependencies are kept, and the versions here win.
 */
export async function appProjectFiles(learners: string | undefined): Promise<Map<string, string>> {
  let own: Manifest = {};
  try {
    const parsed: unknown = JSON.parse(learners ?? '{}');
    if (isRecord(parsed)) own = parsed;
  } catch {
    // A package.json that is not JSON any more: the export's own stands in for it.
  }
  const project = (await readJson(path.join(projectRoot, 'package.json'))) as Manifest;
  const owns = (field: string) => (isRecord(own[field]) ? own[field] : {});
  const dependencies = { ...owns('dependencies'), ...(await pinned(runtimePackages)) } as Record<string, string>;
  const devDependencies = { ...owns('devDependencies'), ...(await pinned(typePackages)) } as Record<string, string>;
  const engines = project.engines as Record<string, string> | undefined;
  const manifest: Manifest = {
    name: 'songs-app',
    private: true,
    type: 'module',
    ...own,
    scripts: { ...scripts, ...owns('scripts') },
    dependencies,
    devDependencies,
    engines,
  };
  const found = await projectLockfile();
  const lock = found && lockfileFor(found, { name: String(manifest.name), dependencies, devDependencies, engines });
  // The install scripts the playground allows (esbuild's, for tsx), for the packages the app has too.
  if (lock && isRecord(project.allowScripts)) {
    const names = new Set(Object.keys(lock.packages).map((place) => place.split('node_modules/').at(-1)));
    const allowed = Object.entries(project.allowScripts).filter(([name]) => names.has(name));
    if (allowed.length) manifest.allowScripts = Object.fromEntries(allowed);
  }
  const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
  const files = new Map([
    ['package.json', json(manifest)],
    ['tsconfig.json', json(tsconfig)],
    ['.gitignore', gitignore],
  ]);
  if (lock) files.set('package-lock.json', json(lock));
  return files;
}
