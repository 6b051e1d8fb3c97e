/**
 * The files a `juju deploy ./bundle.yaml --overlay ./o.yaml` command carries — the
 * bundle, its overlays and the charm files found beside it, keyed by path — and what
 * the engine reads from them: the bundle (bundle.ts), where each application's charm
 * is (Juju's places, in order), and on which machine each unit goes (`to:`).
 *
 * Paths are plain strings, normalised lexically (paths.ts): the CLI reads them from
 * disk, the app from the files the user opened; the engine never touches a file system.
 */
import { parseBundle, BundleError, type Bundle, type BundleApplication, type BundleFile } from './bundle.ts';
import type { CharmLookup } from './bundlePlan.ts';
import type { SimState } from './model.ts';
import { CHARM_FILE, dirOf, joinPath, normalizePath } from './paths.ts';

type Files = Readonly<Record<string, string>>;

/** The files of the bundle and its overlays, in order; a missing one is a BundleError naming it. */
export function bundleFilesOf(path: string, overlays: readonly string[], files: Files): { main: BundleFile; overlays: BundleFile[] } {
  const read = (p: string): BundleFile => {
    const text = files[normalizePath(p)];
    if (text === undefined) throw new BundleError([{ file: p, line: 1, message: `file "${p}" not found` }]);
    return { name: p, text };
  };
  return { main: read(path), overlays: overlays.map(read) };
}

/** The bundle a deploy-bundle command names, overlays applied; throws BundleError. */
export function readBundle(cmd: { readonly path: string; readonly overlays: readonly string[]; readonly files: Files }): Bundle {
  const { main, overlays } = bundleFilesOf(cmd.path, cmd.overlays, cmd.files);
  return parseBundle(main, overlays);
}


/**
 * Juju's places for an application's charm, relative to the bundle's directory: the
 * local path the bundle gives, then `charms/<name>/`, then `<name>/`.
 */
export function charmPlaces(app: Pick<BundleApplication, 'charm'>): string[] {
  return [...(app.charm.kind === 'path' ? [app.charm.raw] : []), `charms/${app.charm.name}`, app.charm.name];
}

/** A CharmLookup over carried files: the first of Juju's places that holds charm metadata. */
export function filesLookup(bundlePath: string, files: Files): CharmLookup {
  const dir = dirOf(bundlePath);
  const byDir = new Map<string, Record<string, string>>();
  for (const [path, text] of Object.entries(files)) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (!CHARM_FILE.test(name)) continue;
    const d = dirOf(path);
    const own = byDir.get(d) ?? {};
    own[name] = text;
    byDir.set(d, own);
  }
  return (app) => {
    for (const place of charmPlaces(app)) {
      const own = byDir.get(joinPath(dir, place));
      if (own && (own['metadata.yaml'] !== undefined || own['charmcraft.yaml'] !== undefined)) return { path: place, files: own };
    }
    return null;
  };
}

const MACHINE = /^\d+$/;
const UNIT = /^([a-z][a-z0-9-]*)\/(\d+)$/;
const APP = /^[a-z][a-z0-9-]*$/;

/**
 * Where a bundle's units go (`to:`), as Juju's bundle changes place them: a bundle
 * machine (`"0"`) is one new machine shared by every unit placed on it; `<app>/<n>`
 * is that unit's machine; a bare `<app>` spreads the units over that application's
 * units; `lxd:…`, `kvm:…` and `new` are a machine of their own (a container is its own
 * machine for co-location); units past the last directive go to new machines.
 */
export class Placement {
  private readonly bundleMachines = new Map<string, number>();
  private readonly placed = new Map<string, number>();
  private readonly resolving = new Set<string>();

  constructor(
    private readonly state: SimState,
    private readonly to: ReadonlyMap<string, readonly string[]>,
  ) {}

  /** The machine of the i-th unit of `app`; a new machine number when it has none yet. */
  machineFor(app: string, i: number): number {
    const key = `${app}/${i}`;
    const known = this.placed.get(key);
    if (known !== undefined) return known;
    const machine = this.resolve(app, i) ?? this.state.nextMachine++;
    this.placed.set(key, machine);
    return machine;
  }

  private resolve(app: string, i: number): number | undefined {
    const key = `${app}/${i}`;
    if (this.resolving.has(key)) return undefined; // a placement cycle: a new machine breaks it
    const directives = this.to.get(app) ?? [];
    let d = directives[i];
    if (d === undefined && directives.length === 1 && APP.test(directives[0] as string)) d = directives[0];
    if (d === undefined) return undefined;
    if (MACHINE.test(d)) {
      let m = this.bundleMachines.get(d);
      if (m === undefined) {
        m = this.state.nextMachine++;
        this.bundleMachines.set(d, m);
      }
      return m;
    }
    const unit = UNIT.exec(d) ?? (APP.test(d) ? [d, d, String(i)] : null);
    if (unit === null || !this.to.has(unit[1] as string)) return undefined;
    this.resolving.add(key);
    try {
      return this.machineFor(unit[1] as string, Number(unit[2]));
    } finally {
      this.resolving.delete(key);
    }
  }
}

