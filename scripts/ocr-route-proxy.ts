import type { ProxyOptions } from 'vite';
import { OCR_ROUTE_PATTERN } from '../src/idcard/api-contract.ts';

/**
 * Vite's dev-server proxy: the OCR route and the health check (the desk polls it while the
 * service is down) go to the API server, nothing else. Vite matches a
 * key starting with `^` as a regular expression against the request URL; the route's own
 * pattern keeps one definition of the path.
 */
export function ocrRouteProxy(apiOrigin: string): Record<string, ProxyOptions> {
  return {
    [OCR_ROUTE_PATTERN.source]: {
      target: apiOrigin,
      // The local engine can take a few seconds on a large photo; the API server's own limits
      // answer well before this.
      proxyTimeout: 120_000,
    },
    '/health': { target: apiOrigin },
  };
}
