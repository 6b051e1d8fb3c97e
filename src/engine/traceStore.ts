/**
 * The history's trace records, kept as bytes rather than objects: a record as objects
 * costs ~350 bytes (a hook that writes data, ~700), encoded it costs ~25. Each record
 * is a run of varints in one growing byte buffer, every string (unit, hook, relation,
 * databag key and value …) an index into a table of distinct strings. Records are
 * materialised on demand (`at`, `slice`, iteration), so readers take a `TraceList`
 * (which a plain array is too) and index it with `at`.
 *
 * A run computed elsewhere (hookrun.ts) writes its records with a `TraceWriter` that
 * starts from a copy of this store's string table; its chunks are bytes plus the
 * strings they added, which `append` takes as they are: nothing to re-encode, and
 * transferable to and from a Web Worker.
 */
import { HookKinds, type HookKind, type RuleId } from './ops.ts';
import { ModelEvents, type BagChange, type BagDiff, type CharmRun, type FileChange, type HookRecord, type ModelEvent, type TraceList, type TraceRecord } from './trace.ts';

const COMMAND = 0;
const HOOK = 1;
const EXEC = 2;
const EVENT = 3;

/** Encoded records: `offsets[i]` is where record i starts in `bytes` (record `count` ends at `bytes.length`). */
export interface EncodedTrace {
  readonly bytes: Uint8Array;
  readonly offsets: Int32Array;
  /** Strings the records added to the table, whose ids start at `stringBase`. */
  readonly strings: readonly string[];
  readonly stringBase: number;
}

const kindId = new Map<string, number>(HookKinds.map((k, i) => [k, i]));
const eventId = new Map<string, number>(ModelEvents.map((e, i) => [e, i]));

/** Appends records as bytes; shared by the store and by runs computed elsewhere. */
export class TraceWriter {
  protected bytes: Uint8Array = new Uint8Array(1 << 12);
  protected used = 0;
  protected offsets: Int32Array = new Int32Array(1 << 8);
  protected count = 0;
  protected readonly strings: string[];
  private readonly ids = new Map<string, number>();
  /** Strings already handed out by `take` (their ids are known to the reader). */
  private stringsTaken: number;

  constructor(strings: readonly string[] = []) {
    this.strings = [...strings];
    this.strings.forEach((s, i) => this.ids.set(s, i));
    this.stringsTaken = this.strings.length;
  }

  get length(): number {
    return this.count;
  }

  /** The string table (a copy), for a writer elsewhere that `append` will be fed from. */
  stringTable(): string[] {
    return [...this.strings];
  }

  push(r: TraceRecord): void {
    if (this.count === this.offsets.length) this.offsets = grow(this.offsets, this.count + 1);
    this.offsets[this.count++] = this.used;
    switch (r.type) {
      case 'command':
        this.uint(COMMAND);
        this.str(r.command);
        this.int(r.exitCode);
        this.str(r.stdout);
        this.str(r.stderr);
        return;
      case 'hook':
        this.uint(HOOK);
        this.uint(r.seq);
        this.str(r.unit);
        this.str(r.hook);
        this.uint(kindId.get(r.kind) as number);
        this.nint(r.relationId);
        this.nstr(r.relation);
        this.nstr(r.remoteUnit);
        this.nstr(r.remoteApp);
        this.nstr(r.departingUnit);
        this.uint(r.result === 'ok' ? 0 : 1);
        this.str(r.rule);
        this.uint(r.cause);
        this.writeChanges(r.changes);
        this.writeFiles(r.files);
        this.uint(r.logs.length);
        for (const l of r.logs) this.str(l);
        if (r.status) {
          this.uint(1);
          this.str(r.status.workload);
          this.str(r.status.message);
        } else this.uint(0);
        this.nstr(r.error);
        if (r.charm) {
          this.uint(1);
          this.uint(r.charm.draws);
          this.uint(r.charm.events.length);
          for (const e of r.charm.events) {
            this.str(e.event);
            this.uint((e.reemitted ? 1 : 0) | (e.deferred ? 2 : 0));
          }
        } else this.uint(0);
        return;
      case 'exec':
        this.uint(EXEC);
        this.uint(r.seq);
        this.str(r.unit);
        this.str(r.commandLine);
        this.writeChanges(r.changes);
        this.writeFiles(r.files);
        return;
      case 'event':
        this.uint(EVENT);
        this.uint(eventId.get(r.event) as number);
        this.nstr(r.unit);
        this.nstr(r.app);
        this.nint(r.relationId);
        this.str(r.detail);
        return;
    }
  }

