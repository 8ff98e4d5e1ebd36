/**
 * The Fluss RPC wire: `ErrorResponse` protobuf and response frames (built on `@bufbuild/protobuf`).
 *
 * @module \@errs/fluss/wire
 */
export * from '@errs/fluss/wire'
