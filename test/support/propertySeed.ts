// The seed of every fast-check property in the tests: one fixed seed, so a
// run is repeatable and a failure can be replayed. JOURNEY_PROPERTY_SEED
// overrides it (the seed in use is printed once), JOURNEY_PROPERTY_RUNS
// scales the run counts of propertyParameters (100 = as written). Importing
// this module makes the seed fast-check's global default, so a property
// that states no seed of its own is seeded too.
import fc from 'fast-check';

const DEFAULT_SEED = 20261206;

function seedFromEnv(): number {
  const text = process.env.JOURNEY_PROPERTY_SEED;
  if (text === undefined || text === '') return DEFAULT_SEED;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new Error(`JOURNEY_PROPERTY_SEED must be an integer, not "${text}"`);
  return seed;
}

export const PROPERTY_SEED = seedFromEnv();
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: PROPERTY_SEED });

let announced = false;

/** Prints the seed in use, once per process. */
export function announceSeed(): void {
  if (announced) return;
  announced = true;
  console.log(`      property seed ${PROPERTY_SEED}${process.env.JOURNEY_PROPERTY_SEED ? ' (from JOURNEY_PROPERTY_SEED)' : ' (set JOURNEY_PROPERTY_SEED to change it)'}`);
}

/** `base` runs (times JOURNEY_PROPERTY_RUNS / 100 when set) from the fixed seed, printed on first use. */
export function propertyParameters<T>(base: number): fc.Parameters<T> {
  announceSeed();
  const scale = Number(process.env.JOURNEY_PROPERTY_RUNS ?? 100) / 100;
  return { seed: PROPERTY_SEED, numRuns: Math.max(1, Math.round(base * scale)) };
}
