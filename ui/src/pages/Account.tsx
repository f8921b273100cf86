import { useState, type FormEvent } from 'react';
import { useApp } from '../App';
import { api } from '../api';
import { message } from '../hooks';

/** 내 정보: who the caller is, and replacing their password (a new employee's temporary one, say). */
export function Account() {
  const { me, logout } = useApp();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

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
        <p>{me.name} ({me.username}) · {me.department.name}{me.team ? ` · ${me.team.name}` : ''} · {me.position}</p>
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
