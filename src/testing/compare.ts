import type { TestCase } from './test-case.js';

/** What the server answered to one test's request. */
export interface TestResponse {
  readonly status: number;
  readonly body: string;
}

export interface Outcome {
  readonly passed: boolean;
  readonly status: number;
  /** The value compared: the body, or the `error` message when the status is 400 or more. */
  readonly actual: string;
  readonly expected: string;
  /** Why a test failed besides (or instead of) a different result, e.g. a status mismatch. */
  readonly reason?: string;
}

/** The value a test compares: the raw body, or for an error status the response's `error` field. */
export function comparedValue(response: TestResponse): string {
  if (response.status < 400) return response.body;
  try {
    const parsed = JSON.parse(response.body) as unknown;
    if (parsed && typeof parsed === 'object' && typeof (parsed as { error?: unknown }).error === 'string') {
      return (parsed as { error: string }).error;
    }
  } catch {
    // Not JSON: compare the body as it came.
  }
  return response.body;
}

/**
 * Judges one test as `tb test` does: exact string equality of the expected result with the compared
 * value; an error status must be expected (`expected_http_status`) and equal.
 */
export function judge(test: TestCase, response: TestResponse): Outcome {
  const actual = comparedValue(response);
  const expected = test.expectedResult ?? '';
  const base = { status: response.status, actual, expected };
  const expectedStatus = test.expectedHttpStatus;
  if (response.status >= 400 && expectedStatus === undefined) {
    return { ...base, passed: false, reason: `the request failed with HTTP ${response.status} but the test expects no error` };
  }
  if (expectedStatus !== undefined && expectedStatus !== response.status) {
    return { ...base, passed: false, reason: `expected HTTP ${expectedStatus}, got HTTP ${response.status}` };
  }
  if (actual !== expected) return { ...base, passed: false, reason: 'the result differs' };
  return { ...base, passed: true };
}

/** The test as `mk test update` rewrites it: same name, description and parameters, the current result. */
export function updatedCase(test: TestCase, response: TestResponse): TestCase {
  const { expectedHttpStatus: _status, expectedResult: _result, ...rest } = test;
  const expectedResult = comparedValue(response);
  if (response.status >= 400) return { ...rest, expectedResult, expectedHttpStatus: response.status };
  // A success status written out by hand stays, with the status actually seen.
  return { ...rest, expectedResult, ...(test.expectedHttpStatus !== undefined ? { expectedHttpStatus: response.status } : {}) };
}
