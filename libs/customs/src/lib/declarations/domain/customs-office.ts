/**
 * The customs office the platform declares to, as one setting (CUSTOMS_OFFICE): every message
 * names it in the code its reader expects. The declaration lists (CEB621) and return
 * declarations (CEB625) carry its 4-digit customs district and port of entry; Alipay's
 * customs declaration its `customs_place`; WeChat Pay's its `customs`. Keeping them in one
 * entry means a payment record cannot go to one office while the list goes to another.
 */
export interface CustomsOffice {
  /** The key CUSTOMS_OFFICE names (NINGBO, HANGZHOU, ...). */
  key: string;
  /** 关区代码: the customs district, `customsCode` of CEB621 / CEB625. */
  districtCode: string;
  /** The port of entry, `portCode` of CEB621 (the district's own code unless set). */
  portCode: string;
  /** Alipay's `customs_place`: the GACC's unified platform (ZONGSHU) for every office. */
  alipayCustomsPlace: string;
  /** WeChat Pay's `customs` code of the office. */
  wechatCustoms: string;
}

/** Offices with a cross-border retail import pilot zone, as each party codes them. */
export const CUSTOMS_OFFICES: Readonly<Record<string, Omit<CustomsOffice, 'key' | 'portCode'>>> = {
  NINGBO: { districtCode: '3100', alipayCustomsPlace: 'ZONGSHU', wechatCustoms: 'NINGBO' },
  HANGZHOU: { districtCode: '2900', alipayCustomsPlace: 'ZONGSHU', wechatCustoms: 'HANGZHOU_ZS' },
  SHANGHAI: { districtCode: '2200', alipayCustomsPlace: 'ZONGSHU', wechatCustoms: 'SHANGHAI_ZS' },
  GUANGZHOU: { districtCode: '5100', alipayCustomsPlace: 'ZONGSHU', wechatCustoms: 'GUANGZHOU_ZS' },
  ZHENGZHOU: { districtCode: '4600', alipayCustomsPlace: 'ZONGSHU', wechatCustoms: 'ZHENGZHOU_BS' },
};

/** The demo's bonded stock is in Ningbo. */
export const DEFAULT_CUSTOMS_OFFICE = 'NINGBO';

/**
 * CUSTOMS_OFFICE (one of CUSTOMS_OFFICES) decides every code. CUSTOMS_PORT_CODE may name a port
 * of entry inside the district; an office not in the table is given whole as
 * CUSTOMS_OFFICE_CODES (JSON: districtCode, alipayCustomsPlace, wechatCustoms). Anything else
 * stops the process at start-up rather than declare to a wrong office.
 */
export function customsOfficeFromEnv(env: NodeJS.ProcessEnv): CustomsOffice {
  const key = (env['CUSTOMS_OFFICE'] || DEFAULT_CUSTOMS_OFFICE).toUpperCase();
  let entry = CUSTOMS_OFFICES[key];
  if (env['CUSTOMS_OFFICE_CODES']) {
    const given = JSON.parse(env['CUSTOMS_OFFICE_CODES']) as Record<string, unknown>;
    const text = (k: string) => (typeof given[k] === 'string' && given[k] ? (given[k] as string) : null);
    const [districtCode, alipayCustomsPlace, wechatCustoms] = [text('districtCode'), text('alipayCustomsPlace'), text('wechatCustoms')];
    if (!districtCode || !alipayCustomsPlace || !wechatCustoms) throw new Error('CUSTOMS_OFFICE_CODES needs districtCode, alipayCustomsPlace and wechatCustoms');
    entry = { districtCode, alipayCustomsPlace, wechatCustoms };
  }
  if (!entry) throw new Error(`CUSTOMS_OFFICE ${key} is not known (${Object.keys(CUSTOMS_OFFICES).join(', ')}); give its codes in CUSTOMS_OFFICE_CODES`);
  const portCode = env['CUSTOMS_PORT_CODE'] || entry.districtCode;
  for (const [name, code] of [['district', entry.districtCode], ['port', portCode]] as const) {
    if (!/^\d{4}$/.test(code)) throw new Error(`the customs ${name} code must be 4 digits (got ${code})`);
  }
  return { key, ...entry, portCode };
}
