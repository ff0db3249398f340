import { returnSitesFromEnv } from './returns.service';

describe('the supervised site of direct-mail returns (RETURN_SITE_9610)', () => {
  it('is the customs office’s site unless set, and a malformed code stops the start', () => {
    expect(returnSitesFromEnv({})).toEqual({ directMailSite: 'NINGBO-CBEC-SITE' });
    expect(returnSitesFromEnv({ CUSTOMS_OFFICE: 'hangzhou' })).toEqual({ directMailSite: 'HANGZHOU-CBEC-SITE' });
    expect(returnSitesFromEnv({ RETURN_SITE_9610: 'NB-2233-RETURNS', CUSTOMS_OFFICE: 'HANGZHOU' })).toEqual({ directMailSite: 'NB-2233-RETURNS' });
    expect(() => returnSitesFromEnv({ RETURN_SITE_9610: 'ningbo site' })).toThrow(/RETURN_SITE_9610 must be/);
  });
});
