/**
 * Plumbing for adapter authors: guarded reads, bounded body and reply readers, Retry-After, describing thrown values, the kind tables, the unknown-code policy and generic rebuilding.
 *
 * @module \@errs/core/kit
 */
export * from '@errs/core/kit'
