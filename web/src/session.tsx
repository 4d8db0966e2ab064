import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, setApiKey, whenUnauthorized } from './api';
import type { Me } from './types';

/**
 * Signed in = an API key the service accepts. The key lives in this tab's sessionStorage only
 * (closing the tab signs out); the role and unit come from `GET /api/v1/me`, never from the page.
 */
interface Session {
  me: Me | null;
  /** True while a stored key is being checked on load. */
  checking: boolean;
  signIn(key: string): Promise<void>;
  signOut(): void;
}

const SessionContext = createContext<Session>({ me: null, checking: false, signIn: async () => undefined, signOut: () => undefined });
const STORAGE_KEY = 'sme-complaints.key';
/** Set when the service stopped accepting the key mid-session, so the sign-in page can say why. */
export const EXPIRED_KEY = 'sme-complaints.key-refused';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(() => Boolean(sessionStorage.getItem(STORAGE_KEY)));

  const signIn = useCallback(async (key: string) => {
    setApiKey(key);
    try {
      const who = await api<Me>('GET', '/me');
      sessionStorage.setItem(STORAGE_KEY, key);
      setMe(who);
    } catch (err) {
      setApiKey(null);
      throw err;
    }
  }, []);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setApiKey(null);
    setMe(null);
    window.location.hash = '/';
  }, []);

  // A key revoked while the tab is open: back to the sign-in page, which says what happened.
  useEffect(() => {
    whenUnauthorized(() => {
      if (!sessionStorage.getItem(STORAGE_KEY)) return;
      sessionStorage.setItem(EXPIRED_KEY, '1');
      signOut();
    });
    return () => whenUnauthorized(null);
  }, [signOut]);

  useEffect(() => {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (!stored) return;
    signIn(stored)
      .catch((err) => {
        if (err instanceof ApiError && err.status === 401) sessionStorage.removeItem(STORAGE_KEY);
      })
      .finally(() => setChecking(false));
  }, [signIn]);

  return <SessionContext.Provider value={{ me, checking, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  return useContext(SessionContext);
}

/** The signed-in caller; pages behind the sign-in can rely on it. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe outside a signed-in page');
  return me;
}

export const isStaff = (me: Me) => me.role === 'office' || me.role === 'admin';
