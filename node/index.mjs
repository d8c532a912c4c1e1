// ESM entry: the same objects as the CommonJS one.
import iovox from './index.js'

export const {
  PRODUCTION_URL,
  SANDBOX_URL,
  Client,
  parseCallback,
  mergeOrder,
  prepareRequest,
  saveRecording,
  decodeAnswer,
  receiveCallback,
  decodePage,
  purchaseRequestXml,
  attachRequestXml,
  IovoxError,
  ValidationError,
  ApiError,
  AuthenticationError,
  TimeoutError,
  ConnectionError,
  DecodeError,
  ConfigError,
  CallbackError,
  AbortError,
} = iovox
export default iovox
