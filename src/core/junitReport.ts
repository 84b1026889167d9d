// Writes scenario results as JUnit XML, the format CI systems read: one
// testsuite per scenario, one testcase per expectation.

export interface JUnitCase {
  name: string;
  className: string;
  seconds: number;
  failure?: { message: string; details: string };
  error?: { message: string; details: string };
}

export interface JUnitSuite {
  name: string;
  file: string;
  cases: JUnitCase[];
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function junitXml(suites: JUnitSuite[]): string {
  const count = (s: JUnitSuite, k: 'failure' | 'error') => s.cases.filter((c) => c[k]).length;
  const total = (k: 'failure' | 'error') => suites.reduce((n, s) => n + count(s, k), 0);
  const tests = suites.reduce((n, s) => n + s.cases.length, 0);
  const lines = [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="journey scenarios" tests="${tests}" failures="${total('failure')}" errors="${total('error')}">`];
  for (const suite of suites) {
    const time = suite.cases.reduce((n, c) => n + c.seconds, 0).toFixed(3);
    lines.push(`  <testsuite name="${escapeXml(suite.name)}" file="${escapeXml(suite.file)}" tests="${suite.cases.length}" failures="${count(suite, 'failure')}" errors="${count(suite, 'error')}" time="${time}">`);
    for (const c of suite.cases) {
      const open = `    <testcase name="${escapeXml(c.name)}" classname="${escapeXml(c.className)}" time="${c.seconds.toFixed(3)}"`;
      const problem = c.failure ? ['failure', c.failure] as const : c.error ? ['error', c.error] as const : undefined;
      if (!problem) lines.push(`${open}/>`);
      else lines.push(`${open}>`, `      <${problem[0]} message="${escapeXml(problem[1].message)}">${escapeXml(problem[1].details)}</${problem[0]}>`, `    </testcase>`);
    }
    lines.push(`  </testsuite>`);
  }
  lines.push(`</testsuites>`, '');
  return lines.join('\n');
}
