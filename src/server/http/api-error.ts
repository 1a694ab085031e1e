import { API_ERRORS, type ApiErrorCode, type ErrorBody } from '../../idcard/api-contract.ts';
import { ImageDecodeError, NoCardFoundError, SameSideTwiceError } from '../../ocr/errors.ts';

/**
 * One error type per way a request can fail (the engine's own are in `src/ocr/errors.ts`). Each
 * message is written for the caller and safe to send; the API code and HTTP status are chosen in
 * exactly one place, `apiErrorReply` below.
 */
export class RequestFailure extends Error {
  override name = 'RequestFailure';
}

export class TokenMissingError extends RequestFailure {
  constructor() {
    super('X-Auth-Token is required');
  }
}
export class TokenMismatchError extends RequestFailure {
  constructor() {
    super('X-Auth-Token is not valid');
  }
}
export class BodyTooLargeError extends RequestFailure {
  constructor(maxBytes: number) {
    super(`request body is larger than ${maxBytes} bytes`);
  }
}
export class NotJsonContentTypeError extends RequestFailure {
  constructor() {
    super('Content-Type must be application/json');
  }
}
/** The client went away, or stopped sending, before its body was complete. */
export class ClientGoneError extends RequestFailure {
  constructor() {
    super('the request body ended before it was complete');
  }
}
export class InvalidJsonError extends RequestFailure {
  constructor() {
    super('request body is not valid JSON');
  }
}
export class BadParameterError extends RequestFailure {}
export class InvalidBase64Error extends RequestFailure {}
export class ImageBytesLimitError extends RequestFailure {}
export class ImagePixelLimitError extends RequestFailure {}
export class UrlNotAllowedError extends RequestFailure {}
export class UrlDownloadError extends RequestFailure {}
export class OverloadedError extends RequestFailure {}
export class ShuttingDownError extends RequestFailure {
  constructor() {
    super('the server is shutting down; retry later');
  }
}
export class RequestTimeoutError extends RequestFailure {
  constructor(limitMs: number) {
    super(`recognition did not finish within ${limitMs / 1000} s`);
  }
}
export class RouteNotFoundError extends RequestFailure {
  constructor() {
    super('no such API');
  }
}

/** A cloud upstream (IAM or OCR) did not answer within the proxy's time limit. */
export class UpstreamTimeoutError extends RequestFailure {}
/**
 * A cloud upstream could not be reached, refused the proxy's own credentials or answered
 * something that is not the API. The message names the upstream, never a secret.
 */
export class UpstreamUnavailableError extends RequestFailure {}

type ErrorClass = abstract new (...args: never[]) => Error;

/** The one table from failure to API code; the first matching class wins. */
const API_CODE_OF: readonly (readonly [ErrorClass, ApiErrorCode])[] = [
  [TokenMissingError, 'ModelArts.4101'],
  [TokenMismatchError, 'ModelArts.4102'],
  [BodyTooLargeError, 'ModelArts.4104'],
  [NotJsonContentTypeError, 'ModelArts.4105'],
  [InvalidJsonError, 'ModelArts.4105'],
  // Rarely heard: the client that left is not there to read it.
  [ClientGoneError, 'ModelArts.4105'],
  [BadParameterError, 'AIS.0101'],
  [InvalidBase64Error, 'AIS.0102'],
  [ImageDecodeError, 'AIS.0102'],
  [ImageBytesLimitError, 'AIS.0103'],
  [ImagePixelLimitError, 'AIS.0103'],
  [NoCardFoundError, 'AIS.0104'],
  [SameSideTwiceError, 'AIS.0122'],
  [UrlNotAllowedError, 'ModelArts.4601'],
  [UrlDownloadError, 'ModelArts.4603'],
  [OverloadedError, 'ModelArts.4401'],
  [ShuttingDownError, 'ModelArts.4401'],
  [RequestTimeoutError, 'AIS.0105'],
  [RouteNotFoundError, 'APIG.0101'],
  [UpstreamTimeoutError, 'APIG.0201'],
  [UpstreamUnavailableError, 'APIG.0202'],
];

/** Said for any failure we did not foresee; the details go to the server log, not the caller. */
const UNEXPECTED_CODE: ApiErrorCode = 'AIS.0105';
const UNEXPECTED_MESSAGE = 'recognition failed inside the engine';

export type ApiErrorReply = { status: number; body: ErrorBody };

/** Turns any thrown value into the API's error shape, never exposing a stack or internals. */
export function apiErrorReply(error: unknown): ApiErrorReply {
  for (const [errorClass, code] of API_CODE_OF) {
    if (error instanceof errorClass) {
      return { status: API_ERRORS[code], body: { error_code: code, error_msg: error.message } };
    }
  }
  return {
    status: API_ERRORS[UNEXPECTED_CODE],
    body: { error_code: UNEXPECTED_CODE, error_msg: UNEXPECTED_MESSAGE },
  };
}

/** True for failures the caller caused or should retry; false for our own bugs worth logging. */
export function isExpectedFailure(error: unknown): boolean {
  return API_CODE_OF.some(([errorClass]) => error instanceof errorClass);
}
