/**
 * Fauna FQL v10 errors, with the classes of the `fauna` driver.
 *
 * @module \@errs/fauna/v10
 */
export * from '@errs/fauna/v10'
