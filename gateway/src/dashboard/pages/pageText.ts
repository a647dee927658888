import type { Language } from '../../consumer/i18n';

/** What the regulator's and the public's pages say, in Chinese and English; the scripts read it from the page. */
export const DashboardText = {
  zh: {
    dashboardTitle: '监管驾驶舱', traceTitle: '追溯图谱', disclosureTitle: '信息公开', switchTo: 'English',
    signIn: '登录', tokenLabel: '监管令牌', signOut: '退出', refused: '令牌无效或不是监管令牌', notSignedIn: '请先登录监管驾驶舱',
    region: '地区', period: '月份', show: '查看', allRegions: '全部',
    passRate: '抽检合格率', target: '目标', passed: '合格', failed: '不合格', noSamples: '本月无终局评价性抽检',
    clues: '风险线索', raised: '新增', closed: '已办结', overdue: '逾期', closureRate: '办结率',
    alerts: '预警线索', kinds: { excursion: '冷链温度超标', temperatureGap: '温度记录缺失', duplicateSale: '药品重复销售', maintenanceOverdue: '电梯维保超期', lateRescueArrival: '救援到场超时' } as Record<string, string>,
    recalls: '进行中的召回', holders: '涉及主体', acknowledged: '已确认', reported: '已报告', traceGraph: '追溯图谱',
    elevators: '电梯', lifts: '在用电梯', overdueRate: '维保超期率', accidents: '本月事故', per10k: '万台事故率',
    records: '明细', noRecords: '无记录', truncated: '仅显示最近的部分记录',
    lot: '批次', batch: '药品批号', enterprise: '企业', impacted: '召回影响范围', lineage: '谱系', custody: '持有',
    samples: '抽检结果', cases: '公开的处罚案件', product: '产品', verdict: '结论', failedItems: '不合格项目', caseNumber: '案号', decision: '处罚决定', decidedAt: '决定日期', subject: '对象',
  },
  en: {
    dashboardTitle: 'Regulator dashboard', traceTitle: 'Trace graph', disclosureTitle: 'Public disclosure', switchTo: '中文',
    signIn: 'Sign in', tokenLabel: 'Regulator token', signOut: 'Sign out', refused: 'The token is not valid or not a regulator\'s', notSignedIn: 'Sign in on the dashboard first',
    region: 'Region', period: 'Month', show: 'Show', allRegions: 'all',
    passRate: 'Sampling pass rate', target: 'target', passed: 'passed', failed: 'failed', noSamples: 'No final evaluative samples this month',
    clues: 'Risk clues', raised: 'raised', closed: 'closed', overdue: 'overdue', closureRate: 'closure rate',
    alerts: 'Alert clues', kinds: { excursion: 'Cold-chain excursions', temperatureGap: 'Temperature gaps', duplicateSale: 'Drug duplicate sales', maintenanceOverdue: 'Lift maintenance overdue', lateRescueArrival: 'Late rescues' } as Record<string, string>,
    recalls: 'Open recalls', holders: 'holders', acknowledged: 'acknowledged', reported: 'reported', traceGraph: 'trace graph',
    elevators: 'Lifts', lifts: 'lifts in use', overdueRate: 'overdue rate', accidents: 'accidents this month', per10k: 'accidents per 10,000 lifts',
    records: 'Records', noRecords: 'No records', truncated: 'Only the newest records are shown',
    lot: 'lot', batch: 'drug batch', enterprise: 'enterprise', impacted: 'recall impact', lineage: 'lineage', custody: 'held by',
    samples: 'Sampling results', cases: 'Published penalty cases', product: 'Product', verdict: 'Verdict', failedItems: 'Failed items', caseNumber: 'Case number', decision: 'Decision', decidedAt: 'Decided', subject: 'Subject',
  },
} satisfies Record<Language, Record<string, unknown>>;

export type PageText = (typeof DashboardText)['zh'];
