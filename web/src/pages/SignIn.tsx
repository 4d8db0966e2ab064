import { useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { useText } from '../i18n';
import { EXPIRED_KEY, useSession } from '../session';
import { Page, TextInput, ErrorBox } from '../ui';
import { Link } from '../router';

const TEXT = {
  zh: {
    title: '登录',
    intro: '请输入市办公室发放的 API 密钥。企业、承办单位和办公室工作人员各自只看到本身份可以处理的内容。',
    key: 'API 密钥',
    hint: '密钥只保存在本浏览器标签页中，关闭标签页即退出。',
    required: '请输入密钥',
    invalid: '密钥无效或已被吊销。',
    submit: '登录',
    busy: '正在验证…',
    publicList: '不登录也可以查看失信名单',
    expired: '您的密钥已不再有效（可能已被吊销），请重新登录。',
  },
  en: {
    title: 'Sign in',
    intro: 'Enter the API key the city office gave you. Enterprises, handling units and office staff each see only what their role may handle.',
    key: 'API key',
    hint: 'The key is kept in this browser tab only; closing the tab signs you out.',
    required: 'Enter your key',
    invalid: 'The key is not valid or has been revoked.',
    submit: 'Sign in',
    busy: 'Checking…',
    publicList: 'The list of dishonest payers is open without signing in',
    expired: 'Your key is no longer accepted (it may have been revoked). Please sign in again.',
  },
};

export function SignIn() {
  const t = useText(TEXT);
  const { signIn } = useSession();
  const [key, setKey] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [expired] = useState(() => {
    const was = sessionStorage.getItem(EXPIRED_KEY) === '1';
    sessionStorage.removeItem(EXPIRED_KEY);
    return was;
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!key.trim()) {
      setFieldError(t.required);
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      await signIn(key.trim());
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setFieldError(t.invalid);
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title={t.title}>
      {expired && (
        <p className="notice notice-warn" role="alert">
          {t.expired}
        </p>
      )}
      <p>{t.intro}</p>
      <form className="narrow" onSubmit={submit} noValidate>
        <TextInput label={t.key} hint={t.hint} error={fieldError} type="password" autoComplete="current-password" value={key} onChange={(e) => setKey(e.target.value)} />
        <ErrorBox error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t.busy : t.submit}
        </button>
      </form>
      <p>
        <Link to="/public">{t.publicList}</Link>
      </p>
    </Page>
  );
}
