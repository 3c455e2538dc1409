import { asUkNumber, readContactDetail } from '../../src/handoff/contactDetails';

describe('a callback number or email', () => {
  it.each([
    ['07700 900123', '07700 900123'],
    ['my number is 07700900123', '07700 900123'],
    ['+44 7700 900123', '07700 900123'],
    ['0044 7700 900123', '07700 900123'],
    ['020 7946 0018', '020 7946 0018'],
    ['0121 496 0000', '0121 496 0000'],
  ])('reads "%s" as the UK number %s', (text, number) => {
    expect(readContactDetail(text)).toEqual({ kind: 'phone', value: number });
  });

  it.each(['12345', '0770090012', '+1 415 555 0100', 'call me tomorrow', '999'])('does not take "%s" as a UK number', (text) => {
    expect(readContactDetail(text)).toBeUndefined();
  });

  it('reads an email address, in lower case', () => {
    expect(readContactDetail('it is Sam.Smith@Example.co.uk thanks')).toEqual({ kind: 'email', value: 'sam.smith@example.co.uk' });
  });

  it('formats a 10-digit number too', () => {
    expect(asUkNumber('0800 123 456')).toBe('0800 123456');
    expect(asUkNumber('0800 12 34')).toBeUndefined();
  });
});
