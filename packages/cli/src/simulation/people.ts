import type { Random } from './prng.js';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '桂英',
  '建国',
  '志强',
  '晓燕',
  '子涵',
  '浩然',
];
// Administrative division codes (GB/T 2260) of a few districts.
const REGIONS = ['110105', '110108', '310104', '440305', '330106', '510107', '420106', '320102'];
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** A Chinese personal name. */
export const personName = (r: Random): string => r.pick(SURNAMES) + r.pick(GIVEN);

/** A resident ID number (GB 11643) with a valid check digit, born between 1940 and 2005. */
export const residentId = (r: Random): string => {
  const year = r.int(1940, 2005);
  const month = String(r.int(1, 12)).padStart(2, '0');
  const day = String(r.int(1, 28)).padStart(2, '0');
  const body = `${r.pick(REGIONS)}${year}${month}${day}${String(r.int(0, 999)).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (WEIGHTS[i] ?? 0);
  return body + CHECK[sum % 11];
};

/** A mainland mobile number. */
export const mobilePhone = (r: Random): string =>
  `1${r.pick(['3', '5', '7', '8', '9'])}${r.int(0, 9)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
