/** One request as the load client saw it. */
export type LoadSample = {
  /** HTTP status, or 0 when the request failed without an answer (connection reset, timeout). */
  status: number;
  /** `error_code` of an error answer, or the network error's name; empty for a 200. */
  code: string;
  /** Faces in the image: two for a double-sided page. */
  faces: number;
  latencyMs: number;
};

export type LoadStats = {
  requests: number;
  /** Faces answered with 200 per second of wall time: the goodput. */
  facesPerSecond: number;
  /** Latency of the 200 answers. */
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  /** `200`, `429 ModelArts.4401`, `0 ECONNRESET`, ... with their counts. */
  outcomes: Map<string, number>;
};

/** Nearest-rank percentile of sorted values; 0 for none. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summarizeLoad(samples: readonly LoadSample[], wallMs: number): LoadStats {
  const answered = samples.filter((sample) => sample.status === 200);
  const latencies = answered.map((sample) => sample.latencyMs).sort((a, b) => a - b);
  const faces = answered.reduce((sum, sample) => sum + sample.faces, 0);
  const outcomes = new Map<string, number>();
  for (const sample of samples) {
    const key = sample.code ? `${sample.status} ${sample.code}` : String(sample.status);
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  }
  return {
    requests: samples.length,
    facesPerSecond: wallMs > 0 ? (faces * 1000) / wallMs : 0,
    p50Ms: percentile(latencies, 0.5),
    p90Ms: percentile(latencies, 0.9),
    p99Ms: percentile(latencies, 0.99),
    outcomes,
  };
}

export function formatOutcomes(outcomes: ReadonlyMap<string, number>): string {
  return [...outcomes]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, count]) => `${key}: ${count}`)
    .join(', ');
}

/** Growth from the first to the last reading, in percent of the first. */
export function growthPercent(first: number, last: number): number {
  return first > 0 ? ((last - first) / first) * 100 : 0;
}
