/**
 * The Unified Social Credit Code (统一社会信用代码), GB 32100-2015: registration authority (1),
 * organisation type (1), administrative division of the registering office (6), subject identifier
 * (9) and a check character (1). A typo almost always breaks the check character, which is why we
 * verify it before a complaint names an enterprise that does not exist.
 */

/** The 31 characters of the code, in the order of their values; I, O, S, V and Z are never used. */
export const CREDIT_CODE_CHARACTERS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Registration authority (登记管理部门) → the organisation types it registers (GB 32100-2015, Annex A). */
export const REGISTRATION_AUTHORITIES: Readonly<Record<string, { authority: string; types: string }>> = {
  '1': { authority: '机构编制 (establishment)', types: '1239' },
  '2': { authority: '外交 (foreign affairs)', types: '19' },
  '3': { authority: '司法行政 (justice)', types: '123459' },
  '4': { authority: '文化 (culture)', types: '19' },
  '5': { authority: '民政 (civil affairs)', types: '1239' },
  '6': { authority: '旅游 (tourism)', types: '129' },
  '7': { authority: '宗教 (religious affairs)', types: '129' },
  '8': { authority: '工会 (trade unions)', types: '19' },
  '9': { authority: '工商 (market regulation)', types: '123' },
  A: { authority: '中央军委改革和编制办公室 (military establishment)', types: '19' },
  N: { authority: '农业 (agriculture)', types: '1239' },
  Y: { authority: '其他 (other)', types: '1' },
};

/** GB/T 2260 province codes, plus 10 for bodies registered at national level. */
const PROVINCES = new Set(['10', '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']);

export type CreditCodeCheck =
  | { valid: true; code: string; registrationAuthority: string; organisationType: string; divisionCode: string }
  | { valid: false; message: string };

export function validateCreditCode(code: string): CreditCodeCheck {
  const invalid = (message: string): CreditCodeCheck => ({ valid: false, message });
  if (code.length !== 18) return invalid(`A unified social credit code has 18 characters; this one has ${code.length}.`);
  for (const [index, character] of [...code].entries()) {
    if (!CREDIT_CODE_CHARACTERS.includes(character)) return invalid(`Character ${index + 1} ("${character}") ${unusable(character)}.`);
  }
  const [authority = '', type = ''] = code;
  const registrar = REGISTRATION_AUTHORITIES[authority];
  if (!registrar) {
    return invalid(`The first character, the registration authority, should be one of ${Object.keys(REGISTRATION_AUTHORITIES).join(', ')}, not ${authority}.`);
  }
  if (!registrar.types.includes(type)) {
    return invalid(`The second character, the organisation type, should be one of ${[...registrar.types].join(', ')} for registration authority ${authority}, not ${type}.`);
  }
  const divisionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(divisionCode) || !PROVINCES.has(divisionCode.slice(0, 2))) {
    return invalid(`Characters 3–8 should be the administrative division code of the registering office, which ${divisionCode} is not.`);
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return invalid(`The check character should be ${expected}, not ${code[17]}; the code may be mistyped.`);
  return { valid: true, code, registrationAuthority: authority, organisationType: type, divisionCode };
}

function unusable(character: string): string {
  if (/^[a-z]$/.test(character)) return 'is a small letter; the code uses capital letters';
  if ('IOSVZ'.includes(character)) return 'cannot appear in the code, which never uses the letters I, O, S, V or Z';
  return 'cannot appear in the code, which uses only digits and capital letters';
}

/** The 18th character for the first 17: 31 minus the weighted sum modulo 31, with 31 written 0. */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`the check character is computed from 17 characters, not ${first17.length}`);
  let sum = 0;
  for (const [index, character] of [...first17].entries()) {
    const value = CREDIT_CODE_CHARACTERS.indexOf(character);
    if (value < 0) throw new RangeError(`"${character}" is not a character of the unified social credit code`);
    sum += value * (WEIGHTS[index] ?? 0);
  }
  return CREDIT_CODE_CHARACTERS[(31 - (sum % 31)) % 31] ?? '';
}
