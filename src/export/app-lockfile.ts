// The exported app's package-lock.json: the part of the playground's own lockfile that the
// app's dependencies use, every package at the same version and the same place. With it,
// `npm install` in the export installs exactly what the playground ran the checks with, and
// needs nothing from the registry that the playground's own `npm ci` did not already cache
// (without a lockfile, npm asks the registry for the full metadata of every dependency).

/** One package of a lockfile (lockfileVersion 3), keyed by its place: "node_modules/a/node_modules/b". */
export interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [field: string]: unknown;
}

export interface Lockfile {
  name?: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockEntry>;
}

/** What the root of the export declares: its package.json's fields that npm copies into the lockfile. */
interface LockRoot {
  name: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  engines?: Record<string, string>;
}

interface Edge {
  to: string;
  dev: boolean;
  optional: boolean;
  peer: boolean;
}

const flagNames = ['dev', 'optional', 'devOptional', 'peer'] as const;
type Flags = Record<(typeof flagNames)[number], boolean>;

/** Where `name` is found from the package at `from` ('' is the root), as Node looks it up: the nearest node_modules/ up the path. */
function resolveFrom(packages: Lockfile['packages'], from: string, name: string): string | undefined {
  for (let dir = from; ; ) {
    const place = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[place]) return place;
    if (!dir) return undefined;
    const parent = dir.lastIndexOf('/node_modules/');
    dir = parent < 0 ? '' : dir.slice(0, parent);
  }
}

/** The dependencies of the package at `from` (the root's dev ones included), each with the kind of its edge; those not in the lockfile left out. */
function edgesOf(packages: Lockfile['packages'], from: string, entry: LockEntry | LockRoot): Edge[] {
  // A workspace's place under node_modules/ only links to its folder, which holds its dependencies.
  if ((entry as LockEntry).link)
    return [{ to: String((entry as LockEntry).resolved), dev: false, optional: false, peer: false }];
  const kinds: [Record<string, string> | undefined, Omit<Edge, 'to'>][] = [
    [entry.dependencies, { dev: false, optional: false, peer: false }],
    [entry.optionalDependencies, { dev: false, optional: true, peer: false }],
  ];
  // The root's dev dependencies are installed, and so are a workspace's (a folder outside node_modules/).
  if (!from.startsWith('node_modules/') && !from.includes('/node_modules/'))
    kinds.push([(entry as LockRoot).devDependencies, { dev: true, optional: false, peer: false }]);
  else {
    const { peerDependencies, peerDependenciesMeta } = entry as LockEntry;
    for (const name of Object.keys(peerDependencies ?? {})) {
      const optional = peerDependenciesMeta?.[name]?.optional === true;
      kinds.push([{ [name]: '' }, { dev: false, optional, peer: true }]);
    }
  }
  return kinds.flatMap(([names, kind]) =>
    Object.keys(names ?? {}).flatMap((name) => {
      const to = resolveFrom(packages, from, name);
      return to ? [{ to, ...kind }] : [];
    }),
  );
}

/**
 * npm's dev, optional, devOptional and peer marks (as @npmcli/arborist's calc-dep-flags sets
 * them): every package starts with all four, and a mark is taken off along every edge that
 * does not carry it, from a package that does not have it, starting at the root.
 */
function depFlags(places: string[], edges: Map<string, Edge[]>): Map<string, Flags> {
  const flags = new Map<string, Flags>(
    places.map((place) => [place, { dev: true, optional: true, devOptional: true, peer: true }]),
  );
  flags.set('', { dev: false, optional: false, devOptional: false, peer: false });
  const queue = [''];
  for (let from = queue.pop(); from !== undefined; from = queue.pop()) {
    const node = flags.get(from)!;
    for (const edge of edges.get(from) ?? []) {
      const to = flags.get(edge.to)!;
      const unset = (name: keyof Flags, when: boolean) => {
        if (!when || !to[name]) return false;
        to[name] = false;
        return true;
      };
      const changed = [
        unset('dev', !node.dev && !edge.dev),
        unset('optional', !node.optional && !edge.optional),
        // Needed by dev packages and by optional ones alike: it goes only when both are left out.
        unset('devOptional', !node.devOptional && !node.dev && !node.optional && !edge.dev && !edge.optional),
        unset('peer', !node.peer && !edge.peer),
      ];
      if (changed.includes(true)) queue.push(edge.to);
    }
  }
  for (const mark of flags.values()) if (mark.dev || mark.optional) mark.devOptional = false;
  return flags;
}

/**
 * The lockfile of an app whose package.json declares `root`, cut from `project` (the
 * playground's lockfile); undefined when a dependency of `root` is not in it at the version
 * asked for (npm then resolves the app's versions itself).
 */
export function lockfileFor(project: Lockfile, root: LockRoot): Lockfile | undefined {
  const { packages } = project;
  const wanted = { ...root.dependencies, ...root.devDependencies, ...root.optionalDependencies };
  for (const [name, version] of Object.entries(wanted))
    if (packages[`node_modules/${name}`]?.version !== version) return undefined;

  // Every package the root reaches. An optional peer dependency is installed only when
  // something else needs it, so its edge alone does not bring it in.
  const edges = new Map<string, Edge[]>([['', edgesOf(packages, '', root)]]);
  const queue = [''];
  for (let from = queue.pop(); from !== undefined; from = queue.pop()) {
    for (const edge of edges.get(from)!) {
      if (edges.has(edge.to) || (edge.peer && edge.optional)) continue;
      edges.set(edge.to, edgesOf(packages, edge.to, packages[edge.to]));
      queue.push(edge.to);
    }
  }
  const places = [...edges.keys()].filter((place) => place !== '').sort();
  for (const [from, out] of edges)
    edges.set(
      from,
      out.filter((edge) => edges.has(edge.to)),
    );
  const flags = depFlags(places, edges);

  const lock: Lockfile = {
    name: root.name,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': {
        name: root.name,
        dependencies: root.dependencies,
        devDependencies: root.devDependencies,
        ...(root.engines ? { engines: root.engines } : {}),
        ...(root.optionalDependencies ? { optionalDependencies: root.optionalDependencies } : {}),
      },
    },
  };
  for (const place of places) {
    const entry: LockEntry = { ...packages[place] };
    for (const name of flagNames) delete entry[name];
    for (const name of flagNames) if (flags.get(place)![name]) entry[name] = true;
    lock.packages[place] = entry;
  }
  return lock;
}
