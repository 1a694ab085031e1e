/**
 * Every threshold of the quality alarms. Scores run 0-100, higher meaning more likely a
 * problem; an alarm is raised at `problemAt`. The starting values below come from the metrics'
 * published behaviour and the synthetic tests next to them; they are to be tuned on photos of
 * real cards, here and nowhere else.
 */
export const QUALITY_THRESHOLDS = {
  blur: {
    /**
     * Width of the re-blurring filter of the blur-effect metric (Crété-Roffet et al., 2007,
     * "The blur effect: perception and estimation with a new no-reference perceptual blur
     * metric"; scikit-image's `blur_effect` uses the same 11).
     */
    filterSize: 11,
    /**
     * The metric is 0 for a sharp image and nears 1 for a flat one. In scikit-image's examples
     * sharp photographs score 0.2-0.35; on random text-like blocks of 6 px it goes 0.09 sharp,
     * 0.3 after a 5 x 5 box blur, 0.43 after 7 x 7 and 0.52 after 9 x 9, where the strokes of
     * 20 px characters merge.
     */
    problemAt: 40,
  },
  glare: {
    /** 8-bit grey at or above which a pixel is clipped: the sensor saw only light. */
    clippedGray: 250,
    /** The face is judged in a grid of tiles (8 x 5 keeps tiles about square on a card). */
    tileColumns: 8,
    tileRows: 5,
    /**
     * Glare is a local highlight: the score is how much more of the worst tile is clipped than
     * of the median tile, so an evenly light scan raises nothing. A quarter of a tile is about
     * two characters of small print washed out.
     */
    problemAt: 25,
  },
  border: {
    /** A corner this close to the frame's edge (fraction of the shorter side) touches it. */
    touchingMargin: 0.005,
    /** Margins from here on are comfortable: nothing of the card is near the edge. */
    comfortableMargin: 0.03,
    /** Score of a card with a corner on the frame's edge: it likely continues beyond it. */
    touchingScore: 55,
    /** Part of the card's area outside the frame at which the score reaches 100. */
    fullyCutFraction: 0.1,
    problemAt: 50,
  },
  copy: {
    /**
     * 95th percentile of chroma (max - min of the grey-world-balanced channels, 8-bit). A
     * colour card's blue and red print and its photo keep it well above 24; a grey copy,
     * photographed or scanned, stays within colour noise below 8.
     */
    colourChroma: 24,
    greyChroma: 8,
    percentile: 0.95,
    problemAt: 50,
  },
} as const;
