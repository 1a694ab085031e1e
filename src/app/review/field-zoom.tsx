import { useEffect, useRef } from 'react';
import type { Quad } from '../../idcard/api-contract.ts';
import { fieldCrop } from './field-crop.ts';

/** Tall enough to tell 己 from 已 and 8 from B on a counter screen. */
const ZOOM_HEIGHT_PX = 56;

/**
 * The field as it stands on the photo, level and enlarged, drawn beside its input so the clerk
 * compares the two without looking away. Drawn from the image as sent, in whose pixels the API
 * gives `text_location`.
 */
export function FieldZoom({
  imageUrl,
  quad,
  label,
}: {
  imageUrl: string;
  quad: Quad;
  label: string;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const pixelRatio = window.devicePixelRatio || 1;
  const crop = fieldCrop(quad, ZOOM_HEIGHT_PX * pixelRatio);
  const { a, b, c, d, e, f } = crop.transform;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || crop.width === 0) return;
    const image = new Image();
    let cancelled = false;
    image.onload = () => {
      const context = canvas.getContext('2d');
      if (cancelled || !context) return;
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, canvas.width, canvas.height);
      context.setTransform(a, b, c, d, e, f);
      context.drawImage(image, 0, 0);
    };
    image.src = imageUrl;
    return () => {
      cancelled = true;
    };
  }, [imageUrl, crop.width, a, b, c, d, e, f]);
  if (crop.width === 0) return null;
  return (
    <canvas
      ref={canvasRef}
      role="img"
      aria-label={`${label}在证件上的放大图`}
      width={crop.width}
      height={crop.height}
      style={{ width: crop.width / pixelRatio }}
      className="block h-auto max-w-full rounded border border-sky-300 bg-white"
    />
  );
}
