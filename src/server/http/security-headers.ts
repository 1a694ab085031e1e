import { secureHeaders } from 'hono/secure-headers';

/**
 * The served app's Content Security Policy: only what the app uses. Image previews and the
 * compressed upload are data: and blob: URLs, the compression worker is a bundled same-origin
 * module, live capture plays the camera stream through a blob:/MediaStream `<video>`, and the
 * only endpoint the page calls is its own OCR route. `'wasm-unsafe-eval'` lets the compression
 * worker compile libheif (`heic-to`) to decode iPhone HEIC photos; it allows WebAssembly only,
 * not `eval`.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'", 'blob:'],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Hono's secure headers with the policy above. HSTS is left out on purpose: counters often run
 * on a self-signed certificate, and HSTS would make its warning impossible to click through (and
 * would pin https on a host name that may later be served over plain http on a LAN).
 */
export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    strictTransportSecurity: false,
    // The camera is the one powerful feature the app uses, and only for itself.
    permissionsPolicy: {
      camera: ['self'],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
    },
  });
}
