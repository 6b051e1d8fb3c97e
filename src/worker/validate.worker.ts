/// <reference lib="webworker" />
/**
 * The tutorial editor's live check, off the page: playing a tutorial against the
 * engine takes a noticeable moment for a long one, and typing must not stutter.
 */
import { validateDocument, type Validation } from '../teaching/validate.ts';

export interface ValidateRequest {
  readonly id: number;
  readonly text: string;
}

export type ValidateAnswer = { readonly id: number; readonly validation: Validation } | { readonly id: number; readonly error: string };

self.onmessage = (e: MessageEvent<ValidateRequest>) => {
  let answer: ValidateAnswer;
  try {
    answer = { id: e.data.id, validation: validateDocument(e.data.text) };
  } catch (err) {
    answer = { id: e.data.id, error: String(err) };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(answer);
};
