// The sample journeys with their timelines (samples/*.journey.json and the
// *.timeline.json beside each).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Journey } from '../../../src/core/schema';
import { Timeline } from '../../../src/core/timeline';

export const SAMPLES_DIR = join(__dirname, '../../../samples');

export function sampleCases(): { name: string; journey: Journey; timeline: Timeline }[] {
  const files = readdirSync(SAMPLES_DIR);
  return files
    .filter((f) => f.endsWith('.journey.json') && files.includes(f.replace('.journey.json', '.timeline.json')))
    .sort()
    .map((f) => ({
      name: f.replace('.journey.json', ''),
      journey: Journey.parse(JSON.parse(readFileSync(join(SAMPLES_DIR, f), 'utf8'))),
      timeline: Timeline.parse(JSON.parse(readFileSync(join(SAMPLES_DIR, f.replace('.journey.json', '.timeline.json')), 'utf8'))),
    }));
}
