import type { ElevatorType } from './elevatorType';

/**
 * Maintenance tiers (维保周期) of TSG T5002-2017: the four periodic item sets, each including the
 * items of the shorter ones, plus the six-monthly emergency rescue drill and the yearly self-check,
 * which have item lists of their own.
 */
export const PeriodicTiers = ['halfMonthly', 'quarterly', 'halfYearly', 'yearly'] as const;
export type PeriodicTier = (typeof PeriodicTiers)[number];
export const MaintenanceTiers = [...PeriodicTiers, 'rescueDrill', 'selfCheck'] as const;
export type MaintenanceTier = (typeof MaintenanceTiers)[number];

/** One item of a tier's list: its id in the record, its names, and the minutes it plausibly takes one worker. */
export interface MaintenanceItem {
  id: string;
  zh: string;
  en: string;
  minutes: number;
}

type ItemTable = Record<MaintenanceTier, readonly MaintenanceItem[]>;

const item = (id: string, zh: string, en: string, minutes: number): MaintenanceItem => ({ id, zh, en, minutes });

/*
 * The lists below follow the annexes' items in the annexes' order but are abridged: a regulator
 * completing them changes data, not code. The minutes are this project's estimate of how long one
 * worker needs, the floor a visit must reach before it counts as plausible.
 */
const drillAndCheck = {
  rescueDrill: [
    item('RD-01', '困人救援演练', 'entrapment rescue drill', 30),
    item('RD-02', '应急通讯测试', 'emergency intercom test', 5),
  ],
  selfCheck: [
    item('SC-01', '年度自行检查', 'yearly self-check against TSG T7001 items', 60),
    item('SC-02', '自行检查记录签署', 'self-check report signed', 5),
  ],
} as const;

const traction: ItemTable = {
  halfMonthly: [
    item('A1-01', '机房、滑轮间环境', 'machine room and pulley room environment', 2),
    item('A1-02', '手动紧急操作装置', 'manual emergency operation device', 2),
    item('A1-03', '驱动主机', 'drive machine: running noise and temperature', 3),
    item('A1-04', '制动器各销轴部位', 'brake pins', 3),
    item('A1-05', '制动器间隙', 'brake clearance', 3),
    item('A1-06', '限速器各销轴部位', 'overspeed governor pins', 2),
    item('A1-07', '轿顶', 'car roof: clean, guarded', 2),
    item('A1-08', '轿顶检修开关、停止装置', 'car-top inspection switch and stop device', 2),
    item('A1-09', '层门和轿门旁路装置', 'landing and car door bypass device', 2),
    item('A1-10', '轿门防撞击保护装置', 'car door protective device (light curtain)', 2),
    item('A1-11', '层站召唤、层楼显示', 'landing call and floor indication', 3),
    item('A1-12', '层门地坎', 'landing door sills', 3),
    item('A1-13', '底坑环境', 'pit environment', 2),
    item('A1-14', '底坑停止装置', 'pit stop switch', 1),
  ],
  quarterly: [
    item('A2-01', '减速机润滑油', 'gearbox oil level', 3),
    item('A2-02', '编码器', 'encoder: clean, fixed', 3),
    item('A2-03', '限速器轮槽、钢丝绳', 'governor sheave groove and rope', 5),
    item('A2-04', '层门、轿门门锁触点', 'door lock contacts', 8),
    item('A2-05', '层门门导靴', 'landing door shoes', 5),
  ],
  halfYearly: [
    item('A3-01', '电动机与减速机联轴器', 'motor–gearbox coupling', 5),
    item('A3-02', '曳引轮、导向轮轴承部', 'traction and deflector sheave bearings', 5),
    item('A3-03', '曳引钢丝绳', 'suspension ropes: wear, tension', 10),
    item('A3-04', '补偿链（绳）与轿厢、对重接合处', 'compensation chain fixings', 5),
  ],
  yearly: [
    item('A4-01', '控制柜接触器、继电器触点', 'controller contactors and relays', 10),
    item('A4-02', '制动器铁芯（柱塞）', 'brake plunger', 15),
    item('A4-03', '轿厢称重装置', 'car load weighing device', 10),
    item('A4-04', '上行超速保护装置', 'ascending car overspeed protection', 10),
    item('A4-05', '轿厢意外移动保护装置', 'unintended car movement protection', 10),
  ],
  ...drillAndCheck,
};

