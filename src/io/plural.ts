/** `3 hooks`, `1 hook`, `1,000 ticks`: a count and its noun, for messages everywhere. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
