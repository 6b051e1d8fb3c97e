/**
 * The command union (types only): what a user, a script or a session can ask of the
 * model. Kept apart from commands.ts, which applies them, so that what applies a part of
 * a command (deployPlan.ts, limits.ts, bundlePlan.ts) can name the types without an
 * import cycle.
 */

/** An application, with one of its endpoints or none (`app` or `app:endpoint`). */
export interface EndpointRef {
  readonly app: string;
  readonly endpoint: string | null;
}

export type CharmSource =
  | { readonly kind: 'catalog'; readonly name: string }
  /** A charm directory or metadata file the caller read: file name → text. */
  | {
      readonly kind: 'files';
      readonly path: string;
      readonly files: Readonly<Record<string, string>>;
      /** Why the files could not be read (reported as the deploy's error). */
      readonly error?: string;
    };

export type Command =
  | { readonly type: 'deploy'; readonly charm: CharmSource; readonly app: string | null; readonly units: number | null }
  /**
   * `juju deploy ./bundle.yaml [--overlay ./o.yaml]…`: the bundle, its overlays and the
   * charm files beside it travel with the command (path → text; bundleFiles.ts).
   */
  | { readonly type: 'deploy-bundle'; readonly path: string; readonly overlays: readonly string[]; readonly files: Readonly<Record<string, string>> }
  /** relviz's `load-status ./status.json [--show-unit ./u.json]…`: the model a `juju status` shows, built (deployPlan.ts). */
  | { readonly type: 'load-status'; readonly path: string; readonly showUnits: readonly string[]; readonly files: Readonly<Record<string, string>> }
  | { readonly type: 'add-unit'; readonly app: string; readonly units: number }
  | { readonly type: 'remove-unit'; readonly units: readonly string[] }
  | { readonly type: 'integrate'; readonly a: EndpointRef; readonly b: EndpointRef }
  | { readonly type: 'remove-relation'; readonly a: EndpointRef; readonly b: EndpointRef }
  | { readonly type: 'remove-application'; readonly app: string }
  | { readonly type: 'run-action'; readonly unit: string; readonly action: string; readonly params: ReadonlyArray<readonly [string, string]>; readonly syntax: '3' | '2.9' }
  | { readonly type: 'exec'; readonly unit: string; readonly commandLine: string; readonly syntax: '3' | '2.9' }
  /**
   * relviz's `set-code <app> <path>`: from this tick on, the application's hooks run this
   * code (a charm deployed from a folder with code). Not Juju: `juju refresh --path` would
   * also run upgrade-charm; relviz swaps the code between two hooks so a developer can
   * re-run a history with an edited handler.
   */
  | { readonly type: 'set-code'; readonly app: string; readonly path: string; readonly files: Readonly<Record<string, string>> }
  /** Fault injection: the next run of `hook` exits 1 (`times` runs, or every run with 'always'; absent: once). */
  | { readonly type: 'fail'; readonly unit: string; readonly hook: string; readonly times?: number | 'always' }
  /** `juju model-config`: with no settings and no key, the table; with `get`, one value; else sets. */
  | { readonly type: 'model-config'; readonly get: string | null; readonly settings: ReadonlyArray<readonly [string, string]> }
  | { readonly type: 'resolve'; readonly unit: string; readonly noRetry: boolean }
  | { readonly type: 'status'; readonly relations: boolean }
  /** `juju export-bundle`: the model as a bundle (bundleExport.ts). */
  | { readonly type: 'export-bundle' }
  | { readonly type: 'show-unit'; readonly unit: string }
  /** Run `count` hooks; with `unit` (manual mode) that unit runs next, with `pick` its n-th candidate. */
  | { readonly type: 'step'; readonly count: number; readonly unit: string | null; readonly pick: number | null }
  | { readonly type: 'wait' };

export type CommandType = Command['type'];

export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}
