import type { Language } from './i18n';

/** What a passenger reads in a lift's car page, in the page's two languages. */
export const ElevatorText: Record<Language, {
  title: string; fit: string; notFit: string; overdue: string; outOfDate: string;
  lastMaintenance: string; never: string; proven: string; weak: string; unproven: string; nextDue: string; inspectionValidUntil: string; noInspection: string;
  firm: string; usingUnit: string; hotline: string; rescue: string; rescueCode: string; registration: string; address: string; riskGrade: string;
  types: Record<string, string>; categories: Record<string, string>;
}> = {
  zh: {
    title: '电梯安全信息', fit: '准用：本电梯检验合格、在有效期内', notFit: '停用：本电梯目前不符合使用条件，请勿乘坐', overdue: '维保已超期：请联系物业或维保单位',
    outOfDate: '系统正在同步链上记录，本页信息可能不是最新的，请稍后再扫',
    lastMaintenance: '最近维保', never: '尚无维保记录', proven: '已证明到场（设备签名）', weak: '到场由使用单位确认', unproven: '未能证明到场',
    nextDue: '下次维保截止', inspectionValidUntil: '检验有效期至', noInspection: '无有效检验记录',
    firm: '维保单位', usingUnit: '使用单位', hotline: '维保单位 24 小时电话', rescue: '被困请拨打 96333，并报救援识别码', rescueCode: '救援识别码', registration: '使用登记证编号', address: '安装地址', riskGrade: '风险等级',
    types: { traction: '曳引电梯', hydraulic: '液压电梯', escalator: '自动扶梯', movingWalk: '自动人行道' },
    categories: { stuck: '困人', fault: '故障', dirty: '卫生差', unsafe: '安全隐患' },
  },
  en: {
    title: 'Lift safety information', fit: 'Fit for use: inspected and within its validity', notFit: 'NOT fit for use: do not ride this lift', overdue: 'Maintenance is overdue: tell the building manager or the maintenance firm',
    outOfDate: 'The ledger is being synchronised: this page may be out of date. Scan again later.',
    lastMaintenance: 'Last maintenance', never: 'No maintenance recorded yet', proven: 'visit proven (device-signed)', weak: 'visit confirmed by the using unit', unproven: 'visit NOT proven',
    nextDue: 'Next maintenance due', inspectionValidUntil: 'Inspection valid until', noInspection: 'No valid inspection on record',
    firm: 'Maintenance firm', usingUnit: 'Using unit', hotline: 'Maintenance firm, 24 h', rescue: 'Trapped? Call 96333 and give the rescue code', rescueCode: 'Rescue code', registration: 'Registration certificate', address: 'Address', riskGrade: 'Risk grade',
    types: { traction: 'traction lift', hydraulic: 'hydraulic lift', escalator: 'escalator', movingWalk: 'moving walk' },
    categories: { stuck: 'Someone is trapped', fault: 'Fault', dirty: 'Dirty', unsafe: 'Unsafe' },
  },
};
