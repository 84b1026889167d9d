// Specification of the JUnit XML that `journey test --junit` writes for CI:
// one testsuite per scenario, one testcase per expectation, the counts of
// tests, failures and errors on every suite and on the whole, the times in
// seconds with three decimals, and every text escaped so any name or message
// gives well-formed XML (XML 1.0 cannot hold most control characters at all:
// they are dropped).
import assert from 'node:assert/strict';
import { junitXml, type JUnitSuite } from '../../src/core/junitReport';

describe('JUnit report of scenario runs', () => {
  it('a passing case is a self-closing testcase; a failure and an error carry their message and details; counts per suite and in all', () => {
    const suites: JUnitSuite[] = [
      {
        name: 'welcome',
        file: 'welcome.scenario.json',
        cases: [
          { name: 'c_ala receives welcome_email', className: 'welcome', seconds: 0.25 },
          { name: 'c_bo never enters', className: 'welcome', seconds: 0.5, failure: { message: 'c_bo entered', details: 'expected: never entered\nactual: entered 1 time(s)' } },
        ],
      },
      {
        name: 'broken',
        file: 'broken.scenario.json',
        cases: [{ name: 'scenario can run', className: 'broken', seconds: 1, error: { message: 'Cannot read j.journey.json', details: 'j.journey.json:1:1' } }],
      },
    ];
    assert.equal(
      junitXml(suites),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="journey scenarios" tests="3" failures="1" errors="1">',
        '  <testsuite name="welcome" file="welcome.scenario.json" tests="2" failures="1" errors="0" time="0.750">',
        '    <testcase name="c_ala receives welcome_email" classname="welcome" time="0.250"/>',
        '    <testcase name="c_bo never enters" classname="welcome" time="0.500">',
        '      <failure message="c_bo entered">expected: never entered\nactual: entered 1 time(s)</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="broken" file="broken.scenario.json" tests="1" failures="0" errors="1" time="1.000">',
        '    <testcase name="scenario can run" classname="broken" time="1.000">',
        '      <error message="Cannot read j.journey.json">j.journey.json:1:1</error>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('no scenario at all is an empty, well-formed report with zero counts', () => {
    assert.equal(junitXml([]), '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="journey scenarios" tests="0" failures="0" errors="0">\n</testsuites>\n');
  });

  it('sums failures and errors over several suites', () => {
    const failing = (n: number): JUnitSuite => ({ name: `s${n}`, file: `s${n}.scenario.json`, cases: Array.from({ length: n }, (_, i) => ({ name: `e${i}`, className: `s${n}`, seconds: 0, failure: { message: 'no', details: '' } })) });
    const erring: JUnitSuite = { name: 'e', file: 'e.scenario.json', cases: [1, 2].map((i) => ({ name: `p${i}`, className: 'e', seconds: 0, error: { message: 'bad', details: '' } })) };
    assert.match(junitXml([failing(2), failing(3), erring]), /^<testsuites name="journey scenarios" tests="7" failures="5" errors="2">$/m);
  });

  it('escapes & < > " \' everywhere (names, file, class, message, details) and drops control characters XML cannot hold, keeping tab and newline', () => {
    const nasty = `a&b<c>d"e'f\u0000g\u0008h\u000bi\u000cj\u000ek\u001fl\tm\nn\ro`;
    const escaped = 'a&amp;b&lt;c&gt;d&quot;e&apos;fghijkl\tm\nn\ro';
    const xml = junitXml([{ name: nasty, file: nasty, cases: [{ name: nasty, className: nasty, seconds: 0, failure: { message: nasty, details: nasty } }] }]);
    assert.ok(xml.includes(`<testsuite name="${escaped}" file="${escaped}" tests="1"`), xml);
    assert.ok(xml.includes(`<testcase name="${escaped}" classname="${escaped}" time="0.000">`), xml);
    assert.ok(xml.includes(`<failure message="${escaped}">${escaped}</failure>`), xml);
    const errorXml = junitXml([{ name: 's', file: 'f', cases: [{ name: 'n', className: 's', seconds: 0, error: { message: nasty, details: nasty } }] }]);
    assert.ok(errorXml.includes(`<error message="${escaped}">${escaped}</error>`), errorXml);
  });

  it('a case with both a failure and an error is reported as the failure', () => {
    const xml = junitXml([{ name: 's', file: 'f', cases: [{ name: 'n', className: 's', seconds: 0, failure: { message: 'failed', details: 'd1' }, error: { message: 'erred', details: 'd2' } }] }]);
    assert.ok(xml.includes('<failure message="failed">d1</failure>'), xml);
    assert.ok(!xml.includes('<error'), xml);
  });
});
