import { XMLParser } from 'fast-xml-parser';

/** The European Central Bank's daily reference rates (eurofxref-daily.xml): euro against each currency. */
export const ECB_DAILY_URL = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml';

export interface ReferenceRates {
  /** The source's reference day, YYYY-MM-DD. */
  date: string;
  /** Currency → units per euro, as the exact decimal text the source gave. */
  rates: Map<string, string>;
}

export class FxSourceError extends Error {}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true, parseAttributeValue: false, isArray: (name) => name === 'Cube' });

type Cube = { time?: string; currency?: string; rate?: string; Cube?: Cube[] };

/**
 * Reads the ECB daily document: `<Cube><Cube time="YYYY-MM-DD"><Cube currency="CNY"
 * rate="7.5812"/>…`. Anything else (an error page, a truncated file, a rate that is not a
 * positive decimal) is refused rather than guessed at.
 */
export function parseEcbDaily(xml: string): ReferenceRates {
  let doc: { Envelope?: { Cube?: Cube[] } };
  try {
    doc = parser.parse(xml) as typeof doc;
  } catch (error) {
    throw new FxSourceError(`not an XML document: ${(error as Error).message}`);
  }
  const day = doc.Envelope?.Cube?.[0]?.Cube?.[0];
  if (!day?.time || !/^\d{4}-\d{2}-\d{2}$/.test(day.time)) throw new FxSourceError('no reference day in the document (expected Cube time="YYYY-MM-DD")');
  const rates = new Map<string, string>();
  for (const c of day.Cube ?? []) {
    if (!c.currency || !/^[A-Z]{3}$/.test(c.currency)) continue;
    if (!c.rate || !/^\d{1,6}(\.\d{1,8})?$/.test(c.rate) || Number(c.rate) <= 0) throw new FxSourceError(`rate of ${c.currency} is not a positive decimal: "${c.rate}"`);
    rates.set(c.currency, c.rate);
  }
  if (!rates.size) throw new FxSourceError('the document holds no rates');
  return { date: day.time, rates };
}

/** Relative change between two decimal rates, as a fraction (0.02 = 2 %). */
export function relativeChange(previous: string, next: string): number {
  return Math.abs(Number(next) - Number(previous)) / Number(previous);
}
