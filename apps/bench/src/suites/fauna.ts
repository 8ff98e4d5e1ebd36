import { toProblem } from '@errs/core'
import { errors, FaunaHTTPError, fromHttp as fromHttpV4, type RequestResult } from '@errs/fauna'
import { adapter } from '@errs/fauna/adapter'
import { fromHttp as fromHttpV10, type QueryFailure, QueryRuntimeError, ServiceError } from '@errs/fauna/v10'
import {
  QueryRuntimeError as DriverQueryRuntimeError,
  ServiceError as DriverServiceError,
  TaggedTypeFormat,
} from 'fauna'
import faunadb from 'faunadb'
import json4 from 'faunadb/src/_json.js'
import DriverRequestResult from 'faunadb/src/RequestResult.js'
import { serializeError } from 'serialize-error'
// fauna 2.5.0 does not export its dispatch function from the package root; its source ships in the package
// (`#fauna-errors` maps to it, see package.json `imports`). The bench's compile step (compile.ts) bundles it, types
// stripped, with its classes as written.
import { getServiceError as driverGetServiceError } from '#fauna-errors'
import type { Group } from '../harness.js'
import { emptyChain, leastDecoderLabel, rebuildGroup, refLabel } from './shared.js'

/** FQL v4 400 reply (Fauna v4 docs example). */
const V4_BODY =
  '{"errors":[{"position":["collection","paginate","documents"],"code":"invalid ref","description":"Ref refers to undefined collection \'does_not_exist\'"}]}'

/** FQL v10 query failure (Fauna docs example, with summary, stats and query tags). */
const V10_BODY = JSON.stringify({
  error: { code: 'invalid_function_invocation', message: "The function `al` doesn't exist on `Collection`" },
  summary:
    "error: The function `al` doesn't exist on `Collection`\nat *query*:1:12\n  |\n1 | Collection.al()\n  |            ^^\n  |",
  txn_ts: 1689785459623670,
  stats: {
    compute_ops: 1,
    read_ops: 0,
    write_ops: 0,
    query_time_ms: 0,
    contention_retries: 0,
    storage_bytes_read: 0,
    storage_bytes_write: 0,
    rate_limits_hit: [],
  },
  schema_version: 0,
  query_tags: 'app=orders,env=prod',
})

const HEADERS = { 'content-type': 'application/json;charset=utf-8', 'x-txn-time': '1689785459623670' }

/** faunadb 4.8.2's own RequestResult, as `Client._execute` builds it (same argument order). */
function driverRequestResult(text: string, status: number): unknown {
  return new DriverRequestResult(
    'POST',
    '',
    null,
    '{"get":1}',
    { get: 1 },
    text,
    json4.parseJSON(text),
    status,
    HEADERS,
    0,
    1,
  )
}

/** fauna 2.5.0's query path after the HTTP reply (`Client.#query` + `#getError`): decode, tags, dispatch. */
function driverV10(text: string, status: number): unknown {
  const body = TaggedTypeFormat.decode(text, { long_type: 'number' })
  if (body.query_tags) {
    body.query_tags = Object.fromEntries((body.query_tags as string).split(',').map((t) => t.split('=')))
  }
  if ('data' in body) return body
  return driverGetServiceError(body, status)
}

function caught(f: () => void): unknown {
  try {
    f()
  } catch (e) {
    return e
  }
  return undefined
}

/** faunadb's declarations give BadRequest a wrong arity (fauna.md §3.1); the runtime takes one RequestResult. */
const DriverBadRequest = faunadb.errors.BadRequest as unknown as new (requestResult: unknown) => Error

