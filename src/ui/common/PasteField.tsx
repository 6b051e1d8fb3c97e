import { fieldClass } from '../controls/style.ts';

/** "Or paste its text": the monospace box the Open, Check a real history and Open a tutorial dialogs share. */
export function PasteField({ label, value, placeholder, onChange, height = 'h-24' }: { label: string; value: string; placeholder: string; onChange: (text: string) => void; height?: 'h-24' | 'h-28' }) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <textarea className={`${fieldClass} ${height} resize-y font-mono text-xs leading-snug`} spellCheck={false} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
