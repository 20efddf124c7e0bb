// Who is signed in on this browser (facilitators only; participants never need an account).
import { useEffect, useState } from 'react';
import type { AccountInfo } from '@atelier/protocol';
import { api } from './api';

const SIGNED_OUT: AccountInfo = { signIn: false, createRequiresLogin: false, account: null };

/** null while loading; sign-in off when the server cannot say. */
export function useAccount(): AccountInfo | null {
  const [info, setInfo] = useState<AccountInfo | null>(null);
  useEffect(() => {
    api.me().then(setInfo, () => setInfo(SIGNED_OUT));
  }, []);
  return info;
}

/** The provider's sign-in, coming back to this page. */
export function signInUrl(returnTo = location.pathname + location.search): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}
