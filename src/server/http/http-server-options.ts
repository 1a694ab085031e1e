/**
 * Node checks its request time limits on a timer that runs every 30 s by default, so a limit of
 * 60 s would cut at 60 to 90 s; checking every second keeps the limit what it says.
 */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;
/** Headers are a few hundred bytes: a client still sending them after 20 s is not a browser. */
const HEADERS_TIMEOUT_MS = 20_000;

/**
 * Options of Node's HTTP server that bound how long a client may take to send a request: past
 * `bodyTimeoutMs` for headers and body (a client sending a byte a second), Node answers 408 and
 * closes the connection. The time after the body arrived is `OCR_REQUEST_TIMEOUT_MS`'s.
 */
export function httpServerOptions(bodyTimeoutMs: number) {
  return {
    requestTimeout: bodyTimeoutMs,
    headersTimeout: Math.min(HEADERS_TIMEOUT_MS, bodyTimeoutMs),
    connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
  };
}
