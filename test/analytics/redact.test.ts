import { redact } from '../../src/analytics/redact';

describe('redaction before analytics', () => {
  it.each([
    ['my name is Sarah Jones and my number is 07700 900123', 'my name is [NAME] and my number is [PHONE]'],
    ['email sarah.j+cp@gmail.com please', 'email [EMAIL] please'],
    ['DOB 14/02/2016 and the conference is on 12 March', 'DOB [DATE_OF_BIRTH] and the conference is on 12 March'],
    ['NHS 943 476 5919', 'NHS [NHS_NUMBER]'],
    ['court case number ZW23C50012', 'court case number [REFERENCE]'],
    ['I live at 14 Acacia Avenue, SW1A 1AA', 'I live at [ADDRESS], [POSTCODE]'],
    ['my daughter is called Amelia-Rose', 'my daughter is called [NAME]'],
    ['ring me on +44 (0)20 7946 0018 or later', 'ring me on [PHONE] or later'],
  ])('takes the personal details out of "%s"', (text, expected) => {
    expect(redact(text).text).toBe(expected);
  });

  it.each([
    'call the advice line on 0808 801 0366 or Samaritans on 116 123',
    'section 20 and s47 in 2019, Children Act 1989, £300, at 10:30',
    "I'm scared about the conference next Tuesday",
    'my 4 year old is with my nan in Leeds',
  ])('keeps "%s" as it is', (text) => {
    expect(redact(text).text).toBe(text);
  });

  it('counts what it removed without keeping it', () => {
    expect(redact('my name is Jo, 07700 900123, jo@example.com').removed).toEqual({ name: 1, phone: 1, email: 1 });
  });
});
