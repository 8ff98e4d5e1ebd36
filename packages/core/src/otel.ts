import { redactBoundedText } from './bounds.js'
import { classifyForeign, coreView } from './classify.js'
import { describeThrown } from './guard.js'
import { nameOr } from './problem-write.js'

/** OpenTelemetry semantic-convention attributes of an error (no dependency on OpenTelemetry). */
export interface OtelErrorAttributes {
  /** Low-cardinality class of error: the native reason, or `_OTHER`. */
  'error.type': string
  /**
   * The system, e.g. `fluss` (no registered value exists for these systems: the lower-case name is the rule); absent
   * for a wrapped foreign value (`system: 'runtime'`), a bare HTTP status (`system: 'http'`) or another service's
   * problem (`system: 'problem'`), which are no database.
   */
  'db.system.name'?: string
  /** The native code as a string; absent when `db.system.name` is. */
  'db.response.status_code'?: string
  /** The error's class name. */
  'exception.type': string
  /** The message, cut to 16 KiB and redacted. */
  'exception.message': string
  [key: string]: string | undefined
}

/** Attributes to record on a span or log record for any thrown value. Never throws. */
export function toOtelAttributes(error: unknown): OtelErrorAttributes {
  const view = coreView(error)
  if (view === undefined) {
    const c = classifyForeign(error)
    return {
      'error.type': '_OTHER',
      'exception.type': c.code !== 'unknown' ? nameOr(c.code, typeof error) : typeof error,
      'exception.message': redactBoundedText(describeThrown(error)),
    }
  }
  const attributes: OtelErrorAttributes = {
    // Tokens checked by redaction too: an ErrsError's are redacted when it is made, a forged brand's are not.
    'error.type': nameOr(view.reason, '_OTHER'),
    'exception.type': nameOr(view.name, 'ErrsError'),
    'exception.message': redactBoundedText(view.message),
  }
  // `db.*` names a database system's reply: core's own systems of a wrapped foreign value (`runtime`), a bare HTTP
  // status (`http`) or another service's problem (`problem`) are none (semantic conventions: `db.system.name` is "the database management system (DBMS)
  // product", https://opentelemetry.io/docs/specs/semconv/database/database-spans/).
  if (view.system !== 'runtime' && view.system !== 'http' && view.system !== 'problem') {
    attributes['db.system.name'] = nameOr(view.system, 'unknown')
    attributes['db.response.status_code'] = redactBoundedText(String(view.code), 256)
  }
  return attributes
}
