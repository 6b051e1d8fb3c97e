/**
 * Brings elements into view inside the box that scrolls them, vertically and nowhere
 * else: unlike `scrollIntoView`, it never scrolls the page or a box that only clips
 * (the layout's own panels), it keeps clear of a sticky header at the top of the box
 * (the databags' relation picker, the swimlanes' ruler), and it never hides the top
 * of what it shows to show its bottom. Several elements in one box are shown together
 * when they fit (two swimlane blocks a stop points at).
 */
export function reveal(...els: readonly Element[]): void {
  const byBox = new Map<HTMLElement, Element[]>();
  for (const el of els) {
    const box = scroller(el);
    if (box) byBox.set(box, [...(byBox.get(box) ?? []), el]);
  }
  for (const [box, group] of byBox) {
    const b = box.getBoundingClientRect();
    const rs = group.map((el) => el.getBoundingClientRect());
    const [first] = group;
    const top = b.top + (first ? stickyHeight(box, first) : 0);
    const r = { top: Math.min(...rs.map((x) => x.top)), bottom: Math.max(...rs.map((x) => x.bottom)) };
    if (r.top < top) box.scrollTop -= top - r.top;
    else if (r.bottom > b.bottom) box.scrollTop += Math.min(r.bottom - b.bottom, r.top - top);
  }
}

/** The nearest ancestor that scrolls vertically. */
function scroller(el: Element): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if ((overflowY === 'auto' || overflowY === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return null;
}

/** How much of the box's top a sticky header (a child or grandchild of the box, not holding `el`) covers. */
function stickyHeight(box: HTMLElement, el: Element): number {
  const near = [...box.children].flatMap((c) => [c, ...c.children]);
  const sticky = near.find((c) => !c.contains(el) && getComputedStyle(c).position === 'sticky');
  return sticky ? sticky.getBoundingClientRect().height : 0;
}
