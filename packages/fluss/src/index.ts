export { adapter } from './adapter.js'
export {
  type BucketErrorContext,
  type BucketErrorJson,
  collectBucketErrors,
  fromBucketError,
  toBucketError,
} from './buckets.js'
export {
  CLIENT_CODES,
  codeInfo,
  codeOfName,
  ErrorCode,
  type ErrorCodeName,
  FLUSS_CODES,
  type FlussCodeInfo,
  isRetriableCode,
  TABLE as CODES,
  UNKNOWN_CODE_REASON,
} from './codes.js'
export { FlussError, type FlussErrorFromOptions, type FlussErrorOptions } from './fluss-error.js'
export {
  decodeGatewayResponse,
  encodeGatewayResponse,
  GATEWAY_CODES,
  type GatewayCodeInfo,
  type GatewayEnvelope,
  type GatewayReply,
} from './gateway.js'
export {
  decodeErrorJson,
  type EncodeJsonOptions,
  type ErrorJson,
  type ErrorJsonCamel,
  encodeErrorJson,
  MAX_JSON_TEXT,
} from './json.js'
export { addConfigSecrets, type ClientConfig, type SecretsOption } from './secrets.js'
