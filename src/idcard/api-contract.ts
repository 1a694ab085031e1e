import { z } from 'zod';

/**
 * The wire contract of `POST /v2/{project_id}/ocr/id-card` (Huawei Cloud RecognizeIdCard plus our
 * documented additions). The server validates requests and the UI validates responses against
 * these same schemas.
 */

export const OCR_ROUTE_PATTERN = /^\/v2\/([^/]+)\/ocr\/id-card$/;

export function ocrRoutePath(projectId: string): string {
  return `/v2/${encodeURIComponent(projectId)}/ocr/id-card`;
}

/** Hard limits of the API: base64 text of at most 10 MB, 15-8192 px on each side. */
export const IMAGE_LIMITS = {
  maxBase64Chars: 10 * 1024 * 1024,
  minSidePx: 15,
  maxSidePx: 8192,
} as const;

export const SIDE_VALUES = ['front', 'back', 'double_side'] as const;
export type RequestedSide = (typeof SIDE_VALUES)[number];
export type CardSide = 'front' | 'back';

export const ALARM_SWITCHES = [
  'detect_blur',
  'detect_glare',
  'detect_border_integrity',
  'detect_blocking_within_border',
  'detect_copy',
  'detect_reproduce',
  'detect_tampering',
  'detect_interim',
] as const;
export type AlarmSwitch = (typeof ALARM_SWITCHES)[number];

/** `detect_blur` -> `blur`: the name used in `score_info.<name>_score`. */
export function alarmName(alarm: AlarmSwitch): string {
  return alarm.slice('detect_'.length);
}

export const RETURN_SWITCHES = [
  'return_verification',
  'return_text_location',
  'return_portrait_image',
  'return_portrait_location',
  'return_adjusted_image',
] as const;
export type ReturnSwitch = (typeof RETURN_SWITCHES)[number];

const switchShape = Object.fromEntries(
  [...RETURN_SWITCHES, ...ALARM_SWITCHES].map((name) => [name, z.boolean().optional()]),
) as Record<ReturnSwitch | AlarmSwitch, z.ZodOptional<z.ZodBoolean>>;

/** Shape of a request body; the exactly-one-of image/url rule is checked by `refine`. */
export const idCardRequestSchema = z
  .object({
    image: z.string().optional(),
    url: z.string().optional(),
    // Empty string means "detect automatically", as on Huawei Cloud.
    side: z.union([z.enum(SIDE_VALUES), z.literal('')]).optional(),
    ...switchShape,
  })
  .refine((body) => (body.image === undefined) !== (body.url === undefined), {
    message: 'exactly one of image and url is required',
  });
export type IdCardRequest = z.infer<typeof idCardRequestSchema>;

export const FRONT_FIELDS = ['name', 'sex', 'ethnicity', 'birth', 'address', 'number'] as const;
export const BACK_FIELDS = ['issue', 'valid_from', 'valid_to'] as const;
export type FrontField = (typeof FRONT_FIELDS)[number];
export type BackField = (typeof BACK_FIELDS)[number];
export type CardField = FrontField | BackField;

const pointSchema = z.tuple([z.number(), z.number()]);
/** Corners in the order top-left, top-right, bottom-right, bottom-left. */
export const quadSchema = z.tuple([pointSchema, pointSchema, pointSchema, pointSchema]);
export type Quad = z.infer<typeof quadSchema>;

export const verificationSchema = z.object({
  valid_number: z.boolean(),
  valid_birth: z.boolean(),
  valid_sex: z.boolean(),
  valid_date: z.boolean(),
  valid_validity_period: z.boolean(),
});
export type VerificationResult = z.infer<typeof verificationSchema>;

const alarmResultShape = Object.fromEntries(
  ALARM_SWITCHES.map((name) => [`${name}_result`, z.boolean().optional()]),
) as Record<`${AlarmSwitch}_result`, z.ZodOptional<z.ZodBoolean>>;

/**
 * A value is vouched for from this `confidence` up: the app lets it through unmarked, so the
 * engine gives it only when nothing speaks against the value.
 */
export const VOUCHED_CONFIDENCE = 0.9;

/**
 * Extras any face may carry; Huawei omits ours (`side`, `confidence`, `alternatives`,
 * `adjusted_text_location`), so all are optional. `alternatives` holds, for fields below
 * `VOUCHED_CONFIDENCE` only, up to three other whole values the recogniser's runner-up characters
 * spell, most likely first. `adjusted_text_location` is `text_location` in the pixels of
 * `adjusted_image`, given when both were asked for.
 */
const faceExtrasShape = {
  verification_result: verificationSchema.optional(),
  text_location: z.record(z.string(), quadSchema).optional(),
  adjusted_text_location: z.record(z.string(), quadSchema).optional(),
  confidence: z.record(z.string(), z.number().min(0).max(1)).optional(),
  alternatives: z.record(z.string(), z.array(z.string())).optional(),
  adjusted_image: z.string().optional(),
  portrait_image: z.string().optional(),
  portrait_location: quadSchema.or(z.array(z.never()).length(0)).optional(),
  score_info: z.record(z.string(), z.number()).optional(),
  ...alarmResultShape,
};

/** The printed fields of each face, as the API carries them. */
export const frontFieldsSchema = z.object({
  name: z.string(),
  sex: z.string(),
  ethnicity: z.string(),
  birth: z.string(),
  address: z.string(),
  number: z.string(),
});
export const backFieldsSchema = z.object({
  issue: z.string(),
  valid_from: z.string(),
  valid_to: z.string(),
});

export const frontResultSchema = frontFieldsSchema.extend({
  side: z.literal('front').optional(),
  ...faceExtrasShape,
});
export type FrontResult = z.infer<typeof frontResultSchema>;

export const backResultSchema = backFieldsSchema.extend({
  side: z.literal('back').optional(),
  ...faceExtrasShape,
});
export type BackResult = z.infer<typeof backResultSchema>;

export const faceResultSchema = z.union([frontResultSchema, backResultSchema]);
export type FaceResult = z.infer<typeof faceResultSchema>;

export const doubleSideResultSchema = z.object({
  front: frontResultSchema,
  back: backResultSchema,
});
export type DoubleSideResult = z.infer<typeof doubleSideResultSchema>;

export const idCardResponseSchema = z.object({
  result: z.union([doubleSideResultSchema, frontResultSchema, backResultSchema]),
});
export type IdCardResponse = z.infer<typeof idCardResponseSchema>;

export function isFrontResult(face: FaceResult): face is FrontResult {
  return 'number' in face;
}

/** Every error code the API answers with, and its HTTP status. */
export const API_ERRORS = {
  'AIS.0101': 400,
  'AIS.0102': 400,
  'AIS.0103': 400,
  'AIS.0104': 400,
  'AIS.0105': 500,
  'AIS.0122': 400,
  'ModelArts.4101': 401,
  'ModelArts.4102': 401,
  'ModelArts.4104': 413,
  'ModelArts.4105': 400,
  'ModelArts.4401': 429,
  'ModelArts.4601': 400,
  'ModelArts.4603': 400,
  'APIG.0201': 504,
  // Not in API.md: the proxy's answer when the cloud upstream cannot be reached or refuses the
  // proxy's own credentials (API Gateway's "backend unavailable"); documented in the README.
  'APIG.0202': 502,
  // An unknown route under /v2/, answered the way Huawei's API gateway answers it.
  'APIG.0101': 404,
} as const;
export type ApiErrorCode = keyof typeof API_ERRORS;

export const errorBodySchema = z.object({
  error_code: z.string(),
  error_msg: z.string(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
