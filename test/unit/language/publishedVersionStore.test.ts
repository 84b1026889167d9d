// Specification of what the server learns of the published versions kept
// beside a journey (R22, publishedVersionStore.ts): a lookup not yet known
// answers "unknown" and asks the client once; the answer is kept per
// document and version, and the document is validated again; an answer
// that is not one, a failure or no client gives "nothing can be known"; a
// forgotten store asks again and drops answers that were on their way.
import assert from 'node:assert/strict';
import type { PublishedVersionsParams, PublishedVersionsResult } from '../../../language/publishedVersionsProtocol';
import { PublishedVersionStore } from '../../../language/publishedVersionStore';

const URI = 'file:///work/welcome.journey.json';

/** A client whose answers the test gives by hand, recording each question. */
function handClient() {
  const asked: PublishedVersionsParams[] = [];
  const answers: ((result: unknown) => void)[] = [];
  const fails: ((error: Error) => void)[] = [];
  const ask = (params: PublishedVersionsParams) => {
    asked.push(params);
    return new Promise<PublishedVersionsResult | null>((resolve, reject) => {
      answers.push(resolve as (result: unknown) => void);
      fails.push(reject);
    });
  };
  return { asked, answers, fails, ask };
}

describe('R22: the published versions the server learns from the client', () => {
  it('R22: without a client, nothing is asked and nothing is pending', () => {
    const learned: string[] = [];
    const store = new PublishedVersionStore(undefined, (uri) => learned.push(uri));
    assert.equal(store.lookupFor(URI)('welcome', 1), undefined);
    assert.equal(store.settled(URI), undefined);
    assert.deepEqual(learned, []);
  });

  it('R22: asks once per document and version, keeps the answer, and validates the document again', async () => {
    const client = handClient();
    const learned: string[] = [];
    const store = new PublishedVersionStore(client.ask, (uri) => learned.push(uri));
    const lookup = store.lookupFor(URI);
    assert.equal(lookup('welcome', 1), undefined, 'unknown until the client answers');
    assert.equal(lookup('welcome', 1), undefined);
    assert.deepEqual(client.asked, [{ uri: URI, id: 'welcome', version: 1 }], 'asked once');
    const settled = store.settled(URI);
    assert.ok(settled);
    client.answers[0]!({ versions: [1], text: '{}', location: 'published/welcome/welcome.v1.journey.json' });
    await settled;
    assert.deepEqual(learned, [URI]);
    assert.deepEqual(lookup('welcome', 1), { versions: [1], text: '{}', location: 'published/welcome/welcome.v1.journey.json' });
    assert.equal(store.settled(URI), undefined, 'nothing pending once answered');
    assert.equal(store.lookupFor('file:///work/other.journey.json')('welcome', 1), undefined, 'another document asks for itself');
    assert.equal(client.asked.length, 2);
  });

  it('R22: an answer without text or location keeps only the versions', async () => {
    const client = handClient();
    const store = new PublishedVersionStore(client.ask, () => undefined);
    store.lookupFor(URI)('welcome', 2);
    const settled = store.settled(URI);
    client.answers[0]!({ versions: [1] });
    await settled;
    assert.deepEqual(store.lookupFor(URI)('welcome', 2), { versions: [1] });
  });

  for (const [what, answer] of [
    ['null', null],
    ['a string', 'v1'],
    ['versions that are not numbers', { versions: ['1'] }],
    ['no versions', { text: '{}' }],
    ['a text that is not a string', { versions: [1], text: 1 }],
    ['a location that is not a string', { versions: [1], location: 2 }],
  ] as const) {
    it(`R22: an answer that is ${what} means nothing can be known, and is not asked again`, async () => {
      const client = handClient();
      const store = new PublishedVersionStore(client.ask, () => undefined);
      store.lookupFor(URI)('welcome', 1);
      const settled = store.settled(URI);
      client.answers[0]!(answer);
      await settled;
      assert.equal(store.lookupFor(URI)('welcome', 1), undefined);
      assert.equal(client.asked.length, 1);
    });
  }

  it('R22: a failed request means nothing can be known', async () => {
    const client = handClient();
    const learned: string[] = [];
    const store = new PublishedVersionStore(client.ask, (uri) => learned.push(uri));
    store.lookupFor(URI)('welcome', 1);
    const settled = store.settled(URI);
    client.fails[0]!(new Error('no such request'));
    await settled;
    assert.deepEqual(learned, [URI]);
    assert.equal(store.lookupFor(URI)('welcome', 1), undefined);
    assert.equal(client.asked.length, 1);
  });

  it('R22: after forget (the kept versions changed) it asks again, and an answer asked before is dropped', async () => {
    const client = handClient();
    const learned: string[] = [];
    const store = new PublishedVersionStore(client.ask, (uri) => learned.push(uri));
    store.lookupFor(URI)('welcome', 1);
    const stale = store.settled(URI);
    store.forget();
    assert.equal(store.settled(URI), undefined);
    client.answers[0]!({ versions: [1], text: 'old' });
    await stale;
    assert.deepEqual(learned, [], 'the stale answer validates nothing');
    assert.equal(store.lookupFor(URI)('welcome', 1), undefined);
    assert.equal(client.asked.length, 2, 'asked again');
    const settled = store.settled(URI);
    client.answers[1]!({ versions: [1, 2], text: 'new' });
    await settled;
    assert.deepEqual(store.lookupFor(URI)('welcome', 1), { versions: [1, 2], text: 'new' });
  });

  it('R22: a closed document is forgotten, and setClient starts afresh with the new client', async () => {
    const first = handClient();
    const store = new PublishedVersionStore(first.ask, () => undefined);
    store.lookupFor(URI)('welcome', 1);
    let settled = store.settled(URI);
    first.answers[0]!({ versions: [1] });
    await settled;
    store.delete(URI);
    store.lookupFor(URI)('welcome', 1);
    assert.equal(first.asked.length, 2, 'asked again after the document closed');
    assert.ok(store.settled(URI));
    store.delete(URI);
    assert.equal(store.settled(URI), undefined);
    const second = handClient();
    store.setClient(second.ask);
    store.lookupFor(URI)('welcome', 1);
    assert.equal(second.asked.length, 1);
    settled = store.settled(URI);
    second.answers[0]!({ versions: [3] });
    await settled;
    store.setClient(undefined);
    assert.equal(store.lookupFor(URI)('welcome', 1), undefined, 'a client that stopped answering is not asked');
  });
});
