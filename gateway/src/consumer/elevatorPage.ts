import type { ElevatorCarView } from '../../../model/src';
import { calendarDate } from './calendarDateText';
import { complaintForm } from './complaintPages';
import { ElevatorText } from './elevatorText';
import type { Language } from './i18n';
import { escape, shell, switchLink } from './pageShell';

/** The car page's facts with the names a passenger reads instead of credit codes. */
export interface CarPageView extends ElevatorCarView {
  firmName?: string;
  usingUnitName?: string;
  outOfDate: boolean;
}

/**
 * The page a passenger sees after scanning the code in a lift's car: fit or not first, in colour;
 * then whom to call when trapped (96333 with the car's rescue code); then maintenance (last visit,
 * whether the visit was proven, next due) and inspection validity; then "report a problem".
 * Server-rendered, no script; `data-*` attributes let programs and browser tests read the verdicts.
 */
export function elevatorCarPage(view: CarPageView, lang: Language, query: URLSearchParams, subjectId: string): string {
  const t = ElevatorText[lang];
  const date = (d: string | undefined): string => (d === undefined ? '—' : escape(calendarDate(d, lang)));
  const verdict = view.fit
    ? `<div class="banner ok" data-fit="true">${t.fit}</div>`
    : `<div class="banner warn" data-fit="false">${t.notFit}${view.reasons.length > 0 ? `<br><small>${view.reasons.map(escape).join('; ')}</small>` : ''}</div>`;
  const overdue = view.overdue ? `<div class="banner warn" data-banner="overdue">${t.overdue}</div>` : '';
  const stale = view.outOfDate ? `<div class="banner info" data-banner="outOfDate">${t.outOfDate}</div>` : '';
  const last = view.lastMaintenance;
  const proof = last === undefined ? '' : last.proven ? (last.strength === 'weak' ? t.weak : t.proven) : t.unproven;
  const lastText = last === undefined ? t.never : `${date(last.on)} · ${escape(view.firmName ?? last.firmId)} · <span data-proven="${String(last.proven)}">${proof}</span>`;
  const rescue = `<section class="card" id="rescue"><h2>${t.rescue}</h2><p class="ref">96333 · <span data-rescue-code="${escape(view.rescueCode ?? '')}">${escape(view.rescueCode ?? '—')}</span></p>
<dl><dt>${t.hotline}</dt><dd><a href="tel:${escape(view.hotline.replace(/[^0-9+]/g, ''))}" data-hotline>${escape(view.hotline)}</a></dd></dl></section>`;
  const facts = `<section class="card" id="maintenance"><dl>
<dt>${t.lastMaintenance}</dt><dd data-last-maintenance="${escape(last?.on ?? '')}">${lastText}</dd>
<dt>${t.nextDue}</dt><dd data-next-due="${escape(view.nextDueOn ?? '')}">${date(view.nextDueOn)}</dd>
<dt>${t.inspectionValidUntil}</dt><dd data-inspection-valid-until="${escape(view.inspectionValidUntil ?? '')}">${view.inspectionValidUntil ? date(view.inspectionValidUntil) : t.noInspection}</dd>
<dt>${t.firm}</dt><dd>${escape(view.firmName ?? view.maintenanceFirmId)}</dd>
<dt>${t.usingUnit}</dt><dd>${escape(view.usingUnitName ?? view.usingUnitId)}</dd>
<dt>${t.registration}</dt><dd>${escape(view.registrationNumber ?? '—')} · ${escape(t.types[view.type] ?? view.type)}</dd>
<dt>${t.address}</dt><dd>${escape(view.address)}</dd>
<dt>${t.riskGrade}</dt><dd data-risk-grade="${view.riskGrade}">${view.riskGrade}</dd>
</dl></section>`;
  return shell(
    lang,
    t.title,
    `${switchLink(lang, query)}<h1>${t.title}</h1>${verdict}${overdue}${stale}${rescue}${facts}${complaintForm(lang, subjectId, {}, undefined, t.categories)}`,
  );
}
