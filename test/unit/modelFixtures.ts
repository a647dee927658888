import { expect } from 'chai';

/** A lot registration every model test can start from. */
export const sampleLot = {
  gtin: '09521234543213',
  lotNumber: 'NZ-2026-11',
  product: 'Frozen lamb shoulder',
  category: 'frozen',
  lotType: 'imported',
  originCountry: 'NZ',
  producer: 'Alliance Group plant ME 41',
  quantity: 12000,
  unit: 'kg',
  productionDate: '2026-10-01',
  expiryDate: '2028-10-01',
};

/** The message of the refusal `parse` throws; fails the test when it accepts. */
export function refusalMessage(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    return (error as Error).message;
  }
  return expect.fail('should have been refused');
}
