import { useEffect, useRef, useState } from 'react';
import type { CardSide } from '../../idcard/api-contract.ts';
import { HINT_TEXT } from '../capture/capture-rules.ts';
import { type Shot, useLiveCapture } from '../capture/use-live-capture.ts';
import { makeId, useDesk } from '../desk/desk-store.ts';

type CameraState =
  | { kind: 'starting' }
  | { kind: 'live' }
  | { kind: 'unavailable'; message: string };

/** Why there is no live view, in words the clerk can act on. */
function unavailableMessage(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError')
    return '摄像头权限被拒绝。请在浏览器地址栏旁允许使用摄像头，或改用“拍照”。';
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return '未找到可用的摄像头，请改用“拍照”或选择图片。';
  if (name === 'NotReadableError') return '摄像头正被其他程序占用，请关闭后重试。';
  return `无法打开摄像头（${error instanceof Error ? error.message : String(error)}），请改用“拍照”。`;
}

function startCheck(): CameraState {
  if (!window.isSecureContext) {
    return {
      kind: 'unavailable',
      message:
        '浏览器只允许 HTTPS 或本机地址的网页使用摄像头，当前页面不满足。请改用“拍照”或选择图片，或请管理员为本系统配置 HTTPS。',
    };
  }
  if (!navigator.mediaDevices?.getUserMedia) {
    return { kind: 'unavailable', message: '此浏览器不支持网页取景，请改用“拍照”或选择图片。' };
  }
  return { kind: 'starting' };
}

const SIDE_NAME: Record<CardSide, string> = { front: '人像面', back: '国徽面' };
const OTHER_SIDE: Record<CardSide, CardSide> = { front: 'back', back: 'front' };

/** Where one person's capture stands: the first face, its reading, the other face, done. */
type Step =
  | { kind: 'first'; retry: boolean }
  | { kind: 'reading-first'; jobId: string; signature: Float32Array | null }
  | { kind: 'second'; expected: CardSide; signature: Float32Array | null; retry: boolean }
  | { kind: 'reading-second'; jobId: string; expected: CardSide; signature: Float32Array | null }
  | { kind: 'done'; sides: number };

const BUTTON = 'min-h-11 rounded px-4 py-2';

/** The side a settled job was read as; null while it is in progress, 'failed' if not read. */
function useReadSide(jobId: string | null): CardSide | 'failed' | null {
  return useDesk((state) => {
    if (!jobId) return null;
    const job = state.jobs.find((candidate) => candidate.id === jobId);
    if (!job) return 'failed';
    if (job.status === 'failed' || job.status === 'cancelled') return 'failed';
    if (job.status !== 'done' || job.unfiled) return null;
    for (const person of state.people) {
      if (person.front?.jobId === jobId) return 'front';
      if (person.back?.jobId === jobId) return 'back';
    }
    return 'failed';
  });
}

/**
 * The live view: finds the card in the video, says what is wrong in one hint, shoots by itself
 * when the card is steady and sharp (or on 拍摄), sends the card cropped and straightened, then
 * asks for the other face. Both faces of one person are one intake, so they pair; 下一位 starts
 * the next person's intake.
 */
