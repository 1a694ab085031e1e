import { useState } from 'react';
import type { Quad } from '../../idcard/api-contract.ts';
import type { SentImage } from '../desk/desk-store.ts';

type View = 'card' | 'photo' | 'original';

const VIEW_LABELS: Record<View, string> = { card: '证件', photo: '照片', original: '原图' };

type CardImageProps = {
  sideLabel: string;
  adjustedImage: string | null;
  sent: SentImage | null;
  originalUrl: string | null;
  /** Where the focused field was read, in the sent image's pixels. */
  highlight: Quad | null;
  /** The same on the straightened card, when the upstream gives it. */
  cardHighlight: Quad | null;
};

type Size = { width: number; height: number };

/**
 * The straightened card by default, and it stays while the clerk moves through the fields (the
 * focused field is shown enlarged beside its input and outlined on the card, or on the photo
 * (照片) in that photo's pixels); the original file is one click away.
 */
export function CardImage({
  sideLabel,
  adjustedImage,
  sent,
  originalUrl,
  highlight,
  cardHighlight,
}: CardImageProps) {
  const [chosen, setChosen] = useState<View>(adjustedImage ? 'card' : 'photo');
  const views: View[] = [...(adjustedImage ? (['card'] as const) : []), 'photo', 'original'];
  const view: View = chosen === 'card' && !adjustedImage ? 'photo' : chosen;
  // The straightened card's size is known once it has loaded: its outline is drawn in its pixels.
  const [cardSize, setCardSize] = useState<Size | null>(null);
  const outline: { quad: Quad; size: Size } | null =
    view === 'photo' && highlight && sent
      ? { quad: highlight, size: sent.size }
      : view === 'card' && cardHighlight && cardSize
        ? { quad: cardHighlight, size: cardSize }
        : null;
  const source =
    view === 'card'
      ? adjustedImage
      : view === 'photo'
        ? (sent?.url ?? null)
        : (originalUrl ?? sent?.url ?? null);
  return (
    <figure className="rounded border border-slate-200 bg-slate-100">
      <div className="relative">
        {source ? (
          <img
            src={source}
            alt={`${sideLabel}${VIEW_LABELS[view]}`}
            className="block max-h-80 w-full object-contain"
            onLoad={
              view === 'card'
                ? (event) =>
                    setCardSize({
                      width: event.currentTarget.naturalWidth,
                      height: event.currentTarget.naturalHeight,
                    })
                : undefined
            }
          />
        ) : (
          <div className="flex h-40 items-center justify-center text-sm text-slate-500">无图像</div>
        )}
        {outline && (
          <svg
            aria-hidden="true"
            viewBox={`0 0 ${outline.size.width} ${outline.size.height}`}
            preserveAspectRatio="xMidYMid meet"
            className="pointer-events-none absolute inset-0 h-full w-full"
          >
            <polygon
              points={outline.quad.map(([x, y]) => `${x},${y}`).join(' ')}
              fill="rgba(14,165,233,0.15)"
              stroke="rgb(2,132,199)"
              strokeWidth={Math.max(2, outline.size.width / 300)}
              data-testid="field-outline"
            />
          </svg>
        )}
      </div>
      <figcaption className="flex items-center gap-1 border-t border-slate-200 bg-white px-2 py-1 text-xs">
        {views.map((candidate) => (
          <button
            key={candidate}
            type="button"
            aria-pressed={view === candidate}
            onClick={() => setChosen(candidate)}
            className={`rounded px-2 py-0.5 pointer-coarse:min-h-11 ${view === candidate ? 'bg-slate-800 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
          >
            {candidate === 'original' ? '查看原图' : VIEW_LABELS[candidate]}
          </button>
        ))}
        {view === 'original' && !originalUrl && (
          <span className="text-slate-500">（此格式浏览器无法直接显示，显示的是转换后的图片）</span>
        )}
      </figcaption>
    </figure>
  );
}
