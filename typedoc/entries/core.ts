/**
 * The application API: the error model, classification, problem+json across services, normalization, redaction and OpenTelemetry attributes.
 *
 * @module \@errs/core
 */
export * from '@errs/core'
