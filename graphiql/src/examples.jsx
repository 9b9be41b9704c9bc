// The "Examples" sidebar plugin: every operation of the repository's queries/ folder, each opened
// in a new tab with its variables, so a newcomer sees what the graph can do in one click.
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 5h16M4 10h16M4 15h10M4 20h7" strokeLinecap="round" />
    </svg>
  );
}

function ExamplesList({ examples }) {
  const { addTab } = useGraphiQLActions();
  const { queryEditor, variableEditor } = useGraphiQL(state => ({
    queryEditor: state.queryEditor,
    variableEditor: state.variableEditor,
  }));

  function open(example) {
    addTab();
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(example.variables);
  }

  return (
    <section className="genechem-examples" aria-label="Example operations">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p className="genechem-examples-hint">
        The operations of the repository&apos;s <code>queries/</code> folder. Click one to open it
        in a new tab, then run it.
      </p>
      <ul>
        {examples.map(example => (
          <li key={example.name}>
            <button
              type="button"
              className="genechem-example"
              data-example={example.name}
              onClick={() => open(example)}
            >
              <span className="genechem-example-name">{example.name}</span>
              {example.description ? (
                <span className="genechem-example-description">{example.description}</span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function examplesPlugin(examples) {
  return {
    title: 'Examples',
    icon: ExamplesIcon,
    content: () => <ExamplesList examples={examples} />,
  };
}
