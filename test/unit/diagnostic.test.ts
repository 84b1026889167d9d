// Specification of src/core/diagnostic.ts: only a diagnostic of severity
// "error" is an error (it fails validation); warnings, information and hints
// are not.
import assert from 'node:assert/strict';
import { isError, type JourneyDiagnostic, type Severity } from '../../src/core/diagnostic';

const diagnostic = (severity: Severity): JourneyDiagnostic => ({ code: 'R4.dangling-reference', rule: 'R4', severity, message: 'm', offset: 0, length: 1, path: [] });

describe('diagnostics (isError)', () => {
  it('a diagnostic of severity "error" is an error', () => {
    assert.equal(isError(diagnostic('error')), true);
  });

  for (const severity of ['warning', 'information', 'hint'] as const) {
    it(`a diagnostic of severity "${severity}" is not an error`, () => {
      assert.equal(isError(diagnostic(severity)), false);
    });
  }
});
