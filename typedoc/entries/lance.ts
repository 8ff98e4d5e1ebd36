/**
 * Lance Namespace errors: codes 0–23, a class per code, per-operation error sets, the REST binding and LanceDB error normalization.
 *
 * @module \@errs/lance
 */
export * from '@errs/lance'
