import { create } from 'zustand';
import type { CardField } from '../../idcard/api-contract.ts';
import type { PixelSize } from '../compression/compression-target.ts';
import { detectImageFormat, type ImageFormat } from '../intake/image-formats.ts';
import {
  editField,
  fileFaces,
  type MoveTarget,
  moveFace,
  removeFace,
  revertField,
} from '../people/filing.ts';
import type { Face, Person } from '../people/person.ts';
import type { JobFailure } from '../recognition/error-messages.ts';

export type JobStatus = 'waiting' | 'compressing' | 'recognizing' | 'done' | 'failed' | 'cancelled';

/** The image as it went out: upright, compressed, without metadata. */
export type SentImage = {
  blob: Blob;
  url: string;
  size: PixelSize;
  originalSize: PixelSize;
  compressMs: number;
};

/** One dropped image on its way through compression and recognition. */
export type Job = {
  id: string;
  file: File;
  format: ImageFormat | null;
  /** True to ask for both faces on one page (a photocopy); otherwise the side is detected. */
  doubleSided: boolean;
  /** Object URL of the file as dropped, where the browser can show it (not TIFF or HEIC). */
  originalUrl: string | null;
  sent: SentImage | null;
  status: JobStatus;
  /** Compression progress, 0-100. */
  progress: number;
  failure: JobFailure | null;
  /** Read but not yet filed: faces are filed in drop order, after every earlier image settles. */
  unfiledFaces: Face[] | null;
  droppedAt: number;
  /** Milliseconds from drop to fields filed, for the clerk's sense of speed and the benchmark. */
  dropToFieldsMs: number | null;
};

type DeskState = {
  jobs: Job[];
  people: Person[];
  selectedPersonId: string | null;
  /** Whether new images are photocopy pages with both faces (the clerk's intake setting). */
  doubleSidedIntake: boolean;
  setDoubleSidedIntake: (doubleSided: boolean) => void;
  addFiles: (files: readonly File[]) => void;
  updateJob: (jobId: string, change: Partial<Job>) => void;
  setSent: (jobId: string, sent: SentImage) => void;
  completeJob: (jobId: string, faces: Face[]) => void;
  failJob: (jobId: string, failure: JobFailure) => void;
  retryJob: (jobId: string) => void;
  /** Reads the image again as a page with both faces. */
  retryAsDoubleSided: (jobId: string) => void;
  removeJob: (jobId: string) => void;
  editField: (faceId: string, field: CardField, value: string) => void;
  revertField: (faceId: string, field: CardField) => void;
  moveFace: (faceId: string, target: MoveTarget) => void;
  removeFace: (faceId: string) => void;
  selectPerson: (personId: string | null) => void;
  clearAll: () => void;
};

let lastId = 0;
/** Ids only need to be unique within the tab; `crypto.randomUUID` is missing on plain HTTP. */
export function makeId(): string {
  lastId += 1;
  return `d${lastId}`;
}

const BROWSER_DISPLAYABLE: ReadonlySet<ImageFormat> = new Set(['jpeg', 'png', 'bmp', 'webp']);
const UNSETTLED: ReadonlySet<JobStatus> = new Set(['waiting', 'compressing', 'recognizing']);

export function isUnsettled(job: Job): boolean {
  return UNSETTLED.has(job.status);
}

function newJob(file: File, doubleSided: boolean): Job {
  const format = detectImageFormat(file);
  return {
    id: makeId(),
    file,
    format,
    doubleSided,
    originalUrl: format && BROWSER_DISPLAYABLE.has(format) ? URL.createObjectURL(file) : null,
    sent: null,
    status: format ? 'waiting' : 'failed',
    progress: 0,
    failure: format ? null : { kind: 'unsupported-format', fileName: file.name },
    unfiledFaces: null,
    droppedAt: performance.now(),
    dropToFieldsMs: null,
  };
}

