/**
 * Realistic but invented grid staff for seed-demo and benchmarks: valid ID numbers under a real
 * county code, ages and sexes consistent with them, common names, valid mobile numbers. Same seed
 * and `today` → same people. Numbers are random within the valid space, so one may by chance
 * belong to a real person: demo databases must stay demo databases.
 */
import { isoDate } from '../../../shared/dates';
import type { Education, Employment, PoliticalStatus, Sex } from '../../../shared/people/codes';
import { idCheckChar } from '../../../shared/people/id-number';
import { seededRandom, type Random } from './random';

export interface SyntheticPerson {
  name: string;
  sex: Sex;
  birthDate: string;
  idNumber: string;
  mobile: string;
  politicalStatus: PoliticalStatus;
  education: Education;
  employment: Employment;
}

export interface SyntheticOptions {
  /** 6-digit county code (GB/T 2260) used as the ID numbers' address code, e.g. `140621`. */
  countyCode: string;
  count: number;
  seed?: number | string;
  /** `YYYY-MM-DD`; ages are counted from it. Fix it for reproducible output. */
  today: string;
  minAge?: number;
  maxAge?: number;
}

// Most frequent first; picking with a skew towards the front mimics their real shares.
const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙郭马胡朱高林何罗郑梁谢宋唐韩冯许邓曹彭曾田萧董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔',
];
const MALE_CHARS = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁建国峰亮林东海俊志文宇浩凯健永福生龙元全兴旺成贵忠利德新春晓红卫庆喜云山',
];
const FEMALE_CHARS = [...'芳娜敏静丽艳娟霞燕玲桂英红梅莉萍琳雪慧婷洁颖兰凤秀琴云华玉珍春月青荣翠金爱巧丹晶美彩'];
const MOBILE_PREFIXES = [
  ...'130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159'.split(' '),
  ...'166 173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 198 199'.split(' '),
];

export function syntheticPeople(options: SyntheticOptions): SyntheticPerson[] {
  if (!/^\d{6}$/.test(options.countyCode)) throw new Error('countyCode must be 6 digits');
  const rng = seededRandom(options.seed ?? options.countyCode);
  const minAge = options.minAge ?? 22;
  const maxAge = options.maxAge ?? 70;
  const takenIds = new Set<string>();
  const takenMobiles = new Set<string>();
  const people: SyntheticPerson[] = [];
  for (let i = 0; i < options.count; i++) {
    const sex: Sex = rng.chance(0.55) ? 'male' : 'female';
    const birthDate = birthDateBetween(rng, options.today, minAge, maxAge);
    const age = Number(options.today.slice(0, 4)) - Number(birthDate.slice(0, 4));
    people.push({
      name: pickSurname(rng) + givenName(rng, sex),
      sex,
      birthDate,
      idNumber: unique(takenIds, () => syntheticIdNumber(rng, options.countyCode, birthDate, sex)),
      mobile: unique(takenMobiles, () => syntheticMobile(rng)),
      politicalStatus: politicalStatusFor(rng, age),
      education: educationFor(rng, age),
      employment: rng.chance(0.35) ? 'full_time' : 'part_time',
    });
  }
  return people;
}

/** A valid 18-digit number: address code, birth date, a sequence whose parity gives the sex. */
export function syntheticIdNumber(rng: Random, countyCode: string, birthDate: string, sex: Sex): string {
  let seq = rng.int(0, 499) * 2 + (sex === 'male' ? 1 : 0);
  if (seq === 0) seq = 2; // 000 is not issued
  const first17 = countyCode + birthDate.replaceAll('-', '') + String(seq).padStart(3, '0');
  return first17 + idCheckChar(first17);
}

export function syntheticMobile(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** Ages cluster in the middle of the range, as on real rosters; the sum of two uniforms does that. */
function birthDateBetween(rng: Random, today: string, minAge: number, maxAge: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const latest = Date.UTC(y - minAge, m - 1, d);
  const earliest = Date.UTC(y - maxAge - 1, m - 1, d) + 86_400_000;
  const t = earliest + ((rng.next() + rng.next()) / 2) * (latest - earliest);
  const b = new Date(Math.floor(t / 86_400_000) * 86_400_000);
  return isoDate(b.getUTCFullYear(), b.getUTCMonth() + 1, b.getUTCDate());
}

function pickSurname(rng: Random): string {
  const r = rng.next();
  return SURNAMES[Math.floor(r * r * SURNAMES.length)]!;
}

function givenName(rng: Random, sex: Sex): string {
  const chars = sex === 'male' ? MALE_CHARS : FEMALE_CHARS;
  const a = rng.pick(chars);
  if (rng.chance(0.3)) return a;
  let b = rng.pick(chars);
  while (b === a) b = rng.pick(chars);
  return a + b;
}

function politicalStatusFor(rng: Random, age: number): PoliticalStatus {
  const r = rng.next();
  if (age < 28 && r < 0.3) return '03';
  if (r < 0.48) return '01';
  if (r < 0.52) return '02';
  return '13';
}

function educationFor(rng: Random, age: number): Education {
  const young: Education[] = ['20', '20', '30', '30', '30', '40', '60'];
  const middle: Education[] = ['20', '30', '30', '40', '60', '60', '70'];
  const old: Education[] = ['30', '40', '60', '60', '70', '70', '80'];
  return rng.pick(age < 35 ? young : age < 50 ? middle : old);
}

function unique(taken: Set<string>, make: () => string): string {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const value = make();
    if (!taken.has(value)) {
      taken.add(value);
      return value;
    }
  }
  throw new Error('synthetic value space exhausted');
}
