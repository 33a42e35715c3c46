// The app shell: asks the host who it is, then shows the start screen or one open case. The open
// case lives in the URL hash (#/case/<id>), so a reload reopens it and Back returns to the list.
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, OpenCase } from '../shared/api.ts';
import { ApiError } from '../shared/errors.ts';
import { useClient } from './components/context.ts';
import { StartScreen } from './components/StartScreen.tsx';
import { Workspace } from './components/Workspace.tsx';
import { CaseOpenProblem } from './components/CaseOpenProblem.tsx';

const readHash = (): string | null => {
  const m = /^#\/case\/([^/?#]+)/.exec(window.location.hash);
  return m ? decodeURIComponent(m[1]) : null;
};

export const goToCase = (id: string | null) => {
  window.location.hash = id ? `#/case/${encodeURIComponent(id)}` : '';
};

export function App() {
  const client = useClient();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [route, setRoute] = useState<string | null>(readHash);
  const [opened, setOpened] = useState<OpenCase | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [openError, setOpenError] = useState<{ caseId: string; error: ApiError } | null>(null);
  // Bumped to try opening the same case again (the hash does not change, so nothing else would).
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    client.call('app.info', {}).then(setInfo, (e: unknown) => setFatal(e instanceof Error ? e.message : String(e)));
  }, [client]);

  useEffect(() => {
    const onHash = () => setRoute(readHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // A file dropped outside the workspace must not navigate the page away to the file.
  useEffect(() => {
    const stop = (e: DragEvent) => {
      if (!e.defaultPrevented) e.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);

  const target = info ? (info.fixedCase ?? route) : null;

  useEffect(() => {
    if (!info) return;
    if (!target) {
      setOpened(null);
      setOpenError(null);
      return;
    }
    if (opened?.id === target) return;
    let live = true;
    setOpening(target);
    setOpenError(null);
    client.call('cases.open', { caseId: target }).then(
      (c) => {
        if (!live) return;
        setOpened(c);
        setOpening(null);
      },
      (e: unknown) => {
        if (!live) return;
        setOpened(null);
        setOpening(null);
        setOpenError({ caseId: target, error: e instanceof ApiError ? e : new ApiError('INTERNAL', String(e)) });
      },
    );
    return () => {
      live = false;
    };
    // `opened` deliberately left out: reopening is driven by the target, not by edits to the case.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [info, target, client, attempt]);

  useEffect(() => {
    document.title = opened ? `${opened.name} — Corroborate` : 'Corroborate';
  }, [opened]);

  const restored = useCallback((c: OpenCase) => {
    setOpenError(null);
    setOpened(c);
  }, []);

  if (fatal) {
    return (
      <main className="center-screen">
        <div className="card">
          <h1 className="brand-title">Corroborate</h1>
          <p role="alert" className="notice notice-error">
            Corroborate’s core could not be reached: {fatal}
          </p>
        </div>
      </main>
    );
  }
  if (!info) {
    return (
      <main className="center-screen" aria-busy="true">
        <p className="muted">Starting Corroborate…</p>
      </main>
    );
  }
  if (opened) {
    return <Workspace key={opened.id} initial={opened} info={info} onCloseCase={() => goToCase(null)} />;
  }
  if (info.fixedCase) {
    return (
      <main className="center-screen">
        <div className="card">
          <h1 className="brand-title">Corroborate</h1>
          {opening ? <p className="muted">Opening the case…</p> : null}
          {openError ? <CaseOpenProblem caseId={openError.caseId} error={openError.error} onRestored={restored} /> : null}
        </div>
      </main>
    );
  }
  return (
    <StartScreen
      info={info}
      opening={opening}
      openError={openError}
      onOpen={(id) => {
        if (id === target) setAttempt((n) => n + 1);
        else goToCase(id);
      }}
      onRestored={restored}
      onDismissError={() => {
        setOpenError(null);
        goToCase(null);
      }}
    />
  );
}