/** Files every read image up to the first one still in progress, in drop order. */
function fileInDropOrder(state: Pick<DeskState, 'jobs' | 'people'>) {
  let people = state.people;
  let jobs = state.jobs;
  for (const job of state.jobs) {
    if (isUnsettled(job)) break;
    if (!job.unfiledFaces) continue;
    people = fileFaces(people, job.unfiledFaces, makeId);
    performance.measure('idcard:drop-to-fields', { start: job.droppedAt, detail: job.file.name });
    const filed = { ...job, unfiledFaces: null, dropToFieldsMs: performance.now() - job.droppedAt };
    jobs = jobs.map((candidate) => (candidate.id === job.id ? filed : candidate));
  }
  return { jobs, people };
}

function revokeUrls(job: Job): void {
  if (job.originalUrl) URL.revokeObjectURL(job.originalUrl);
  if (job.sent) URL.revokeObjectURL(job.sent.url);
}

/**
 * Everything on the desk lives in this tab's memory only: no localStorage or IndexedDB, so
 * closing the tab forgets every card (DESIGN.md).
 */
export const useDesk = create<DeskState>()((set, get) => ({
  jobs: [],
  people: [],
  selectedPersonId: null,
  doubleSidedIntake: false,
  setDoubleSidedIntake: (doubleSided) => set({ doubleSidedIntake: doubleSided }),
  addFiles: (files) =>
    set((state) => ({
      jobs: [...state.jobs, ...files.map((file) => newJob(file, state.doubleSidedIntake))],
    })),
  updateJob: (jobId, change) =>
    set((state) => ({
      jobs: state.jobs.map((job) => (job.id === jobId ? { ...job, ...change } : job)),
    })),
  setSent: (jobId, sent) =>
    set((state) => ({
      jobs: state.jobs.map((job) => {
        if (job.id !== jobId) return job;
        if (job.sent) URL.revokeObjectURL(job.sent.url);
        return { ...job, sent };
      }),
    })),
  completeJob: (jobId, faces) =>
    set((state) => {
      const jobs = state.jobs.map((job) =>
        job.id === jobId
          ? { ...job, status: 'done' as const, failure: null, unfiledFaces: faces }
          : job,
      );
      const filed = fileInDropOrder({ jobs, people: state.people });
      const selectedPersonId = state.selectedPersonId ?? filed.people[0]?.id ?? null;
      return { ...filed, selectedPersonId };
    }),
  failJob: (jobId, failure) =>
    set((state) => {
      const status = failure.kind === 'cancelled' ? ('cancelled' as const) : ('failed' as const);
      const jobs = state.jobs.map((job) => (job.id === jobId ? { ...job, status, failure } : job));
      return fileInDropOrder({ jobs, people: state.people });
    }),
  retryJob: (jobId) =>
    get().updateJob(jobId, {
      status: 'waiting',
      failure: null,
      progress: 0,
      droppedAt: performance.now(),
    }),
  retryAsDoubleSided: (jobId) => {
    get().updateJob(jobId, { doubleSided: true });
    get().retryJob(jobId);
  },
  removeJob: (jobId) =>
    set((state) => {
      const job = state.jobs.find((candidate) => candidate.id === jobId);
      if (job) revokeUrls(job);
      const jobs = state.jobs.filter((candidate) => candidate.id !== jobId);
      return fileInDropOrder({ jobs, people: state.people });
    }),
  editField: (faceId, field, value) =>
    set((state) => ({ people: editField(state.people, faceId, field, value) })),
  revertField: (faceId, field) =>
    set((state) => ({ people: revertField(state.people, faceId, field) })),
  moveFace: (faceId, target) =>
    set((state) => ({ people: moveFace(state.people, faceId, target, makeId) })),
  removeFace: (faceId) => set((state) => ({ people: removeFace(state.people, faceId) })),
  selectPerson: (personId) => set({ selectedPersonId: personId }),
  clearAll: () => {
    for (const job of get().jobs) revokeUrls(job);
    set({ jobs: [], people: [], selectedPersonId: null });
  },
}));

export function findJob(jobId: string): Job | undefined {
  return useDesk.getState().jobs.find((job) => job.id === jobId);
}
