/**
 * Parsing as steps, so that the import job can say how far it is. A parser's row loop is a
 * generator that yields its progress before each row and returns its result: the synchronous
 * parsers run it straight through (`runSteps`), the import job runs it with a pause every few
 * hundred rows to store the progress (`runPaced`), which also lets the server answer requests
 * meanwhile. One loop, two ways of running it.
 */
export interface ParseProgress {
  /** Rows read so far. */
  done: number;
  total: number;
}

export type Steps<T> = Generator<ParseProgress, T, void>;

/** Progress is reported at most once per this many rows. */
const PROGRESS_EVERY_ROWS = 250;

/** A pause between rows: stores the progress (it may throw to stop the parse). */
export type Pace = (progress: ParseProgress) => Promise<void>;

export function runSteps<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

export async function runPaced<T>(steps: Steps<T>, pace: Pace, every = PROGRESS_EVERY_ROWS): Promise<T> {
  let step = steps.next();
  while (!step.done) {
    if (step.value.done % every === 0) await pace(step.value);
    step = steps.next();
  }
  return step.value;
}

/** Runs the steps straight through, or paced when a pace is given. */
export function runStepsWith<T>(steps: Steps<T>, pace?: Pace): Promise<T> {
  return pace ? runPaced(steps, pace) : Promise.resolve(runSteps(steps));
}
