import { expect } from 'chai';
import type { LineageLink } from '../../model/src';
import { backLink, complaintReceivedPage } from '../../gateway/src/consumer/complaintPages';
import { countryName } from '../../gateway/src/consumer/countryName';
import { Text } from '../../gateway/src/consumer/i18n';
import { consumerLinkset, PRODUCT_INFO_PAGE } from '../../gateway/src/consumer/linkset';
import { calendarDate } from '../../gateway/src/consumer/calendarDateText';
import { lotInputOf } from '../../gateway/src/consumer/lotInputs';
import { lotPage, type PageContext } from '../../gateway/src/consumer/page';
import type { CodeVerdict } from '../../gateway/src/qr';
import { alertOf, ATTACHED_LOGGER, custodyOf, GTIN, journeyOf, lotOf, viewOf } from './consumerFixtures';

const lotId = `01/${GTIN}/10/LOT42`;
const id = { kind: 'lot' as const, gtin: GTIN, lot: 'LOT42' };
const authentic: CodeVerdict = { status: 'authentic', id, kid: 'code-abc' };
const unsigned: CodeVerdict = { status: 'unsigned', id };
const forged: CodeVerdict = { status: 'not-authentic', id, reason: 'the signature does not match this identifier and key' };
const zh: PageContext = { lang: 'zh' };
const en: PageContext = { lang: 'en' };
const SIGNATURE = 'A'.repeat(86);

/** Text of the element with this id attribute (the pages are flat enough for a pattern). */
const byId = (html: string, elementId: string): string | undefined => new RegExp(`id="${elementId}"[^>]*>([^<]*)<`).exec(html)?.[1];

