import { useState, type FormEvent } from 'react';
import { api } from '../api';
import { message } from '../hooks';
import type { LoginResponse } from '../types';

/** The sign-in form; {@code notice} says why the last session ended, when it did not end by itself. */
export function Login({ onLogin, notice }: { onLogin: (r: LoginResponse) => void; notice?: string }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onLogin(await api<LoginResponse>('POST', '/api/auth/login', { username, password }));
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <h1>erp-approval <span>전자결재</span></h1>
      <form onSubmit={submit} className="card">
        {notice && <p className="muted" role="status">{notice}</p>}
        <label>아이디 (username)
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label>비밀번호 (password)
          <input name="password" type="password" autoComplete="current-password" value={password}
                 onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>로그인</button>
        <p className="hint">The quick start prints the demo logins; their password is in <code>data/demo-password.txt</code>.</p>
      </form>
    </div>
  );
}
