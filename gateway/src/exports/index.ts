/** The regulator's exports: spreadsheets of tracking events and registers, printable reports. The module's only public door. */
export { clueRegister, clueRegisterSheet, MAX_CLUE_EXPORT_ROWS, type ClueRegisterFilter } from './clueRegister';
export { EnterpriseDirectory } from './enterpriseDirectory';
export { allItems, itemsIn, listHead } from './listPages';
export { recallConcerns, recallRegister, recallRegisterSheet, MAX_RECALL_EXPORT_ROWS } from './recallRegister';
export { scopeText, writeRecallReport } from './recallReport';
export { printable } from './reportPdf';
export { writeSamplingPlanReport } from './samplingPlanReport';
export { contentTypeOf, SpreadsheetFormats, writeSpreadsheet, type SpreadsheetFormat } from './spreadsheet';
export { trackingEventSheet, withNames } from './trackingEventSheet';
export { MAX_SORTED_EXPORT_ROWS, MAX_WINDOW_EXPORT_ROWS, planTrackingEventExport, type TrackingEventFilter, type TrackingEventLists } from './trackingEvents';