export function CameraDialog({ onClose }: { onClose: () => void }) {
  const addFiles = useDesk((state) => state.addFiles);
  const [intakeId, setIntakeId] = useState(makeId);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>(startCheck);
  const [step, setStep] = useState<Step>({ kind: 'first', retry: false });
  const [shotFailed, setShotFailed] = useState(false);

  useEffect(() => {
    dialogRef.current?.showModal();
  }, []);

  useEffect(() => {
    // Once, on opening: the state moving to 'live' must not restart (and so stop) the stream.
    if (startCheck().kind !== 'starting') return;
    let stream: MediaStream | null = null;
    let stopped = false;
    navigator.mediaDevices
      .getUserMedia({
        video: { facingMode: 'environment', width: { ideal: 1920 }, height: { ideal: 1080 } },
        audio: false,
      })
      .then(
        (opened) => {
          stream = opened;
          if (stopped) {
            for (const track of opened.getTracks()) track.stop();
            return;
          }
          // 'live' waits for the first frame's size (onLoadedMetadata): a shot before it is empty.
          if (videoRef.current) videoRef.current.srcObject = opened;
        },
        (error: unknown) => {
          if (!stopped) setState({ kind: 'unavailable', message: unavailableMessage(error) });
        },
      );
    return () => {
      stopped = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  const shooting = state.kind === 'live' && (step.kind === 'first' || step.kind === 'second');
  const takenFace = step.kind === 'second' ? step.signature : null;

  const onShot = (shot: Shot) => {
    setShotFailed(shot.blob.size === 0);
    if (shot.blob.size === 0) return;
    const time = new Date().toLocaleTimeString('zh-CN', { hour12: false });
    const name = `${shot.cropped ? '取景裁切' : '相机拍摄'} ${time}.jpg`;
    const file = new File([shot.blob], name, { type: 'image/jpeg' });
    addFiles([file], intakeId);
    const job = useDesk.getState().jobs.find((candidate) => candidate.file === file);
    if (!job) return;
    if (step.kind === 'first') {
      setStep({ kind: 'reading-first', jobId: job.id, signature: shot.signature });
    } else if (step.kind === 'second') {
      setStep({
        kind: 'reading-second',
        jobId: job.id,
        expected: step.expected,
        signature: step.signature,
      });
    }
  };
  const live = useLiveCapture(videoRef, shooting, takenFace, onShot);

  const readingJob =
    step.kind === 'reading-first' || step.kind === 'reading-second' ? step.jobId : null;
  const readSide = useReadSide(readingJob);
  useEffect(() => {
    if (!readSide) return;
    if (step.kind === 'reading-first') {
      if (readSide === 'failed') {
        // The unread image keeps its own intake; the retake starts a clean one.
        setIntakeId(makeId());
        setStep({ kind: 'first', retry: true });
      } else {
        setStep({
          kind: 'second',
          expected: OTHER_SIDE[readSide],
          signature: step.signature,
          retry: false,
        });
      }
    } else if (step.kind === 'reading-second') {
      if (readSide === 'failed') {
        setStep({
          kind: 'second',
          expected: step.expected,
          signature: step.signature,
          retry: true,
        });
      } else {
        setStep({ kind: 'done', sides: 2 });
      }
    }
  }, [readSide, step]);

  const nextPerson = () => {
    setIntakeId(makeId());
    setStep({ kind: 'first', retry: false });
  };

  const hint = live.verdict?.hint;
  const hintText =
    hint === 'same-face' && step.kind === 'second'
      ? `请翻面，拍${SIDE_NAME[step.expected]}`
      : hint
        ? HINT_TEXT[hint]
        : '正在寻找证件…';
  const video = videoRef.current;

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="camera-title"
      onClose={onClose}
      className="m-auto w-full max-w-2xl rounded bg-white p-3 backdrop:bg-black/60"
    >
      <h2 id="camera-title" className="mb-2 font-semibold">
        取景拍摄
      </h2>
      {state.kind === 'unavailable' ? (
        <p role="alert" className="rounded bg-amber-50 p-3 text-amber-900">
          {state.message}
        </p>
      ) : (
        <div className="relative overflow-hidden rounded bg-black">
          <video
            ref={videoRef}
            autoPlay
            playsInline
            muted
            aria-label="摄像头画面"
            onLoadedMetadata={() => setState({ kind: 'live' })}
            className="block aspect-video w-full object-contain"
          />
          {shooting && live.quad && video && (
            <svg
              aria-hidden="true"
              data-testid="card-outline"
              viewBox={`0 0 ${video.videoWidth} ${video.videoHeight}`}
              preserveAspectRatio="xMidYMid meet"
              className="pointer-events-none absolute inset-0 h-full w-full"
            >
              <polygon
                points={live.quad.map(([x, y]) => `${x},${y}`).join(' ')}
                fill="none"
                stroke={hint === 'hold' ? '#22c55e' : '#facc15'}
                strokeWidth={Math.max(3, video.videoWidth / 300)}
              />
            </svg>
          )}
          <p
            className="absolute bottom-2 left-2 right-2 rounded bg-black/60 px-2 py-1 text-center text-white"
            aria-live="polite"
            data-testid="capture-hint"
          >
            {state.kind !== 'live'
              ? '正在打开摄像头…'
              : shooting
                ? hintText
                : step.kind === 'done'
                  ? '两面已拍完'
                  : '正在识别…'}
          </p>
        </div>
      )}
      <p className="mt-2 text-sm text-slate-700" aria-live="polite" data-testid="capture-step">
        {shotFailed
          ? '这张没有拍成，请再按一次“拍摄”'
          : step.kind === 'first'
            ? step.retry
              ? '上一张没有识别出证件，请重拍'
              : '对准证件任意一面，稳定后自动拍摄，也可按“拍摄”'
            : step.kind === 'reading-first'
              ? '已拍第一面，正在识别…'
              : step.kind === 'second'
                ? step.retry
                  ? `这一面没有识别出来，请重拍${SIDE_NAME[step.expected]}`
                  : `第一面已识别。请翻面，拍${SIDE_NAME[step.expected]}`
                : step.kind === 'reading-second'
                  ? '已拍第二面，正在识别…'
                  : step.sides === 2
                    ? '此人两面已归入同一人。可继续拍下一位，或按“完成”'
                    : '已跳过另一面。可继续拍下一位，或按“完成”'}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        {step.kind === 'done' ? (
          <button type="button" onClick={nextPerson} className={`${BUTTON} bg-sky-700 text-white`}>
            下一位
          </button>
        ) : (
          <button
            type="button"
            onClick={() => void live.shootNow()}
            disabled={!shooting}
            className={`${BUTTON} bg-sky-700 text-white disabled:opacity-40`}
          >
            拍摄
          </button>
        )}
        {(step.kind === 'second' || step.kind === 'reading-second') && (
          <button
            type="button"
            onClick={() => setStep({ kind: 'done', sides: 1 })}
            className={`${BUTTON} border border-slate-300`}
          >
            跳过另一面
          </button>
        )}
        <button
          type="button"
          onClick={() => dialogRef.current?.close()}
          className={`${BUTTON} ml-auto border border-slate-300`}
        >
          完成
        </button>
      </div>
    </dialog>
  );
}
