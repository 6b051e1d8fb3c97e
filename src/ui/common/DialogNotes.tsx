/**
 * What the dialogs that change the model (Deploy, Open) say before their buttons: that
 * acting while rewound drops the later history, and the refusal of the last try.
 */
export function RewoundNote({ rewound, doing }: { rewound: number; doing: string }) {
  if (rewound <= 0) return null;
  return (
    <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
      The timeline is rewound: {doing} replaces the {rewound} later step{rewound === 1 ? '' : 's'} of the history.
    </p>
  );
}

export function RefusalNote({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <pre role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 font-mono text-sm whitespace-pre-wrap text-red-900">
      {error}
    </pre>
  );
}
