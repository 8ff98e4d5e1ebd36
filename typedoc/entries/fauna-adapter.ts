/**
 * The Fauna adapter for both dialects (FQL v4 and v10): the code table, the classes by name, and normalization of
 * what either driver throws.
 *
 * @module \@errs/fauna/adapter
 */
export * from '@errs/fauna/adapter'
