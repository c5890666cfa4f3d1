/**
 * Word lists for demo cases: what a township's grid workers actually write, per 大类 (and per
 * GB/T 31000 type for disputes), so summaries read plausibly and search has real words to find.
 */

export type Pick = <T>(list: readonly T[]) => T;

const DISPUTES: Record<string, readonly string[]> = {
  '01': ['夫妻因家庭琐事发生争吵', '子女对老人赡养费分担有分歧', '离婚后子女抚养问题产生矛盾', '婆媳关系紧张多次争吵'],
  '02': [
    '两户因宅基地界限发生争执',
    '楼上卫生间漏水至楼下引发矛盾',
    '邻居夜间装修噪音扰民',
    '两户因院墙排水问题发生纠纷',
    '邻居在公共通道堆放杂物',
    '邻居种植树木遮挡采光',
    '养狗扰民引发邻里矛盾',
  ],
  '04': ['村民对承包地边界存在争议', '房屋买卖后过户手续产生纠纷', '共有房屋分割意见不一'],
  '05': ['饲养的牛羊啃食邻户庄稼', '车辆剐蹭后赔偿未谈拢', '施工造成邻户房屋墙体开裂'],
  '06': ['农资购销合同货款未结清', '房屋租赁到期押金未退还', '装修工程质量引发合同纠纷'],
  '07': ['务工人员反映工资被拖欠', '工地工伤赔偿未达成一致', '用工单位未签劳动合同'],
  '08': ['民间借贷到期未归还', '亲戚间借款数额存在争议'],
  '09': ['两组村民对集体林地权属有争议', '土地流转租金未按时支付', '耕地灌溉用水分配引发矛盾'],
  '11': ['征地补偿款分配有异议', '道路拓宽占用农户院落', '拆迁安置面积存在争议'],
};
const DISPUTE_FALLBACK = ['双方因经济往来发生争执', '当事人对处理结果有异议', '村民之间因琐事发生口角'];

const ISSUES: Record<string, readonly string[]> = {
  '02': [
    '楼道内电动车违规充电',
    '废弃厂房存在消防安全隐患',
    '路口信号灯损坏存在交通隐患',
    '小作坊使用液化气罐未配备报警装置',
    '河道护栏缺失存在溺水隐患',
    '老旧房屋墙体开裂存在倒塌风险',
    '夜间有不明人员聚集',
    '燃气管道老化有异味',
  ],
  '03': [
    '自来水管道漏水',
    '路灯损坏夜间出行不便',
    '垃圾清运不及时有异味',
    '高龄老人申请养老补贴',
    '低保户咨询救助政策',
    '村内道路坑洼积水',
    '冬季供暖温度不达标',
    '困难家庭学生申请助学金',
    '下水道堵塞污水外溢',
    '广场舞音响噪音过大',
  ],
  '04': ['开展防范电信诈骗宣传', '入户宣传平安建设知识', '组织法治讲座进村', '宣传移风易俗倡导婚事新办'],
  '05': [
    '群众建议增设公交站点',
    '村民反映集体收支公开不及时',
    '群众对农村环境整治提出意见',
    '有村民情绪不稳定多次上访',
  ],
  '06': ['暴雨导致农田被淹', '村道发生交通事故', '山坡发生小型滑坡', '民房突发火情'],
  '99': ['群众咨询户籍办理事宜', '反映流浪犬伤人问题', '快递网点占道经营'],
};

const PLACES = ['组', '号院', '小区', '广场', '村委会', '学校门口', '集市', '路口'] as const;
const BUILDINGS = ['幸福', '和谐', '阳光', '锦绣', '新村'] as const;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾'.split('');
const GIVEN = '建国军华明丽芳英秀兰强伟涛磊静敏霞红梅玉珍海波'.split('');

export const RESULTS = [
  '经现场协调，问题已解决',
  '已联系相关站所处理完毕',
  '经调解双方达成一致',
  '已督促责任单位整改到位',
  '已按政策办理完毕',
] as const;
export const FEEDBACK = ['已电话告知报告人处理结果', '已上门反馈，群众表示认可', '已通过微信告知处理情况'] as const;
export const REJECT_REASONS = ['经核实情况不属实', '不属于本级受理范围，已引导至有关部门'] as const;
export const FILE_REASONS = ['仅作情况报备，无需流转', '已由派出所直接处理，登记备案'] as const;

export function summaryFor(pick: Pick, categoryCode: string, subcategoryCode: string): string {
  if (categoryCode === '01') return pick(DISPUTES[subcategoryCode] ?? DISPUTE_FALLBACK);
  return pick(ISSUES[categoryCode] ?? ISSUES['99']!);
}

export function placeFor(pick: Pick, villageName: string, n: () => number): string {
  const kind = pick(PLACES);
  if (kind === '组') return `${villageName}${(n() % 12) + 1}组`;
  if (kind === '号院') return `${villageName}${(n() % 200) + 1}号院`;
  if (kind === '小区') {
    const building = String.fromCharCode(65 + (n() % 8));
    return `${pick(BUILDINGS)}小区${building}栋${(n() % 6) + 1}0${(n() % 4) + 1}室`;
  }
  return `${villageName}${kind}`;
}

export function personName(pick: Pick): string {
  return pick(SURNAMES) + pick(GIVEN) + (pick([true, false]) ? pick(GIVEN) : '');
}
