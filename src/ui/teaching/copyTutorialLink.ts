import type { TutorialSource } from '../../teaching/tutorials/registry.ts';

/** A tutorial link made (share/link.ts, loaded on demand) and put on the clipboard: its size, and whether the clipboard took it (else the user copies it by hand). */
export async function copyTutorialLink(source: TutorialSource, step: number): Promise<{ readonly link: string; readonly kb: string; readonly copied: boolean }> {
  const { tutorialLink } = await import('../../share/link.ts');
  const link = tutorialLink(location, source, step);
  const kb = `${(new TextEncoder().encode(link).length / 1024).toFixed(1)} KB`;
  const copied = await (navigator.clipboard?.writeText(link) ?? Promise.reject(new Error('no clipboard'))).then(
    () => true,
    () => false,
  );
  return { link, kb, copied };
}
