/**
 * Brings elements into view inside the box that scrolls them, and nowhere else: unlike
 * `scrollIntoView`, it never scrolls the page or a box that only clips (the layout's
 * own panels); it keeps clear of the box's sticky headers (the databags' relation
 * picker, the swimlanes' ruler and their column of unit names); it never hides the
 * top of what it shows to show its bottom. Several elements in one box are shown
 * together when they fit (two swimlane blocks a stop points at).
 */
const OUTLINE = 6;

export function reveal(...els: readonly Element[]): void {
  const byBox = new Map<HTMLElement, Element[]>();
  for (const el of els) {
    const box = scroller(el);
    if (box) byBox.set(box, [...(byBox.get(box) ?? []), el]);
  }
  for (const [box, group] of byBox) {
    const b = box.getBoundingClientRect();
    const rs = group.map((el) => el.getBoundingClientRect());
    // Room for the highlight's outline around them (index.css: 3 px, 3 px off).
    const r = { top: Math.min(...rs.map((x) => x.top)) - OUTLINE, bottom: Math.max(...rs.map((x) => x.bottom)) + OUTLINE, left: Math.min(...rs.map((x) => x.left)) - OUTLINE, right: Math.max(...rs.map((x) => x.right)) + OUTLINE };
    const inset = stickyInset(box, group);
    const top = b.top + inset.top;
    if (r.top < top) box.scrollTop -= top - r.top;
    else if (r.bottom > b.bottom) box.scrollTop += Math.min(r.bottom - b.bottom, r.top - top);
    // Sideways (a box that scrolls both ways): centred in what the sticky column leaves.
    const left = b.left + inset.left;
    if (box.scrollWidth > box.clientWidth && (r.left < left || r.right > b.right)) box.scrollLeft += (r.left + r.right) / 2 - (left + b.right) / 2;
  }
}

/** The nearest ancestor that scrolls vertically or sideways. */
function scroller(el: Element): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY, overflowX } = getComputedStyle(p);
    const scrolls = (o: string) => o === 'auto' || o === 'scroll';
    if ((scrolls(overflowY) && p.scrollHeight > p.clientHeight) || (scrolls(overflowX) && p.scrollWidth > p.clientWidth)) return p;
  }
  return null;
}

/**
 * How much of the box's top and left its sticky parts cover: sticky elements up to
 * three levels into the box (a header row, a ruler, a column of names), not holding
 * what is revealed.
 */
function stickyInset(box: HTMLElement, els: readonly Element[]): { top: number; left: number } {
  const b = box.getBoundingClientRect();
  let [top, left] = [0, 0];
  let level: Element[] = [...box.children];
  for (let depth = 0; depth < 3 && level.length > 0; depth++) {
    for (const c of level) {
      const style = getComputedStyle(c);
      if (style.position !== 'sticky' || els.some((el) => c.contains(el))) continue;
      const r = c.getBoundingClientRect();
      if (style.top !== 'auto' && r.top - b.top < 1) top = Math.max(top, r.bottom - b.top);
      if (style.left !== 'auto' && r.left - b.left < 1) left = Math.max(left, r.right - b.left);
    }
    level = level.flatMap((c) => [...c.children]);
  }
  return { top, left };
}
