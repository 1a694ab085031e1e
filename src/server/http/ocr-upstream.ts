/**
 * What answers the OCR route: the bundled local engine or a cloud upstream. The HTTP layer has
 * already enforced the body-size limit; the upstream owns everything after that.
 */
export type OcrCall = {
  projectId: string;
  /** The raw request body, within the size limit, not yet parsed. */
  body: string;
  /** The caller's `X-Auth-Token` header, if any. */
  authToken: string | null;
  /** Aborted when the client goes away or the server shuts down. */
  signal: AbortSignal;
};

export type OcrReply = {
  status: number;
  /** A success body (`{ result }`) or an API error body (`{ error_code, error_msg }`). */
  body: unknown;
};

export type OcrUpstream = {
  /** Named in error messages and logs; never a secret. */
  readonly name: string;
  call(call: OcrCall): Promise<OcrReply>;
  /** Finishes work in flight and releases resources. */
  close(): Promise<void>;
  /**
   * True when a request arriving now would only be refused for load, so it can be refused
   * before its body is read. Absent for a cloud upstream, which answers its own 429s.
   */
  full?(): boolean;
};
