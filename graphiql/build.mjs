// Bundles GraphiQL for genechem into static files the gateway serves: index.html (a template the
// server fills in), graphiql.js, graphiql.css and Monaco's three workers. Nothing in the output
// loads from another host: fonts and icons are inlined by GraphiQL's own stylesheet.
//
//   node build.mjs [OUTDIR]     (default: ../genechem/static/graphiql)
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(here, process.argv[2] ?? '../genechem/static/graphiql');

const common = {
  bundle: true,
  minify: true,
  legalComments: 'linked',
  target: 'es2022',
  logLevel: 'warning',
  absWorkingDir: here,
  define: { 'process.env.NODE_ENV': '"production"' },
  // Fonts and images that a stylesheet references by file are inlined, never fetched.
  loader: { '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl' },
};

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

await build({
  ...common,
  entryPoints: { graphiql: resolve(here, 'src/main.jsx') },
  outdir,
  format: 'esm',
  jsx: 'automatic',
});

await build({
  ...common,
  entryPoints: {
    'workers/editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'workers/json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'workers/graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
  outdir,
  format: 'iife',
});

// Written last: the Makefile takes index.html as the sign that the whole build finished.
await copyFile(resolve(here, 'src/index.html'), resolve(outdir, 'index.html'));
console.log(`GraphiQL built into ${outdir}`);
