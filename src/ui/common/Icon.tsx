/** Small inline SVG icons (fonts on projectors and CI machines lack the media-control glyphs). */
const PATHS = {
  play: 'M7 5v14l12-7z',
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  stepForward: 'M5 5v14l10-7zM16 5h3v14h-3z',
  stepBack: 'M19 5v14L9 12zM5 5h3v14H5z',
  download: 'M11 4h2v9.2l3.6-3.6 1.4 1.4-6 6-6-6 1.4-1.4 3.6 3.6zM5 18h14v2H5z',
} as const;

export function Icon({ name, className = 'h-4 w-4' }: { name: keyof typeof PATHS; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={className} fill="currentColor">
      <path d={PATHS[name]} />
    </svg>
  );
}
