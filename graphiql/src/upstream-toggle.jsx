// A toolbar switch for the gateway's upstream-calls header: on, every answer carries
// `extensions.upstream` (the REST calls the request cost). It edits the request-headers editor,
// so what is sent stays visible and editable there.
import { ToolbarButton, useGraphiQL, parseJSONC } from '@graphiql/react';
import { useEffect, useState } from 'react';

function readHeaders(text) {
  try {
    const parsed = parseJSONC(text || '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function hasHeader(headers, name) {
  return Object.keys(headers ?? {}).some(key => key.toLowerCase() === name.toLowerCase());
}

export function UpstreamCallsToggle({ header }) {
  const headerEditor = useGraphiQL(state => state.headerEditor);
  const [on, setOn] = useState(false);

  useEffect(() => {
    if (!headerEditor) return undefined;
    const sync = () => setOn(hasHeader(readHeaders(headerEditor.getValue()), header));
    sync();
    const subscription = headerEditor.onDidChangeModelContent(sync);
    return () => subscription.dispose();
  }, [headerEditor, header]);

  function toggle() {
    if (!headerEditor) return;
    const headers = readHeaders(headerEditor.getValue()) ?? {};
    const kept = Object.fromEntries(
      Object.entries(headers).filter(([key]) => key.toLowerCase() !== header.toLowerCase()),
    );
    const next = on ? kept : { ...kept, [header]: '1' };
    headerEditor.setValue(JSON.stringify(next, null, 2));
  }

  const label = on
    ? `Upstream calls reported (${header}: 1): click to stop`
    : `Report the upstream REST calls each request costs (${header})`;
  return (
    <ToolbarButton label={label} onClick={toggle} aria-pressed={on} data-upstream-toggle>
      <svg
        className="graphiql-toolbar-icon"
        viewBox="0 0 24 24"
        fill={on ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.5"
        aria-hidden="true"
      >
        <path d="M13 2 4 14h7l-1 8 9-12h-7l1-8z" strokeLinejoin="round" />
      </svg>
    </ToolbarButton>
  );
}
