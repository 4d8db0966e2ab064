import { REGION_CODES } from '@domain/complaint';
import { useLang, useText, type Texts } from './i18n';
import type { RegionCode } from './types';

/** The city's county-level territories (属地), by administrative division code. */
export const REGION_LABEL: Texts<Record<RegionCode, string>> = {
  zh: { '450602': '港口区', '450603': '防城区', '450621': '上思县', '450681': '东兴市' },
  en: { '450602': 'Gangkou District', '450603': 'Fangcheng District', '450621': 'Shangsi County', '450681': 'Dongxing City' },
};

/** A territory's name from a code the API sent, which may be one the page does not know. */
export function useRegionName(): (code: string | null, none: string) => string {
  const regions: Record<string, string> = useText(REGION_LABEL);
  return (code, none) => (code === null ? none : (regions[code] ?? code));
}

/** The territories as select options, the first meaning "none" or "any". */
export function useRegionOptions(empty: string): { value: string; label: string }[] {
  const regions = useText(REGION_LABEL);
  const { lang } = useLang();
  return [{ value: '', label: empty }, ...REGION_CODES.map((r) => ({ value: r, label: lang === 'zh' ? `${regions[r]}（${r}）` : `${regions[r]} (${r})` }))];
}
