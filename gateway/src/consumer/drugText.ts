import type { Verdict } from '../../../model/src';
import type { Language } from './i18n';

/** The drug verify page's and entry page's text, zh and en. */
export const DrugText: Record<Language, {
  title: string;
  verdicts: Record<Verdict, string>;
  verdictAdvice: Partial<Record<Verdict, string>>;
  genericName: string;
  tradeName: string;
  strength: string;
  dosageForm: string;
  packageSpec: string;
  approvalNumber: string;
  holder: string;
  batch: string;
  produced: string;
  expiry: string;
  storage: string;
  usedOn: string;
  /** The label's batch or expiry is not the record's; `{field}` is the batch or expiry label. */
  labelMismatch: string;
  labelFields: Record<'batchNumber' | 'expiryDate', string>;
  city: string;
  levels: Record<string, string>;
  contents: string;
  code: string;
  entryTitle: string;
  entryHelp: string;
  entryButton: string;
  entryBad: string;
  switchTo: string;
  report: string;
  describe: string;
  seriousness: string;
  outcome: string;
  contact: string;
  keptForever: string;
  send: string;
  seriousnessOptions: Record<string, string>;
  outcomeOptions: Record<string, string>;
  received: string;
  reference: string;
  purge: string;
  back: string;
}> = {
  zh: {
    title: '药品追溯码查询',
    verdicts: { genuine: '已登记的正品追溯码', unknown: '未知追溯码：本账本没有发放过这个码', dispensed: '该追溯码已被销售或调剂', recalled: '该药品已被召回', expired: '该药品已过有效期', suspect: '该药品被标记为可疑或已封存' },
    verdictAdvice: {
      unknown: '请核对 20 位数字是否输入正确。若无误，该药品可能是假药，请勿使用，并向药店或监管部门反映。',
      dispensed: '每个追溯码只能销售一次。若您刚刚购买且这是第一次查询，属正常；若有人现在向您出售它，可能是回流药或假药。',
      recalled: '请勿使用，联系购买的药店或医院。',
      suspect: '请暂勿使用，联系购买的药店或医院。',
      expired: '请勿使用过期药品。',
    },
    genericName: '通用名', tradeName: '商品名', strength: '规格', dosageForm: '剂型', packageSpec: '包装规格', approvalNumber: '批准文号', holder: '上市许可持有人',
    batch: '生产批号', produced: '生产日期', expiry: '有效期至', storage: '贮藏', usedOn: '售出/调剂日期', city: '地区',
    labelMismatch: '包装上印的{field}与该追溯码的登记不符：包装印 {printed}，登记为 {recorded}。',
    labelFields: { batchNumber: '生产批号', expiryDate: '有效期' },
    levels: { unit: '最小销售包装', box: '中包装', case: '箱', pallet: '托盘' }, contents: '当前内含', code: '追溯码',
    entryTitle: '输入药品追溯码', entryHelp: '请输入包装上条形码下方的 20 位数字（可包含空格）。', entryButton: '查询', entryBad: '追溯码有误：', switchTo: 'English',
    report: '报告疑似不良反应', describe: '发生了什么（请勿填写姓名、电话等个人信息）', seriousness: '严重程度', outcome: '目前情况', contact: '联系方式（选填，仅监管部门可见，可随时删除）',
    keptForever: '描述将永久保存在区块链账本上；联系方式不上链。', send: '提交',
    seriousnessOptions: { nonSerious: '一般', serious: '严重', lifeThreatening: '危及生命', fatal: '死亡' },
    outcomeOptions: { recovered: '已痊愈', recovering: '好转中', notRecovered: '未好转', sequelae: '有后遗症', fatal: '死亡', unknown: '不清楚' },
    received: '已收到您的报告，监管部门将跟进处理。', reference: '报告编号', purge: '删除我的联系方式', back: '返回药品页面',
  },
  en: {
    title: 'Drug trace code check',
    verdicts: { genuine: 'A registered, genuine trace code', unknown: 'Unknown code: this ledger never issued it', dispensed: 'This code has already been sold or dispensed', recalled: 'This drug is RECALLED', expired: 'This drug is past its expiry date', suspect: 'This drug is marked suspect or held for inspection' },
    verdictAdvice: {
      unknown: 'Check the 20 digits. If they are right, the pack may be counterfeit: do not use it and report it to the pharmacy or the regulator.',
      dispensed: 'A code is sold once. If you have just bought it and this is your first check, all is well; if someone offers it to you now, it may be resold or counterfeit.',
      recalled: 'Do not use it; contact the pharmacy or hospital that supplied it.',
      suspect: 'Do not use it for now; contact the pharmacy or hospital that supplied it.',
      expired: 'Do not use expired medicines.',
    },
    genericName: 'Generic name', tradeName: 'Trade name', strength: 'Strength', dosageForm: 'Dosage form', packageSpec: 'Package', approvalNumber: 'Approval number', holder: 'Marketing-authorisation holder',
    batch: 'Batch', produced: 'Produced', expiry: 'Use before', storage: 'Storage', usedOn: 'Sold or dispensed on', city: 'Region',
    labelMismatch: 'The {field} printed on the pack is not the one registered for this code: printed {printed}, registered {recorded}.',
    labelFields: { batchNumber: 'batch number', expiryDate: 'expiry date' },
    levels: { unit: 'sale unit', box: 'box', case: 'case', pallet: 'pallet' }, contents: 'Holds now', code: 'Trace code',
    entryTitle: 'Enter a drug trace code', entryHelp: 'Type the 20 digits printed under the bar code (spaces are fine).', entryButton: 'Check', entryBad: 'This code is not valid: ',
    switchTo: '中文',
    report: 'Report a suspected adverse reaction', describe: 'What happened (no names, phone numbers or other personal data)', seriousness: 'How serious', outcome: 'How it is now', contact: 'Contact (optional; seen only by regulators; you can delete it)',
    keptForever: 'Your description is kept on the ledger for good; your contact stays off it.', send: 'Send',
    seriousnessOptions: { nonSerious: 'not serious', serious: 'serious', lifeThreatening: 'life-threatening', fatal: 'fatal' },
    outcomeOptions: { recovered: 'recovered', recovering: 'recovering', notRecovered: 'not recovered', sequelae: 'with lasting effects', fatal: 'fatal', unknown: 'unknown' },
    received: 'Thank you. Regulators will follow up on your report.', reference: 'Reference', purge: 'Delete my contact details', back: 'Back to the drug page',
  },
};
