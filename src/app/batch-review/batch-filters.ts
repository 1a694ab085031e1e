import type { Job } from '../desk/desk-store.ts';
import type { Person } from '../people/person.ts';

export const BATCH_FILTERS = ['all', 'doubtful', 'unchecked', 'failed'] as const;
export type BatchFilter = (typeof BATCH_FILTERS)[number];

export const BATCH_FILTER_LABELS: Record<BatchFilter, string> = {
  all: '全部',
  doubtful: '有存疑',
  unchecked: '未核对',
  failed: '有未能识别的图片',
};

/** What a row needs to be filtered: its doubtful count and the state of its images. */
export type RowFacts = { person: Person; doubtfulCount: number; warned: boolean };

export function matchesFilter(
  filter: BatchFilter,
  { person, doubtfulCount, warned }: RowFacts,
  failedJobIds: ReadonlySet<string>,
): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'doubtful':
      return doubtfulCount > 0 || warned;
    case 'unchecked':
      return !person.checked;
    case 'failed':
      return person.pendingJobIds.some((jobId) => failedJobIds.has(jobId));
  }
}

export function failedJobIdsOf(jobs: readonly Job[]): Set<string> {
  return new Set(
    jobs
      .filter((job) => job.status === 'failed' || job.status === 'cancelled')
      .map((job) => job.id),
  );
}