const hydraulic: ItemTable = {
  halfMonthly: [
    item('B1-01', '机房环境', 'machine room environment', 2),
    item('B1-02', '液压站油位', 'power unit oil level', 3),
    item('B1-03', '油缸泄漏', 'cylinder leakage', 3),
    item('B1-04', '轿门防撞击保护装置', 'car door protective device', 2),
    item('B1-05', '层门地坎', 'landing door sills', 3),
    item('B1-06', '底坑环境', 'pit environment', 2),
  ],
  quarterly: [
    item('B2-01', '安全溢流阀', 'pressure relief valve', 5),
    item('B2-02', '手动下降阀', 'manual lowering valve', 5),
  ],
  halfYearly: [item('B3-01', '油管及接头', 'hoses and fittings', 10)],
  yearly: [
    item('B4-01', '破裂阀', 'rupture valve', 15),
    item('B4-02', '液压油', 'hydraulic oil condition', 10),
  ],
  ...drillAndCheck,
};

const escalator: ItemTable = {
  halfMonthly: [
    item('D1-01', '电器部件', 'electrical parts clean and fixed', 3),
    item('D1-02', '故障显示板', 'fault display', 1),
    item('D1-03', '主驱动链', 'main drive chain', 3),
    item('D1-04', '制动器机械装置', 'brake mechanism', 3),
    item('D1-05', '梳齿板', 'comb plates', 3),
    item('D1-06', '扶手带', 'handrails: speed and surface', 3),
    item('D1-07', '梯级、踏板与围裙板间隙', 'step-to-skirt clearance', 3),
    item('D1-08', '出入口安全警示标志', 'entry warning signs', 1),
  ],
  quarterly: [
    item('D2-01', '扶手带入口保护装置', 'handrail entry guard', 3),
    item('D2-02', '梯级链张紧开关', 'step chain tension switch', 3),
  ],
  halfYearly: [item('D3-01', '制动衬厚度', 'brake lining thickness', 10)],
  yearly: [
    item('D4-01', '主接触器', 'main contactors', 10),
    item('D4-02', '附加制动器', 'auxiliary brake', 15),
  ],
  ...drillAndCheck,
};

/** The items of each tier, by lift type. Moving walks share the escalator annex. */
export const MaintenanceItemSets: Readonly<Record<ElevatorType, ItemTable>> = { traction, hydraulic, escalator, movingWalk: escalator };

/**
 * The items a record of `tier` must account for (each done or skipped): a periodic tier includes
 * every shorter periodic tier's items, as T5002 requires of a quarterly visit the half-monthly work too.
 *
 * @example
 * requiredItems('traction', 'quarterly').length // half-monthly items plus quarterly items
 */
export function requiredItems(type: ElevatorType, tier: MaintenanceTier): readonly MaintenanceItem[] {
  const table = MaintenanceItemSets[type];
  const periodic = PeriodicTiers.indexOf(tier as PeriodicTier);
  if (periodic < 0) return table[tier];
  return PeriodicTiers.slice(0, periodic + 1).flatMap((t) => table[t]);
}

/** The periodic tiers a record of `tier` also counts for: a yearly visit resets every shorter clock. */
export function tiersCoveredBy(tier: MaintenanceTier): readonly MaintenanceTier[] {
  const periodic = PeriodicTiers.indexOf(tier as PeriodicTier);
  return periodic < 0 ? [tier] : PeriodicTiers.slice(0, periodic + 1);
}
