/**
 * A binary min-heap of unit names in Juju's order (plain string order, so
 * `worker/10` < `worker/2`, as the uniter's sorted sets give). The resolver keeps
 * one per relation per unit for joins, departures and changes, so choosing the next
 * relation hook costs O(log n) instead of the uniter's scan of every member —
 * that scan is what would make large models quadratic. Entries may go stale; the
 * resolver validates the top before using it.
 */
export class NameHeap {
  items: string[];

  constructor(items: string[] = []) {
    this.items = items;
  }

  get size(): number {
    return this.items.length;
  }

  peek(): string | undefined {
    return this.items[0];
  }

  push(name: string): void {
    const a = this.items;
    a.push(name);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = a[p] as string;
      if (parent <= name) break;
      a[i] = parent;
      i = p;
    }
    a[i] = name;
  }

  pop(): string | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    let i = 0;
    const n = a.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && (a[r] as string) < (a[l] as string)) c = r;
      if ((a[c] as string) >= last) break;
      a[i] = a[c] as string;
      i = c;
    }
    a[i] = last;
    return top;
  }

  clone(): NameHeap {
    return new NameHeap(this.items.slice());
  }
}
