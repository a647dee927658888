import { z } from 'zod';
import { CalendarDateSchema } from '../calendarDate';
import { cleanId } from '../cleanText';

/**
 * Reference data the platform admin keeps on chain, which the regulator's work reads: administrative
 * regions, regulator units and the regions they cover, product categories, the working-day calendar,
 * recall levels with their deadlines, and clue deadlines per severity. Kept as data, not code: the
 * figures change by decree and differ by province.
 */

export const RegionCodeSchema = z.string().regex(/^\d{6}$/, 'must be a 6-digit administrative region code, e.g. 330106');

/** An administrative region: province (330000), city (330100) or county/district (330106). */
export const RegionSchema = z.strictObject({
  code: RegionCodeSchema,
  name: z.string().trim().min(1).max(100),
  /** The region it lies in; absent for a province. */
  parent: RegionCodeSchema.optional(),
});
export type Region = z.infer<typeof RegionSchema>;

/** A market-regulation unit (市场监督管理局) and the regions whose clues it handles. */
export const RegulatorUnitSchema = z.strictObject({
  unitId: cleanId('amr-330100').regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1–64 letters, digits or . _ -'),
  name: z.string().trim().min(1).max(200),
  regions: z.array(RegionCodeSchema).min(1, 'a unit covers at least one region').max(50),
});
export type RegulatorUnit = z.infer<typeof RegulatorUnitSchema>;

export const ProductDomains = ['food', 'drug', 'equipment', 'other'] as const;

/** A product category, for sampling plans and pass rates by category. */
export const ProductCategoryEntrySchema = z.strictObject({
  code: cleanId('food.meat.frozen').regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be 1–64 lower-case letters, digits or . _ -'),
  name: z.string().trim().min(1).max(100),
  domain: z.enum(ProductDomains),
  parent: z.string().min(1).max(64).optional(),
});
export type ProductCategoryEntry = z.infer<typeof ProductCategoryEntrySchema>;

/**
 * One year of the working-day calendar as the State Council publishes it: public holidays that fall
 * on weekdays, and weekend days made working days (调休).
 */
export const WorkingCalendarSchema = z
  .strictObject({
    year: z.number().int().min(2000).max(2099),
    holidays: z.array(CalendarDateSchema).max(40),
    workdays: z.array(CalendarDateSchema).max(20),
  })
  .superRefine((calendar, context) => {
    for (const day of [...calendar.holidays, ...calendar.workdays]) {
      if (!day.startsWith(`${calendar.year}-`)) context.addIssue({ code: 'custom', message: `${day} is not in ${calendar.year}` });
    }
    const both = calendar.holidays.filter((day) => calendar.workdays.includes(day));
    if (both.length > 0) context.addIssue({ code: 'custom', message: `${both.join(', ')} cannot be a holiday and a working day` });
  });
export type WorkingCalendar = z.infer<typeof WorkingCalendarSchema>;

export const RecallDomains = ['food', 'drug'] as const;
export type RecallDomain = (typeof RecallDomains)[number];
export const RecallLevels = [1, 2, 3] as const;

/** How fast a recall of one level must start and finish. */
export const RecallLevelPolicySchema = z.strictObject({
  domain: z.enum(RecallDomains),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** Hours from opening by which every holder must have acknowledged (food: start; drugs: notices). */
  acknowledgeWithinHours: z.number().int().min(1).max(24 * 30),
  /** Working days from opening by which every holder must have reported what it withdrew. */
  finishWithinWorkingDays: z.number().int().min(1).max(120),
});
export type RecallLevelPolicy = z.infer<typeof RecallLevelPolicySchema>;

export const ClueSeverities = ['high', 'medium', 'low'] as const;
export type ClueSeverity = (typeof ClueSeverities)[number];

/** Hours a regulator unit has to close a clue of one severity before it escalates to the unit above (fractions allowed). */
export const ClueDeadlineSchema = z.strictObject({
  severity: z.enum(ClueSeverities),
  closeWithinHours: z.number().positive().max(24 * 365),
});
export type ClueDeadline = z.infer<typeof ClueDeadlineSchema>;

/** Each kind of reference entry, its schema and the field that identifies an entry. */
export const ReferenceKinds = {
  region: { schema: RegionSchema, idOf: (entry: Region): string => entry.code },
  regulatorUnit: { schema: RegulatorUnitSchema, idOf: (entry: RegulatorUnit): string => entry.unitId },
  productCategory: { schema: ProductCategoryEntrySchema, idOf: (entry: ProductCategoryEntry): string => entry.code },
  workingCalendar: { schema: WorkingCalendarSchema, idOf: (entry: WorkingCalendar): string => String(entry.year) },
  recallLevel: { schema: RecallLevelPolicySchema, idOf: (entry: RecallLevelPolicy): string => `${entry.domain}.${entry.level}` },
  clueDeadline: { schema: ClueDeadlineSchema, idOf: (entry: ClueDeadline): string => entry.severity },
} as const;
export type ReferenceKind = keyof typeof ReferenceKinds;
export const ReferenceKindNames = Object.keys(ReferenceKinds) as ReferenceKind[];

export interface ReferenceEntryOf {
  region: Region;
  regulatorUnit: RegulatorUnit;
  productCategory: ProductCategoryEntry;
  workingCalendar: WorkingCalendar;
  recallLevel: RecallLevelPolicy;
  clueDeadline: ClueDeadline;
}

/** An entry as the ledger keeps it: the admin's data with who wrote it and when. */
export interface ReferenceRecord<K extends ReferenceKind = ReferenceKind> {
  kind: K;
  id: string;
  entry: ReferenceEntryOf[K];
  updatedAt: string;
  updatedBy: string;
  txId: string;
}

/**
 * The figures of the recall regulations (食品召回管理办法 2015, 药品召回管理办法 2022), used until
 * the admin writes its own: food levels start within 24/48/72 h and finish within 10/20/30 working
 * days; drug levels notify within 1/3/7 days (as hours) and finish within the food figures, which the
 * drug rules leave to the recall plan.
 */
export const DEFAULT_RECALL_LEVELS: readonly RecallLevelPolicy[] = [
  { domain: 'food', level: 1, acknowledgeWithinHours: 24, finishWithinWorkingDays: 10 },
  { domain: 'food', level: 2, acknowledgeWithinHours: 48, finishWithinWorkingDays: 20 },
  { domain: 'food', level: 3, acknowledgeWithinHours: 72, finishWithinWorkingDays: 30 },
  { domain: 'drug', level: 1, acknowledgeWithinHours: 24, finishWithinWorkingDays: 10 },
  { domain: 'drug', level: 2, acknowledgeWithinHours: 72, finishWithinWorkingDays: 20 },
  { domain: 'drug', level: 3, acknowledgeWithinHours: 168, finishWithinWorkingDays: 30 },
];

/** Clue deadlines until the admin writes its own: a serious risk is closed within days, not weeks. */
export const DEFAULT_CLUE_DEADLINES: readonly ClueDeadline[] = [
  { severity: 'high', closeWithinHours: 72 },
  { severity: 'medium', closeWithinHours: 240 },
  { severity: 'low', closeWithinHours: 720 },
];
