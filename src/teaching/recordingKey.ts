/** Where the tutorial recorder keeps its recording in the browser's storage (its own key: a recording outlives any session). */
export const RECORDING_KEY = 'relviz.recording';
