// genechem's GraphiQL: GraphiQL with the explorer plugin and an Examples plugin, wired to the
// endpoint that served this page. The server injects the examples and the header name as JSON.
import './workers.js';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './genechem.css';

import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';

import { examplesPlugin } from './examples.jsx';
import { UpstreamCallsToggle } from './upstream-toggle.jsx';

const config = JSON.parse(document.getElementById('genechem-config').textContent);
const endpoint = new URL(config.endpoint ?? window.location.pathname, window.location.href).href;
const fetcher = createGraphiQLFetcher({ url: endpoint });
const headers = JSON.stringify({ [config.upstreamCallsHeader]: '1' }, null, 2);
const first = config.examples.find(example => example.name === config.firstExample);
const examples = examplesPlugin(config.examples);

function App() {
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={[examples, explorerPlugin()]}
      visiblePlugin={examples}
      defaultTabs={first ? [{ query: first.query, variables: first.variables, headers }] : undefined}
      initialHeaders={headers}
      defaultHeaders={headers}
      defaultEditorToolsVisibility="variables"
    >
      <GraphiQL.Logo>genechem</GraphiQL.Logo>
      <GraphiQL.Toolbar>
        {({ prettify, copy, merge }) => (
          <>
            {prettify}
            {merge}
            {copy}
            <UpstreamCallsToggle header={config.upstreamCallsHeader} />
          </>
        )}
      </GraphiQL.Toolbar>
    </GraphiQL>
  );
}

createRoot(document.getElementById('graphiql')).render(<App />);
