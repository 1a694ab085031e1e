import { create } from 'zustand';
import type { CardField } from '../../idcard/api-contract.ts';
import type { PixelSize } from '../compression/compression-target.ts';
import { detectImageFormat, type ImageFormat } from '../intake/image-formats.ts';
import {
  editField,
  fileImage,
  type ImageOutcome,
  type MoveTarget,
  moveFace,
  releaseSlot,
  removeFace,
  removePerson,
  revertField,
  setChecked,
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
  /** The drop, paste, file choice or camera run it came with; faces pair only within one. */
  intakeId: string;
  intakeSize: number;
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
  /** Settled but not yet filed: images are filed in drop order, after every earlier one settles. */
  unfiled: ImageOutcome | null;
  droppedAt: number;
  /** Milliseconds from drop to fields filed, for the clerk's sense of speed and the benchmark. */
  dropToFieldsMs: number | null;
};

/** One person at a time with both faces, or every person as a row of the batch table. */
export type DeskView = 'person' | 'table';

type DeskState = {
  view: DeskView;
  setView: (view: DeskView) => void;
  jobs: Job[];
  people: Person[];
  selectedPersonId: string | null;
  /** Whether new images are photocopy pages with both faces (the clerk's intake setting). */
  doubleSidedIntake: boolean;
  setDoubleSidedIntake: (doubleSided: boolean) => void;
  /** Adds one intake's images; a camera run passes its own id so all its shots pair together. */
  addFiles: (files: readonly File[], intakeId?: string) => void;
  updateJob: (jobId: string, change: Partial<Job>) => void;
  setSent: (jobId: string, sent: SentImage) => void;
  completeJob: (jobId: string, faces: Face[]) => void;
  failJob: (jobId: string, failure: JobFailure) => void;
  retryJob: (jobId: string) => void;
  /** Reads the image again as a page with both faces. */
  retryAsDoubleSided: (jobId: string) => void;
  /** Reads the image again as one face, its side detected. */
  retryAsSingleFace: (jobId: string) => void;
  removeJob: (jobId: string) => void;
  editField: (faceId: string, field: CardField, value: string) => void;
  revertField: (faceId: string, field: CardField) => void;
  moveFace: (faceId: string, target: MoveTarget) => void;
  removeFace: (faceId: string) => void;
  removePerson: (personId: string) => void;
  setChecked: (personId: string, checked: boolean) => void;
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

/** Why a file is refused before any work: an empty file or one that is no image we take. */
function refusal(file: File, format: ImageFormat | null): JobFailure | null {
  if (file.size === 0) return { kind: 'empty-file', fileName: file.name };
  if (!format) return { kind: 'unsupported-format', fileName: file.name };
  return null;
}

function newJob(file: File, doubleSided: boolean, intakeId: string, intakeSize: number): Job {
  const detected = detectImageFormat(file);
  const failure = refusal(file, detected);
  const format = failure ? null : detected;
  return {
    id: makeId(),
    file,
    intakeId,
    intakeSize,
    format,
    doubleSided,
    originalUrl: format && BROWSER_DISPLAYABLE.has(format) ? URL.createObjectURL(file) : null,
    sent: null,
    status: failure ? 'failed' : 'waiting',
    progress: 0,
    failure,
    unfiled: failure ? { faces: null } : null,
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
    if (!job.unfiled) continue;
    people = fileImage(
      people,
      { jobId: job.id, intakeId: job.intakeId, intakeSize: job.intakeSize },
      job.unfiled,
      makeId,
    );
    const read = job.unfiled.faces !== null;
    if (read) {
      performance.measure('idcard:drop-to-fields', { start: job.droppedAt, detail: job.file.name });
    }
    const filed = {
      ...job,
      unfiled: null,
      dropToFieldsMs: read ? performance.now() - job.droppedAt : job.dropToFieldsMs,
    };
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
  view: 'person',
  setView: (view) => set({ view }),
  jobs: [],
  people: [],
  selectedPersonId: null,
  doubleSidedIntake: false,
  setDoubleSidedIntake: (doubleSided) => set({ doubleSidedIntake: doubleSided }),
  addFiles: (files, intakeId = makeId()) =>
    set((state) => {
      const earlier = state.jobs.filter((job) => job.intakeId === intakeId).length;
      const size = earlier + files.length;
      const jobs = state.jobs.map((job) =>
        job.intakeId === intakeId ? { ...job, intakeSize: size } : job,
      );
      const added = files.map((file) => newJob(file, state.doubleSidedIntake, intakeId, size));
      return fileInDropOrder({ jobs: [...jobs, ...added], people: state.people });
    }),
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
          ? { ...job, status: 'done' as const, failure: null, unfiled: { faces } }
          : job,
      );
      const filed = fileInDropOrder({ jobs, people: state.people });
      const selectedPersonId = state.selectedPersonId ?? filed.people[0]?.id ?? null;
      return { ...filed, selectedPersonId };
    }),
  failJob: (jobId, failure) =>
    set((state) => {
      const status = failure.kind === 'cancelled' ? ('cancelled' as const) : ('failed' as const);
      const jobs = state.jobs.map((job) =>
        job.id === jobId ? { ...job, status, failure, unfiled: { faces: null } } : job,
      );
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
  retryAsSingleFace: (jobId) => {
    get().updateJob(jobId, { doubleSided: false });
    get().retryJob(jobId);
  },
  removeJob: (jobId) =>
    set((state) => {
      const job = state.jobs.find((candidate) => candidate.id === jobId);
      if (job) revokeUrls(job);
      const jobs = state.jobs.filter((candidate) => candidate.id !== jobId);
      return fileInDropOrder({ jobs, people: releaseSlot(state.people, jobId) });
    }),
  editField: (faceId, field, value) =>
    set((state) => ({ people: editField(state.people, faceId, field, value) })),
  revertField: (faceId, field) =>
    set((state) => ({ people: revertField(state.people, faceId, field) })),
  moveFace: (faceId, target) =>
    set((state) => ({ people: moveFace(state.people, faceId, target, makeId) })),
  removeFace: (faceId) => set((state) => ({ people: removeFace(state.people, faceId) })),
  removePerson: (personId) => set((state) => ({ people: removePerson(state.people, personId) })),
  setChecked: (personId, checked) =>
    set((state) => ({ people: setChecked(state.people, personId, checked) })),
  selectPerson: (personId) => set({ selectedPersonId: personId }),
  clearAll: () => {
    for (const job of get().jobs) revokeUrls(job);
    set({ jobs: [], people: [], selectedPersonId: null });
  },
}));

export function findJob(jobId: string): Job | undefined {
  return useDesk.getState().jobs.find((job) => job.id === jobId);
}
