// Setup of the jsdom test project. Preact's hooks schedule effects with requestAnimationFrame and
// a 100 ms setTimeout fallback whose callback calls cancelAnimationFrame. When a file's last
// test ends with such a timer pending (a slow, loaded machine), the timer fired after jsdom was
// torn down and threw "cancelAnimationFrame is not defined" into the run. Letting the pending
// timers fire before the environment goes makes the run independent of machine load.
import { afterAll } from 'vitest';

const PREACT_RAF_FALLBACK_MS = 100;

afterAll(async () => {
  await new Promise((resolve) => setTimeout(resolve, PREACT_RAF_FALLBACK_MS + 20));
});
