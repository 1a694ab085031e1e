import { useMutation } from '@tanstack/react-query';
import { findJob, makeId, useDesk } from '../desk/desk-store.ts';
import { RecognitionError, recognizeIdCard } from '../lib/api-client.ts';
import { facesFromResponse } from '../people/filing.ts';
import { explainRecognitionFailure } from './low-resolution.ts';

export const RECOGNIZE_MUTATION_KEY = ['recognize-id-card'] as const;

export type RecognizeVariables = {
  jobId: string;
  imageBase64: string;
  side?: 'double_side';
  signal: AbortSignal;
};

/**
 * One recognition through the proxy. The hook owns what a result does to the desk (its faces are
 * filed, a failure is recorded against its image); components only react on screen.
 */
export function useRecognizeCard() {
  return useMutation({
    mutationKey: RECOGNIZE_MUTATION_KEY,
    mutationFn: ({ imageBase64, side, signal }: RecognizeVariables) =>
      recognizeIdCard({ imageBase64, side, signal }),
    onSuccess: (response, { jobId }) => {
      useDesk.getState().completeJob(jobId, facesFromResponse(jobId, response, makeId));
    },
    onError: (error, { jobId }) => {
      useDesk
        .getState()
        .failJob(
          jobId,
          error instanceof RecognitionError
            ? explainRecognitionFailure(error.failure, findJob(jobId)?.sent?.size ?? null)
            : { kind: 'internal', detail: error.message },
        );
    },
  });
}
