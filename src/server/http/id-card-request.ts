import { ALARM_SWITCHES, idCardRequestSchema, SIDE_VALUES } from '../../idcard/api-contract.ts';
import type { RecognizeOptions } from '../local-engine/local-engine.ts';
import { BadParameterError, InvalidJsonError } from './api-error.ts';
import { checkJsonShape } from './json-shape.ts';

/** Where the image comes from: still unchecked base64 text, or a URL not yet fetched. */
export type ImageSource = { kind: 'base64'; text: string } | { kind: 'url'; url: URL };

export type IdCardRequestPlan = { source: ImageSource; options: RecognizeOptions };

/**
 * Steps two and three of the edge validation (after the body size): the body is JSON, and its
 * parameters have the API's types. Everything after this works on the returned plan only.
 */
export function parseIdCardRequest(bodyText: string): IdCardRequestPlan {
  checkJsonShape(bodyText);
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    // The parser's message would echo parts of the body (card data) back; say only what failed.
    throw new InvalidJsonError();
  }
  const parsed = idCardRequestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadParameterError(issue ? describeIssue(issue.path, issue.message) : 'bad parameter');
  }
  const body = parsed.data;
  const options: RecognizeOptions = {
    side: body.side ? body.side : 'auto',
    returnVerification: body.return_verification === true,
    returnTextLocation: body.return_text_location === true,
    returnAdjustedImage: body.return_adjusted_image === true,
    returnPortraitImage: body.return_portrait_image === true,
    returnPortraitLocation: body.return_portrait_location === true,
    alarms: ALARM_SWITCHES.filter((alarm) => body[alarm] === true),
  };
  if (body.image !== undefined) return { source: { kind: 'base64', text: body.image }, options };
  return { source: { kind: 'url', url: parseUrl(body.url ?? '') }, options };
}

function parseUrl(text: string): URL {
  if (!URL.canParse(text)) throw new BadParameterError('url is not a valid absolute URL');
  return new URL(text);
}

function describeIssue(path: readonly PropertyKey[], message: string): string {
  const field = path.map(String).join('.');
  if (field === '') {
    return message.startsWith('Invalid input') ? 'the body must be a JSON object' : message;
  }
  if (field === 'side') return `side must be one of ${SIDE_VALUES.join(', ')} or empty`;
  return `${field}: ${message}`;
}
