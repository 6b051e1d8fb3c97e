/** Small inline SVG icons (fonts on projectors and CI machines lack the media-control glyphs). */
const PATHS = {
  play: 'M7 5v14l12-7z',
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  stepForward: 'M5 5v14l10-7zM16 5h3v14h-3z',
  stepBack: 'M19 5v14L9 12zM5 5h3v14H5z',
} as const;

export function Icon({ name, className = 'h-4 w-4' }: { name: keyof typeof PATHS; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={className} fill="currentColor">
      <path d={PATHS[name]} />
    </svg>
  );
}
