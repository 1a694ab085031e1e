import type { AlarmSwitch } from '../idcard/api-contract.ts';

/** What the local engine is asked to do with one image, in the engine's own terms. */
export type RecognizeOptions = {
  side: 'front' | 'back' | 'double_side' | 'auto';
  returnVerification: boolean;
  returnTextLocation: boolean;
  returnAdjustedImage: boolean;
  returnPortraitImage: boolean;
  returnPortraitLocation: boolean;
  alarms: AlarmSwitch[];
};
