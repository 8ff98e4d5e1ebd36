// fauna 2.5.0's `src/errors.ts` (shipped in the package, not exported from its root), typed just enough for the
// fauna suite. `#fauna-errors` (package.json `imports`) maps to it; this file keeps tsc from type-checking the
// driver's source under this repository's stricter settings.
export function getServiceError(failure: unknown, httpStatus?: number): Error