  /** The records written since the last `take`, as a chunk for `TraceStore.append`; the writer starts empty again. */
  take(): EncodedTrace {
    const out: EncodedTrace = {
      bytes: this.bytes.slice(0, this.used),
      offsets: this.offsets.slice(0, this.count),
      strings: this.strings.slice(this.stringsTaken),
      stringBase: this.stringsTaken,
    };
    this.stringsTaken = this.strings.length;
    this.used = 0;
    this.count = 0;
    return out;
  }

  protected addStrings(strings: readonly string[], base: number): void {
    if (base !== this.strings.length) throw new Error(`trace: strings from id ${base}, but the table has ${this.strings.length}`);
    for (const s of strings) {
      this.ids.set(s, this.strings.length);
      this.strings.push(s);
    }
    this.stringsTaken = this.strings.length;
  }

  private writeChanges(changes: readonly BagChange[]): void {
    this.uint(changes.length);
    for (const c of changes) {
      this.uint(c.relationId);
      this.str(c.owner);
      this.uint(c.scope === 'unit' ? 0 : 1);
      this.uint(c.version);
      this.writePairs(c.diff.added);
      const updated = Object.entries(c.diff.updated);
      this.uint(updated.length);
      for (const [k, [from, to]] of updated) {
        this.str(k);
        this.str(from);
        this.str(to);
      }
      this.writePairs(c.diff.removed);
    }
  }

  private writePairs(m: Record<string, string>): void {
    const entries = Object.entries(m);
    this.uint(entries.length);
    for (const [k, v] of entries) {
      this.str(k);
      this.str(v);
    }
  }

  private writeFiles(files: readonly FileChange[]): void {
    this.uint(files.length);
    for (const f of files) {
      this.str(f.path);
      this.nstr(f.content);
    }
  }

  private intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  private str(s: string): void {
    this.uint(this.intern(s));
  }

  /** A string or null: one more than the string's id, 0 for null. */
  private nstr(s: string | null): void {
    this.uint(s === null ? 0 : this.intern(s) + 1);
  }

  /** A signed integer, zigzag-encoded. */
  private int(n: number): void {
    this.uint(n >= 0 ? n * 2 : -n * 2 - 1);
  }

  /** An integer or null (0). */
  private nint(n: number | null): void {
    this.uint(n === null ? 0 : n >= 0 ? n * 2 + 1 : -n * 2 + 2);
  }

