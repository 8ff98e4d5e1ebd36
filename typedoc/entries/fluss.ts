/**
 * Apache Fluss errors with the Fluss clients' idiom: `FlussError`, `ErrorCode`, decoders for error JSON and the REST gateway.
 *
 * @module \@errs/fluss
 */
export * from '@errs/fluss'