export function groups(): Group[] {
  const Chain4 = emptyChain(4)
  // JSON decoders at their least, as functions as ours are (see `leastDecoderLabel`); one call site, one class each.
  const typedV4 = emptyChain(1).prototype
  const typedV10 = emptyChain(1).prototype
  const leastJsonV4 = (text: string): Error =>
    Object.setPrototypeOf(
      new Error((JSON.parse(text) as { errors: { code: string }[] }).errors[0]?.code ?? ''),
      typedV4,
    )
  const leastJsonV10 = (text: string): Error =>
    Object.setPrototypeOf(new Error((JSON.parse(text) as QueryFailure).error.message), typedV10)
  const rr = driverRequestResult(V4_BODY, 400)
  // More different texts than redaction remembers (see core's freshMessages), each in its own RequestResult.
  const freshResults = Array.from({ length: 4096 }, (_, i) =>
    driverRequestResult(V4_BODY.replace('does_not_exist', `does_not_exist_${i}`), 400),
  )
  const freshDescriptions = Array.from(
    { length: 4096 },
    (_, i) => `Ref refers to undefined collection 'does_not_exist_${i}'`,
  )
  let nextFloor = 0
  let nextOurs = 0
  let nextPeer = 0
  const failure = JSON.parse(V10_BODY) as QueryFailure
  const v4Message = 'invalid ref'
  const v10Message = failure.error.message
  const ours10 = new QueryRuntimeError(failure, 400)
  const problemText = JSON.stringify(toProblem(ours10))
  // serialize-error's text of fauna 2.5.0's own error for the same failure: the same fields ours carries (code,
  // httpStatus, and queryInfo with the summary, query tags and stats), as a serialize-error user would ship it.
  const serializedText = JSON.stringify(serializeError(driverV10(V10_BODY, 400)))

  return [
    {
      id: 'fauna.construct-v4',
      section: 'construction',
      title: 'Construct FQL v4 `BadRequest` from a RequestResult (@errs/fauna vs faunadb 4.8.2)',
      cases: [
        { id: 'floor', label: '`new Error(msg)`', role: 'floor', fn: () => new Error(v4Message) },
        { id: 'ref', label: refLabel(4), role: 'ref', fn: () => new Chain4(v4Message) },
        {
          id: 'ours',
          label: '`new errors.BadRequest(requestResult)` (@errs/fauna)',
          role: 'ours',
          fn: () => new errors.BadRequest(rr as RequestResult),
        },
        {
          id: 'peer',
          label: '`new errors.BadRequest(requestResult)` (faunadb 4.8.2)',
          role: 'peer',
          fn: () => new DriverBadRequest(rr),
        },
      ],
    },
    {
      id: 'fauna.construct-v4-fresh',
      section: 'construction',
      title:
        'Construct FQL v4 `BadRequest` from 4,096 different RequestResults (a description never seen before each time)',
      cases: [
        {
          id: 'floor',
          label: '`new Error(description)`',
          role: 'floor',
          fn: () => new Error(freshDescriptions[nextFloor++ & 4095]),
        },
        {
          id: 'ours',
          label: '`new errors.BadRequest(requestResult)` (@errs/fauna; redaction scans each description in full)',
          role: 'ours',
          fn: () => new errors.BadRequest(freshResults[nextOurs++ & 4095] as RequestResult),
        },
        {
          id: 'peer',
          label: '`new errors.BadRequest(requestResult)` (faunadb 4.8.2)',
          role: 'peer',
          fn: () => new DriverBadRequest(freshResults[nextPeer++ & 4095]),
        },
      ],
    },
    {
      id: 'fauna.raise-v4',
      section: 'construction',
      title: 'Throw and catch via `FaunaHTTPError.raiseForStatusCode(requestResult)` (400)',
      cases: [
        {
          id: 'floor',
          label: '`throw new Error(msg)` + catch',
          role: 'floor',
          fn: () =>
            caught(() => {
              throw new Error(v4Message)
            }),
        },
        {
          id: 'ours',
          label: '`FaunaHTTPError.raiseForStatusCode(rr)` + catch (@errs/fauna)',
          role: 'ours',
          fn: () => caught(() => FaunaHTTPError.raiseForStatusCode(rr as RequestResult)),
        },
        {
          id: 'peer',
          label: '`errors.FaunaHTTPError.raiseForStatusCode(rr)` + catch (faunadb 4.8.2)',
          role: 'peer',
          fn: () => caught(() => faunadb.errors.FaunaHTTPError.raiseForStatusCode(rr as never)),
        },
      ],
    },
    {
      id: 'fauna.construct-v10',
      section: 'construction',
      title: 'Construct FQL v10 `QueryRuntimeError(failure, 400)` (@errs/fauna/v10 vs fauna 2.5.0)',
      cases: [
        { id: 'floor', label: '`new Error(msg)`', role: 'floor', fn: () => new Error(v10Message) },
        { id: 'ref', label: refLabel(4), role: 'ref', fn: () => new Chain4(v10Message) },
        {
          id: 'ours',
          label: '`new QueryRuntimeError(failure, 400)` (@errs/fauna/v10)',
          role: 'ours',
          fn: () => new QueryRuntimeError(failure, 400),
        },
        {
          id: 'peer',
          label: '`new QueryRuntimeError(failure, 400)` (fauna 2.5.0)',
          role: 'peer',
          fn: () => new DriverQueryRuntimeError(failure as never, 400),
        },
      ],
    },
    {
      id: 'fauna.construct-v10-service',
      section: 'construction',
      title: 'Construct FQL v10 `ServiceError(failure, 400)` (@errs/fauna/v10 vs fauna 2.5.0)',
      cases: [
        { id: 'floor', label: '`new Error(msg)`', role: 'floor', fn: () => new Error(v10Message) },
        {
          id: 'ours',
          label: '`new ServiceError(failure, 400)` (@errs/fauna/v10)',
          role: 'ours',
          fn: () => new ServiceError(failure, 400),
        },
        {
          id: 'peer',
          label: '`new ServiceError(failure, 400)` (fauna 2.5.0)',
          role: 'peer',
          fn: () => new DriverServiceError(failure as never, 400),
        },
      ],
    },
    {
      id: 'fauna.decode-v4',
      section: 'decode',
      title: 'Decode an FQL v4 error reply (400, JSON text) to a class',
      cases: [
        {
          id: 'floor',
          label: '`new Error(JSON.parse(text).errors[0].code)`',
          role: 'floor',
          fn: () => new Error((JSON.parse(V4_BODY) as { errors: { code: string }[] }).errors[0]?.code),
        },
        {
          id: 'least',
          label: leastDecoderLabel('`JSON.parse(text)`'),
          role: 'ref',
          fn: () => leastJsonV4(V4_BODY),
        },
        {
          id: 'ours',
          label: '`fromHttp({ status: 400, body: text, headers })` (@errs/fauna) → BadRequest',
          role: 'ours',
          fn: () => fromHttpV4({ status: 400, body: V4_BODY, headers: HEADERS }),
        },
        {
          id: 'peer',
          label: "faunadb 4.8.2's path: `parseJSON(text)` + `new RequestResult(…)` + `raiseForStatusCode` + catch",
          role: 'peer',
          fn: () =>
            caught(() => faunadb.errors.FaunaHTTPError.raiseForStatusCode(driverRequestResult(V4_BODY, 400) as never)),
        },
      ],
    },
    {
      id: 'fauna.decode-v10',
      section: 'decode',
      title: 'Decode an FQL v10 query failure (400, JSON text with summary, stats, tags) to a class',
      cases: [
        {
          id: 'floor',
          label: '`new Error(JSON.parse(text).error.message)`',
          role: 'floor',
          fn: () => new Error((JSON.parse(V10_BODY) as QueryFailure).error.message),
        },
        {
          id: 'least',
          label: leastDecoderLabel('`JSON.parse(text)`'),
          role: 'ref',
          fn: () => leastJsonV10(V10_BODY),
        },
        {
          id: 'ours',
          label: '`fromHttp({ status: 400, body: text, headers })` (@errs/fauna/v10) → QueryRuntimeError',
          role: 'ours',
          fn: () => fromHttpV10({ status: 400, body: V10_BODY, headers: HEADERS }),
        },
        {
          id: 'peer',
          label: "fauna 2.5.0's path: `TaggedTypeFormat.decode` + query-tag split + `getServiceError(body, 400)`",
          role: 'peer',
          fn: () => driverV10(V10_BODY, 400),
        },
      ],
    },
    rebuildGroup(
      'fauna.deserialize',
      'Rebuild a Fauna v10 error from JSON text (problem → QueryRuntimeError)',
      'fauna',
      adapter,
      problemText,
      serializedText,
      "fauna 2.5.0's QueryRuntimeError for the same failure, with its queryInfo",
    ),
  ]
}