  /** Unsigned LEB128 (7 bits a byte), exact up to 2^53. */
  private uint(n: number): void {
    if (this.used + 8 > this.bytes.length) this.bytes = grow(this.bytes, this.used + 8);
    const b = this.bytes;
    let i = this.used;
    while (n >= 0x80) {
      b[i++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    b[i++] = n;
    this.used = i;
  }
}

/** The Timeline's records: appended in order, cut back on a fork, read by index. */
export class TraceStore extends TraceWriter implements TraceList {
  private pos = 0;

  /** Appends a chunk written elsewhere from a copy of this table (`take`); nothing may have been pushed since the copy. */
  append(chunk: EncodedTrace): void {
    this.addStrings(chunk.strings, chunk.stringBase);
    const n = chunk.offsets.length;
    if (this.count + n > this.offsets.length) this.offsets = grow(this.offsets, this.count + n);
    if (this.used + chunk.bytes.length > this.bytes.length) this.bytes = grow(this.bytes, this.used + chunk.bytes.length);
    for (let i = 0; i < n; i++) this.offsets[this.count + i] = (chunk.offsets[i] as number) + this.used;
    this.bytes.set(chunk.bytes, this.used);
    this.used += chunk.bytes.length;
    this.count += n;
  }

  /** Keeps the first n records. (The strings stay in the table: ids must not move.) */
  truncate(n: number): void {
    if (n >= this.count) return;
    this.used = this.offsets[n] as number;
    this.count = Math.max(0, n);
  }

  /** Bytes held (buffers at their capacity; the string table not included). */
  get byteLength(): number {
    return this.bytes.byteLength + this.offsets.byteLength;
  }

  /** Record i as an object (a fresh one on every call), or undefined outside [0, length). */
  at(i: number): TraceRecord | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    this.pos = this.offsets[i] as number;
    return this.record();
  }

  slice(start = 0, end = this.count): TraceRecord[] {
    const a = Math.max(0, start < 0 ? this.count + start : start);
    const b = Math.min(this.count, end < 0 ? this.count + end : end);
    const out: TraceRecord[] = [];
    for (let i = a; i < b; i++) out.push(this.at(i) as TraceRecord);
    return out;
  }

  /** Serialised as its records (JSON.stringify of a timeline's trace). */
  toJSON(): TraceRecord[] {
    return this.slice();
  }

  *[Symbol.iterator](): IterableIterator<TraceRecord> {
    for (let i = 0; i < this.count; i++) yield this.at(i) as TraceRecord;
  }

  private record(): TraceRecord {
    const type = this.u();
    switch (type) {
      case COMMAND:
        return { type: 'command', command: this.s(), exitCode: this.i(), stdout: this.s(), stderr: this.s() };
      case HOOK: {
        const hook: HookRecord = {
          type: 'hook',
          seq: this.u(),
          unit: this.s(),
          hook: this.s(),
          kind: HookKinds[this.u()] as HookKind,
          relationId: this.ni(),
          relation: this.ns(),
          remoteUnit: this.ns(),
          remoteApp: this.ns(),
          departingUnit: this.ns(),
          result: this.u() === 0 ? 'ok' : 'error',
          rule: this.s() as RuleId,
          cause: this.u(),
          changes: this.changes(),
          files: this.files(),
          logs: Array.from({ length: this.u() }, () => this.s()),
          status: this.u() === 1 ? { workload: this.s(), message: this.s() } : null,
          error: this.ns(),
        };
        return this.u() === 1 ? { ...hook, charm: this.charmRun() } : hook;
      }
      case EXEC:
        return { type: 'exec', seq: this.u(), unit: this.s(), commandLine: this.s(), changes: this.changes(), files: this.files() };
      case EVENT:
        return { type: 'event', event: ModelEvents[this.u()] as ModelEvent, unit: this.ns(), app: this.ns(), relationId: this.ni(), detail: this.s() };
      default:
        throw new Error(`trace: unknown record type ${type}`);
    }
  }

  private charmRun(): CharmRun {
    const draws = this.u();
    const events = Array.from({ length: this.u() }, () => {
      const event = this.s();
      const flags = this.u();
      return { event, reemitted: (flags & 1) !== 0, deferred: (flags & 2) !== 0 };
    });
    return { draws, events };
  }

  private changes(): BagChange[] {
    const n = this.u();
    const out: BagChange[] = [];
    for (let c = 0; c < n; c++) {
      const relationId = this.u();
      const owner = this.s();
      const scope = this.u() === 0 ? 'unit' : 'app';
      const version = this.u();
      const diff: BagDiff = { added: this.pairs(), updated: {}, removed: {} };
      for (let k = this.u(); k > 0; k--) diff.updated[this.s()] = [this.s(), this.s()];
      diff.removed = this.pairs();
      out.push({ relationId, owner, scope, diff, version });
    }
    return out;
  }

  private pairs(): Record<string, string> {
    const out: Record<string, string> = {};
    for (let k = this.u(); k > 0; k--) {
      const key = this.s();
      out[key] = this.s();
    }
    return out;
  }

  private files(): FileChange[] {
    return Array.from({ length: this.u() }, () => ({ path: this.s(), content: this.ns() }));
  }

  private u(): number {
    const b = this.bytes;
    let n = 0;
    let mul = 1;
    for (;;) {
      const x = b[this.pos++] as number;
      n += (x & 0x7f) * mul;
      if (x < 0x80) return n;
      mul *= 0x80;
    }
  }

  private i(): number {
    const z = this.u();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  private ni(): number | null {
    const z = this.u();
    return z === 0 ? null : z % 2 === 1 ? (z - 1) / 2 : -(z - 2) / 2;
  }

  private s(): string {
    return this.strings[this.u()] as string;
  }

  private ns(): string | null {
    const id = this.u();
    return id === 0 ? null : (this.strings[id - 1] as string);
  }
}

/** A growing list of int32s (4 bytes each, where a number[] costs 8 in Node). */
export class IntList {
  private items = new Int32Array(1 << 10);
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** Item i, or undefined outside [0, length). */
  at(i: number): number | undefined {
    return i >= 0 && i < this.count ? this.items[i] : undefined;
  }

  push(n: number): void {
    if (this.count === this.items.length) this.items = grow(this.items, this.count + 1);
    this.items[this.count++] = n;
  }

  /** Keeps the first n items. */
  truncate(n: number): void {
    this.count = Math.max(0, Math.min(n, this.count));
  }
}

/** A typed array with room for at least `need` elements (doubling), contents kept. */
function grow<A extends Uint8Array | Int32Array>(a: A, need: number): A {
  let size = a.length * 2;
  while (size < need) size *= 2;
  const b = (a instanceof Uint8Array ? new Uint8Array(size) : new Int32Array(size)) as A;
  b.set(a);
  return b;
}
