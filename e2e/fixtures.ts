/**
 * The relviz page object, shared by every e2e spec (test.extend): opens the app in a
 * fresh context (the masterworker example loaded), finds controls by role and
 * accessible name (labels shared with the components), and fails the test on any
 * console error or page error.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { ControlLabel } from '../src/ui/controls/style.ts';
import { Label } from '../src/ui/labels.ts';
import { QuizLabel } from '../src/ui/teaching/QuizCard.tsx';

export class RelvizPage {
  constructor(readonly page: Page) {}

  async open(path = '/') {
    await this.page.goto(path);
    await expect(this.region(Label.regionGraph)).toBeVisible();
  }

  /** Until the history is complete: a session is rebuilt in tasks between frames, and a long run in the worker. */
  async computed(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: 'Computing hooks' })).toHaveCount(0, { timeout: 30_000 });
  }

  /** Moves the Timeline slider and waits until the side panels show that tick (they follow in a React transition). */
  async seekSettled(tick: number): Promise<void> {
    await this.timeline.fill(String(tick));
    await this.panelsAt(tick);
  }

  /** Waits until the side panels show the tick the Timeline slider is at (they follow it a frame later). */
  async panelsSettled(): Promise<void> {
    await this.panelsAt(await this.cursor());
  }

  private async panelsAt(tick: number): Promise<void> {
    await expect(this.page.locator(`[data-paced-cursor]:not([data-paced-cursor="${tick}"])`)).toHaveCount(0);
  }

  /** Moves the Timeline slider tick by tick from `from` until `found` holds; returns that tick. */
  async seekUntil(found: () => Promise<boolean>, from = 0): Promise<number> {
    await this.computed();
    const max = Number(await this.timeline.getAttribute('max'));
    for (let tick = from; tick <= max; tick++) {
      await this.seekSettled(tick);
      if (await found()) return tick;
    }
    throw new Error(`not found from tick ${from} to ${max}`);
  }

  region(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  get timeline(): Locator {
    return this.page.getByRole('slider', { name: Label.timeline });
  }

  get command(): Locator {
    return this.page.getByRole('textbox', { name: Label.command });
  }

  /** A unit chip on the graph (canvas items are found by data attribute). */
  unit(name: string): Locator {
    return this.page.locator(`[data-unit="${name}"]`).first();
  }

  /** Moves the cursor to the end of the history. */
  async toEnd() {
    const max = await this.timeline.getAttribute('max');
    await this.timeline.fill(max ?? '0');
  }

  /** Types a command in the console and runs it. */
  async run(line: string) {
    await this.command.fill(line);
    await this.command.press('Enter');
  }

  /**
   * At a tutorial step that begins with a command: turns the quiz on, runs the command
   * (Play is off in the quiz) and returns the quiz's region at its first question.
   */
  async quizAtFirstQuestion(): Promise<Locator> {
    const quiz = this.page.getByRole('region', { name: QuizLabel.toggle });
    await quiz.getByRole('checkbox', { name: QuizLabel.toggle }).check();
    await this.button(Label.play).click();
    await expect(quiz).toContainText('Next comes a command');
    await this.button(Label.stepForward).click();
    await expect(quiz.getByText(QuizLabel.question)).toBeVisible();
    return quiz;
  }

  /** The open Deploy dialog. */
  get deployDialog(): Locator {
    return this.page.getByRole('dialog', { name: Label.deploy });
  }

  /** In the Deploy dialog: searches the catalog for `name` and clicks that charm in the list. */
  async chooseCharm(name: string) {
    const d = this.deployDialog;
    await d.getByRole('combobox', { name: ControlLabel.searchCharms }).fill(name);
    await d.getByRole('listbox', { name: ControlLabel.charm }).getByRole('option', { name, exact: true }).click();
    await expect(d.getByRole('option', { selected: true })).toHaveAccessibleName(name);
  }

  async cursor(): Promise<number> {
    return Number(await this.timeline.inputValue());
  }
}

export const test = base.extend<{ relviz: RelvizPage }>({
  relviz: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await use(new RelvizPage(page));
    expect(problems, 'no console errors').toEqual([]);
  },
});

export { expect };
