import type { ApiErrorCode } from '../../idcard/api-contract.ts';
import type { ImageFailure } from '../compression/compress-protocol.ts';
import type { PixelSize } from '../compression/compression-target.ts';
import { ACCEPTED_FORMATS_TEXT } from '../intake/image-formats.ts';
import type { RecognitionFailure } from '../lib/api-client.ts';

/** A failure as the clerk reads it: what happened, and what to do about it. */
export type FailureMessage = { title: string; action: string };

/** Every failure of one image, from intake to recognition. */
export type JobFailure =
  | { kind: 'unsupported-format'; fileName: string }
  | { kind: 'empty-file'; fileName: string }
  /** No card found (AIS.0104) in an image too small to hold a readable one. */
  | { kind: 'low-resolution'; size: PixelSize }
  | ImageFailure
  | RecognitionFailure
  /** A fault in the app itself; its technical message is shown for the record. */
  | { kind: 'internal'; detail: string };

const RETRY = '可点“重试”再次识别。';
const RETAKE = '请重新拍摄或扫描后再放入。';

/** One entry per code of API.md; a code missing here fails the type check. */
const API_ERROR_MESSAGES: Record<ApiErrorCode, FailureMessage> = {
  'AIS.0101': { title: '请求参数有误', action: '本程序发出的请求不被接受，请联系技术支持。' },
  'AIS.0102': { title: '图片无法解码', action: `图片可能已损坏，${RETAKE}` },
  'AIS.0103': { title: '图片尺寸超出限制', action: `图片过大或过小，${RETAKE}` },
  'AIS.0104': {
    title: '未找到身份证，或图片不清晰',
    action: '请将整张证件放平拍清楚，避免反光和遮挡，再放入。',
  },
  'AIS.0105': { title: '识别引擎内部出错', action: RETRY },
  'AIS.0122': {
    title: '一张图片里有两张同一面的证件',
    action: '请每张图片只拍一张证件的一面（人像面与国徽面可在同一张复印件上）。',
  },
  'ModelArts.4101': { title: '缺少访问令牌', action: '识别服务要求令牌，请联系管理员配置。' },
  'ModelArts.4102': { title: '访问令牌无效', action: '请联系管理员检查识别服务的令牌配置。' },
  'ModelArts.4104': { title: '图片数据过大', action: `超出识别服务的上限，${RETAKE}` },
  'ModelArts.4105': { title: '请求格式错误', action: '本程序发出的请求不被接受，请联系技术支持。' },
  'ModelArts.4401': { title: '识别服务繁忙', action: `同时识别的请求过多，请稍候${RETRY}` },
  'ModelArts.4601': { title: '图片地址不被允许', action: '请改为直接放入图片文件。' },
  'ModelArts.4603': { title: '图片地址下载超时', action: '请改为直接放入图片文件。' },
  'APIG.0201': { title: '云端识别服务超时', action: `请稍候${RETRY}` },
  'APIG.0202': {
    title: '连接不上云端识别服务',
    action: `本机代理无法访问华为云或其凭据被拒绝，请联系管理员；网络恢复后${RETRY}`,
  },
  'APIG.0101': {
    title: '识别接口地址不存在',
    action: '本程序配置的项目编号或服务地址有误，请联系管理员。',
  },
};

function isApiErrorCode(code: string): code is ApiErrorCode {
  return Object.hasOwn(API_ERROR_MESSAGES, code);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * No card found on a page read as double-sided: what it lacked was both faces together, and the
 * image may hold only one (`canReadAsSingleFace`).
 */
const BOTH_FACES_NOT_FOUND: FailureMessage = {
  title: '这页上没有同时找到人像面和国徽面',
  action: '图片若只有证件的一面，请点“按单面识别”；若是双面复印件，请将整页放平扫描清楚再放入。',
};

/**
 * Whether a page read as double-sided (`side=double_side`) failed for want of both faces: the
 * engine found no card (AIS.0104) where it looked for two.
 */
export function lacksBothFaces(failure: JobFailure, doubleSided: boolean): boolean {
  return doubleSided && failure.kind === 'api' && failure.code === 'AIS.0104';
}

/** `doubleSided`: the image was read as a page with both faces (`side=double_side`). */
export function failureMessage(failure: JobFailure, doubleSided = false): FailureMessage {
  if (lacksBothFaces(failure, doubleSided)) return BOTH_FACES_NOT_FOUND;
  switch (failure.kind) {
    case 'unsupported-format':
      return {
        title: `“${failure.fileName}”不是可识别的图片`,
        action: `请放入 ${ACCEPTED_FORMATS_TEXT} 格式的证件照片。`,
      };
    case 'empty-file':
      return {
        title: `“${failure.fileName}”是空文件（0 字节）`,
        action: `文件没有内容，可能复制或下载未完成，${RETAKE}`,
      };
    case 'low-resolution':
      return {
        title: `分辨率太低（${failure.size.width}×${failure.size.height} 像素），读不出证件`,
        action: '请在更近处或用更高分辨率重新拍摄或扫描（证件宽至少约 400 像素），再放入。',
      };
    case 'undecodable':
      return { title: '图片无法打开', action: `文件可能已损坏或并非图片，${RETAKE}` };
    case 'too-small':
      return {
        title: `图片太小（${failure.size.width}×${failure.size.height} 像素）`,
        action: `短边至少需要 15 像素，${RETAKE}`,
      };
    case 'too-elongated':
      return {
        title: `图片过于狭长（${failure.size.width}×${failure.size.height} 像素）`,
        action: `请裁去多余部分，或${RETAKE}`,
      };
    case 'too-large':
      return {
        title: `压缩后仍有 ${megabytes(failure.bytes)}，超出接口上限`,
        action: `请降低拍摄分辨率，或${RETAKE}`,
      };
    case 'api':
      if (isApiErrorCode(failure.code)) return API_ERROR_MESSAGES[failure.code];
      return {
        title: `识别服务返回错误 ${failure.code}`,
        action: `${failure.serverMessage ? `服务说明：${failure.serverMessage}。` : ''}${RETRY}`,
      };
    case 'http':
      return {
        title: `识别服务异常（HTTP ${failure.status}）`,
        action: `代理或识别服务可能正在重启，请稍候${RETRY}`,
      };
    case 'network':
      return {
        title: '连接不上识别服务',
        action: `请检查本机服务是否在运行、网线或 Wi-Fi 是否正常，然后${RETRY}`,
      };
    case 'offline':
      return { title: '本机已断网', action: `请恢复网络连接后${RETRY}` };
    case 'timeout':
      return { title: '识别超时', action: `识别服务长时间没有回应，${RETRY}` };
    case 'bad-response':
      return {
        title: '识别结果格式不对',
        action: '识别服务的回应与接口约定不符，请联系技术支持。',
      };
    case 'cancelled':
      return { title: '已取消', action: '可点“重试”重新识别。' };
    case 'internal':
      return {
        title: `程序出错：${failure.detail}`,
        action: `${RETRY}如反复出现，请联系技术支持。`,
      };
  }
}
