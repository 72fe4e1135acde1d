/** The demo clinic is in Berlin: a number written the national way ("030 1234567") is German. */
const CLINIC_CALLING_CODE = '49';

const E164 = /^\+[1-9][0-9]{6,14}$/;

/**
 * A phone number as people write it ("+49 30 1234567", "+49 (0)30 123-45-67", "0049 30…",
 * "030 1234567") in the E.164 form the patient record keeps ("+49301234567"); undefined when it
 * cannot be one. Empty stays empty: the number is optional.
 */
export function toE164(typed: string, callingCode = CLINIC_CALLING_CODE): string | undefined {
  const written = typed.trim();
  if (!written) return '';
  if (/[^0-9+\s()./-]/.test(written)) return undefined;
  // "+49 (0)30": the trunk zero in brackets is for dialling at home, not part of the number.
  const compact = written.replace(/\(0\)/g, '').replace(/[\s()./-]/g, '');
  let international: string;
  if (compact.startsWith('+')) international = compact;
  else if (compact.startsWith('00')) international = `+${compact.slice(2)}`;
  else if (compact.startsWith('0')) international = `+${callingCode}${compact.slice(1)}`;
  else return undefined;
  return E164.test(international) ? international : undefined;
}
