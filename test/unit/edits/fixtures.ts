// Journey texts the edit specifications start from: small enough to state
// the exact text each edit must produce.
import type { JourneyOperation } from '../../../src/core/edits/journeyOperation';
import { journeyEditFor, type EditOptions } from '../../../src/core/edits/journeyEdit';
import { applyTextEdits } from '../../../src/core/edits/textEdits';
import assert from 'node:assert/strict';

/** A welcome journey: one starting point, an email, an if/else whose branches both end. Mixed inline and expanded objects. */
export const WELCOME = `{
  "formatVersion": 1,
  "id": "welcome",
  "name": "Welcome",
  "kind": "trigger",
  "tags": ["VIP"],
  "content": [
    { "id": "hello", "channel": "email", "status": "ready" }
  ],
  "startingPoints": [
    {
      "id": "sp_vip",
      "trigger": { "type": "tagAdded", "tag": "VIP" },
      "next": "p_email"
    }
  ],
  "points": [
    {
      "id": "p_email",
      "type": "sendEmail",
      "content": "hello",
      "next": "p_check"
    },
    {
      "id": "p_check",
      "type": "ifElse",
      "condition": { "type": "hasTag", "tag": "VIP" },
      "branches": { "yes": "p_end", "no": "p_end" }
    },
    {
      "id": "p_end",
      "type": "end"
    }
  ]
}
`;

export const NOW = new Date('2026-03-01T10:00:00Z');

/** Applies `op` to `text`, checks that the edits reproduce the outcome's text, and returns it. */
export function edited(text: string, op: JourneyOperation, options: EditOptions = {}): string {
  const outcome = journeyEditFor(text, op, { now: NOW, ...options });
  assert.ok(outcome.ok, outcome.ok ? '' : `expected the edit to succeed, got: ${outcome.error}`);
  assert.equal(applyTextEdits(text, outcome.edits), outcome.text, 'the edits reproduce the edited text');
  return outcome.text;
}

/** The refusal message of an operation that must not change the text. */
export function refusal(text: string, op: JourneyOperation, options: EditOptions = {}): string {
  const outcome = journeyEditFor(text, op, { now: NOW, ...options });
  assert.ok(!outcome.ok, 'expected the edit to be refused');
  return outcome.error;
}

/** `text` with each `[old, new]` pair replaced; each `old` must occur exactly once, so the expectation is exact. */
export function replaced(text: string, ...pairs: [string, string][]): string {
  let out = text;
  for (const [from, to] of pairs) {
    const at = out.indexOf(from);
    assert.ok(at >= 0 && out.indexOf(from, at + 1) < 0, `the expected text is built from a unique excerpt: ${JSON.stringify(from)}`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}
