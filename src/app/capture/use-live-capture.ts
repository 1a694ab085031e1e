import { type RefObject, useEffect, useRef, useState } from 'react';
import type { Quad } from '../../idcard/api-contract.ts';
import { CaptureWorker } from './capture-client.ts';
import { judge, type Verdict } from './capture-rules.ts';
import type { FrameAnalysis } from './frame-analysis.ts';

/**
 * Analysis frames are this wide: enough for the card's edges and a focus measure, small enough
 * for about 10 frames a second on a mid-range phone's core.
 */
const ANALYSIS_WIDTH = 480;
/** JPEG quality of an uncropped shot; the compression step re-encodes it anyway. */
const FULL_FRAME_QUALITY = 0.92;
/** Frames kept for the steadiness rule (it needs `steadyFrames` plus the one before). */
const HISTORY = 6;

export type LiveView = {
  verdict: Verdict | null;
  /** The card's corners in the video's own pixels, for the overlay. */
  quad: Quad | null;
};

export type Shot = { blob: Blob; cropped: boolean; signature: Float32Array | null };

function scaleQuad(quad: Quad, factor: number): Quad {
  return quad.map(([x, y]) => [x * factor, y * factor]) as Quad;
}

/**
 * Watches the video while `active`: each frame the worker is free for is downscaled, analysed
 * and judged; when the rules say shoot, the full-size frame is cropped to the card and handed
 * to `onShot`. `shootNow` is the manual shutter: the card when one is found, else the frame.
 */
export function useLiveCapture(
  videoRef: RefObject<HTMLVideoElement | null>,
  active: boolean,
  takenFace: Float32Array | null,
  onShot: (shot: Shot) => void,
) {
  const [view, setView] = useState<LiveView>({ verdict: null, quad: null });
  const workerRef = useRef<CaptureWorker | null>(null);
  const history = useRef<FrameAnalysis[]>([]);
  const onShotRef = useRef(onShot);
  onShotRef.current = onShot;
  const takenRef = useRef(takenFace);
  takenRef.current = takenFace;

  useEffect(() => {
    const worker = new CaptureWorker();
    workerRef.current = worker;
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, []);

  useEffect(() => {
    history.current = [];
    setView({ verdict: null, quad: null });
    if (!active) return;
    let stopped = false;
    let cancel = () => {};
    // Each new camera frame once (requestVideoFrameCallback): looking at the same frame twice
    // wastes the phone's battery and would make a moving card look still.
    const schedule = () => {
      const video = videoRef.current;
      if (video && 'requestVideoFrameCallback' in video) {
        const handle = video.requestVideoFrameCallback(() => void tick());
        cancel = () => video.cancelVideoFrameCallback(handle);
      } else {
        const handle = requestAnimationFrame(() => void tick());
        cancel = () => cancelAnimationFrame(handle);
      }
    };
    const tick = async () => {
      const video = videoRef.current;
      const worker = workerRef.current;
      if (stopped) return;
      if (!video || !worker || video.videoWidth === 0 || video.readyState < 2) {
        schedule();
        return;
      }
      const factor = video.videoWidth / ANALYSIS_WIDTH;
      const bitmap = await createImageBitmap(video, {
        resizeWidth: ANALYSIS_WIDTH,
        resizeHeight: Math.round(video.videoHeight / factor),
        resizeQuality: 'low',
      });
      const reply = await worker.analyse(bitmap);
      if (stopped) return;
      if (reply.type === 'analysed') {
        performance.mark('idcard:capture-frame', { detail: reply.ms });
        history.current = [...history.current.slice(1 - HISTORY), reply.analysis];
        const verdict = judge(history.current, takenRef.current);
        const card = reply.analysis.card;
        setView({ verdict, quad: card ? scaleQuad(card.quad, factor) : null });
        if (verdict.shoot && card) {
          performance.mark('idcard:card-steady');
          const shot = await cropShot(video, worker, scaleQuad(card.quad, factor));
          if (stopped) return;
          if (shot) {
            onShotRef.current({ ...shot, signature: card.signature });
            return;
          }
        }
      }
      schedule();
    };
    schedule();
    return () => {
      stopped = true;
      cancel();
    };
  }, [active, videoRef]);

  const shootNow = async () => {
    const video = videoRef.current;
    const worker = workerRef.current;
    if (!video || !worker || video.videoWidth === 0) return;
    const newest = history.current.at(-1)?.card ?? null;
    const factor = video.videoWidth / ANALYSIS_WIDTH;
    const shot = newest
      ? await cropShot(video, worker, scaleQuad(newest.quad, factor))
      : await fullFrame(video);
    onShotRef.current(
      shot
        ? { ...shot, signature: newest?.signature ?? null }
        : { blob: new Blob(), cropped: false, signature: null },
    );
  };

  return { ...view, shootNow };
}

async function cropShot(video: HTMLVideoElement, worker: CaptureWorker, quad: Quad) {
  // The full-size frame, not the analysed one: the crop keeps every pixel the camera gave.
  const full = await createImageBitmap(video);
  const reply = await worker.crop(full, quad);
  return reply.type === 'cropped' ? { blob: reply.blob, cropped: true } : null;
}

/** The whole frame, as the shutter took it before the card finder existed. */
async function fullFrame(video: HTMLVideoElement) {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')?.drawImage(video, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', FULL_FRAME_QUALITY),
  );
  return blob ? { blob, cropped: false } : null;
}
