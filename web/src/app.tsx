import { useEffect, useRef, type ReactNode } from 'react';
import { useLang, useText } from './i18n';
import { match, useRoute, Link } from './router';
import { isStaff, useSession } from './session';
import { ROLE_LABEL } from './labels';
import type { Me } from './types';
import { Loading } from './ui';
import { SignIn } from './pages/SignIn';
import { OfficeInbox } from './pages/OfficeInbox';
import { LatenessBoard } from './pages/LatenessBoard';
import { CasePage } from './pages/CasePage';
import { UnitCases } from './pages/UnitCases';
import { FileComplaint } from './pages/FileComplaint';
import { MyCases } from './pages/MyCases';
import { Units } from './pages/Units';
import { RoutingRules } from './pages/RoutingRules';
import { Agencies } from './pages/Agencies';
import { PublicList } from './pages/PublicList';
import { Statistics } from './pages/Statistics';
import { Circulars } from './pages/Circulars';

const TEXT = {
  zh: {
    service: '防城港市保障中小企业款项支付投诉处理',
    skip: '跳到主要内容',
    nav: '主导航',
    inbox: '待审核',
    late: '超期督办',
    stats: '统计',
    circulars: '月度通报',
    units: '承办单位',
    routing: '分办规则',
    agencies: '联合惩戒部门',
    publicList: '失信名单',
    unitCases: '本单位案件',
    file: '我要投诉',
    my: '我的投诉',
    signOut: '退出',
    signedInAs: '当前身份',
    switchLang: 'English',
    switchLangLabel: 'Switch to English',
    notFound: '没有这个页面。',
    home: '返回首页',
  },
  en: {
    service: 'Fangchenggang SME payment complaints',
    skip: 'Skip to main content',
    nav: 'Main navigation',
    inbox: 'Review inbox',
    late: 'Lateness board',
    stats: 'Statistics',
    circulars: 'Monthly circular',
    units: 'Units',
    routing: 'Routing rules',
    agencies: 'Agencies',
    publicList: 'Dishonest payers',
    unitCases: 'Our cases',
    file: 'File a complaint',
    my: 'My complaints',
    signOut: 'Sign out',
    signedInAs: 'Signed in as',
    switchLang: '中文',
    switchLangLabel: '切换到中文',
    notFound: 'There is no such page.',
    home: 'Back to the start',
  },
};

type NavKey = 'inbox' | 'late' | 'stats' | 'circulars' | 'units' | 'routing' | 'agencies' | 'publicList' | 'unitCases' | 'file' | 'my';

/** What each role finds in its menu: only what the API lets that role do. */
function navFor(me: Me | null): [NavKey, string][] {
  if (!me) return [['publicList', '/public']];
  if (isStaff(me))
    return [
      ['inbox', '/inbox'],
      ['late', '/late'],
      ['stats', '/stats'],
      ['circulars', '/circulars'],
      ['units', '/units'],
      ['routing', '/routing'],
      ['agencies', '/agencies'],
      ['publicList', '/public'],
    ];
  if (me.role === 'unit') return [['unitCases', '/unit'], ['publicList', '/public']];
  return [['my', '/my'], ['file', '/file'], ['publicList', '/public']];
}

function homeOf(me: Me): string {
  if (isStaff(me)) return '/inbox';
  if (me.role === 'unit') return '/unit';
  return '/my';
}

function routeView(path: string, me: Me | null): ReactNode | undefined {
  if (path === '/public') return <PublicList />;
  if (!me) return <SignIn />;
  const caseMatch = match('/cases/:id', path);
  if (caseMatch) return <CasePage key={caseMatch.id} id={caseMatch.id!} />;
  const staff: Record<string, () => ReactNode> = {
    '/inbox': () => <OfficeInbox />,
    '/late': () => <LatenessBoard />,
    '/stats': () => <Statistics />,
    '/circulars': () => <Circulars />,
    '/units': () => <Units />,
    '/routing': () => <RoutingRules />,
    '/agencies': () => <Agencies />,
  };
  const unit: Record<string, () => ReactNode> = { '/unit': () => <UnitCases /> };
  const complainant: Record<string, () => ReactNode> = { '/my': () => <MyCases />, '/file': () => <FileComplaint /> };
  const table = isStaff(me) ? staff : me.role === 'unit' ? unit : complainant;
  return table[path]?.();
}

export function App() {
  const { me, checking, signOut } = useSession();
  const { lang, setLang } = useLang();
  const t = useText(TEXT);
  const roles = useText(ROLE_LABEL);
  const { path } = useRoute();
  const main = useRef<HTMLElement>(null);

  // After a sign-in, land on the role's own start page.
  useEffect(() => {
    if (me && (path === '/' || path === '')) window.location.hash = homeOf(me);
  }, [me, path]);

  // A new view moves focus to its heading, so keyboard and screen-reader users start at the top.
  useEffect(() => {
    const heading = main.current?.querySelector<HTMLElement>('h1');
    heading?.focus({ preventScroll: true });
  }, [path]);

  const view = checking ? <Loading /> : routeView(path, me);
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>
        {t.skip}
      </a>
      <header className="top">
        <div className="brand">
          <Link to={me ? homeOf(me) : '/'}>{t.service}</Link>
        </div>
        <div className="top-tools">
          {me && (
            <span className="who">
              {t.signedInAs}: {roles[me.role]}
              {me.unitName ? ` · ${me.unitName}` : ''}
              {me.creditCode ? ` · ${me.creditCode}` : ''}
            </span>
          )}
          <button type="button" className="link-button" lang={lang === 'zh' ? 'en' : 'zh-CN'} aria-label={t.switchLangLabel} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t.switchLang}
          </button>
          {me && (
            <button type="button" className="link-button" onClick={signOut}>
              {t.signOut}
            </button>
          )}
        </div>
      </header>
      <nav className="main-nav" aria-label={t.nav}>
        <ul>
          {navFor(me).map(([key, to]) => (
            <li key={key}>
              <Link to={to} aria-current={path === to ? 'page' : undefined}>
                {t[key]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1}>
        {view ?? (
          <section className="page" aria-labelledby="page-title">
            <h1 id="page-title" tabIndex={-1}>{t.notFound}</h1>
            <p>
              <Link to="/">{t.home}</Link>
            </p>
          </section>
        )}
      </main>
    </>
  );
}
