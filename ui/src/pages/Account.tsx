import { useState, type FormEvent } from 'react';
import { useApp } from '../App';
import { api } from '../api';
import { message } from '../hooks';
import { positionLabel } from '../format';

/**
 * 내 정보: who the caller is, replacing their password (a new employee's temporary one, say), and signing out
 * everywhere.
 */
export function Account() {
  const { me, logout } = useApp();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  // a token that may have got out (a shared computer, a lost phone): every session of ours ends, this one too
  const signOutEverywhere = async () => {
    if (!window.confirm('모든 기기에서 로그아웃할까요? 이 화면도 로그아웃됩니다 (sign out everywhere, here too)?')) return;
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', '/api/auth/logout-everywhere');
      logout('모든 기기에서 로그아웃했습니다 (signed out everywhere): 다시 로그인하세요.');
    } catch (err) {
      setError(message(err));
      setBusy(false);
    }
  };

  const change = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== again) {
      setError('새 비밀번호가 서로 다릅니다 (the new passwords differ).');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api('PUT', '/api/auth/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setAgain('');
      // the server signed every session of ours out: sign in again with the new password
      logout('비밀번호를 바꿨습니다. 새 비밀번호로 다시 로그인하세요 (password changed: every session of yours is signed out).');
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h2>내 정보 <small>account</small></h2>
      <div className="card">
        <p>{me.name} ({me.username}) · {me.department.name}{me.team ? ` · ${me.team.name}` : ''} · {positionLabel(me.position)}</p>
        <p>
          <button type="button" className="link" data-testid="logout-everywhere" disabled={busy}
                  onClick={() => void signOutEverywhere()}>모든 기기에서 로그아웃 (sign out everywhere)</button>
          {' '}<small>다른 곳에 남은 로그인까지 모두 끝냅니다 (every token of yours stops working).</small>
        </p>
      </div>
      <form onSubmit={change} className="card form">
        <h3>비밀번호 변경</h3>
        <label>현재 비밀번호
          <input name="currentPassword" type="password" autoComplete="current-password" required maxLength={128}
                 value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label>새 비밀번호 <small>(10자 이상, 아이디를 넣지 말 것)</small>
          <input name="newPassword" type="password" autoComplete="new-password" required minLength={10} maxLength={72}
                 value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
        <label>새 비밀번호 확인
          <input name="newPasswordAgain" type="password" autoComplete="new-password" required minLength={10} maxLength={72}
                 value={again} onChange={(e) => setAgain(e.target.value)} />
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <div className="actions"><button type="submit" disabled={busy}>변경</button></div>
      </form>
    </section>
  );
}
