/**
 * Fauna FQL v4 errors, with the classes of the `faunadb` driver, HTTP and stream decoding and driver normalization.
 *
 * @module \@errs/fauna
 */
export * from '@errs/fauna'