describe('consumer page', () => {
  const shipped = custodyOf(lotId, 1, 'ship', '2026-11-29T00:30:00Z');
  const received = custodyOf(lotId, 2, 'receive', '2026-11-29T14:05:00+08:00');
  const journey = journeyOf(lotOf('LOT42'), { custody: [shipped, received], loggers: [ATTACHED_LOGGER] });

  describe('times', () => {
    it('writes a calendar date without shifting it to another day', () => {
      expect(calendarDate('2027-03-31', 'zh')).to.equal('2027年3月31日');
      expect(calendarDate('2027-03-31', 'en')).to.equal('31 Mar 2027');
    });

    it('shows each journey step on its day as written at the site, in the city, without the time of day or the address', () => {
      const page = lotPage(viewOf(journey), authentic, zh);
      expect(page).to.include('<time datetime="2026-11-29">2026年11月29日</time> · <span data-city="330100">330100</span>');
      expect(page).to.include('2099年3月31日');
      for (const privateFact of ['08:30', '14:05', 'T00:30', 'Xiaoshan cold store']) expect(page).to.not.include(privateFact);
      expect(lotPage(viewOf(journey), authentic, en)).to.include('29 Nov 2026</time>').and.not.include('00:30');
    });
  });

  describe('countries', () => {
    it('names a country of origin in the page’s language, and says so when a lot mixes origins', () => {
      expect(countryName('NZ', 'zh')).to.equal('新西兰');
      expect(countryName('NZ', 'en')).to.equal('New Zealand');
      expect(countryName('XX', 'en')).to.equal(Text.en.mixedOrigin);
      expect(countryName('nz!', 'en')).to.equal('nz!');
      expect(lotPage(viewOf(journey), authentic, zh)).to.include('<dd data-country="NZ">新西兰</dd>');
      expect(lotPage(viewOf(journey), authentic, en)).to.include('<dd data-country="NZ">New Zealand</dd>');
    });
  });

  describe('temperature', () => {
    it('says there are no temperature records when no logger was attached and nothing anchored, never that no excursion was found', () => {
      const bare = journeyOf(lotOf('LOT42'), { custody: [shipped] });
      const page = lotPage(viewOf(bare), authentic, en);
      expect(page).to.include('data-temperature="none">No temperature records<');
      expect(page).to.not.include(Text.en.temperatureOk);
      expect(lotPage(viewOf(bare), authentic, zh)).to.include('data-temperature="none">无温度记录<');
    });

    it('says no excursion was found only when readings are recorded, and an excursion outweighs everything', () => {
      expect(lotPage(viewOf(journey), authentic, en)).to.include(`data-temperature="ok">${Text.en.temperatureOk}<`);
      const anchoredOnly = journeyOf(lotOf('LOT42'), { anchors: ['logger-1|2026-11-29T00:00:00Z|2026-11-29T01:00:00Z'] });
      expect(lotPage(viewOf(anchoredOnly), authentic, en)).to.include('data-temperature="ok"');
      const excursion = journeyOf(lotOf('LOT42'), { alerts: [alertOf('excursion'), alertOf('temperatureGap')] });
      expect(lotPage(viewOf(excursion), authentic, en)).to.include('data-temperature="excursion"');
      const gap = journeyOf(lotOf('LOT42'), { alerts: [alertOf('temperatureGap')], loggers: [ATTACHED_LOGGER] });
      expect(lotPage(viewOf(gap), authentic, en)).to.include('data-temperature="gap"');
    });
  });

  describe('a code whose signature fails', () => {
    const recalled = journeyOf(lotOf('LOT42', { hold: { state: 'recalled', reason: 'Listeria in sampling', setBy: 'r', setAt: '', txId: '' } }), { custody: [shipped] });

    it('shows the warning and the report form, and no product facts, journey or lot banners', () => {
      const page = lotPage(viewOf(journey), forged, en, undefined);
      expect(page).to.include('data-authenticity="not-authentic"').and.include(Text.en.fakeAdvice).and.include('id="complaint"');
      for (const fact of ['Frozen lamb shoulder', 'Alliance Group', 'New Zealand', 'LOT42<', 'id="journey"', 'data-temperature', 'data-documents', 'Ningbo Imports']) {
        expect(page, fact).to.not.include(fact);
      }
      expect(page).to.include('<option value="counterfeit" selected>');
      // The same view with a good signature shows all of it: the omission is the verdict's doing.
      expect(lotPage(viewOf(journey), authentic, en)).to.include('Frozen lamb shoulder').and.include('id="journey"');
    });

    it('still shows a recall, which warns and vouches for nothing', () => {
      const page = lotPage(viewOf(recalled), forged, zh);
      expect(page).to.include('data-banner="recalled"').and.include('Listeria in sampling');
      expect(page).to.not.include('Frozen lamb shoulder');
    });

    it('keeps the subject of a serialised unit in the report form', () => {
      const page = lotPage(viewOf(journey), forged, en, { serial: 'SN000001', subjectId: `01/${GTIN}/21/SN000001` });
      expect(page).to.include(`name="subjectId" value="01/${GTIN}/21/SN000001"`).and.not.include('SN000001<');
    });
  });

  describe('report form', () => {
    it('says, before the description field, that the text is kept for good and must hold no personal data', () => {
      for (const [page, lang] of [[zh, 'zh'], [en, 'en']] as const) {
        const html = lotPage(viewOf(journey), unsigned, page);
        const note = html.indexOf(Text[lang].keptForever);
        expect(note, lang).to.be.greaterThan(html.indexOf('id="complaint"'));
        expect(note, lang).to.be.lessThan(html.indexOf('<textarea name="text"'));
      }
      expect(Text.zh.keptForever).to.include('永久').and.include('个人信息');
      expect(Text.en.keptForever).to.include('permanently').and.include('personal data');
    });

    it('carries the scanned signature so the way back still verifies', () => {
      const query = new URLSearchParams({ s: SIGNATURE, k: 'code-abc', lang: 'en' });
      const html = lotPage(viewOf(journey), authentic, { ...en, query });
      expect(html).to.include(`<input type="hidden" name="s" value="${SIGNATURE}">`).and.include('<input type="hidden" name="k" value="code-abc">');
      expect(lotPage(viewOf(journey), unsigned, en)).to.not.include('name="s"');
    });
  });

  describe('thank-you page', () => {
    const clueId = '0123456789abcdef'.repeat(4);

    it('gives a short reference, the full id in small print and a link back to the scanned page', () => {
      const page = complaintReceivedPage('zh', clueId, undefined, lotId, { s: SIGNATURE, k: 'code-abc' });
      expect(byId(page, 'clue-ref')).to.equal('01234567');
      expect(page).to.match(new RegExp(`<small>[^<]*<code id="clue-id">${clueId}</code></small>`));
      expect(page).to.include(`<a id="back" href="/${lotId}?s=${SIGNATURE}&amp;k=code-abc&amp;lang=zh">${Text.zh.back}</a>`);
      expect(page).to.not.include('id="purge"');
      expect(complaintReceivedPage('en', clueId, 'purge-token-1', lotId)).to.include('id="purge"').and.include(`href="/${lotId}?lang=en"`);
    });

    it('links back only to a Digital Link path, canonically encoded', () => {
      expect(backLink(`01/${GTIN}/21/SN!1`, 'en')).to.equal(`/01/${GTIN}/21/SN%211?lang=en`);
      expect(backLink('//evil.example/01/x', 'en')).to.equal('/');
      expect(backLink(`/evil.example/01/${GTIN}/10/LOT42`, 'en')).to.equal(`/01/${GTIN}/10/LOT42?lang=en`);
      expect(backLink(`01/${GTIN}/10/LOT42`, 'en', { k: 'code-abc' })).to.equal(`/01/${GTIN}/10/LOT42?k=code-abc&lang=en`);
    });
  });

  describe('linkset', () => {
    it('lists the page in both languages, each with its hreflang and ?lang=', () => {
      const anchor = `https://id.example.cn/${lotId}`;
      const { linkset } = consumerLinkset(anchor, 'Frozen lamb shoulder');
      expect(linkset).to.have.length(1);
      expect(linkset[0].anchor).to.equal(anchor);
      expect(linkset[0][PRODUCT_INFO_PAGE]).to.deep.equal([
        { href: `${anchor}?lang=zh`, type: 'text/html', hreflang: ['zh-CN'], title: 'Frozen lamb shoulder' },
        { href: `${anchor}?lang=en`, type: 'text/html', hreflang: ['en'], title: 'Frozen lamb shoulder' },
      ]);
    });
  });

  describe('a derived lot', () => {
    const parentId = `01/${GTIN}/10/PARENT1`;
    const link: LineageLink = { parentId, childId: lotId, kind: 'split', quantity: 600, eventId: `${parentId}#2`, eventTime: '2026-11-28T02:00:00Z', txId: 'tx2' };
    const parent = journeyOf(lotOf('PARENT1', { product: 'Lamb carcass', producer: 'Silver Fern Farms', originCountry: 'AU' }), {
      custody: [
        custodyOf(parentId, 0, 'create', '2026-11-20T00:00:00Z', 'producer-1'),
        custodyOf(parentId, 1, 'ship', '2026-11-27T00:00:00Z', 'producer-1'),
        custodyOf(parentId, 2, 'split', '2026-11-28T02:00:00Z'),
        custodyOf(parentId, 3, 'ship', '2026-11-29T03:00:00Z'),
      ],
    });
    const child = journeyOf(lotOf('LOT42', { parents: [parentId] }), { custody: [custodyOf(lotId, 0, 'split', '2026-11-28T02:00:00Z')], parents: [link] });
    const names = { 'importer-1': 'Ningbo Imports Ltd', 'producer-1': 'Silver Fern Farms Ltd' };

    it('shows where its inputs came from: each parent linked, its origin by name, its custody until the split', () => {
      const view = viewOf(child, { inputs: [lotInputOf(link, parent)], moreInputs: 0 }, names);
      const page = lotPage(view, authentic, en);
      const inputs = page.slice(page.indexOf('id="inputs"'), page.indexOf('id="journey"'));
      expect(inputs).to.include(`data-input="${parentId}"`).and.include(`<a href="/${parentId}?lang=en">Lamb carcass · Lot PARENT1</a>`);
      expect(inputs).to.include('Silver Fern Farms · <span data-country="AU">Australia</span>');
      expect(inputs).to.include('Silver Fern Farms Ltd').and.include('20 Nov 2026</time>').and.include('28 Nov 2026</time>');
      // What happened to the rest of the parent after the split is not this lot's story.
      expect(inputs).to.not.include('29 Nov 2026');
      expect(page.indexOf(Text.en.inputs)).to.be.lessThan(page.indexOf('id="journey"'));
    });

    it('names and links a parent whose journey is not projected, and counts parents beyond those read', () => {
      const view = viewOf(child, { inputs: [lotInputOf(link, undefined)], moreInputs: 3 }, names);
      const page = lotPage(view, authentic, zh);
      expect(page).to.include(`<a href="/${parentId}?lang=zh">${parentId}</a>`);
      expect(page).to.include('另有 3 批原料未列出');
    });

    it('shows no inputs part for a lot made by nobody else', () => {
      expect(lotPage(viewOf(journey), authentic, en)).to.not.include('id="inputs"');
    });
  });
});
