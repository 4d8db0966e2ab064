import { CREDIT_CODE_CHARACTERS, creditCodeCheckCharacter, validateCreditCode } from '../../../domain/credit-code';

const withCheck = (first17: string) => first17 + creditCodeCheckCharacter(first17);

describe('the unified social credit code (统一社会信用代码, GB 32100-2015)', () => {
  it('accepts the example API clients send: 91450600500000170P', () => {
    expect(validateCreditCode('91450600500000170P')).toEqual({
      valid: true,
      code: '91450600500000170P',
      registrationAuthority: '9',
      organisationType: '1',
      divisionCode: '450600',
    });
  });

  it.each(['91350100M000100Y43', '91450600MA50000090'])('accepts %s', (code) => {
    expect(validateCreditCode(code)).toMatchObject({ valid: true, code });
  });

  it('computes the check character: 31 minus the weighted sum modulo 31, with 31 written 0', () => {
    expect(creditCodeCheckCharacter('91450600500000170')).toBe('P');
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckCharacter('91450600MA5000009')).toBe('0');
    // All zeros weigh nothing: 31 − 0 = 31, written 0.
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
    // A 1 in the first place weighs 1: 31 − 1 = 30, the last character.
    expect(creditCodeCheckCharacter('10000000000000000')).toBe('Y');
  });

  it.each([
    ['an organ (机关)', '11450600MB1234567'],
    ['a public institution (事业单位)', '12450600MB0000001'],
    ['an individual business (个体工商户) in Dongxing', '92450681MA5K00001'],
    ['a farmers’ cooperative in Shangsi', '93450621MA5N00002'],
    ['a body registered at national level', '11100000000013127'],
    ['a social organisation (民政)', '51450600MJ0000001'],
    ['an “other” registration', 'Y1450600MC0000001'],
  ])('accepts %s', (_, first17) => {
    expect(validateCreditCode(withCheck(first17)).valid).toBe(true);
  });

  it.each([
    ['91450600500000170Q', 'The check character should be P, not Q; the code may be mistyped.'],
    ['91450600500000107P', 'The check character should be 6, not P; the code may be mistyped.'],
    ['91450600500000170', 'A unified social credit code has 18 characters; this one has 17.'],
    ['91450600500000170PP', 'A unified social credit code has 18 characters; this one has 19.'],
    ['', 'A unified social credit code has 18 characters; this one has 0.'],
    ['91450600500000170p', 'Character 18 ("p") is a small letter; the code uses capital letters.'],
    ['9145060050000017IP', 'Character 17 ("I") cannot appear in the code, which never uses the letters I, O, S, V or Z.'],
    ['91450600O0000017P0', 'Character 9 ("O") cannot appear in the code, which never uses the letters I, O, S, V or Z.'],
    ['9145060050000S170P', 'Character 14 ("S") cannot appear in the code, which never uses the letters I, O, S, V or Z.'],
    ['914506005000V0170P', 'Character 13 ("V") cannot appear in the code, which never uses the letters I, O, S, V or Z.'],
    ['Z1450600500000170P', 'Character 1 ("Z") cannot appear in the code, which never uses the letters I, O, S, V or Z.'],
    ['91450600-00000170P', 'Character 9 ("-") cannot appear in the code, which uses only digits and capital letters.'],
    ['B1450600500000170P', 'The first character, the registration authority, should be one of 1, 2, 3, 4, 5, 6, 7, 8, 9, A, N, Y, not B.'],
    ['94450600500000170P', 'The second character, the organisation type, should be one of 1, 2, 3 for registration authority 9, not 4.'],
    ['14450600500000170P', 'The second character, the organisation type, should be one of 1, 2, 3, 9 for registration authority 1, not 4.'],
    ['9145A600500000170P', 'Characters 3–8 should be the administrative division code of the registering office, which 45A600 is not.'],
    ['91990600500000170P', 'Characters 3–8 should be the administrative division code of the registering office, which 990600 is not.'],
  ])('rejects %s: %s', (code, message) => {
    expect(validateCreditCode(code)).toEqual({ valid: false, message });
  });

  it('catches every single mistyped character of a valid code', () => {
    const valid = '91450600500000170P';
    const missed: string[] = [];
    for (let position = 0; position < 18; position += 1) {
      for (const character of CREDIT_CODE_CHARACTERS) {
        if (character === valid[position]) continue;
        const typo = valid.slice(0, position) + character + valid.slice(position + 1);
        if (validateCreditCode(typo).valid) missed.push(typo);
      }
    }
    expect(missed).toEqual([]);
  });

  it('refuses to compute a check character from the wrong input', () => {
    expect(() => creditCodeCheckCharacter('9145060050000017')).toThrow('the check character is computed from 17 characters, not 16');
    expect(() => creditCodeCheckCharacter('9145060050000017I')).toThrow('"I" is not a character of the unified social credit code');
  });
});
