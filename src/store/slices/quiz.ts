/** The quiz slice: "Predict the next hook" (Play is off while it asks) and the score per tutorial. */
import type { QuizActions, QuizState } from '../state.ts';
import type { SliceArgs } from './core.ts';

export function quizSlice({ set, get }: SliceArgs): QuizState & QuizActions {
  return {
    quiz: false,
    quizScores: {},

    setQuiz(on) {
      set({ quiz: on, ...(on ? { playing: false, manual: false } : {}) });
    },

    scoreQuiz(right) {
      const key = get().tutorial?.id ?? '';
      set((s) => {
        const was = s.quizScores[key] ?? { right: 0, asked: 0 };
        return { quizScores: { ...s.quizScores, [key]: { right: was.right + (right ? 1 : 0), asked: was.asked + 1 } } };
      });
    },
  };
}
