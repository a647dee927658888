import type { TraceIdentifier } from '../../../model/src';

/** The consumer page speaks Chinese and English; the rest of the UI text lives here. */
export const Languages = ['zh', 'en'] as const;
export type Language = (typeof Languages)[number];

/** BCP 47 tags of the page languages: the html lang attribute, linkset hreflang and Intl formatting. */
export const LanguageTags: Record<Language, string> = { zh: 'zh-CN', en: 'en' };

export const Text = {
  zh: {
    title: '产品追溯', genuine: '正品：防伪签名已验证', unsigned: '无法离线确认真伪（短码），已在线核对登记信息', fake: '无法确认真伪：签名无效',
    product: '产品', producer: '生产商', origin: '原产地', lot: '批次', expiry: '保质期至', owner: '责任企业', journey: '流通记录', documents: '入境单证',
    complete: '齐全', incomplete: '不齐全', temperature: '冷链温度', temperatureOk: '未发现温度异常', temperatureBad: '发现温度超标', temperatureGap: '部分时段缺少温度记录', temperatureNone: '无温度记录',
    sold: '该件商品已于 {date} 由 {shop} 售出。如果现在有人向您出售它，可能是仿冒品，请反映问题。', serial: '单品序列号',
    recalled: '该批次已被召回，请勿食用', quarantined: '该批次已被封存待查', expired: '已超过保质期', excursion: '运输或储存中出现温度超标', documentsIncomplete: '入境单证不齐全',
    outOfDate: '系统正在同步链上记录，本页信息可能不是最新的，请稍后再扫',
    notFound: '未找到该追溯码对应的产品', badCode: '追溯码格式有误', switchTo: 'English',
    fakeAdvice: '该标签的防伪签名无法验证，可能是仿冒品。为免误导，本页不显示产品信息。如有疑问，请在下方反映问题。',
    inputs: '原料来源', thisLot: '本批次', moreInputs: '另有 {count} 批原料未列出', mixedOrigin: '多个产地（见原料来源）',
    report: '反映问题', category: '问题类型', describe: '请描述问题', contact: '联系方式（选填，仅监管部门可见，可随时删除）', send: '提交',
    keptForever: '问题描述将永久保存在区块链账本上，无法删除：请勿填写姓名、电话、住址等个人信息。如需回复，请把联系方式填在下方选填栏，它不上链，可随时删除。',
    categories: { quality: '质量问题', counterfeit: '疑似假冒', temperature: '温度/变质', labelling: '标签不符', illness: '食用后不适', other: '其他' } as Record<string, string>,
    received: '已收到您的反映，监管部门将跟进处理。', clueNumber: '反映编号', fullClueNumber: '完整编号', purge: '删除我的联系方式', purged: '您的联系方式已删除，您的反映仍会被处理。', back: '返回产品页面',
    actions: { create: '登记入链', ship: '发货', receive: '收货', store: '储存', releaseForSale: '上市销售', sell: '售出', split: '分装', merge: '合并', transform: '加工' } as Record<string, string>,
    notServedTitle: '暂不提供此类编码的查询', notServed: '已识别为{kind}：{code}。本账本暂不提供此类编码的追溯信息。',
    unknownCodeTitle: '无法识别的编码', unknownCode: '{path} 不是本解析服务认识的 GS1 数字链接或追溯码。',
    identifierKinds: {
      lot: 'GS1 批次码（01 + 10）', serial: 'GS1 单品序列码（01 + 21）', asset: 'GS1 资产编码 GIAI（8004，如电梯、温度记录仪）',
      logisticUnit: 'GS1 物流单元编码 SSCC（00，即箱或托盘）', drugTraceCode: '药品追溯码（20 位）',
    } satisfies Record<TraceIdentifier['kind'], string>,
  },
  en: {
    title: 'Product trace', genuine: 'Genuine: the code signature is verified', unsigned: 'Cannot confirm authenticity offline (short code); checked online against the register', fake: 'Cannot confirm authenticity: the signature is not valid',
    product: 'Product', producer: 'Producer', origin: 'Origin', lot: 'Lot', expiry: 'Best before', owner: 'Responsible enterprise', journey: 'Journey', documents: 'Entry documents',
    complete: 'complete', incomplete: 'incomplete', temperature: 'Cold chain', temperatureOk: 'No temperature excursion found', temperatureBad: 'Temperature excursion found', temperatureGap: 'No temperature records for part of the journey', temperatureNone: 'No temperature records',
    sold: 'This unit was sold on {date} by {shop}. If you are being offered it now, it may be a copy — report it.', serial: 'Unit serial',
    recalled: 'This lot is RECALLED: do not eat it', quarantined: 'This lot is held for inspection', expired: 'Past its expiry date', excursion: 'Temperature went out of range in transport or storage', documentsIncomplete: 'Entry documents are incomplete',
    outOfDate: 'The ledger is being synchronised: this page may be out of date. Scan again later.',
    notFound: 'No product is registered under this code', badCode: 'This trace code is malformed', switchTo: '中文',
    fakeAdvice: 'The signature of this label does not verify: it may be a copy. Product facts are not shown, so they cannot lend it credibility. If in doubt, report it below.',
    inputs: 'Where the inputs came from', thisLot: 'This lot', moreInputs: '{count} more input lots not listed', mixedOrigin: 'Several countries (see the inputs)',
    report: 'Report a problem', category: 'What is wrong', describe: 'Describe the problem', contact: 'Contact (optional; seen only by regulators; you can delete it)', send: 'Send',
    keptForever: 'Your description is kept permanently on the ledger and cannot be deleted: do not include names, phone numbers, addresses or other personal data. If you want a reply, put your contact in the optional field below: it stays off the ledger and you can delete it.',
    categories: { quality: 'Quality', counterfeit: 'Looks counterfeit', temperature: 'Temperature / spoiled', labelling: 'Label mismatch', illness: 'Felt ill after eating', other: 'Other' } as Record<string, string>,
    received: 'Thank you. Regulators will follow up on your report.', clueNumber: 'Reference', fullClueNumber: 'Full number', purge: 'Delete my contact details', purged: 'Your contact details are deleted; your report is still being handled.', back: 'Back to the product page',
    actions: { create: 'registered', ship: 'shipped', receive: 'received', store: 'stored', releaseForSale: 'released for sale', sell: 'sold', split: 'split', merge: 'merged', transform: 'processed' } as Record<string, string>,
    notServedTitle: 'This kind of code is not served here yet', notServed: 'Recognised as a {kind}: {code}. This ledger does not serve this kind of identifier yet.',
    unknownCodeTitle: 'Unrecognised code', unknownCode: '{path} is not a GS1 Digital Link or trace code this resolver knows.',
    identifierKinds: {
      lot: 'GS1 lot code (01 + 10)', serial: 'GS1 serialised unit code (01 + 21)', asset: 'GS1 asset code, GIAI (8004: an elevator, a temperature logger or other equipment)',
      logisticUnit: 'GS1 logistic unit code, SSCC (00: a case or a pallet)', drugTraceCode: '20-digit drug trace code',
    } satisfies Record<TraceIdentifier['kind'], string>,
  },
};

/** `?lang=` wins, then Accept-Language, then Chinese. */
export function pickLanguage(queryLang: unknown, acceptLanguage: string | undefined): Language {
  if (queryLang === 'en' || queryLang === 'zh') return queryLang;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
