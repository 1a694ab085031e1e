import { API_ERRORS } from '../idcard/api-contract.ts';
import type { OcrReply } from './ocr-upstream.ts';

/** Why the proxy got no usable answer from a cloud upstream. */
export type UpstreamFailureCode = 'APIG.0201' | 'APIG.0202';

/**
 * A failure of the proxy's own outbound call (time limit, network, refused credentials). Its
 * message names the upstream by its base URL and never carries a token or a credential, so it
 * may reach the browser and the log as it is.
 */
export class UpstreamFailure extends Error {
  constructor(
    readonly code: UpstreamFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'UpstreamFailure';
  }
}

export function failureReply(failure: UpstreamFailure): OcrReply {
  return {
    status: API_ERRORS[failure.code],
    body: { error_code: failure.code, error_msg: failure.message },
  };
}
