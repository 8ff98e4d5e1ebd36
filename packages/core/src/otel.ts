import { ErrsError } from './errs-error.js'
import { wrapForeign } from './normalize.js'
import { redactString } from './redact.js'

/** OpenTelemetry semantic-convention attributes of an error (no dependency on OpenTelemetry). */
export interface OtelErrorAttributes {
  /** Low-cardinality class of error: the native reason, or `_OTHER`. */
  'error.type': string
  /** The system, e.g. `fluss` (no registered value exists for these systems: the lower-case name is the rule). */
  'db.system.name'?: string
  /** The native code as a string. */
  'db.response.status_code'?: string
  /** The error's class name. */
  'exception.type': string
  /** The message, redacted. */
  'exception.message': string
  [key: string]: string | undefined
}

/** Attributes to record on a span or log record for any thrown value. */
export function toOtelAttributes(error: unknown): OtelErrorAttributes {
  if (!ErrsError.is(error)) {
    const wrapped = wrapForeign(error)
    return {
      'error.type': '_OTHER',
      'exception.type': typeof wrapped.code === 'string' && wrapped.code !== 'unknown' ? wrapped.code : typeof error,
      'exception.message': wrapped.message,
    }
  }
  return {
    'error.type': error.reason || '_OTHER',
    'db.system.name': error.system,
    'db.response.status_code': String(error.code),
    'exception.type': error.name,
    'exception.message': redactString(error.message),
  }
}
