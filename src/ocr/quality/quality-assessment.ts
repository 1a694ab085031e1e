/** One quality alarm's verdict: `score` 0-100, higher meaning more likely a problem. */
export type QualityAssessment = { problem: boolean; score: number };

export function assessment(score: number, problemAt: number): QualityAssessment {
  const rounded = Math.round(Math.max(0, Math.min(100, score)));
  return { problem: rounded >= problemAt, score: rounded };
}
