/** Predict the next hook, as a learner plays it inside a tutorial. */
import { Timeline } from '../src/engine/timeline.ts';
import { deriveView } from '../src/store/view.ts';
import { compileTutorial, planStep, stepStartTick } from '../src/teaching/tutorial.ts';
import { Label } from '../src/ui/labels.ts';
import { hookAtTick, legalChoices } from '../src/ui/teaching/quiz.ts';
import { QuizLabel } from '../src/ui/teaching/QuizCard.tsx';
import { expect, test } from './fixtures.ts';
import { shippedTutorial } from '../src/teaching/tutorials/index.ts';

const masterworker = shippedTutorial('masterworker');

const relate = masterworker.steps.findIndex((s) => s.title === 'Relate them');

/** What the engine says about the first hook after `juju relate`: the one this seed runs, and another legal one. */
function firstHookOfRelate() {
  const plan = planStep(compileTutorial(masterworker), relate);
  const t = new Timeline({ seed: masterworker.seed, juju: masterworker.juju });
  for (const i of plan.inputs) t.apply(i.command, { text: i.text, run: i.run });
  const tick = stepStartTick(t, plan) + 1;
  t.seek(tick);
  const ran = hookAtTick(t.fullTrace, t.traceIndexAt(tick), t.traceIndexAt(tick + 1));
  const other = legalChoices(deriveView(t.state)).find((o) => o.unit !== ran?.unit || o.hook !== ran?.hook);
  if (!ran || !other) throw new Error('expected a choice between legal hooks after juju relate');
  return { ran, other };
}

test('a legal answer other than the one the seed picks is accepted, with the rule, and scored', async ({ relviz, page }) => {
  const { ran, other } = firstHookOfRelate();
  await relviz.open();
  await page.getByRole('combobox', { name: Label.tutorials }).selectOption('masterworker');
  await page.getByRole('list', { name: 'Steps' }).getByRole('button', { name: /^Step 2:/ }).click();
  // Play is off in the quiz: every hook is asked first (past juju relate itself).
  const quiz = await relviz.quizAtFirstQuestion();

  await quiz.getByRole('button', { name: `${other.unit} · ${other.hook}`, exact: true }).click();
  await expect(quiz.getByRole('status')).toContainText('Right.');
  await expect(quiz.getByRole('status')).toContainText('Juju may run it now');
  await expect(quiz.getByLabel(QuizLabel.score)).toHaveText('1 / 1');

  // What this seed ran instead is shown after running it.
  await quiz.getByRole('button', { name: `${QuizLabel.runNext} →` }).click();
  await expect(quiz).toContainText(`Juju ran ${ran.unit} ${ran.hook}`);
  // A wrong answer next: one the quiz marks as not allowed.
  const choices = quiz.getByRole('list', { name: 'Choices' }).getByRole('button');
  await expect(choices.first()).toBeVisible();
  await page.screenshot({ path: 'test-results/quiz.png' });
});
