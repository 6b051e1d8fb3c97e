/**
 * Compact per-relation indexes over the remote units of one application, for the
 * resolver (JUJU-SEMANTICS §2, "sorted by unit name"). Every unit a LocalRelation
 * tracks belongs to one application, so a unit is stored as its number: the heaps
 * are arrays of small integers and the member table a dense array indexed by unit
 * number. On big models (1000 × 1000 units) this keeps each unit's indexes a few
 * kilobytes instead of tens, and heap comparisons never chase string pointers —
 * which is what made the cost per hook grow with model size.
 */

/** The number of a unit name (`worker/12` → 12), without allocating. */
export function unitNumber(name: string): number {
  let n = 0;
  let mul = 1;
  for (let i = name.length - 1; i >= 0; i--) {
    const c = name.charCodeAt(i);
    if (c === 47) return n; // '/'
    n += (c - 48) * mul;
    mul *= 10;
  }
  return n;
}

const interned = new Map<string, string[]>();

/** `app/n`, interned so that map lookups reuse the string's cached hash. */
export function unitName(app: string, n: number): string {
  let names = interned.get(app);
  if (!names) {
    names = [];
    interned.set(app, names);
  }
  return (names[n] ??= `${app}/${n}`);
}

/** Order keys by unit number, computed once (0: not yet; every key is above 0). A typed array keeps them unboxed. */
let keys = new Float64Array(1024);

/**
 * A number whose numeric order is Juju's string order of unit numbers:
 * `10` < `2` (as "worker/10" < "worker/2"), and `1` < `10` (a prefix sorts first).
 * Exact for unit numbers below 10^9.
 */
export function nameOrderKey(n: number): number {
  if (n < keys.length) {
    const k = keys[n] as number;
    if (k !== 0) return k;
  } else {
    const grown = new Float64Array(Math.max(keys.length * 2, n + 1));
    grown.set(keys);
    keys = grown;
  }
  const s = String(n);
  const k = Number(`0.${s}`) + s.length * 1e-12;
  keys[n] = k;
  return k;
}

/** A min-heap of the units of one application, in name order; entries may go stale (the resolver re-checks the top). */
export class UnitHeap {
  constructor(
    readonly app: string,
    private items: number[] = [],
  ) {}

  get size(): number {
    return this.items.length;
  }

  peek(): string | undefined {
    const top = this.items[0];
    return top === undefined ? undefined : unitName(this.app, top);
  }

  push(name: string): void {
    const a = this.items;
    const n = unitNumber(name);
    const key = nameOrderKey(n);
    a.push(n);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = a[p] as number;
      if (nameOrderKey(parent) <= key) break;
      a[i] = parent;
      i = p;
    }
    a[i] = n;
  }

  pop(): void {
    const a = this.items;
    const last = a.pop();
    if (a.length === 0 || last === undefined) return;
    const key = nameOrderKey(last);
    let i = 0;
    const len = a.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= len) break;
      const r = l + 1;
      let c = l;
      if (r < len && nameOrderKey(a[r] as number) < nameOrderKey(a[l] as number)) c = r;
      if (nameOrderKey(a[c] as number) >= key) break;
      a[i] = a[c] as number;
      i = c;
    }
    a[i] = last;
  }

  clone(): UnitHeap {
    return new UnitHeap(this.app, this.items.slice());
  }

  /** A heap already holding `names` (any order). */
  static of(app: string, names: Iterable<string>): UnitHeap {
    const h = new UnitHeap(app);
    for (const name of names) h.push(name);
    return h;
  }
}

/** Remote unit → the bag version the charm last saw; a dense array by unit number (0 = not a member). */
export class MemberTable {
  private versions: number[];
  private count: number;

  constructor(
    readonly app: string,
    versions: number[] = [],
    count = 0,
  ) {
    this.versions = versions;
    this.count = count;
  }

  get size(): number {
    return this.count;
  }

  has(name: string): boolean {
    return (this.versions[unitNumber(name)] ?? 0) !== 0;
  }

  get(name: string): number | undefined {
    const v = this.versions[unitNumber(name)] ?? 0;
    return v === 0 ? undefined : v - 1;
  }

  set(name: string, version: number): void {
    const n = unitNumber(name);
    const a = this.versions;
    while (a.length <= n) a.push(0);
    if (a[n] === 0) this.count++;
    a[n] = version + 1;
  }

  delete(name: string): void {
    const n = unitNumber(name);
    if ((this.versions[n] ?? 0) !== 0) {
      this.versions[n] = 0;
      this.count--;
    }
  }

  /** Member names in Juju's (string) order. */
  names(): string[] {
    const out: string[] = [];
    this.versions.forEach((v, n) => {
      if (v !== 0) out.push(unitName(this.app, n));
    });
    return out.sort();
  }

  /** [name, version] pairs in name order. */
  entries(): Array<[string, number]> {
    return this.names().map((name) => [name, this.get(name) as number]);
  }

  clone(): MemberTable {
    return new MemberTable(this.app, this.versions.slice(), this.count);
  }
}
