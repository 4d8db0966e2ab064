import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

/**
 * Two languages, Chinese by default. Each page keeps its own words next to it as `{ zh, en }`,
 * typed so an English entry cannot be missing.
 */
export type Lang = 'zh' | 'en';

export interface Texts<T> {
  zh: T;
  en: T;
}

const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'zh', setLang: () => undefined });

const STORAGE_KEY = 'sme-complaints.lang';

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh'));
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? '防城港市保障中小企业款项支付投诉处理' : 'Fangchenggang SME payment complaints';
  }, [lang]);
  return <LangContext.Provider value={{ lang, setLang }}>{children}</LangContext.Provider>;
}

export function useLang() {
  return useContext(LangContext);
}

/** The page's words in the current language. */
export function useText<T>(texts: Texts<T>): T {
  return texts[useLang().lang];
}

/** Dates and times as the office reads them: Beijing time, in the page's language. */
export function useFormat() {
  const { lang } = useLang();
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  return {
    dateTime: (iso: string | null | undefined) =>
      iso ? new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—',
    date: (iso: string | null | undefined) => (iso ? new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', dateStyle: 'medium' }).format(new Date(iso.length === 10 ? `${iso}T00:00:00+08:00` : iso)) : '—'),
    yuan: (amount: string | number | null | undefined) =>
      amount === null || amount === undefined ? '—' : `¥${Number(amount).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
    number: (n: number | null | undefined, digits = 0) => (n === null || n === undefined ? '—' : n.toLocaleString(locale, { maximumFractionDigits: digits })),
  };
}
