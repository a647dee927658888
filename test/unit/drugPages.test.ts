import { expect } from 'chai';
import { drugCodeEntryPage, drugCodePage, reactionReceivedPage } from '../../gateway/src/consumer/drugPage';
import { withPrintedLabel, type DrugCodeVerification } from '../../gateway/src/drugCodes';

describe('drug verify and entry pages', () => {
  const sold: DrugCodeVerification = {
    code: '81234560000000421234',
    verdict: 'dispensed',
    level: 'unit',
    product: { productId: '8123456', approvalNumber: '国药准字H20261234', genericName: '阿莫西林胶囊', dosageForm: '胶囊剂', strength: '0.25g', packageSpec: '24粒/盒', storageCondition: '密封', holderId: '91330100MA2D0G0H1J' },
    batch: { batchNumber: 'B1', productionDate: '2026-11-01', expiryDate: '2028-10-31' },
    used: { state: 'sold', day: '2026-11-05', cityRegion: '330600' },
  };

  it('shows the verdict first, then the drug\'s facts, in Chinese', () => {
    const page = drugCodePage(sold, 'zh');
    expect(page).to.include('<html lang="zh-CN">').and.include('data-verdict="dispensed"').and.include('该追溯码已被销售或调剂');
    expect(page.indexOf('id="verdict"')).to.be.below(page.indexOf('阿莫西林胶囊'));
    expect(page).to.include('国药准字H20261234').and.include('2028-10-31').and.include('data-city="330600"').and.include('8123 4560 0000 0042 1234');
  });

  it('says in English that an unknown code may be counterfeit, and shows no facts', () => {
    const page = drugCodePage({ code: sold.code, verdict: 'unknown' }, 'en');
    expect(page).to.include('<html lang="en">').and.include('Unknown code: this ledger never issued it').and.include('may be counterfeit');
    expect(page).to.not.include('<dl>');
  });

  it('makes a genuine code on a label of another batch or expiry suspect, and says what differs', () => {
    const genuine: DrugCodeVerification = { ...sold, verdict: 'genuine', used: undefined };
    expect(withPrintedLabel(genuine, { lot: 'B1', expiry: '281031' })).to.equal(genuine);
    expect(withPrintedLabel(genuine, { expiry: '281000' })).to.equal(genuine);
    const copied = withPrintedLabel(genuine, { lot: 'B9', expiry: '291031' });
    expect(copied.verdict).to.equal('suspect');
    expect(copied.labelMismatch).to.deep.equal([{ field: 'batchNumber', printed: 'B9', recorded: 'B1' }, { field: 'expiryDate', printed: '291031', recorded: '2028-10-31' }]);
    // A used code stays dispensed: that verdict already tells the reader more.
    expect(withPrintedLabel(sold, { lot: 'B9' }).verdict).to.equal('dispensed');
    const page = drugCodePage(copied, 'en');
    expect(page).to.include('data-verdict="suspect"').and.include('data-mismatch="batchNumber"').and.include('The batch number printed on the pack is not the one registered for this code: printed B9, registered B1.');
    expect(drugCodePage(copied, 'zh')).to.include('包装上印的生产批号与该追溯码的登记不符');
  });

  it('shows how many packs a case holds, never which', () => {
    const page = drugCodePage({ ...sold, code: '81234580000000011234', verdict: 'genuine', level: 'case', used: undefined, contents: { box: 2, unit: 20 } }, 'en');
    expect(page).to.include('Holds now: 2 box · 20 sale unit');
  });

  it('lets a patient report a reaction to a known code, never to an unknown one, and thanks them with a way to delete the contact', () => {
    expect(drugCodePage(sold, 'en')).to.include(`action="/drug/codes/${sold.code}/adverse-reactions"`).and.include('name="idempotencyKey"').and.include('kept on the ledger for good');
    expect(drugCodePage({ code: sold.code, verdict: 'unknown' }, 'en')).to.not.include('adverse-reactions');
    const thanks = reactionReceivedPage('zh', 'a'.repeat(64), 'token123', sold.code);
    expect(thanks).to.include('已收到您的报告').and.include(`/complaints/${'a'.repeat(64)}/contact/purge`).and.include(`/drugcodes/${sold.code}?lang=zh`);
  });

  it('offers a form for the 20 digits, and names what is wrong with what was typed', () => {
    expect(drugCodeEntryPage('en')).to.include('<form').and.include('action="/drugcodes"').and.include('inputmode="numeric"');
    const wrong = drugCodeEntryPage('zh', 'must be 20 digits', '1234<script>');
    expect(wrong).to.include('追溯码有误').and.include('must be 20 digits').and.include('1234&lt;script&gt;');
  });
});
