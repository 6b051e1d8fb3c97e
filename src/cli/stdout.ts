/**
 * The CLI's standard output: bytes gathered in one buffer, written when it fills and
 * taken by the reader before the run goes on. JSON lines of hooks are written as bytes
 * straight into it (`hookJson`): at millions of hooks, one string per field and per
 * line was most of the CLI's garbage and a third of its time.
 */
import { writeSync } from 'node:fs';
import type { HookRecord } from '../engine/trace.ts';

const SIZE = 1 << 16;

const bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const NULL = bytes('null');
const HOOK_SEQ = bytes('{"type":"hook","seq":');
const ACTION_SEQ = bytes('{"type":"action","seq":');
const UNIT = bytes(',"unit":');
const HOOK = bytes(',"hook":');
const ACTION = bytes(',"action":');
const RELATION_ID = bytes(',"relation_id":');
const REMOTE_UNIT = bytes(',"remote_unit":');
const REMOTE_APP = bytes(',"remote_app":');
const DEPARTING_UNIT = bytes(',"departing_unit":');
const RESULT_OK = bytes(',"result":"ok"}\n');
const RESULT_ERROR = bytes(',"result":"error"}\n');

export class Stdout {
  private readonly buf = Buffer.allocUnsafe(SIZE);
  private at = 0;

  /** `write` takes all the bytes it is given (the default: file descriptor 1, waiting for its reader). */
  constructor(private readonly write: (bytes: Uint8Array) => void = writeAll) {}

  text(s: string): void {
    if (this.at + s.length * 3 > SIZE) {
      this.flush();
      if (s.length * 3 > SIZE) return this.write(bytes(s));
    }
    this.at += this.buf.write(s, this.at, 'utf8');
  }

  /** `${hookJsonLine(r)}\n`, byte for byte (a test holds the two equal). */
  hookJson(r: HookRecord): void {
    if (r.kind === 'action') {
      this.put(ACTION_SEQ);
      this.int(r.seq);
      this.field(UNIT, r.unit);
      this.field(ACTION, r.hook);
    } else {
      this.put(HOOK_SEQ);
      this.int(r.seq);
      this.field(UNIT, r.unit);
      this.field(HOOK, r.hook);
      this.field(RELATION_ID, r.relation);
      this.field(REMOTE_UNIT, r.remoteUnit);
      this.field(REMOTE_APP, r.remoteApp);
      this.field(DEPARTING_UNIT, r.departingUnit);
    }
    this.put(r.result === 'ok' ? RESULT_OK : RESULT_ERROR);
  }

  flush(): void {
    if (this.at === 0) return;
    this.write(this.buf.subarray(0, this.at));
    this.at = 0;
  }

  /** `,"key":` and the value's JSON. */
  private field(key: Uint8Array, value: string | null): void {
    this.put(key);
    this.quoted(value);
  }

  /**
   * The string's JSON. Names are plain ASCII (`worker/12`, `db-relation-joined`): their
   * characters are copied between quotes as they are; anything else (escapes, other
   * scripts) is written as JSON.stringify writes it.
   */
  private quoted(s: string | null): void {
    if (s === null) return this.put(NULL);
    const n = s.length;
    if (this.at + n + 2 > SIZE) this.flush();
    const buf = this.buf;
    const start = this.at;
    if (n + 2 <= SIZE) {
      let at = start;
      buf[at++] = 34; // "
      let i = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x20 || c > 0x7e || c === 34 || c === 92) break;
        buf[at++] = c;
      }
      if (i === n) {
        buf[at++] = 34;
        this.at = at;
        return;
      }
    }
    this.at = start;
    this.put(bytes(JSON.stringify(s)));
  }

  private put(b: Uint8Array): void {
    const n = b.length;
    if (this.at + n > SIZE) {
      this.flush();
      if (n > SIZE) return this.write(b);
    }
    // A loop beats TypedArray#set for pieces this short.
    const buf = this.buf;
    const at = this.at;
    for (let i = 0; i < n; i++) buf[at + i] = b[i] as number;
    this.at = at + n;
  }

  /** A whole number in decimal, as JSON writes it. */
  private int(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) return this.put(bytes(JSON.stringify(n)));
    let digits = 1;
    for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
    if (this.at + digits > SIZE) this.flush();
    let x = n;
    for (let i = this.at + digits - 1; i >= this.at; i--) {
      this.buf[i] = 48 + (x % 10);
      x = Math.floor(x / 10);
    }
    this.at += digits;
  }
}

/**
 * Writes to stdout and waits until it is taken: a pipe to a slower reader must slow
 * the run down, not pile the output up in memory (process.stdout.write would queue it).
 */
function writeAll(bytes: Uint8Array): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(1, bytes, at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // The reader is gone (`| head`): stop quietly, as a Unix tool killed by SIGPIPE does.
      if (code === 'EPIPE') process.exit(141);
      if (code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 0.1); // the reader is behind: wait a moment
    }
  }
}
