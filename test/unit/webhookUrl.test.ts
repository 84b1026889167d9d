// Specification of the webhook point's URL in the journey format: http:// or
// https:// only, with no spaces or control characters (a newline in a URL
// could split the request a runtime makes). Anything else is a schema error
// located at the URL's value, saying what is allowed.
import assert from 'node:assert/strict';
import { validateJourneyText } from '../../src/core/validate';

const journey = (url: string) => `{
  "formatVersion": 1,
  "id": "j",
  "name": "Journey",
  "kind": "trigger",
  "startingPoints": [
    { "id": "start", "trigger": { "type": "tagAdded", "tag": "VIP" }, "next": "p_hook" }
  ],
  "points": [
    { "id": "p_hook", "type": "webhook", "url": ${JSON.stringify(url)}, "next": "p_end" },
    { "id": "p_end", "type": "end" }
  ]
}`;

const urlErrors = (url: string) => {
  const text = journey(url);
  return validateJourneyText(text).diagnostics.map((d) => ({ ...d, spanned: text.slice(d.offset, d.offset + d.length) }));
};

describe('webhook URL (journey format)', () => {
  for (const url of ['https://hooks.example.com/journey?x=1', 'http://crm.example.com:8080/in']) {
    it(`accepts ${url}`, () => {
      assert.deepEqual(urlErrors(url), []);
    });
  }

  for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://files.example.com/x', 'data:text/plain,hi', 'https://']) {
    it(`refuses ${url} at the URL: only http:// and https:// URLs`, () => {
      const errors = urlErrors(url);
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.equal(errors[0]!.severity, 'error');
      assert.equal(errors[0]!.spanned, JSON.stringify(url));
      assert.match(errors[0]!.message, /http:\/\/ or https:\/\//);
    });
  }

  for (const url of ['https://hooks.example.com/a\nX-Injected: 1', 'https://hooks.example.com/a\r\n', 'https://hooks.example.com/\ta', ' https://hooks.example.com/', 'https://hooks.example.com/\u0085']) {
    it(`refuses ${JSON.stringify(url)} at the URL: no spaces or control characters`, () => {
      const errors = urlErrors(url);
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.equal(errors[0]!.spanned, JSON.stringify(url));
      assert.match(errors[0]!.message, /control characters/);
    });
  }
});
