import sharp from 'sharp';
import { escapeXml, fontList } from '../../generate-cards/card-face-svg.ts';
import type { SeededRandom } from '../../generate-cards/seeded-random.ts';

/**
 * A face copied onto a printed application form, as counters receive a card's copy: the part
 * of the form around the card, 1600 x 1200 px, its lines above, below and beside the card in
 * the same black ink and at much the card's type size, the card taking 45-60 % of its width
 * with the thin grey edge a copier prints around it. The page is then captured as a face is.
 */

const PAGE = { width: 1600, height: 1200 } as const;

/** The form's printed wording, as such forms word it. */
const FORM_LINES = [
  '居民身份证复印件粘贴处（正反面）',
  '申请人姓名：＿＿＿＿＿＿ 联系电话：＿＿＿＿＿＿',
  '本人承诺所提供的证件真实有效，如有虚假愿承担相应法律责任。',
  '办理事项：社会保障卡申领 □ 补办 □ 信息变更 □',
  '经办人：＿＿＿＿ 复核人：＿＿＿＿ 日期：＿＿年＿＿月＿＿日',
  '注：请将身份证正反面复印在本页指定位置，复印件须清晰可辨。',
  '第一联 经办机构留存 第二联 申请人留存',
  '开户银行：＿＿＿＿＿＿＿ 账号：＿＿＿＿＿＿＿＿＿＿',
  '以上信息由申请人本人填写，经办机构核对无误后签章。',
] as const;

const FONTS = ['Noto Sans CJK SC', 'Noto Serif CJK SC', 'AR PL UMing CN'] as const;

/** `face`: a drawn face with `marginPx` of desk around it, which the copy leaves out. */
export async function onFormPage(
  face: Buffer,
  marginPx: number,
  random: SeededRandom,
): Promise<Buffer> {
  const { width = 1, height = 1 } = await sharp(face).metadata();
  const cardWidth = Math.round(PAGE.width * random.float(0.45, 0.6));
  const cardHeight = Math.round((cardWidth * (height - 2 * marginPx)) / (width - 2 * marginPx));
  const left = random.int(40, PAGE.width - cardWidth - 40);
  const top = random.int(60, PAGE.height - cardHeight - 60);
  const size = random.int(26, 36);
  const pitch = Math.round(size * random.float(1.6, 2.2));
  const font = escapeXml(fontList(random.pick(FONTS)));
  const first = random.int(0, FORM_LINES.length - 1);
  const lines: string[] = [];
  for (let row = 0, y = size + 10; y < PAGE.height; row++, y += pitch) {
    const text = FORM_LINES[(first + row) % FORM_LINES.length] as string;
    lines.push(
      `<text x="${random.int(30, 90)}" y="${y}" font-size="${size}" font-family="${font}" fill="#1a1a1a">${escapeXml(text)}</text>`,
    );
  }
  const radius = Math.round(cardWidth * 0.035);
  const edge = `<rect x="${left}" y="${top}" width="${cardWidth}" height="${cardHeight}" rx="${radius}" fill="none" stroke="#8a8a8a" stroke-width="2"/>`;
  const page = `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE.width}" height="${PAGE.height}"><rect width="100%" height="100%" fill="#fbfbf8"/>${lines.join('')}</svg>`;
  // The card's rounded corners, white where the copy shows the page.
  const corners = `<svg xmlns="http://www.w3.org/2000/svg" width="${cardWidth}" height="${cardHeight}"><rect width="100%" height="100%" rx="${radius}" fill="#fff"/></svg>`;
  const card = await sharp(face)
    .removeAlpha()
    .extract({
      left: marginPx,
      top: marginPx,
      width: width - 2 * marginPx,
      height: height - 2 * marginPx,
    })
    .resize(cardWidth, cardHeight)
    .composite([{ input: Buffer.from(corners), blend: 'dest-in' }])
    .png()
    .toBuffer();
  const outline = `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE.width}" height="${PAGE.height}">${edge}</svg>`;
  return sharp(Buffer.from(page))
    .composite([
      { input: card, left, top },
      { input: Buffer.from(outline), left: 0, top: 0 },
    ])
    .removeAlpha()
    .png()
    .toBuffer();
}
