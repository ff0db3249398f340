import { refusalToState } from './form';

describe('checkout refusals at their fields', () => {
  it('puts VALIDATION_FAILED on each field the API names', () => {
    expect(refusalToState({ extensions: { code: 'VALIDATION_FAILED', fields: [{ path: 'input.recipient.phone' }, { path: 'input.recipient.postalCode' }] } })).toEqual({
      fields: { phone: 'VALIDATION_FAILED', postalCode: 'VALIDATION_FAILED' },
      formError: 'VALIDATION_FAILED',
    });
  });
  it('names the resident ID problem', () => {
    expect(refusalToState({ extensions: { code: 'INVALID_RESIDENT_ID', field: 'input.orderer.residentId', problem: 'CHECK_CHARACTER' } }).fields).toEqual({ residentId: 'ID_CHECK_CHARACTER' });
  });
  it('puts a refused saved identity where the ID number is chosen', () => {
    expect(refusalToState({ extensions: { code: 'NOT_FOUND', field: 'input.orderer.savedIdentityId' } })).toEqual({ fields: { residentId: 'NOT_FOUND' }, formError: 'NOT_FOUND' });
  });
  it('maps consents and payer mismatch (string paths)', () => {
    expect(refusalToState({ extensions: { code: 'CONSENT_REQUIRED', fields: [{ path: 'input.consentToIdUse' }] } }).fields).toEqual({ consentToIdUse: 'CONSENT_REQUIRED' });
    expect(refusalToState({ extensions: { code: 'PAYER_MISMATCH', fields: ['input.payer.name'] } }).fields).toEqual({ name: 'PAYER_MISMATCH' });
  });
  it('puts the yearly quota on the ID number, and leaves field-less refusals to the form', () => {
    expect(refusalToState({ extensions: { code: 'ANNUAL_LIMIT_EXCEEDED' } }).fields).toEqual({ residentId: 'ANNUAL_LIMIT_EXCEEDED' });
    expect(refusalToState({ extensions: { code: 'OUT_OF_STOCK' } })).toEqual({ fields: {}, formError: 'OUT_OF_STOCK' });
    expect(refusalToState(undefined).formError).toBe('UNKNOWN');
  });
});
