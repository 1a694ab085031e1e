/**
 * PaddleOCR's inference defaults, under PaddleOCR's own names (`tools/infer/utility.py`,
 * `ppocr/postprocess/db_postprocess.py`, `tools/infer/predict_rec.py`, `predict_cls.py`).
 * Every stage reads its constants from here.
 */
export const DET_PARAMS = {
  /** `det_limit_side_len` with `det_limit_type='max'`: the longer side is scaled down to this. */
  limitSideLen: 960,
  /** The DB backbone downsamples by 32, so both sides are rounded to multiples of it. */
  sizeMultiple: 32,
  /** `NormalizeImage`: ImageNet statistics, applied in the channel order cv2 reads (B, G, R). */
  mean: [0.485, 0.456, 0.406],
  std: [0.229, 0.224, 0.225],
  /** `det_db_thresh`: probability above which a pixel is text. */
  thresh: 0.3,
  /** `det_db_box_thresh`: mean probability inside a box below which it is dropped. */
  boxThresh: 0.6,
  /** `det_db_unclip_ratio`: how far the shrunk text kernel is grown back. */
  unclipRatio: 1.5,
  /** `max_candidates` of `DBPostProcess`. */
  maxCandidates: 1000,
  /** `min_size` of `DBPostProcess`: boxes whose shorter side is below this are dropped. */
  minSize: 3,
} as const;

export const REC_PARAMS = {
  /** `rec_image_shape` "3, 48, 320": the height every line is scaled to. */
  imageHeight: 48,
  /** `get_rotate_crop_image`: crops at least this much taller than wide are turned upright. */
  verticalRatio: 1.5,
  /** How many characters `RecognizedChar.alternatives` may hold (top 3 with the chosen one). */
  alternatives: 2,
} as const;

export const CLS_PARAMS = {
  /** `cls_image_shape` "3, 48, 192". */
  imageHeight: 48,
  imageWidth: 192,
  /** `cls_thresh`: a line is turned only when '180' is at least this likely. */
  thresh: 0.9,
} as const;

/**
 * The engine's own detection sizes (measured on the synthetic card set; see README). The first
 * pass over the whole photo finds the card and its text direction and, for a card that fills
 * enough of the frame, the lines to read: it runs at 512 px (640 read no better and took 25 ms
 * more; at 448 cards were lost). The straightened face, when detected, is detected at 0.75 of
 * its 10 px/mm size, where the smallest printed text (the 7.5 pt labels) is still about 20 px
 * tall.
 */
export const ENGINE_DET = {
  locateLimitSideLen: 512,
  faceScale: 0.75,
  /**
   * A card the locating pass saw at least this large (share of the face's 10 px/mm) is read from
   * that pass's boxes, skipping the face's own detection unless the reading falls short (a
   * one-character value lost, a check failed). At 0.3 the generated set read as well as with a
   * second detection on every card, 80 ms a face faster; at 0.5 half the cards still took one.
   */
  reuseLocateScale: 0.3,
  /**
   * A photo whose card the first pass saw smaller than `reuseLocateScale`, or where it found no
   * card, is located again at this size when the photo is larger: a card a third of the frame
   * wide printed in small type (2.8 mm) boxes at 512 px as two or three blobs over its rows,
   * which make a card of the wrong size or none, and at 1024 as its lines.
   */
  closeLocateLimitSideLen: 1024,
} as const;

/**
 * Levels of the face the detector sees again when a mark was read on it (`withoutFaintMarks`):
 * its ink is the luma of its darkest 2 % of pixels (the print covers 5-10 % of a face), its paper
 * the median luma; from 0.6 of the way from ink to paper everything turns white. A grey
 * watermark tile at 15-32 % opacity over the paper lies above that and goes, while the print's
 * anti-aliased edges keep their shape; on template seed 41 with marks the detector then boxed
 * the lines a tile had crossed.
 */
export const ENGINE_LEVELS = { inkShare: 0.02, paperShare: 0.5, whiteFromInk: 0.6 } as const;

/**
 * The engine's own recognition constants, measured on the synthetic card set (README).
 */
export const ENGINE_REC = {
  /**
   * Centre-to-centre distance of two Han characters of one value, in heights of the line's
   * detected box (median 0.98 over the committed set; digits sit at about 0.7).
   */
  charPitch: 0.98,
  /**
   * A blank-won step whose non-blank classes hold at least this share is a character the
   * recogniser doubted (a dropped 韫 showed 0.41, 铖 0.39; clean gaps stay below 0.01).
   */
  hiddenCharMass: 0.2,
  /** Room, in character pitches, a hidden character needs from its neighbours' centres. */
  hiddenCharRoom: 0.7,
  /**
   * Room it needs from a line's end: a dropped last character left 0.94, noise in the blank
   * right of a label's text 0.75.
   */
  hiddenCharEndRoom: 0.85,
  /**
   * A line centred where a card prints only free text (`FREE_TEXT_AREA`) goes to the large
   * recogniser without the first reader, which never settles an address, when it is at least
   * this many times wider than high (four characters): a face straightened
   * roughly can place a label inside the area (出生 on a photocopy page), and a label read by the
   * large recogniser instead of the first reader moves the registration a pixel, enough to doubt
   * a name that then starts late in its column.
   */
  freeTextMinAspect: 4,
} as const;
