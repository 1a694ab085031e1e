import type { County } from '../../src/idcard/regions.ts';
import { FRONT_LAYOUT, wrapAddress } from './card-layout.ts';
import type { SeededRandom } from './seeded-random.ts';

/**
 * Made-up street and village addresses under a real county. Place names are random pairs of
 * characters common in Chinese place names, so they sound plausible and point nowhere.
 */

const PLACE_CHARACTERS = [
  ...'东西南北中新和平安兴福寿山河桥家庄坪沟岭湾林园城关石马龙凤金银花果青松柏杨柳桃李梅竹溪泉塘湖江海港口岗田丰盛永宁长乐太康华光明阳春秋夏云霞星月红黄白绿清源',
];

const ROAD_KINDS = ['路', '街', '大道', '大街', '巷', '中路', '东路', '西路', '南路', '北路'];
const COMPOUND_KINDS = ['小区', '花园', '家园', '公寓', '新村', '苑', '嘉园', '大厦'];
const TOWN_KINDS = ['镇', '乡', '街道'];

function placeName(random: SeededRandom, length = 2): string {
  let name = '';
  for (let index = 0; index < length; index++) name += random.pick(PLACE_CHARACTERS);
  return name;
}

function streetAddress(random: SeededRandom): string {
  const road = `${placeName(random)}${random.pick(ROAD_KINDS)}${random.int(1, 999)}号`;
  return random.weighted([
    [() => road, 2],
    [
      () =>
        `${road}${random.int(1, 30)}栋${random.int(1, 4)}单元${random.int(1, 33)}0${random.int(1, 6)}室`,
      3,
    ],
    [
      () =>
        `${road}${placeName(random)}${random.pick(COMPOUND_KINDS)}${random.int(1, 28)}号楼${random.int(101, 2806)}号`,
      2,
    ],
    [
      () =>
        `${placeName(random)}${random.pick(COMPOUND_KINDS)}${random.int(1, 40)}幢${random.int(1, 3)}单元${random.int(101, 1806)}`,
      2,
    ],
  ])();
}

function villageAddress(random: SeededRandom): string {
  const town = `${placeName(random)}${random.pick(TOWN_KINDS)}`;
  const village = `${placeName(random, random.chance(0.8) ? 2 : 3)}村`;
  return random.weighted([
    [() => `${town}${village}${random.int(1, 12)}组${random.int(1, 99)}号`, 3],
    [() => `${town}${village}${random.int(1, 300)}号`, 2],
    [() => `${town}${placeName(random)}村委会${placeName(random)}屯${random.int(1, 60)}号`, 1],
  ])();
}

/**
 * An address printed on one to three lines: the region's printed prefix (province, prefecture,
 * county), then a street address in towns and districts or a village address in counties.
 */
export function randomAddress(random: SeededRandom, county: County, prefix: string): string {
  const maxLines = FRONT_LAYOUT.address.maxLines;
  const rural = /[县旗]$/.test(county.county) ? 0.8 : 0.15;
  for (let attempt = 0; attempt < 50; attempt++) {
    const detail = random.chance(rural) ? villageAddress(random) : streetAddress(random);
    const address = `${prefix}${detail}`;
    if (wrapAddress(address).length <= maxLines) return address;
  }
  // A prefix so long that no detail fits still needs a house: the shortest form.
  return `${prefix}${placeName(random)}${random.pick(ROAD_KINDS)}${random.int(1, 99)}号`;
}
