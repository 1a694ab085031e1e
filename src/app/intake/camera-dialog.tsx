import { useEffect, useRef, useState } from 'react';
import { makeId, useDesk } from '../desk/desk-store.ts';

/** ID-1 card size (ISO/IEC 7810), the shape of the guide the clerk lines the card up with. */
const CARD_ASPECT = '85.6 / 54';
/** JPEG quality of a captured frame; the compression step re-encodes it anyway. */
const CAPTURE_QUALITY = 0.92;

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

/** A live camera view with a card-shaped guide; each shot joins the queue like a dropped photo. */
export function CameraDialog({ onClose }: { onClose: () => void }) {
  const addFiles = useDesk((state) => state.addFiles);
  // Every shot of one opening is one intake, so the faces taken one after the other pair up.
  const [intakeId] = useState(makeId);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<CameraState>(startCheck);
  const [shots, setShots] = useState(0);
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

  const capture = () => {
    const video = videoRef.current;
    if (!video || video.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    canvas.toBlob(
      (blob) => {
        setShotFailed(!blob);
        if (!blob) return;
        const time = new Date().toLocaleTimeString('zh-CN', { hour12: false });
        addFiles([new File([blob], `相机拍摄 ${time}.jpg`, { type: 'image/jpeg' })], intakeId);
        setShots((count) => count + 1);
      },
      'image/jpeg',
      CAPTURE_QUALITY,
    );
  };

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
            className="block aspect-video w-full object-cover"
          />
          <div
            aria-hidden="true"
            className="pointer-events-none absolute top-1/2 left-1/2 w-[85%] -translate-x-1/2 -translate-y-1/2 rounded-xl border-2 border-dashed border-white shadow-[0_0_0_9999px_rgba(0,0,0,0.45)]"
            style={{ aspectRatio: CARD_ASPECT }}
          />
          <p className="absolute bottom-2 w-full text-center text-sm text-white">
            {state.kind === 'live' ? '将证件放入框内，保持平整、无反光' : '正在打开摄像头…'}
          </p>
        </div>
      )}
      <div className="mt-3 flex items-center gap-2">
        <button
          type="button"
          onClick={capture}
          disabled={state.kind !== 'live'}
          className="rounded bg-sky-700 px-4 py-2 text-white disabled:opacity-40"
        >
          拍摄
        </button>
        <span className="text-sm text-slate-600" aria-live="polite">
          {shotFailed
            ? '这张没有拍成，请再按一次“拍摄”'
            : shots > 0
              ? `已拍 ${shots} 张，已加入识别队列`
              : '人像面和国徽面各拍一张'}
        </span>
        <button
          type="button"
          onClick={() => dialogRef.current?.close()}
          className="ml-auto rounded border border-slate-300 px-4 py-2"
        >
          完成
        </button>
      </div>
    </dialog>
  );
}
