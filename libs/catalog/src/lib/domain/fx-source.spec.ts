import { FxSourceError, parseEcbDaily, relativeChange } from './fx-source';

const ecbDocument = (date: string, rates: Record<string, string>) => `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
	<gesmes:subject>Reference rates</gesmes:subject>
	<gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
	<Cube>
		<Cube time='${date}'>
${Object.entries(rates).map(([c, r]) => `			<Cube currency='${c}' rate='${r}'/>`).join('\n')}
		</Cube>
	</Cube>
</gesmes:Envelope>`;

describe('ECB daily reference rates', () => {
  it('reads the reference day and exact rates', () => {
    const r = parseEcbDaily(ecbDocument('2026-11-20', { USD: '1.0465', JPY: '161.42', CNY: '7.5812' }));
    expect(r.date).toBe('2026-11-20');
    expect(r.rates.get('CNY')).toBe('7.5812');
    expect(r.rates.get('JPY')).toBe('161.42');
  });

  it('refuses what is not a rates document', () => {
    expect(() => parseEcbDaily('<html><body>Service unavailable</body></html>')).toThrow(FxSourceError);
    expect(() => parseEcbDaily(ecbDocument('yesterday', { CNY: '7.5' }))).toThrow(/reference day/);
    expect(() => parseEcbDaily(ecbDocument('2026-11-20', { CNY: '-7.5' }))).toThrow(/positive decimal/);
    expect(() => parseEcbDaily(ecbDocument('2026-11-20', { CNY: 'N/A' }))).toThrow(/positive decimal/);
    expect(() => parseEcbDaily(ecbDocument('2026-11-20', {}))).toThrow(/no rates/);
  });

  it('measures a move between two rates', () => {
    expect(relativeChange('7.50', '7.65')).toBeCloseTo(0.02);
  });
});
