import { redactBoundedText } from './bounds.js'
import { classifyForeign, coreView } from './classify.js'
import { describeThrown } from './guard.js'
import { nameOr, tokenOr } from './problem-write.js'

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
  return {
    'error.type': tokenOr(view.reason, '_OTHER'),
    'db.system.name': tokenOr(view.system, 'unknown'),
    'db.response.status_code': redactBoundedText(String(view.code), 256),
    'exception.type': nameOr(view.name, 'ErrsError'),
    'exception.message': redactBoundedText(view.message),
  }
}
